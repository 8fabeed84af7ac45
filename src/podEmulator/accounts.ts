// User administration (pod API, tag User / Users): list (skip/limit) and find, get, create (service account or
// person), update, status, roles, features, sessions and avatar. A service account is a user with
// `accountType: SYSTEM`; its RSA keys follow keyRules.ts. Every endpoint needs SUPER_ADMINISTRATOR or
// USER_PROVISIONING (as the company-certificate and app endpoints).
import { requireAdmin } from './auth';
import { avatarOf } from './groups';
import { ACCOUNT_KEY_FIELDS, applyKeys } from './keyRules';
import { Ctx, Reply, Route, ok, route, success } from './router';
import { POD_ID, userIdOf } from './seed';
import { FEATURE_LIST, STRING_ID, USER_FILTER, USER_STATUS, V2_USER_ATTRIBUTES, V2_USER_CREATE, bodyOf } from './shapes';
import type { AdminRecord, AppKey, DirectoryUser, EmulatorState } from './state';
import { Obj, array, bad, int64, object, oneOf, optBool, optString, queryInt, reqString } from './validate';

/** `GET /v1/admin/system/roles/list`: the role ids real pods return (BDK Python `role_id.py`). */
export const ROLES: ReadonlyArray<{ id: string; name: string; userTypes: string[] }> = [
  ['INDIVIDUAL', 'Individual', ['NORMAL', 'SYSTEM']], ['ADMINISTRATOR', 'Administrator', ['NORMAL']],
  ['SUPER_ADMINISTRATOR', 'Super Administrator', ['NORMAL', 'SYSTEM']], ['COMPLIANCE_OFFICER', 'Compliance Officer', ['NORMAL']],
  ['SUPER_COMPLIANCE_OFFICER', 'Super Compliance Officer', ['NORMAL', 'SYSTEM']], ['L1_SUPPORT', 'L1 Support', ['NORMAL']],
  ['L2_SUPPORT', 'L2 Support', ['NORMAL']], ['USER_PROVISIONING', 'User Provisioning', ['NORMAL', 'SYSTEM']],
  ['CONTENT_EXPORT_SERVICE', 'Content Export Service', ['SYSTEM']], ['CONTENT_MANAGEMENT', 'Content Management', ['NORMAL', 'SYSTEM']],
  ['AGENT', 'Agent', ['SYSTEM']], ['AUDIT_TRAIL_MANAGEMENT', 'Audit Trail Management', ['NORMAL', 'SYSTEM']],
  ['SCOPE_MANAGEMENT', 'Scope Management', ['NORMAL', 'SYSTEM']],
].map(([id, name, userTypes]) => ({ id: id as string, name: name as string, userTypes: userTypes as string[] }));

/** `GET /v1/admin/system/features/list` (entitlement names from the admin portal). */
export const FEATURES: readonly string[] = [
  'postReadEnabled', 'postWriteEnabled', 'delegatesEnabled', 'isExternalIMEnabled', 'canShareFilesExternally', 'canCreatePublicRoom',
  'canUpdateAvatar', 'isExternalRoomEnabled', 'canCreatePushedSignals', 'canUseCompactMode', 'mustBeRecorded', 'sendFilesEnabled',
  'canUseInternalAudio', 'canUseInternalVideo', 'canCreateMultiLateralRoom', 'canJoinMultiLateralRoom', 'canUseFirehose',
];
export const DEFAULT_FEATURES = (system: boolean): Record<string, boolean> =>
  Object.fromEntries(FEATURES.map((f) => [f, system ? ['postReadEnabled', 'postWriteEnabled', 'sendFilesEnabled'].includes(f) : !['mustBeRecorded', 'canUseFirehose'].includes(f)]));

