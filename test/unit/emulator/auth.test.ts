import * as assert from 'node:assert/strict';
import { PodEmulator, startPodEmulator } from '../../../src/podEmulator';
import { call, nowSeconds, pod, signIn, signJwt } from './helpers';

describe('pod emulator: authentication', () => {
  let emu: PodEmulator;
  before(async () => { emu = await startPodEmulator(); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  const login = (token: string): ReturnType<typeof call> => call(emu, 'POST', '/login/pubkey/authenticate', { body: { token } });

  it('signs in with an RS512 JWT signed by the registered key', async () => {
    const res = await login(signJwt({ sub: 'demo-admin', exp: nowSeconds() + 240 }, emu.admin.privateKeyPem));
    assert.equal(res.status, 200);
    assert.equal(res.body.name, 'sessionToken');
    assert.ok(res.body.token.length > 20);
    const info = await pod(emu, res.body.token, 'GET', '/pod/v2/sessioninfo');
    assert.equal(info.body.username, 'demo-admin');
    assert.ok(info.body.roles.includes('SUPER_ADMINISTRATOR'));
  });

  it('refuses a JWT signed by another key', async () => {
    const res = await login(signJwt({ sub: 'demo-admin', exp: nowSeconds() + 240 }, emu.user.privateKeyPem));
    assert.equal(res.status, 401);
    assert.equal(res.body.code, 401);
  });

  it('refuses an expired JWT and one valid for more than 5 minutes', async () => {
    assert.equal((await login(signJwt({ sub: 'demo-admin', exp: nowSeconds() - 1 }, emu.admin.privateKeyPem))).status, 401);
    assert.equal((await login(signJwt({ sub: 'demo-admin', exp: nowSeconds() + 600 }, emu.admin.privateKeyPem))).status, 401);
  });

  it('refuses an unknown user and a non-RS512 token', async () => {
    assert.equal((await login(signJwt({ sub: 'nobody', exp: nowSeconds() + 60 }, emu.admin.privateKeyPem))).status, 401);
    assert.equal((await login(signJwt({ sub: 'demo-admin', exp: nowSeconds() + 60 }, emu.admin.privateKeyPem, 'RS256'))).status, 401);
    assert.equal((await login('not-a-jwt')).status, 401);
  });

  it('answers 400 to an invalid JSON body', async () => {
    const res = await call(emu, 'POST', '/login/pubkey/authenticate', { raw: '{nope' });
    assert.deepEqual(res.body, { code: 400, message: 'Invalid JSON body' });
  });

  it('answers 401 "Invalid session" without or with an unknown session token', async () => {
    const missing = await call(emu, 'GET', '/pod/v1/companycert/list');
    assert.deepEqual([missing.status, missing.body], [401, { code: 401, message: 'Invalid session' }]);
    assert.equal((await pod(emu, 'bogus', 'GET', '/pod/v2/sessioninfo')).status, 401);
  });

  it('serves the pod certificate without a session', async () => {
    const res = await call(emu, 'GET', '/pod/v1/podcert');
    assert.match(res.body.certificate, /BEGIN CERTIFICATE/);
  });

  it('answers 403 to demo-user on admin endpoints but serves its session info', async () => {
    const token = await signIn(emu, 'user');
    assert.equal((await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).body.username, 'demo-user');
    for (const path of ['/pod/v1/companycert/list', '/pod/v1/admin/app/entitlement/list']) {
      const res = await pod(emu, token, 'GET', path);
      assert.equal(res.status, 403, path);
      assert.equal(res.body.code, 403);
    }
  });

  it('expires every session and bearer on expireSessions()', async () => {
    const token = await signIn(emu);
    assert.equal((await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).status, 200);
    emu.control.expireSessions();
    assert.equal((await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).status, 401);
  });

  it('issues a Profile Manager bearer that expires', async () => {
    const token = await signIn(emu);
    const res = await call(emu, 'POST', '/login/idm/tokens?scope=profile-manager', { headers: { sessionToken: token } });
    assert.equal(res.body.token_type, 'Bearer');
    const headers = { Authorization: `Bearer ${res.body.access_token}`, 'X-Symphony-Host': '' };
    assert.equal((await call(emu, 'GET', '/profile-manager/v1/types', { headers })).status, 200);
    // The bearer's lifetime runs out (set on the pod rather than waited for: a 200 ms bearer could expire on a busy
    // machine before its first use).
    emu.control.state.bearers.get(res.body.access_token)!.expiresAt = Date.now() - 1;
    const expired = await call(emu, 'GET', '/profile-manager/v1/types', { headers });
    assert.equal(expired.status, 401);
    assert.equal(typeof expired.body.code, 'string');
  });

  it('authenticates an app with its current key and with a rotated key until it expires', async () => {
    const token = await signIn(emu);
    const appLogin = (key: string): Promise<number> => call(emu, 'POST', '/login/pubkey/app/authenticate', { body: { token: signJwt({ sub: 'rot-app', exp: nowSeconds() + 60 }, key) } }).then((r) => r.status);
    const create = await pod(emu, token, 'POST', '/pod/v1/admin/app/create', {
      applicationInfo: { appId: 'rot-app', name: 'Rotation', appUrl: 'https://rot.example.com/app', domain: 'example.com' },
      authenticationKeys: { current: { key: emu.user.publicKeyPem, action: 'SAVE' } },
    });
    assert.equal(create.status, 200, JSON.stringify(create.body));
    assert.equal(await appLogin(emu.user.privateKeyPem), 200);
    assert.equal(await appLogin(emu.admin.privateKeyPem), 401);
    const rotated = await pod(emu, token, 'POST', '/pod/v1/admin/app/rot-app/update', { authenticationKeys: { current: { key: emu.admin.publicKeyPem, action: 'SAVE' } } });
    const expiration = rotated.body.authenticationKeys.previous.expirationDate;
    assert.ok(Math.abs(expiration - (Date.now() + 72 * 3600_000)) < 60_000);
    assert.equal(await appLogin(emu.admin.privateKeyPem), 200);
    assert.equal(await appLogin(emu.user.privateKeyPem), 200);
    emu.control.state.apps.get('rot-app')!.keys.previous!.expirationDate = Date.now() - 1;
    assert.equal(await appLogin(emu.user.privateKeyPem), 401);
  });
});
