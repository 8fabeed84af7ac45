import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { PodEmulator, startPodEmulator } from '../../../src/podEmulator';
import { call, nowSeconds, pod, signIn, signJwt } from './helpers';

// Service accounts: rsa-authentication.md's rotation rules, strict bodies, role checks, and sign-in with the
// current key or a previous key until it expires.
describe('pod emulator: service accounts and user administration', () => {
  let emu: PodEmulator;
  let token: string;
  before(async () => { emu = await startPodEmulator(); token = await signIn(emu); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  const pair = () => {
    const k = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { pub: k.publicKey.export({ type: 'spki', format: 'pem' }).toString(), priv: k.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  };
  const login = (username: string, priv: string) => call(emu, 'POST', '/login/pubkey/authenticate', { body: { token: signJwt({ sub: username, exp: nowSeconds() + 240 }, priv) } });
  async function createBot(username: string, pub: string): Promise<number> {
    const res = await pod(emu, token, 'POST', '/pod/v2/admin/user/create', { userAttributes: { userName: username, displayName: username, accountType: 'SYSTEM', currentKey: { key: pub, action: 'SAVE' } } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.userSystemInfo.id as number;
  }
  const update = (uid: number, attrs: unknown) => pod(emu, token, 'POST', `/pod/v2/admin/user/${uid}/update`, attrs);

  it('accepts the previous key at sign-in until it expires, and the current key throughout', async () => {
    const [a, b] = [pair(), pair()];
    const uid = await createBot('grace-bot', a.pub);
    assert.equal((await update(uid, { currentKey: { key: b.pub, action: 'SAVE' } })).status, 200);
    assert.equal((await login('grace-bot', a.priv)).status, 200);
    assert.equal((await login('grace-bot', b.priv)).status, 200);
    emu.control.state.directory.get(uid)!.admin!.keys.previous!.expirationDate = Date.now() - 1;
    assert.equal((await login('grace-bot', a.priv)).status, 401);
    assert.equal((await login('grace-bot', b.priv)).status, 200);
  });

  it('refuses SAVE while a valid current and previous key exist, and a key equal to the current one; nothing changes', async () => {
    const [a, b, c] = [pair(), pair(), pair()];
    const uid = await createBot('strict-bot', a.pub);
    assert.equal((await update(uid, { currentKey: { key: a.pub, action: 'SAVE' } })).body.message, 'The new key must differ from the current key');
    await update(uid, { currentKey: { key: b.pub, action: 'SAVE' } });
    const held = JSON.stringify(emu.control.state.directory.get(uid)!.admin!.keys);
    const refused = await update(uid, { currentKey: { key: c.pub, action: 'SAVE' } });
    assert.equal(refused.status, 400);
    assert.match(refused.body.message, /The account already has a valid current key and a valid previous key/);
    assert.equal(JSON.stringify(emu.control.state.directory.get(uid)!.admin!.keys), held);
  });

  it('revoking the current key promotes the previous one and ends the RSA sessions of the account', async () => {
    const [a, b] = [pair(), pair()];
    const uid = await createBot('promote-bot', a.pub);
    await update(uid, { currentKey: { key: b.pub, action: 'SAVE' } });
    const rsaSession = (await login('promote-bot', b.priv)).body.token as string;
    const res = await update(uid, { currentKey: { key: b.pub, action: 'REVOKE' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.userAttributes.currentKey.key, a.pub);
    assert.equal(res.body.userAttributes.previousKey, undefined);
    assert.equal((await pod(emu, rsaSession, 'GET', '/pod/v2/sessioninfo')).status, 401);
    assert.equal((await login('promote-bot', a.priv)).status, 200);
  });

  it('refuses fields the operations do not define, naming them', async () => {
    const uid = await createBot('fields-bot', pair().pub);
    const res = await update(uid, { displayName: 'x', userSystemInfo: { id: 1 } });
    assert.equal(res.status, 400);
    assert.match(res.body.message, /Unrecognized field "userSystemInfo"/);
    assert.match((await update(uid, { currentKey: { key: 'k', action: 'SAVE', fingerprint: 'x' } })).body.message, /"currentKey.fingerprint"/);
    assert.match((await pod(emu, token, 'POST', `/pod/v1/admin/user/${uid}/status/update`, { status: 'DISABLED', reason: 'x' })).body.message, /"reason"/);
    assert.match((await pod(emu, token, 'POST', `/pod/v1/admin/user/${uid}/features/update`, [{ entitlement: 'x', enabled: true }])).body.message, /"\[0\]\.entitlement"/);
  });

  it('needs USER_PROVISIONING or SUPER_ADMINISTRATOR for every administration endpoint', async () => {
    const userToken = await signIn(emu, 'user');
    const uid = [...emu.control.state.directory.values()].find((u) => u.admin && u.accountType === 'SYSTEM' && u.username !== 'demo-admin')!.id;
    for (const [method, path, body] of [
      ['GET', '/pod/v2/admin/user/list'], ['GET', `/pod/v2/admin/user/${uid}`], ['POST', '/pod/v1/admin/user/find', {}],
      ['POST', '/pod/v2/admin/user/create', { userAttributes: { userName: 'x', displayName: 'x', accountType: 'SYSTEM' } }],
      ['GET', `/pod/v1/users/${uid}/sessions`], ['POST', `/pod/v1/admin/user/${uid}/roles/add`, { id: 'SUPER_ADMINISTRATOR' }],
      ['GET', '/pod/v1/admin/system/roles/list'], ['GET', `/pod/v1/admin/user/${uid}/features`],
    ] as Array<[string, string, unknown?]>) {
      assert.equal((await pod(emu, userToken, method, path, body)).status, 403, `${method} ${path}`);
    }
  });

  it('lists with skip/limit (at most 1000) and finds by role and status', async () => {
    assert.equal((await pod(emu, token, 'GET', '/pod/v2/admin/user/list?limit=1001')).status, 400);
    const page = await pod(emu, token, 'GET', '/pod/v2/admin/user/list?skip=1&limit=3');
    assert.equal(page.body.length, 3);
    const provisioners = await pod(emu, token, 'POST', '/pod/v1/admin/user/find', { role: 'USER_PROVISIONING' });
    assert.ok(provisioners.body.every((u: { roles: string[] }) => u.roles.includes('USER_PROVISIONING')) && provisioners.body.length >= 2);
    const disabled = await pod(emu, token, 'POST', '/pod/v1/admin/user/find', { status: 'DISABLED' });
    assert.ok(disabled.body.every((u: { userSystemInfo: { status: string } }) => u.userSystemInfo.status === 'DISABLED') && disabled.body.length >= 1);
  });
});
