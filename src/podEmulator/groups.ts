// Profile Manager: group types and SDL groups with cursor paging, ETag/If-Match, members and avatars.
// Every change bumps the group's version and so its eTag. Cursors encode the group's creation sequence.
import * as crypto from 'node:crypto';
import { requireBearer } from './auth';
import { Ctx, HttpError, Reply, Route, ok, route } from './router';
import type { Account, EmulatorState, Group, Member } from './state';
import { ADD_MEMBER, CREATE_GROUP, UPDATE_GROUP, UPLOAD_AVATAR, bodyOf } from './shapes';
import { Obj, array, bad, int64, object, oneOf, optString, queryInt, reqString } from './validate';

const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
function pmBad(message: string): never { return bad(message, 'BAD_REQUEST'); }

export function eTagOf(g: Pick<Group, 'id' | 'version'>): string {
  return crypto.createHash('sha1').update(`${g.id}:${g.version}`).digest('hex').slice(0, 20);
}

export function groupIdFor(podId: number, seq: number): string {
  return Buffer.from(`[${podId}][SDL][${seq}]`).toString('base64url');
}

export const cursorOf = (seq: number): string => Buffer.from(`seq:${seq}`).toString('base64url');
function seqOfCursor(cursor: string): number {
  const m = /^seq:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) { pmBad('Invalid cursor in "after"'); }
  return Number(m[1]);
}

function guard(ctx: Ctx): Account {
  // Both BDKs send X-Symphony-Host as "", so only its absence is refused.
  if (ctx.header('x-symphony-host') === undefined) { throw new HttpError(400, 'Missing required header X-Symphony-Host', 'MISSING_HEADER'); }
  return requireBearer(ctx);
}

export function readGroup(g: Group): unknown {
  const { seq: _seq, version: _version, ...rest } = g;
  return rest;
}

const withEtag = (g: Group, status = 200): Reply => ({ status, body: readGroup(g), headers: { Etag: g.eTag } });

function findGroup(ctx: Ctx): Group {
  const g = ctx.state.groups.get(ctx.params.groupId);
  if (!g) { throw new HttpError(404, `Group ${ctx.params.groupId} not found`, 'NOT_FOUND'); }
  return g;
}

function members(value: unknown, previous: Member[], now: string): Member[] {
  if (value === undefined || value === null) { return previous; }
  const seen = new Set<number>();
  return array(value, 'members').map((item, i) => {
    const m = object(item, `members[${i}]`);
    const memberId = int64(m.memberId, `members[${i}].memberId`);
    const memberTenant = int64(m.memberTenant, `members[${i}].memberTenant`);
    if (seen.has(memberId)) { pmBad(`Member ${memberId} is listed twice`); }
    seen.add(memberId);
    return previous.find((p) => p.memberId === memberId) ?? { memberTenant, memberId, addedDate: now, status: 'ENABLED' };
  });
}

function profile(value: unknown, previous: Group['profile']): Group['profile'] {
  if (value === undefined || value === null) { return previous; }
  const p = object(value, 'profile');
  reqString(p.displayName, 'profile.displayName');
  const set = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null));
  return { ...set, id: previous?.id ?? crypto.randomBytes(8).toString('hex'), avatars: previous?.avatars ?? [] };
}

/** Validates a CreateGroup/UpdateGroup body into the group fields it sets. */
function groupFields(ctx: Ctx, body: Obj, previous: Group | undefined, now: string): Partial<Group> {
  const type = reqString(body.type, 'type');
  if (!ctx.state.groupTypes.some((t) => t.id === type)) { pmBad(`Unknown group type ${type}`); }
  return {
    type,
    ownerType: oneOf(body.ownerType, ['PLATFORM', 'TENANT', 'USER'] as const, 'ownerType'),
    ownerId: int64(body.ownerId, 'ownerId'),
    name: reqString(body.name, 'name'),
    members: members(body.members, previous?.members ?? [], now),
    profile: profile(body.profile, previous?.profile),
    subType: optString(body.subType, 'subType') ?? previous?.subType,
    referrer: optString(body.referrer, 'referrer') ?? previous?.referrer,
    visibilityRestriction: body.visibilityRestriction ?? previous?.visibilityRestriction,
    implicitConnection: body.implicitConnection ?? previous?.implicitConnection,
    interactionTransfer: body.interactionTransfer ?? previous?.interactionTransfer,
  };
}

