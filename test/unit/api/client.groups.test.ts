import * as assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { CreateGroup, PodClient, ReadGroup } from '../../../src/api';
import { clientFor, isApiError, usePod } from './podFixture';
import { LocalServer, json, startLocalServer } from './localServer';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

async function anyGroup(client: PodClient): Promise<ReadGroup> {
  const page = await client.groups.listGroups('SDL', { limit: 1 });
  return page.data?.[0] as ReadGroup;
}

function newGroup(podId: number, name = 'API test desk'): CreateGroup {
  return { type: 'SDL', ownerType: 'TENANT', ownerId: podId, name, profile: { displayName: name, companyName: 'Acme' } };
}

describe('PodClient groups (emulator)', () => {
  const pod = usePod();

  it('lists group types and reads one', async () => {
    const { client } = clientFor(pod());
    const types = await client.groups.listTypes();
    assert.deepEqual(types.map(t => t.id), ['SDL']);
    assert.ok((await client.groups.getType('SDL')).membershipControl?.entitlements?.includes('CAN_CREATE_DISTRIBUTION_LIST'));
    await assert.rejects(client.groups.getType('NOPE'), isApiError(/Not found: the group type NOPE/, { status: 404, code: 'NOT_FOUND' }));
    client.dispose();
  });

  it('reads one page with a cursor and follows cursors to the last page', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    const first = await client.groups.listGroups('SDL', { limit: 10 });
    assert.equal(first.data?.length, 10);
    assert.ok(first.pagination?.cursors.after);
    const second = await client.groups.listGroups('SDL', { limit: 10, after: first.pagination?.cursors.after });
    assert.notEqual(second.data?.[0].id, first.data?.[0].id);
    emu.control.clearRequests();
    const all = await client.groups.listAllGroups('SDL', { limit: 7 });
    assert.equal(all.length, 30);
    assert.equal(new Set(all.map(g => g.id)).size, 30);
    assert.equal(emu.control.requests().filter(r => r.path.startsWith('/profile-manager/v1/groups/type/')).length, 5);
    const active: string[] = [];
    for await (const g of client.groups.iterateGroups('SDL', { status: 'ACTIVE', sortOrder: 'DESC', limit: 8 })) active.push(g.status as string);
    assert.ok(active.length > 0 && active.every(s => s === 'ACTIVE'));
    client.dispose();
  });

  it('creates a group, adds a member, uploads an avatar and updates it with its eTag', async () => {
    const { client } = clientFor(pod());
    const sample = await anyGroup(client);
    const created = await client.groups.createGroup(newGroup(sample.ownerId));
    assert.ok(created.id && created.eTag);
    const memberId = sample.members?.[0].memberId as number;
    const withMember = await client.groups.addMember(created.id as string, { memberTenant: sample.ownerId, memberId });
    assert.ok(withMember.members?.some(m => m.memberId === memberId));
    const withAvatar = await client.groups.uploadAvatar(created.id as string, PNG);
    assert.ok(withAvatar.profile?.avatars?.length);
    const read = await client.groups.getGroup(created.id as string);
    assert.equal(read.eTag, withAvatar.eTag);
    const updated = await client.groups.updateGroup(read.id as string, { ...newGroup(sample.ownerId, 'Renamed desk'), members: read.members }, read.eTag as string);
    assert.equal(updated.name, 'Renamed desk');
    assert.notEqual(updated.eTag, read.eTag);
    client.dispose();
  });

  it('says the group was changed by someone else when the eTag is stale (412)', async () => {
    const { client } = clientFor(pod());
    const g = await client.groups.getGroup((await anyGroup(client)).id as string);
    await client.groups.updateGroup(g.id as string, { ...newGroup(g.ownerId, 'first edit') }, g.eTag as string);
    await assert.rejects(client.groups.updateGroup(g.id as string, { ...newGroup(g.ownerId, 'second edit') }, g.eTag as string),
      isApiError(/changed by someone else since you opened it; reload and reapply/, { status: 412 }));
    client.dispose();
  });

  it('refuses a bad avatar, a blank name, a bad member and a missing eTag before any request', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await assert.rejects(client.groups.uploadAvatar('g1', Buffer.from('<svg/>')), isApiError(/JPEG, PNG or GIF/, { kind: 'validation', field: 'image' }));
    await assert.rejects(client.groups.uploadAvatar('g1', Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)])), isApiError(/at most 2,097,152 bytes \(2 MB\)/, { field: 'image' }));
    await assert.rejects(client.groups.createGroup(newGroup(1, '  ')), isApiError(/group name is required/, { field: 'name' }));
    await assert.rejects(client.groups.addMember('g1', { memberTenant: 1, memberId: -2 }), isApiError(/positive/, { field: 'member.memberId' }));
    await assert.rejects(client.groups.updateGroup('g1', newGroup(1), ''), isApiError(/eTag/, { field: 'eTag' }));
    assert.equal(emu.control.requests().length, 0);
    client.dispose();
  });

  it('names the Group Manager entitlement when the account lacks it', async () => {
    const { client } = clientFor(pod(), 'user');
    await assert.rejects(client.groups.listTypes(), isApiError(/Group Manager/, { status: 403 }));
    client.dispose();
  });

  it('renews the bearer, and the session behind it, after everything expired', async () => {
    const emu = pod();
    const { client, authCalls } = clientFor(emu);
    await client.groups.listTypes();
    assert.equal(authCalls(), 1);
    emu.control.expireSessions();
    emu.control.clearRequests();
    assert.equal((await client.groups.listTypes()).length, 1);
    assert.equal(authCalls(), 2, 'signed in again once');
    assert.deepEqual(emu.control.requests().map(r => `${r.method} ${r.path} ${r.status}`), [
      'GET /profile-manager/v1/types 401', 'POST /login/idm/tokens 401', 'POST /login/pubkey/authenticate 200',
      'POST /login/idm/tokens 200', 'GET /profile-manager/v1/types 200',
    ]);
    client.dispose();
  });
});

