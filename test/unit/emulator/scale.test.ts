import * as assert from 'node:assert/strict';
import { PodEmulator, startPodEmulator } from '../../../src/podEmulator';
import { bearerFor, pm, pod, signIn } from './helpers';

describe('pod emulator: scale', () => {
  let emu: PodEmulator;
  after(() => emu?.close());

  it('starts with 10,000 certificates and 2,000 groups within a couple of seconds', async () => {
    // CPU time, not wall time: on a busy machine the wall clock also counts the time other processes held the CPU.
    const started = process.cpuUsage();
    emu = await startPodEmulator({ scale: { certs: 10_000, groups: 2_000, apps: 50, connections: 200 } });
    const used = process.cpuUsage(started);
    const cpuMs = (used.user + used.system) / 1000;
    assert.ok(cpuMs < 3000, `took ${cpuMs.toFixed(0)} ms of CPU`);
    const token = await signIn(emu);
    const last = await pod(emu, token, 'GET', '/pod/v1/companycert/list?skip=9990&limit=100');
    assert.equal(last.body.length, 10);
    const detail = await pod(emu, token, 'GET', `/pod/v1/companycert/${last.body[0].companyCertInfo.fingerPrint}/get`);
    assert.equal(detail.status, 200);
    const groups = await pm(emu, await bearerFor(emu, token), 'GET', '/v1/groups/type/SDL?limit=100');
    assert.equal(groups.body.data.length, 100);
  });
});