function touch(g: Group, by: Account): void {
  g.version += 1;
  g.eTag = eTagOf(g);
  g.updatedDate = new Date().toISOString();
  g.updatedBy = String(by.id);
}

/**
 * The avatar in an `{image}` body (base64 of a jpg, png or gif of at most 2 MB), with a content hash for its URLs;
 * `fail` answers the area's 400.
 */
export function avatarOf(ctx: Ctx, fail: (message: string) => never): { hash: string; kind: 'jpg' | 'png' | 'gif' } {
  const image = reqString(object(bodyOf(ctx, UPLOAD_AVATAR), 'body').image, 'image');
  if (!/^[A-Za-z0-9+/=\r\n]+$/.test(image)) { fail('image must be base64-encoded'); }
  const bytes = Buffer.from(image, 'base64');
  if (bytes.length > MAX_AVATAR_BYTES) { fail('image must be at most 2 MB'); }
  const kind = imageKind(bytes);
  if (!kind) { fail('image must be a .jpg, .png or .gif'); }
  return { hash: crypto.createHash('sha1').update(bytes).digest('hex').slice(0, 16), kind };
}

export function imageKind(bytes: Buffer): 'jpg' | 'png' | 'gif' | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) { return 'jpg'; }
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) { return 'png'; }
  const head = bytes.subarray(0, 6).toString('ascii');
  return head === 'GIF87a' || head === 'GIF89a' ? 'gif' : undefined;
}

function listGroups(ctx: Ctx): Reply {
  guard(ctx);
  const typeId = ctx.params.typeId;
  if (!ctx.state.groupTypes.some((t) => t.id === typeId)) { throw new HttpError(404, `Type ${typeId} not found`, 'NOT_FOUND'); }
  const status = ctx.query.get('status') ? oneOf(ctx.query.get('status'), ['ACTIVE', 'DELETED'] as const, 'status') : undefined;
  const order = ctx.query.get('sortOrder') ? oneOf(ctx.query.get('sortOrder'), ['ASC', 'DESC'] as const, 'sortOrder') : 'ASC';
  const limit = queryInt(ctx.query.get('limit'), 'limit', 100, 1, 100) as number;
  const after = ctx.query.get('after') ? seqOfCursor(ctx.query.get('after') as string) : undefined;
  const sorted = sortedGroups(ctx.state, typeId, order).filter((g) => !status || g.status === status);
  const start = after === undefined ? 0 : sorted.findIndex((g) => (order === 'ASC' ? g.seq > after : g.seq < after));
  const data = start < 0 ? [] : sorted.slice(start, start + limit);
  const more = start >= 0 && start + limit < sorted.length;
  const base = `/v1/groups/type/${encodeURIComponent(typeId)}`;
  const keep = (cursorName: string, cursor: string): string => {
    const q = new URLSearchParams(ctx.query);
    q.delete('before'); q.delete('after'); q.set(cursorName, cursor); q.set('limit', String(limit));
    return `${base}?${q.toString()}`;
  };
  const cursors: Record<string, string> = {};
  const pagination: Record<string, unknown> = { cursors };
  if (data.length > 0) {
    cursors.before = cursorOf(data[0].seq);
    if (more) { cursors.after = cursorOf(data[data.length - 1].seq); pagination.next = keep('after', cursors.after); }
    if (start > 0) { pagination.previous = keep('before', cursors.before); }
  }
  return ok({ pagination, data: data.map(readGroup) });
}

/** The type's groups by creation order; one pass, and no sort when the map already holds them in order (usual). */
function sortedGroups(state: EmulatorState, typeId: string, order: 'ASC' | 'DESC'): Group[] {
  const list: Group[] = [];
  let inOrder = true;
  for (const g of state.groups.values()) {
    if (g.type !== typeId) { continue; }
    if (list.length > 0 && g.seq < list[list.length - 1].seq) { inOrder = false; }
    list.push(g);
  }
  if (!inOrder) { list.sort((a, b) => a.seq - b.seq); }
  return order === 'ASC' ? list : list.reverse();
}

