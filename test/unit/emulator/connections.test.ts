import * as assert from 'node:assert/strict';
import { PodEmulator, startPodEmulator } from '../../../src/podEmulator';
import { pod, signIn } from './helpers';

describe('pod emulator: connections', () => {
  let emu: PodEmulator;
  let token: string;
  before(async () => { emu = await startPodEmulator(); token = await signIn(emu); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  const adminId = (): number => emu.control.state.accounts.get('demo-admin')!.id;
  const byStatus = (status: string): number => [...emu.control.state.connections.get(adminId())!.values()].find((c) => c.status === status)!.userId;

  it('lists pending connections by default and every status on request', async () => {
    const pending = (await pod(emu, token, 'GET', '/pod/v1/connection/list')).body;
    assert.ok(pending.length > 0 && pending.every((c: { status: string }) => c.status.startsWith('PENDING_')));
    const all = (await pod(emu, token, 'GET', '/pod/v1/connection/list?status=ALL')).body;
    assert.deepEqual(new Set(all.map((c: { status: string }) => c.status)), new Set(['PENDING_INCOMING', 'PENDING_OUTGOING', 'ACCEPTED', 'REJECTED']));
  });

  it('returns same-pod users as ACCEPTED only when their ids are given', async () => {
    const internal = [...emu.control.state.directory.values()].find((u) => u.internal && u.id !== adminId())!.id;
    const without = (await pod(emu, token, 'GET', '/pod/v1/connection/list?status=ACCEPTED')).body;
    assert.ok(!without.some((c: { userId: number }) => c.userId === internal));
    const withIds = (await pod(emu, token, 'GET', `/pod/v1/connection/list?status=ACCEPTED&userIds=${internal}`)).body;
    assert.deepEqual(withIds.map((c: { userId: number }) => c.userId), [internal]);
  });

  it('accepts only a pending incoming request', async () => {
    const incoming = byStatus('PENDING_INCOMING');
    const outgoing = byStatus('PENDING_OUTGOING');
    assert.equal((await pod(emu, token, 'POST', '/pod/v1/connection/accept', { userId: outgoing })).status, 400);
    const accepted = await pod(emu, token, 'POST', '/pod/v1/connection/accept', { userId: incoming });
    assert.equal(accepted.body.status, 'ACCEPTED');
    assert.equal((await pod(emu, token, 'GET', `/pod/v1/connection/user/${incoming}/info`)).body.status, 'ACCEPTED');
    assert.equal((await pod(emu, token, 'POST', `/pod/v1/connection/user/${incoming}/remove`)).body.message, 'Connection Removed.');
    assert.equal((await pod(emu, token, 'GET', `/pod/v1/connection/user/${incoming}/info`)).status, 404);
  });

  it('rejects an incoming request and can ask again afterwards', async () => {
    const incoming = byStatus('PENDING_INCOMING');
    assert.equal((await pod(emu, token, 'POST', '/pod/v1/connection/reject', { userId: incoming })).body.status, 'REJECTED');
    const again = await pod(emu, token, 'POST', '/pod/v1/connection/create', { userId: incoming });
    assert.equal(again.body.status, 'PENDING_OUTGOING');
    assert.equal(again.body.requestCounter, 2);
  });

  it('answers 404 for unknown users', async () => {
    assert.equal((await pod(emu, token, 'POST', '/pod/v1/connection/create', { userId: 999 })).status, 404);
    assert.equal((await pod(emu, token, 'GET', '/pod/v1/connection/user/999/info')).status, 404);
  });
});
