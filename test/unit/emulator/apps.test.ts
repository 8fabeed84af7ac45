import * as assert from 'node:assert/strict';
import { PodEmulator, startPodEmulator } from '../../../src/podEmulator';
import { pod, signIn } from './helpers';

describe('pod emulator: applications and entitlements', () => {
  let emu: PodEmulator;
  let token: string;
  before(async () => { emu = await startPodEmulator(); token = await signIn(emu); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  const app = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    applicationInfo: { appId: 'new-app', name: 'New App', appUrl: 'https://apps.example.com/x', domain: 'example.com', publisher: 'Me' },
    iconUrl: 'https://apps.example.com/icon.png', permissions: ['SEND_MESSAGES', 'MY_CUSTOM_1'], properties: [{ key: 'a', value: '' }], ...over,
  });

  it('creates, reads, updates and deletes an app', async () => {
    const created = await pod(emu, token, 'POST', '/pod/v1/admin/app/create', app());
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal((await pod(emu, token, 'POST', '/pod/v1/admin/app/create', app())).status, 400);
    const updated = await pod(emu, token, 'POST', '/pod/v1/admin/app/new-app/update', { description: 'Now described' });
    assert.equal(updated.body.description, 'Now described');
    assert.equal((await pod(emu, token, 'GET', '/pod/v1/admin/app/new-app/get')).body.applicationInfo.name, 'New App');
    assert.equal((await pod(emu, token, 'POST', '/pod/v1/admin/app/new-app/delete')).body.format, 'TEXT');
    const gone = await pod(emu, token, 'GET', '/pod/v1/admin/app/new-app/get');
    assert.equal(gone.status, 400, 'the spec documents no 404 for an unknown app');
    assert.match(gone.body.message, /App new-app not found/);
  });

  it('applies the documented validation rules', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['http icon', app({ iconUrl: 'http://x.example.com/i.png' })],
      ['bad permission', app({ permissions: ['send_messages'] })],
      ['domain mismatch', app({ applicationInfo: { appId: 'x', name: 'X', appUrl: 'https://a.other.com', domain: 'example.com' } })],
      ['missing name', app({ applicationInfo: { appId: 'x', appUrl: 'https://a.example.com' } })],
      ['duplicate property key', app({ properties: [{ key: 'k', value: '1' }, { key: 'k', value: '2' }] })],
      ['long appId', app({ applicationInfo: { appId: 'x'.repeat(257), name: 'X' } })],
    ];
    for (const [what, body] of cases) {
      const res = await pod(emu, token, 'POST', '/pod/v1/admin/app/create', body);
      assert.equal(res.status, 400, what);
      assert.equal(res.body.code, 400, what);
    }
    assert.equal(emu.control.state.apps.size, 8, 'nothing was created');
  });

  it('lists and updates pod-level entitlements', async () => {
    const list = (await pod(emu, token, 'GET', '/pod/v1/admin/app/entitlement/list')).body;
    assert.equal(list.length, 8);
    const first = list[0];
    const res = await pod(emu, token, 'POST', '/pod/v1/admin/app/entitlement/list', [{ ...first, enable: !first.enable }]);
    assert.equal(res.body[0].enable, !first.enable);
  });

  it('patches user entitlements with TRUE/FALSE/KEEP/REMOVE', async () => {
    const uid = emu.control.state.accounts.get('demo-user')!.id;
    const before = (await pod(emu, token, 'GET', `/pod/v1/admin/user/${uid}/app/entitlement/list`)).body;
    const target = before[0];
    const patched = await pod(emu, token, 'PATCH', `/pod/v1/admin/user/${uid}/app/entitlement/list`, [{ appId: target.appId, listed: target.listed ? 'FALSE' : 'TRUE', install: 'KEEP' }]);
    assert.equal(patched.body[0].listed, !target.listed);
    const removed = await pod(emu, token, 'PATCH', `/pod/v1/admin/user/${uid}/app/entitlement/list`, [{ appId: target.appId, listed: 'REMOVE' }]);
    assert.equal(removed.body[0].listed, target.listed);
    assert.equal((await pod(emu, token, 'GET', '/pod/v1/admin/user/notanumber/app/entitlement/list')).status, 400);
  });
});
