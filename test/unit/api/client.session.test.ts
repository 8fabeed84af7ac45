import * as assert from 'node:assert/strict';
import { PodClient } from '../../../src/api';
import { apiRequests, clientFor, isApiError, usePod } from './podFixture';

describe('PodClient sign-in and session (emulator)', () => {
  const pod = usePod();

  it('signs in with RSA and returns who signed in', async () => {
    const { client } = clientFor(pod());
    const me = await client.signIn();
    assert.equal(me.username, 'demo-admin');
    assert.ok(Array.isArray(me.roles));
    client.dispose();
  });

  it('signs in lazily on the first call when no token is stored', async () => {
    const { client, authCalls } = clientFor(pod());
    assert.equal((await client.session.getSessionInfo()).username, 'demo-admin');
    assert.equal(authCalls(), 1);
    await client.session.getSessionInfo();
    assert.equal(authCalls(), 1, 'the token is reused');
    client.dispose();
  });

  it('reads the pod certificate without a session', async () => {
    const { client, authCalls } = clientFor(pod());
    assert.match((await client.session.getPodCertificate()).certificate ?? '', /BEGIN CERTIFICATE/);
    assert.equal(authCalls(), 0);
    client.dispose();
  });

  it('reports a refused RSA sign-in as an auth error that says to check the key', async () => {
    const emu = pod();
    const { client } = clientFor(emu, 'admin', {
      authenticate: (await import('../../../src/api')).rsaAuthenticator({ podUrl: emu.url, username: 'demo-admin', privateKeyPem: emu.user.privateKeyPem }),
    });
    await assert.rejects(client.signIn(), isApiError(/refused the sign-in.*key or certificate is registered/, { kind: 'auth', status: 401 }));
    client.dispose();
  });

  it('logs one line per HTTP attempt and never a token', async () => {
    const { client, logs } = clientFor(pod());
    await client.signIn();
    await client.groups.listTypes();
    const text = JSON.stringify(logs);
    assert.deepEqual(logs.map(l => `${l.method} ${l.path.split('?')[0]} ${l.status}`), [
      'GET /pod/v2/sessioninfo 200', 'POST /login/idm/tokens 200', 'GET /profile-manager/v1/types 200',
    ]);
    assert.ok(logs.every(l => Object.keys(l).sort().join() === 'attempt,method,ms,path,status'));
    const state = pod().control.state as unknown as { sessions: Map<string, unknown>; bearers: Map<string, unknown> };
    for (const token of [...state.sessions.keys(), ...state.bearers.keys()]) assert.ok(!text.includes(token), 'token leaked into the log');
    client.dispose();
  });

  it('refuses a pod URL with a path before any request', () => {
    assert.throws(() => new PodClient({ podUrl: 'https://acme.symphony.com/pod', authenticate: async () => 't' }),
      isApiError(/without a path/, { kind: 'validation', field: 'podUrl' }));
    assert.equal(apiRequests(pod()).length, 0);
  });
});