describe('PodClient groups (local server)', () => {
  let server: LocalServer | undefined;
  afterEach(async () => { await server?.close(); server = undefined; });

  it('asks for the next page of a whole listing as soon as the cursor has arrived, not after the whole page', async () => {
    // Page 1 sends its pagination, then holds its data back until the request for page 2 arrives (or 5 s pass).
    const group = (id: string) => ({ id, name: `Desk ${id}`, members: [{ memberId: 7 }] });
    let heldPage1: (() => void) | undefined;
    let page2WhilePage1Open = false;
    server = await startLocalServer((req, res) => {
      if (req.url.startsWith('/login/idm/tokens')) { json(res, 200, { access_token: 'bearer' }); return; }
      const after = new URL(req.url, 'http://pod').searchParams.get('after');
      if (after === null) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"pagination":{"cursors":{"after":"c2"}},"data":[');
        const rest = () => { clearTimeout(timer); heldPage1 = undefined; res.end(`${JSON.stringify(group('g1'))}]}`); };
        const timer = setTimeout(rest, 5000);
        heldPage1 = rest;
        return;
      }
      page2WhilePage1Open = heldPage1 !== undefined;
      heldPage1?.();
      json(res, 200, { pagination: { cursors: {} }, data: [group('g2')] });
    });
    const client = new PodClient({ podUrl: server.url, authenticate: async () => 'session' });
    try {
      assert.deepEqual((await client.groups.listAllGroups('SDL')).map((g) => g.id), ['g1', 'g2']);
      assert.ok(page2WhilePage1Open, 'page 2 was asked for only after page 1 had fully arrived');
      assert.deepEqual(server.seen.filter((r) => r.url.startsWith('/profile-manager/')).map((r) => r.url), [
        '/profile-manager/v1/groups/type/SDL', '/profile-manager/v1/groups/type/SDL?after=c2',
      ]);
    } finally {
      client.dispose();
    }
  });

  it('asks for the next page early as the listing\'s own work: unattended work stays unattended on a reused connection', async () => {
    const group = (id: string) => ({ id, name: `Desk ${id}`, members: [{ memberId: 7 }] });
    server = await startLocalServer((req, res) => {
      if (req.url.startsWith('/login/idm/tokens')) { json(res, 200, { access_token: 'bearer' }); return; }
      const after = new URL(req.url, 'http://pod').searchParams.get('after');
      const next = after === null ? 'c2' : after === 'c2' ? 'c3' : undefined;
      json(res, 200, { pagination: { cursors: next ? { after: next } : {} }, data: [group(after ?? 'c1')] });
    });
    const work = new AsyncLocalStorage<'unattended'>();
    const asked: string[] = [];
    const client = new PodClient({
      podUrl: server.url, authenticate: async () => 'session', foregroundFirst: { quietMs: 1, maxWaitMs: 5 },
      isBackground: () => { asked.push(work.getStore() ?? 'attended'); return work.getStore() === 'unattended'; },
    });
    try {
      assert.equal((await client.groups.listAllGroups('SDL')).length, 3); // a person's listing opens the connections
      assert.ok(asked.length >= 3 && asked.every((a) => a === 'attended'), asked.join(', '));
      asked.length = 0;
      assert.equal((await work.run('unattended', () => client.groups.listAllGroups('SDL'))).length, 3);
      assert.deepEqual(asked, ['unattended', 'unattended', 'unattended']);
    } finally {
      client.dispose();
    }
  });
});

