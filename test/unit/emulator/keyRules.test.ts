import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { PodEmulator, startPodEmulator } from '../../../src/podEmulator';
import { pod, signIn } from './helpers';

// The RSA key rules documented for accounts (docs bots/authentication/rsa-authentication.md), applied to apps.
describe('pod emulator: RSA key rules for apps', () => {
  let emu: PodEmulator;
  let token: string;
  before(async () => { emu = await startPodEmulator(); token = await signIn(emu); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  const HOUR = 3600_000;
  const newKey = (): string => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const update = (appId: string, authenticationKeys: unknown) => pod(emu, token, 'POST', `/pod/v1/admin/app/${appId}/update`, { authenticationKeys });
  const keys = (appId: string) => emu.control.state.apps.get(appId)!.keys;
  /** An app with a current key only. */
  async function appWithKey(appId = 'keyed'): Promise<string> {
    const key = newKey();
    const res = await pod(emu, token, 'POST', '/pod/v1/admin/app/create', { applicationInfo: { appId, name: appId }, authenticationKeys: { current: { key, action: 'SAVE' } } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return key;
  }

  it('keeps the replaced key as the only previous key, valid 72 hours after a SAVE', async () => {
    const first = await appWithKey();
    const before = Date.now();
    const second = newKey();
    const res = await update('keyed', { current: { key: second, action: 'SAVE' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.authenticationKeys.current.key, second);
    assert.equal(res.body.authenticationKeys.previous.key, first);
    const expiry = res.body.authenticationKeys.previous.expirationDate;
    assert.ok(expiry >= before + 72 * HOUR && expiry <= Date.now() + 72 * HOUR, String(expiry));
  });

  it('refuses a SAVE while a valid current and a valid previous key exist, saying what to do', async () => {
    await appWithKey();
    await update('keyed', { current: { key: newKey(), action: 'SAVE' } });
    const held = { ...keys('keyed') };
    const res = await update('keyed', { current: { key: newKey(), action: 'SAVE' } });
    assert.equal(res.status, 400);
    assert.match(res.body.message, /valid current key and a valid previous key.*revoke the previous key, or wait until it expires/);
    assert.deepEqual(keys('keyed'), held, 'nothing changed');
  });

  it('allows a SAVE once the previous key has expired, replacing it', async () => {
    const first = await appWithKey();
    await update('keyed', { current: { key: newKey(), action: 'SAVE' } });
    keys('keyed').previous!.expirationDate = Date.now() - 1;
    const third = newKey();
    const res = await update('keyed', { current: { key: third, action: 'SAVE' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.notEqual(res.body.authenticationKeys.previous.key, first, 'at most one previous key');
    assert.equal(res.body.authenticationKeys.current.key, third);
  });

  it('allows revoking the previous key and saving a new one in the same request', async () => {
    await appWithKey();
    const second = newKey();
    await update('keyed', { current: { key: second, action: 'SAVE' } });
    const third = newKey();
    const res = await update('keyed', { previous: { action: 'REVOKE' }, current: { key: third, action: 'SAVE' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.authenticationKeys.current.key, res.body.authenticationKeys.previous.key], [third, second]);
  });

  it('refuses a SAVE of the key that is already current', async () => {
    const first = await appWithKey();
    const res = await update('keyed', { current: { key: first, action: 'SAVE' } });
    assert.equal(res.status, 400);
    assert.match(res.body.message, /must differ from the current key/);
  });

  it('extends the previous key in 72-hour steps, whatever date is asked', async () => {
    await appWithKey();
    await update('keyed', { current: { key: newKey(), action: 'SAVE' } });
    const was = keys('keyed').previous!.expirationDate!;
    const res = await update('keyed', { previous: { action: 'EXTEND', expirationDate: Date.now() + 1000 * HOUR } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.authenticationKeys.previous.expirationDate, was + 72 * HOUR);
    const again = await update('keyed', { previous: { action: 'EXTEND' } });
    assert.equal(again.body.authenticationKeys.previous.expirationDate, was + 144 * HOUR);
  });

  it('makes the previous key current when the current key is revoked', async () => {
    const first = await appWithKey();
    await update('keyed', { current: { key: newKey(), action: 'SAVE' } });
    const res = await update('keyed', { current: { action: 'REVOKE' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.authenticationKeys, { current: { key: first } });
  });

  it('keeps the keys of an app sent back as read, with a rotated previous key and no action', async () => {
    const seeded = [...emu.control.state.apps.values()].find((a) => a.keys.previous && (a.keys.previous.expirationDate ?? 0) > Date.now())!;
    const held = JSON.parse(JSON.stringify(seeded.keys));
    const read = (await pod(emu, token, 'GET', `/pod/v1/admin/app/${seeded.appId}/get`)).body;
    assert.ok(read.authenticationKeys.previous.expirationDate, 'the rotated key is read with its expiry');
    const res = await pod(emu, token, 'POST', `/pod/v1/admin/app/${seeded.appId}/update`, { ...read, description: 'Edited' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(emu.control.state.apps.get(seeded.appId)!.keys, held);
    assert.equal(res.body.description, 'Edited');
  });

  it('refuses acting on a previous key that does not exist', async () => {
    await appWithKey();
    for (const action of ['REVOKE', 'EXTEND']) {
      const res = await update('keyed', { previous: { action } });
      assert.equal(res.status, 400);
      assert.match(res.body.message, /no rotated \(previous\) key/);
    }
  });
});
