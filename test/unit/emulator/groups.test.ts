import * as assert from 'node:assert/strict';
import { POD_ID, PodEmulator, externalUserId, startPodEmulator, tenantOf, userIdOf } from '../../../src/podEmulator';
import { bearerFor, call, pm, signIn } from './helpers';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

describe('pod emulator: groups (Profile Manager)', () => {
  let emu: PodEmulator;
  let bearer: string;
  before(async () => { emu = await startPodEmulator({ scale: { groups: 250 } }); bearer = await bearerFor(emu, await signIn(emu)); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  it('pages through every group with the after cursor, with no after/next on the last page', async () => {
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const res = await pm(emu, bearer, 'GET', `/v1/groups/type/SDL?limit=100${after ? `&after=${after}` : ''}`);
      assert.equal(res.status, 200);
      ids.push(...res.body.data.map((g: { id: string }) => g.id));
      after = res.body.pagination.cursors.after;
      assert.equal(after === undefined, res.body.pagination.next === undefined);
      pages++;
    } while (after);
    assert.equal(pages, 3);
    assert.equal(ids.length, 250);
    assert.equal(new Set(ids).size, 250);
  });

  it('filters by status, sorts DESC and refuses a limit over 100', async () => {
    const active = await pm(emu, bearer, 'GET', '/v1/groups/type/SDL?status=ACTIVE&limit=100');
    assert.ok(active.body.data.every((g: { status: string }) => g.status === 'ACTIVE'));
    const desc = await pm(emu, bearer, 'GET', '/v1/groups/type/SDL?sortOrder=DESC&limit=2');
    assert.ok(desc.body.data[0].createdDate > desc.body.data[1].createdDate);
    assert.equal((await pm(emu, bearer, 'GET', '/v1/groups/type/SDL?limit=101')).status, 400);
    assert.equal((await pm(emu, bearer, 'GET', '/v1/groups/type/NOPE')).status, 404);
  });

  it('creates a group (201 with Etag) and updates it only with the current If-Match', async () => {
    const created = await pm(emu, bearer, 'POST', '/v1/groups', {
      type: 'SDL', ownerType: 'TENANT', ownerId: POD_ID, name: 'New desk', members: [{ memberTenant: POD_ID, memberId: userIdOf(POD_ID, 11) }], profile: { displayName: 'New desk' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { id, eTag } = created.body;
    assert.equal(created.headers.get('etag'), eTag);
    const update = { type: 'SDL', ownerType: 'TENANT', ownerId: POD_ID, name: 'Renamed desk' };
    const missing = await pm(emu, bearer, 'PUT', `/v1/groups/${id}`, update);
    assert.equal(missing.status, 412);
    assert.equal(typeof missing.body.code, 'string');
    const ok = await pm(emu, bearer, 'PUT', `/v1/groups/${id}`, update, { 'If-Match': eTag });
    assert.equal(ok.status, 200);
    assert.notEqual(ok.body.eTag, eTag);
    assert.equal((await pm(emu, bearer, 'PUT', `/v1/groups/${id}`, update, { 'If-Match': eTag })).status, 412);
    assert.equal((await pm(emu, bearer, 'GET', `/v1/groups/${id}`)).body.name, 'Renamed desk');
  });

  it('adds a member once and refuses an existing member', async () => {
    const group = (await pm(emu, bearer, 'GET', '/v1/groups/type/SDL?limit=1')).body.data[0];
    const member = { memberTenant: tenantOf(externalUserId(1)), memberId: externalUserId(1) };
    const added = await pm(emu, bearer, 'POST', `/v1/groups/${group.id}/member`, { member });
    assert.equal(added.status, 200);
    assert.notEqual(added.body.eTag, group.eTag);
    assert.equal((await pm(emu, bearer, 'POST', `/v1/groups/${group.id}/member`, { member })).status, 400);
  });

  it('accepts a png avatar and refuses other bytes and images over 2 MB', async () => {
    const id = (await pm(emu, bearer, 'GET', '/v1/groups/type/SDL?limit=1')).body.data[0].id;
    const ok = await pm(emu, bearer, 'POST', `/v1/groups/${id}/avatar`, { image: PNG });
    assert.equal(ok.status, 200);
    assert.match(ok.body.profile.avatars[0].url, /\.png$/);
    assert.equal((await pm(emu, bearer, 'POST', `/v1/groups/${id}/avatar`, { image: Buffer.from('hello').toString('base64') })).status, 400);
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2 * 1024 * 1024)]).toString('base64');
    assert.equal((await pm(emu, bearer, 'POST', `/v1/groups/${id}/avatar`, { image: big })).status, 400);
  });

  it('needs a bearer (401), the group manager entitlement (403) and the X-Symphony-Host header', async () => {
    const none = await call(emu, 'GET', '/profile-manager/v1/types', { headers: { 'X-Symphony-Host': '' } });
    assert.deepEqual([none.status, typeof none.body.code], [401, 'string']);
    const userBearer = await bearerFor(emu, await signIn(emu, 'user'));
    assert.equal((await pm(emu, userBearer, 'GET', '/v1/types')).status, 403);
    assert.equal((await call(emu, 'GET', '/profile-manager/v1/types', { headers: { Authorization: `Bearer ${bearer}` } })).status, 400);
    assert.equal((await pm(emu, bearer, 'GET', '/v1/types/SDL')).body.id, 'SDL');
  });
});