const MAX_LIMIT = 1000;
/** V2UserAttributes the directory entry holds itself; the rest live in `admin.attributes`. */
const TEXT_ATTRIBUTES = ['emailAddress', 'firstName', 'lastName', 'userName', 'displayName', 'companyName', 'department', 'division', 'title',
  'workPhoneNumber', 'mobilePhoneNumber', 'twoFactorAuthPhone', 'smsNumber', 'location', 'recommendedLanguage', 'jobFunction'];
const LIST_ATTRIBUTES = ['assetClasses', 'industries', 'marketCoverage', 'responsibility', 'function', 'instrument'];

const administered = (state: EmulatorState): DirectoryUser[] => [...state.directory.values()].filter((u) => !!u.admin);

function findUser(ctx: Ctx, param = 'uid'): DirectoryUser & { admin: AdminRecord } {
  const uid = int64(ctx.params[param], 'uid');
  const user = ctx.state.directory.get(uid);
  // The spec documents 400 for these operations (404 only on roles/remove): an unknown user is a client error.
  if (!user?.admin) { bad(`User ${uid} not found`); }
  return user as DirectoryUser & { admin: AdminRecord };
}

const key = (k: AppKey | undefined): unknown => k && (k.expirationDate ? { key: k.key, expirationDate: k.expirationDate } : { key: k.key });

/** `V2UserDetail` as the pod returns it. */
export function userDetail(u: DirectoryUser & { admin: AdminRecord }): unknown {
  const a = u.admin;
  return {
    userAttributes: {
      emailAddress: u.emailAddress, firstName: u.firstName, lastName: u.lastName, userName: u.username, displayName: u.displayName,
      companyName: u.company, title: u.title, accountType: u.accountType ?? 'NORMAL', ...a.attributes,
      ...(a.keys.current ? { currentKey: key(a.keys.current) } : {}), ...(a.keys.previous ? { previousKey: key(a.keys.previous) } : {}),
    },
    userSystemInfo: {
      id: u.id, status: u.active === false ? 'DISABLED' : 'ENABLED', suspended: false, createdDate: a.createdDate, createdBy: a.createdBy,
      lastUpdatedDate: a.lastUpdatedDate, lastLoginDate: a.lastLoginDate,
    },
    roles: a.roles,
    ...(a.avatars ? { avatar: a.avatars[0] } : {}),
  };
}

function knownRole(id: string): string {
  if (!ROLES.some((r) => r.id === id)) { bad(`Role ${id} does not exist`); }
  return id;
}

