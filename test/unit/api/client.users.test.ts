// Names for ids: one GET /pod/v3/users per 100 ids, the search by name or email, answers checked before use, and
// what the pod says about a person made safe to show as text.
import * as assert from 'node:assert/strict';
import { PodClient, displayableText } from '../../../src/api';
import { externalUserId } from '../../../src/podEmulator';
import { LocalServer, json, startLocalServer } from './localServer';
import { apiRequests, clientFor, isApiError, usePod } from './podFixture';

describe('PodClient users (emulator)', () => {
  const pod = usePod();

  it('looks up several ids in one request, this pod and other pods, and lists the unknown one as an error', async () => {
    const { client } = clientFor(pod());
    const internal = [...pod().control.state.directory.values()].find(u => u.internal && u.username !== 'demo-admin')!;
    pod().control.clearRequests();
    const list = await client.users.listUsersByIds([internal.id, String(externalUserId(1)), 190 * 2 ** 36 + 999_999]);
    assert.deepEqual(apiRequests(pod()).map(r => `${r.method} ${r.path}`), ['GET /pod/v3/users']);
    assert.deepEqual(list.users?.map(u => u.id), [internal.id, externalUserId(1)]);
    assert.equal(list.users?.[0].displayName, internal.displayName);
    assert.match(list.users?.[0].emailAddress ?? '', /@acme\.example$/);
    assert.deepEqual(list.errors?.map(e => String(e.id)), [String(190 * 2 ** 36 + 999_999)]);
    client.dispose();
  });

  it('sees only this pod\'s users with local=true', async () => {
    const { client } = clientFor(pod());
    const list = await client.users.listUsersByIds([externalUserId(1)], { local: true });
    assert.deepEqual(list.users, []);
    client.dispose();
  });

  it('searches by part of a name or an email', async () => {
    const { client } = clientFor(pod());
    const someone = pod().control.state.directory.get(externalUserId(2))!;
    const byName = await client.users.searchUsers(someone.lastName!);
    assert.ok(byName.users?.some(u => u.id === someone.id));
    const byEmail = await client.users.searchUsers(someone.emailAddress!.toUpperCase());
    assert.deepEqual(byEmail.users?.map(u => u.id), [someone.id]);
    assert.deepEqual((await client.users.searchUsers('nobody-has-this-name')).users, []);
    client.dispose();
  });

  it('refuses before any request: no ids, more than 100, a bad id, a one-letter or invisible search', async () => {
    const { client } = clientFor(pod());
    pod().control.clearRequests();
    await assert.rejects(client.users.listUsersByIds([]), isApiError(/At least one/, { kind: 'validation' }));
    await assert.rejects(client.users.listUsersByIds(Array.from({ length: 101 }, (_, i) => i + 1)), isApiError(/At most 100/, { kind: 'validation' }));
    await assert.rejects(client.users.listUsersByIds([5, '12\u200B3']), isApiError(/ZERO WIDTH SPACE/, { field: 'uid[1]' }));
    await assert.rejects(client.users.searchUsers(' a '), isApiError(/at least 2 characters/, { field: 'query' }));
    await assert.rejects(client.users.searchUsers('al\u202Eice'), isApiError(/RIGHT-TO-LEFT OVERRIDE/, { field: 'query' }));
    assert.deepEqual(apiRequests(pod()), []);
    client.dispose();
  });
});

describe('PodClient users (local server)', () => {
  let server: LocalServer;
  let answer: { status: number; body?: unknown } = { status: 200 };
  let client: PodClient;
  before(async () => { server = await startLocalServer((_req, res) => json(res, answer.status, answer.body)); });
  beforeEach(() => { server.seen.length = 0; client = new PodClient({ podUrl: server.url, authenticate: async () => 'session' }); });
  afterEach(() => client.dispose());
  after(() => server.close());

  it('takes a 204 "no user found" as an empty list', async () => {
    answer = { status: 204 };
    assert.deepEqual(await client.users.listUsersByIds([7]), { users: [] });
    assert.deepEqual((await client.users.searchUsers('jane')).users, []);
  });

  it('refuses a list whose user has no id, or a list where an object belongs, in one request', async () => {
    answer = { status: 200, body: { users: [{ id: 7, displayName: 'A' }, { displayName: 'No Id' }] } };
    await assert.rejects(client.users.listUsersByIds([7, 8]), isApiError(/GET \/pod\/v3\/users: expected a list of users, got an object whose users\[1\] is an object without id/));
    answer = { status: 200, body: [] };
    await assert.rejects(client.users.searchUsers('jane'), isApiError(/expected user search results, got a list/));
    assert.equal(server.seen.length, 2);
  });

  it('sends the ids comma-separated with local, and the search as {query}', async () => {
    answer = { status: 200, body: { users: [] } };
    await client.users.listUsersByIds(['9007199254740993', 5]);
    assert.match(server.seen[0].url, /^\/pod\/v3\/users\?uid=9007199254740993%2C5&local=false$/);
    await client.users.searchUsers(' Jane ', { local: true, limit: 10 });
    assert.deepEqual(JSON.parse(server.seen[1].body), { query: 'Jane' });
    assert.match(server.seen[1].url, /limit=10/);
  });
});

describe('displayableText', () => {
  it('removes control, invisible and direction-changing characters and says so', () => {
    assert.deepEqual(displayableText('Jane\u202E eoD'), { text: 'Jane eoD', removed: true });
    assert.deepEqual(displayableText('A\u0007B\u200Bc'), { text: 'A Bc', removed: true });
    assert.deepEqual(displayableText('  Jane   Doe '), { text: 'Jane Doe', removed: false });
  });
});