export function groupRoutes(): Route[] {
  return [
    route('GET', '/profile-manager/v1/types', (ctx) => {
      guard(ctx);
      const data = ctx.state.groupTypes.map(({ id, ownerType, name, status }) => ({ id, ownerType, name, status }));
      return ok({ pagination: { cursors: {} }, data });
    }),
    route('GET', '/profile-manager/v1/types/:typeId', (ctx) => {
      guard(ctx);
      const t = ctx.state.groupTypes.find((x) => x.id === ctx.params.typeId);
      if (!t) { throw new HttpError(404, `Type ${ctx.params.typeId} not found`, 'NOT_FOUND'); }
      return ok(t);
    }),
    route('GET', '/profile-manager/v1/groups/type/:typeId', listGroups),
    route('GET', '/profile-manager/v1/groups/:groupId', (ctx) => { guard(ctx); return withEtag(findGroup(ctx)); }),
    route('POST', '/profile-manager/v1/groups', (ctx) => {
      const account = guard(ctx);
      const now = new Date().toISOString();
      const fields = groupFields(ctx, object(bodyOf(ctx, CREATE_GROUP), 'body'), undefined, now);
      const seq = ctx.state.nextGroupSeq++;
      const id = groupIdFor(ctx.state.podId, seq);
      const g: Group = {
        ...(fields as Group), id, seq, version: 1, eTag: eTagOf({ id, version: 1 }), status: 'ACTIVE',
        createdDate: now, createdBy: String(account.id), updatedDate: now, updatedBy: String(account.id),
      };
      ctx.state.groups.set(id, g);
      return withEtag(g, 201);
    }),
    route('PUT', '/profile-manager/v1/groups/:groupId', (ctx) => {
      const account = guard(ctx);
      const g = findGroup(ctx);
      const ifMatch = ctx.header('if-match')?.replace(/^W\//, '').replace(/^"|"$/g, '');
      if (!ifMatch) { throw new HttpError(412, 'If-Match header is required', 'PRECONDITION_FAILED'); }
      if (ifMatch !== g.eTag) { throw new HttpError(412, "If-Match header doesn't match ETag: the group was changed by someone else", 'PRECONDITION_FAILED'); }
      const body = object(bodyOf(ctx, UPDATE_GROUP), 'body');
      // null = absent, as the Python SDK 2.x sends every unset optional field.
      if (body.id != null && body.id !== g.id) { pmBad('Body id does not match the group id in the path'); }
      const status = body.status == null ? g.status : oneOf(body.status, ['ACTIVE', 'DELETED'] as const, 'status');
      const fields = groupFields(ctx, body, g, new Date().toISOString());
      Object.assign(g, fields, { status });
      touch(g, account);
      return withEtag(g);
    }),
    route('POST', '/profile-manager/v1/groups/:groupId/member', (ctx) => {
      const account = guard(ctx);
      const g = findGroup(ctx);
      const m = object(object(bodyOf(ctx, ADD_MEMBER), 'body').member, 'member');
      const memberId = int64(m.memberId, 'member.memberId');
      const memberTenant = int64(m.memberTenant, 'member.memberTenant');
      if (g.members.some((x) => x.memberId === memberId)) { pmBad(`User ${memberId} is already a member of the group`); }
      g.members = [...g.members, { memberTenant, memberId, addedDate: new Date().toISOString(), status: 'ENABLED' }];
      touch(g, account);
      return withEtag(g);
    }),
    route('POST', '/profile-manager/v1/groups/:groupId/avatar', (ctx) => {
      const account = guard(ctx);
      const g = findGroup(ctx);
      const { hash, kind } = avatarOf(ctx, pmBad);
      const url = (size: number): string => `../avatars/groups/${g.id}/${size}/${hash}.${kind}`;
      g.profile = { ...(g.profile ?? { displayName: g.name }), avatars: [{ size: 'original', url: url(600) }, { size: 'small', url: url(150) }] };
      touch(g, account);
      return withEtag(g);
    }),
  ];
}
