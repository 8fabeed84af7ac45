import * as assert from 'node:assert/strict';
import { externalUserId } from '../../../src/podEmulator';
import { apiRequests, clientFor, isApiError, usePod } from './podFixture';

const LIST = '/pod/v1/companycert/list';
const attempts = (emu: ReturnType<ReturnType<typeof usePod>>, path: string) =>
  apiRequests(emu).filter(r => r.path === path).map(r => `${r.method} ${r.status}`);

describe('PodClient retry and 401 policy (emulator)', () => {
  const pod = usePod();

  it('retries a GET on 503 and succeeds, logging each attempt', async () => {
    const emu = pod();
    const { client, logs } = clientFor(emu);
    await client.signIn();
    emu.control.injectFault({ status: 503, count: 2, method: 'GET', pathPrefix: LIST });
    assert.equal((await client.certs.listCompanyCertificates({ limit: 5 })).length, 5);
    assert.deepEqual(attempts(emu, LIST), ['GET 503', 'GET 503', 'GET 200']);
    assert.deepEqual(logs.filter(l => l.path.startsWith(LIST)).map(l => [l.attempt, l.status]), [[1, 503], [2, 503], [3, 200]]);
    client.dispose();
  });

  it('waits for Retry-After before retrying a GET after 429', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await client.signIn();
    emu.control.injectFault({ status: 429, retryAfterSeconds: 1, count: 1, method: 'GET', pathPrefix: LIST });
    const started = Date.now();
    await client.certs.listCompanyCertificates({ limit: 1 });
    const waited = Date.now() - started;
    assert.ok(waited >= 950, `waited ${waited} ms`);
    assert.deepEqual(attempts(emu, LIST), ['GET 429', 'GET 200']);
    client.dispose();
  });

  it('retries a GET whose connection was dropped', async () => {
    const emu = pod();
    const { client, logs } = clientFor(emu);
    await client.signIn();
    emu.control.injectFault({ drop: true, count: 1, method: 'GET', pathPrefix: LIST });
    assert.equal((await client.certs.listCompanyCertificates({ limit: 2 })).length, 2);
    assert.deepEqual(logs.filter(l => l.path.startsWith(LIST)).map(l => l.status), ['network error', 200]);
    client.dispose();
  });

  it('gives up after the configured retries with the pod error', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await client.signIn();
    emu.control.injectFault({ status: 503, count: 10, method: 'GET', pathPrefix: LIST });
    await assert.rejects(client.certs.listCompanyCertificates(), isApiError(/internal error \(503\)/, { status: 503 }));
    assert.equal(attempts(emu, LIST).length, 4, 'first attempt + 3 retries');
    client.dispose();
  });

  it('never retries a POST that failed with 500: exactly one request reaches the pod', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await client.signIn();
    emu.control.injectFault({ status: 500, count: 5, method: 'POST', pathPrefix: '/pod/v1/admin/app/create' });
    await assert.rejects(client.apps.createApplication({ applicationInfo: { appId: 'once', name: 'Once' } }), isApiError(/internal error \(500\)/, { status: 500 }));
    assert.deepEqual(attempts(emu, '/pod/v1/admin/app/create'), ['POST 500']);
    client.dispose();
  });

  it('never retries a POST whose connection was dropped', async () => {
    const emu = pod();
    const { client, logs } = clientFor(emu);
    await client.signIn();
    emu.control.injectFault({ drop: true, count: 5, method: 'POST', pathPrefix: '/pod/v1/connection/create' });
    await assert.rejects(client.connections.createConnection(externalUserId(1)), isApiError(/Could not reach the pod/, { kind: 'network' }));
    assert.deepEqual(logs.filter(l => l.path === '/pod/v1/connection/create').map(l => [l.attempt, l.status]), [[1, 'network error']]);
    client.dispose();
  });

  it('signs in again once on 401 and repeats the request', async () => {
    const emu = pod();
    const { client, authCalls } = clientFor(emu);
    await client.signIn();
    emu.control.expireSessions();
    emu.control.clearRequests();
    assert.equal((await client.session.getSessionInfo()).username, 'demo-admin');
    assert.equal(authCalls(), 2);
    assert.deepEqual(emu.control.requests().map(r => `${r.method} ${r.path} ${r.status}`),
      ['GET /pod/v2/sessioninfo 401', 'POST /login/pubkey/authenticate 200', 'GET /pod/v2/sessioninfo 200']);
    client.dispose();
  });

  it('repeats a write once after 401 (nothing changed on the pod)', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await client.signIn();
    emu.control.expireSessions();
    await client.apps.createApplication({ applicationInfo: { appId: 'after-401', name: 'After 401' } });
    assert.deepEqual(attempts(emu, '/pod/v1/admin/app/create'), ['POST 401', 'POST 200']);
    client.dispose();
  });

  it('stops after a second 401 with a clear error: exactly two attempts', async () => {
    const emu = pod();
    const { client, authCalls } = clientFor(emu);
    await client.signIn();
    emu.control.clearRequests();
    emu.control.injectFault({ status: 401, count: 5, method: 'GET', pathPrefix: '/pod/v2/sessioninfo' });
    await assert.rejects(client.session.getSessionInfo(), isApiError(/session expired and signing in again did not help/, { kind: 'auth', status: 401 }));
    assert.deepEqual(attempts(emu, '/pod/v2/sessioninfo'), ['GET 401', 'GET 401']);
    assert.equal(authCalls(), 2);
    client.dispose();
  });

  it('shares one sign-in between concurrent requests that all got 401', async () => {
    const emu = pod();
    const { client, authCalls } = clientFor(emu);
    await client.signIn();
    emu.control.expireSessions();
    emu.control.clearRequests();
    await Promise.all([
      client.session.getSessionInfo(), client.certs.listCompanyCertificates({ limit: 1 }), client.apps.listPodAppEntitlements(),
      client.connections.listConnections(), client.certs.listPodManagedCertificates(),
    ]);
    assert.equal(authCalls(), 2);
    assert.equal(emu.control.requests().filter(r => r.path === '/login/pubkey/authenticate').length, 1);
    client.dispose();
  });

  it('shares one request between identical GETs in flight', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await client.signIn();
    emu.control.setLatency(50);
    emu.control.clearRequests();
    const results = await Promise.all(Array.from({ length: 5 }, () => client.certs.listCompanyCertificates({ skip: 0, limit: 10 })));
    assert.ok(results.every(r => r.length === 10));
    assert.equal(attempts(emu, LIST).length, 1);
    await client.certs.listCompanyCertificates({ skip: 10, limit: 10 });
    assert.equal(attempts(emu, LIST).length, 2, 'a different page is its own request');
    client.dispose();
  });

  it('reuses keep-alive connections', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await client.signIn();
    const before = emu.control.connectionsOpened();
    for (let i = 0; i < 10; i++) await client.certs.listCompanyCertificates({ skip: i, limit: 1 });
    assert.ok(emu.control.connectionsOpened() - before <= 1, `opened ${emu.control.connectionsOpened() - before} connections for 10 requests`);
    client.dispose();
  });
});
