import { performance } from 'node:perf_hooks';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { PodEmulator, startPodEmulator } from '../../../src/podEmulator';
import { call, pod, signIn } from './helpers';

describe('pod emulator: control and fault injection', () => {
  let emu: PodEmulator;
  let token: string;
  before(async () => { emu = await startPodEmulator(); token = await signIn(emu); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  it('answers the next matching request with 429 and Retry-After, then serves normally', async () => {
    emu.control.injectFault({ status: 429, retryAfterSeconds: 2, pathPrefix: '/pod/v1/companycert' });
    const other = await pod(emu, token, 'GET', '/pod/v2/sessioninfo');
    assert.equal(other.status, 200, 'other paths are not affected');
    const limited = await pod(emu, token, 'GET', '/pod/v1/companycert/list');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '2');
    assert.deepEqual(limited.body, { code: 429, message: 'Too many requests' });
    assert.equal((await pod(emu, token, 'GET', '/pod/v1/companycert/list')).status, 200);
  });

  it('applies a fault count times and uses string codes under /profile-manager', async () => {
    emu.control.injectFault({ status: 503, count: 2, method: 'GET' });
    assert.equal((await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).status, 503);
    const pmRes = await call(emu, 'GET', '/profile-manager/v1/types');
    assert.deepEqual([pmRes.status, pmRes.body.code], [503, 'SERVICE_UNAVAILABLE']);
    assert.equal((await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).status, 200);
  });

  it('sets an agent-style fault and a throttle over the control API', async () => {
    assert.equal((await call(emu, 'POST', '/_emulator/faults', { body: { agentStyle: true } })).status, 200);
    const agent = await pod(emu, token, 'GET', '/pod/v2/sessioninfo');
    assert.deepEqual([agent.status, agent.headers.get('retry-after')], [400, '1']);
    assert.equal((await call(emu, 'POST', '/_emulator/throttle', { body: { perSecond: 0 } })).status, 200, 'off');
    assert.equal((await call(emu, 'POST', '/_emulator/throttle', { body: { perSecond: 1.5 } })).status, 400);
    assert.equal((await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).status, 200);
  });

  it('drops the connection without a response', async () => {
    emu.control.injectFault({ drop: true });
    await assert.rejects(pod(emu, token, 'GET', '/pod/v2/sessioninfo'));
    assert.equal((await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).status, 200);
  });

  it('adds latency, never answering before it is due, and logs API requests but not control requests', async () => {
    emu.control.setLatency(60);
    for (let i = 0; i < 5; i++) {
      // A lone timer fires up to a millisecond early about half the time; the emulator never answers before its latency.
      emu.control.clearRequests();
      await pod(emu, token, 'GET', '/pod/v1/companycert/list?skip=0&limit=5');
      const took = emu.control.requests()[0].ms;
      assert.ok(took >= 60, `answered ${took} ms after the request arrived, before the 60 ms latency`);
    }
    emu.control.clearRequests();
    const started = performance.now();
    await pod(emu, token, 'GET', '/pod/v1/companycert/list?skip=0&limit=5');
    assert.ok(performance.now() - started >= 60);
    await call(emu, 'GET', '/_emulator/requests');
    const log = emu.control.requests();
    assert.equal(log.length, 1);
    assert.deepEqual([log[0].method, log[0].path, log[0].query, log[0].status], ['GET', '/pod/v1/companycert/list', 'skip=0&limit=5', 200]);
    assert.ok(log[0].ms >= 60);
    emu.control.clearRequests();
    assert.equal(emu.control.requests().length, 0);
  });

  it('exposes the same controls over HTTP', async () => {
    assert.equal((await call(emu, 'POST', '/_emulator/faults', { body: { status: 500 } })).status, 200);
    assert.equal((await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).status, 500);
    const log = await call(emu, 'GET', '/_emulator/requests');
    assert.equal(log.body.length, 1);
    await call(emu, 'DELETE', '/_emulator/requests');
    assert.equal(emu.control.requests().length, 0);
    await call(emu, 'POST', '/_emulator/expire-sessions');
    assert.equal((await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).status, 401);
    token = await signIn(emu);
    await call(emu, 'POST', '/_emulator/reset', { body: { scale: { certs: 5 } } });
    assert.equal((await pod(emu, token, 'GET', '/pod/v1/companycert/list')).body.length, 5, 'sessions survive a reset');
  });

  it('counts accepted connections, so keep-alive reuse is visible', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (): Promise<number> => new Promise((resolve, reject) => {
      http.get(`${emu.url}/pod/v1/podcert`, { agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); }).on('error', reject);
    });
    const before = emu.control.connectionsOpened();
    for (let i = 0; i < 5; i++) { assert.equal(await get(), 200); }
    assert.equal(emu.control.connectionsOpened() - before, 1);
    agent.destroy();
  });
});