/** Applies V2UserAttributes to `user` (validated first, mutated after). Returns whether RSA sessions must end. */
function applyAttributes(ctx: Ctx, attrs: Obj, user: DirectoryUser & { admin: AdminRecord }, creating: boolean): boolean {
  const text: Record<string, string | undefined> = {};
  for (const f of TEXT_ATTRIBUTES) { text[f] = optString(attrs[f], `userAttributes.${f}`); }
  const lists: Record<string, string[] | undefined> = {};
  for (const f of LIST_ATTRIBUTES) {
    lists[f] = attrs[f] == null ? undefined : array(attrs[f], `userAttributes.${f}`).map((v, i) => { if (typeof v !== 'string') { bad(`userAttributes.${f}[${i}] must be a string`); } return v; });
  }
  if (attrs.accountType != null) {
    const type = oneOf(attrs.accountType, ['NORMAL', 'SYSTEM'] as const, 'userAttributes.accountType');
    if (!creating && type !== user.accountType) { bad('userAttributes.accountType cannot be changed'); }
  }
  if (attrs.userMetadata != null) { object(attrs.userMetadata, 'userAttributes.userMetadata'); }
  if (text.userName !== undefined) {
    if (!text.userName.trim()) { bad('userAttributes.userName cannot be blank'); }
    const other = administered(ctx.state).find((u) => u.username === text.userName && u.id !== user.id);
    if (other) { bad(`Username ${text.userName} already exists`); }
  }
  if (text.displayName !== undefined && !text.displayName.trim()) { bad('userAttributes.displayName cannot be blank'); }
  if (text.emailAddress !== undefined && text.emailAddress !== '' && !/^[^@\s]+@[^@\s]+$/.test(text.emailAddress)) { bad('userAttributes.emailAddress is not an email address'); }
  if (user.accountType !== 'SYSTEM' && (attrs.currentKey != null || attrs.previousKey != null)) { bad('Only service accounts (accountType SYSTEM) have RSA keys'); }
  if (creating && attrs.previousKey != null) { bad('userAttributes.previousKey cannot be set on create'); }
  const keys = applyKeys({ current: attrs.currentKey, previous: attrs.previousKey }, user.admin.keys, ACCOUNT_KEY_FIELDS);
  // Everything is valid: apply.
  if (text.userName !== undefined) { user.username = text.userName; }
  if (text.displayName !== undefined) { user.displayName = text.displayName; }
  if (text.emailAddress !== undefined) { user.emailAddress = text.emailAddress; }
  if (text.firstName !== undefined) { user.firstName = text.firstName; }
  if (text.lastName !== undefined) { user.lastName = text.lastName; }
  if (text.companyName !== undefined) { user.company = text.companyName; }
  if (text.title !== undefined) { user.title = text.title; }
  for (const f of [...TEXT_ATTRIBUTES.filter((n) => !['userName', 'displayName', 'emailAddress', 'firstName', 'lastName', 'companyName', 'title'].includes(n)), ...LIST_ATTRIBUTES]) {
    const v = text[f] ?? lists[f];
    if (v !== undefined) { user.admin.attributes[f] = v; }
  }
  if (attrs.userMetadata != null) { user.admin.attributes.userMetadata = attrs.userMetadata; }
  user.admin.keys = { current: keys.current, previous: keys.previous };
  user.admin.lastUpdatedDate = Date.now();
  return !!keys.revokedCurrent;
}

/** Ends sessions of `userId`: all of them, or only those opened with an RSA key. */
export function endSessions(state: EmulatorState, userId: number, which: 'all' | 'rsa' = 'all', sessionId?: string): number {
  let ended = 0;
  for (const [token, s] of state.sessions) {
    if (s.accountId === userId && (which === 'all' || s.rsa) && (sessionId === undefined || s.id === sessionId)) { state.sessions.delete(token); ended++; }
  }
  return ended;
}

function pageOf(ctx: Ctx, users: DirectoryUser[]): unknown[] {
  const skip = queryInt(ctx.query.get('skip'), 'skip', 0) ?? 0;
  const limit = queryInt(ctx.query.get('limit'), 'limit', 100, 1, MAX_LIMIT) ?? 100;
  return users.slice(skip, skip + limit).map((u) => userDetail(u as DirectoryUser & { admin: AdminRecord }));
}

function create(ctx: Ctx): Reply {
  const caller = requireAdmin(ctx);
  const body = object(bodyOf(ctx, V2_USER_CREATE), 'body');
  const attrs = object(body.userAttributes, 'userAttributes');
  const accountType = oneOf(attrs.accountType ?? 'NORMAL', ['NORMAL', 'SYSTEM'] as const, 'userAttributes.accountType');
  const userName = reqString(attrs.userName, 'userAttributes.userName');
  reqString(attrs.displayName, 'userAttributes.displayName');
  if (accountType === 'NORMAL') { reqString(attrs.emailAddress, 'userAttributes.emailAddress'); }
  if (accountType === 'SYSTEM' && body.password != null) { bad('A service account (accountType SYSTEM) has no password'); }
  const roles = body.roles == null ? ['INDIVIDUAL'] : array(body.roles, 'roles').map((r, i) => knownRole(reqString(r, `roles[${i}]`)));
  const ids = [...ctx.state.directory.keys()].filter((id) => Math.floor(id / 2 ** 36) === POD_ID);
  const id = userIdOf(POD_ID, Math.max(0, ...ids.map((i) => i - userIdOf(POD_ID, 0))) + 1);
  const now = Date.now();
  const user: DirectoryUser & { admin: AdminRecord } = {
    id, username: userName, displayName: '', company: 'Acme Capital Markets', podId: POD_ID, internal: true, accountType, active: true,
    admin: { roles: [...new Set(roles)], features: DEFAULT_FEATURES(accountType === 'SYSTEM'), keys: {}, attributes: {}, createdDate: now, createdBy: String(caller.id), lastUpdatedDate: now },
  };
  applyAttributes(ctx, attrs, user, true);
  ctx.state.directory.set(id, user);
  return ok(userDetail(user));
}

