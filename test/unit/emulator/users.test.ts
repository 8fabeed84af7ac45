import * as assert from 'node:assert/strict';
import { PodEmulator, externalUserId, startPodEmulator } from '../../../src/podEmulator';
import { pod, signIn } from './helpers';

describe('pod emulator: users', () => {
  let emu: PodEmulator;
  let token: string;
  before(async () => { emu = await startPodEmulator(); token = await signIn(emu); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  it('gives every directory user a display name, an email and a company', () => {
    for (const u of emu.control.state.directory.values()) {
      assert.ok(u.displayName && u.company && /^[^@\s]+@[^@\s]+$/.test(u.emailAddress ?? ''), JSON.stringify(u));
    }
  });

  it('looks up ids as UserV2, unknown and malformed ids in errors, nothing found as 204', async () => {
    const known = externalUserId(0);
    const res = await pod(emu, token, 'GET', `/pod/v3/users?uid=${known},12345,abc`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.users.map((u: { id: number }) => u.id), [known]);
    assert.deepEqual(Object.keys(res.body.users[0]).sort(), ['accountType', 'avatars', 'company', 'displayName', 'emailAddress', 'firstName', 'id', 'lastName', 'title', 'username']);
    assert.deepEqual(res.body.errors, [{ error: 'user.notfound', id: '12345' }, { error: 'invalid.format', id: 'abc' }]);
    assert.equal((await pod(emu, token, 'GET', '/pod/v3/users?uid=12345')).status, 204);
    assert.equal((await pod(emu, token, 'GET', `/pod/v3/users?uid=${known}&local=true`)).status, 204);
  });

  it('looks up by email and by username, one list at a time, at most 100', async () => {
    const u = emu.control.state.directory.get(externalUserId(3))!;
    assert.equal((await pod(emu, token, 'GET', `/pod/v3/users?email=${encodeURIComponent(u.emailAddress!)}`)).body.users[0].id, u.id);
    assert.equal((await pod(emu, token, 'GET', `/pod/v3/users?username=${u.username}`)).body.users[0].id, u.id);
    assert.equal((await pod(emu, token, 'GET', `/pod/v3/users?uid=${u.id}&username=${u.username}`)).status, 400);
    const many = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    assert.match((await pod(emu, token, 'GET', `/pod/v3/users?uid=${many}`)).body.message, /up to 100/);
  });

  it('searches names and emails, pages with skip/limit, and refuses unknown body fields', async () => {
    const res = await pod(emu, token, 'POST', '/pod/v1/user/search?limit=2', { query: 'a' });
    assert.equal(res.status, 200);
    assert.equal(res.body.users.length, 2);
    assert.ok(res.body.count > 2);
    const u = emu.control.state.directory.get(externalUserId(1))!;
    const exact = await pod(emu, token, 'POST', '/pod/v1/user/search', { query: u.emailAddress });
    assert.deepEqual(exact.body.users.map((x: { id: number }) => x.id), [u.id]);
    assert.equal((await pod(emu, token, 'POST', '/pod/v1/user/search?local=true', { query: u.emailAddress })).status, 204);
    assert.equal((await pod(emu, token, 'POST', '/pod/v1/user/search', { query: 'x', name: 'y' })).status, 400);
    assert.equal((await pod(emu, '', 'POST', '/pod/v1/user/search', { query: 'x' })).status, 401);
  });
});