export function accountRoutes(): Route[] {
  return [
    route('GET', '/pod/v2/admin/user/list', (ctx) => { requireAdmin(ctx); return ok(pageOf(ctx, administered(ctx.state))); }),
    route('POST', '/pod/v1/admin/user/find', (ctx) => {
      requireAdmin(ctx);
      const filter = object(bodyOf(ctx, USER_FILTER), 'body');
      const role = optString(filter.role, 'role');
      const feature = optString(filter.feature, 'feature');
      const status = filter.status == null ? undefined : oneOf(filter.status, ['ENABLED', 'DISABLED'] as const, 'status');
      const found = administered(ctx.state).filter((u) => (!role || u.admin!.roles.includes(role))
        && (!feature || u.admin!.features[feature] === true) && (!status || (u.active === false ? 'DISABLED' : 'ENABLED') === status));
      return ok(pageOf(ctx, found));
    }),
    route('POST', '/pod/v2/admin/user/create', create),
    route('GET', '/pod/v2/admin/user/:uid', (ctx) => { requireAdmin(ctx); return ok(userDetail(findUser(ctx))); }),
    route('POST', '/pod/v2/admin/user/:uid/update', (ctx) => {
      requireAdmin(ctx);
      const user = findUser(ctx);
      const attrs = object(bodyOf(ctx, V2_USER_ATTRIBUTES), 'body');
      // Applied on a copy, so a refused change leaves the user as it was.
      const copy = structuredClone(user);
      const revoked = applyAttributes(ctx, attrs, copy, false);
      ctx.state.directory.set(user.id, copy);
      // Revoking the current key ends the account's RSA sessions (rsa-authentication.md).
      if (revoked) { endSessions(ctx.state, user.id, 'rsa'); }
      return ok(userDetail(copy));
    }),
    route('GET', '/pod/v1/admin/user/:uid/status', (ctx) => { requireAdmin(ctx); return ok({ status: findUser(ctx).active === false ? 'DISABLED' : 'ENABLED' }); }),
    route('POST', '/pod/v1/admin/user/:uid/status/update', (ctx) => {
      requireAdmin(ctx);
      const user = findUser(ctx);
      const body = object(bodyOf(ctx, USER_STATUS), 'body');
      const status = oneOf(body.status, ['ENABLED', 'DISABLED'] as const, 'status');
      optBool(body.suspended, 'suspended');
      user.active = status === 'ENABLED';
      if (!user.active) { endSessions(ctx.state, user.id); }
      user.admin.lastUpdatedDate = Date.now();
      return success(`User ${status === 'ENABLED' ? 'enabled' : 'disabled'}`);
    }),
    route('GET', '/pod/v1/admin/system/roles/list', (ctx) => { requireAdmin(ctx); return ok(ROLES.map((r) => ({ ...r, optionalActions: [] }))); }),
    route('POST', '/pod/v1/admin/user/:uid/roles/add', (ctx) => {
      requireAdmin(ctx);
      const user = findUser(ctx);
      const roleId = knownRole(reqString(object(bodyOf(ctx, STRING_ID), 'body').id, 'id'));
      if (!ROLES.find((r) => r.id === roleId)!.userTypes.includes(user.accountType ?? 'NORMAL')) { bad(`Role ${roleId} cannot be given to a ${user.accountType === 'SYSTEM' ? 'service account' : 'person'}`); }
      if (!user.admin.roles.includes(roleId)) { user.admin.roles.push(roleId); }
      return success('Role added');
    }),
    route('POST', '/pod/v1/admin/user/:uid/roles/remove', (ctx) => {
      requireAdmin(ctx);
      const user = findUser(ctx);
      const roleId = reqString(object(bodyOf(ctx, STRING_ID), 'body').id, 'id');
      if (!user.admin.roles.includes(roleId)) { bad(`User ${user.id} does not have the role ${roleId}`); }
      user.admin.roles = user.admin.roles.filter((r) => r !== roleId);
      return success('Role removed');
    }),
    route('GET', '/pod/v1/admin/system/features/list', (ctx) => { requireAdmin(ctx); return ok([...FEATURES]); }),
    route('GET', '/pod/v1/admin/user/:uid/features', (ctx) => {
      requireAdmin(ctx);
      return ok(Object.entries(findUser(ctx).admin.features).map(([entitlment, enabled]) => ({ entitlment, enabled })));
    }),
    route('POST', '/pod/v1/admin/user/:uid/features/update', (ctx) => {
      requireAdmin(ctx);
      const user = findUser(ctx);
      const changes = array(bodyOf(ctx, FEATURE_LIST, true), 'body').map((item, i) => {
        const f = object(item, `[${i}]`);
        // The spec spells the field `entitlment`.
        const name = reqString(f.entitlment, `[${i}].entitlment`);
        if (!FEATURES.includes(name)) { bad(`Feature ${name} does not exist`); }
        const enabled = optBool(f.enabled, `[${i}].enabled`);
        if (enabled === undefined) { bad(`[${i}].enabled is required`); }
        return [name, enabled] as const;
      });
      for (const [name, enabled] of changes) { user.admin.features[name] = enabled; }
      return success('Features updated');
    }),
    route('GET', '/pod/v1/users/:uid/sessions', (ctx) => {
      requireAdmin(ctx);
      const uid = int64(ctx.params.uid, 'uid');
      if (!ctx.state.directory.get(uid)?.admin) { return { status: 204 }; }
      const now = Date.now();
      const sessions = [...ctx.state.sessions.values()].filter((s) => s.accountId === uid && s.expiresAt > now).map((s) => ({
        sessionId: s.id, userId: uid, clientIp: '127.0.0.1', userAgent: s.userAgent, creationTime: s.createdAt, expirationDelay: s.expiresAt - now,
      }));
      return ok({ sessions });
    }),
    route('POST', '/pod/v1/users/:uid/sessions/logout', (ctx) => { requireAdmin(ctx); endSessions(ctx.state, findUser(ctx).id); return success('Sessions ended'); }),
    route('POST', '/pod/v1/users/:uid/sessions/:sid/logout', (ctx) => {
      requireAdmin(ctx);
      if (endSessions(ctx.state, findUser(ctx).id, 'all', ctx.params.sid) === 0) { bad(`Session ${ctx.params.sid} not found`); }
      return success('Session ended');
    }),
    route('GET', '/pod/v1/admin/user/:uid/avatar', (ctx) => {
      requireAdmin(ctx);
      return ok(findUser(ctx).admin.avatars ?? [{ size: 'original', url: '../avatars/static/150/default.png' }, { size: 'small', url: '../avatars/static/50/default.png' }]);
    }),
    route('POST', '/pod/v1/admin/user/:uid/avatar/update', (ctx) => {
      requireAdmin(ctx);
      const user = findUser(ctx);
      const { hash, kind } = avatarOf(ctx, bad);
      user.admin.avatars = [{ size: 'original', url: `../avatars/${user.id}/600/${hash}.${kind}` }, { size: 'small', url: `../avatars/${user.id}/150/${hash}.${kind}` }];
      return success('Avatar updated');
    }),
  ];
}
