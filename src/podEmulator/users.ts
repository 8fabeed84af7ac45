// Names for user ids, as a pod answers them: GET /pod/v3/users (uid, email or username lists, at most 100, only
// one list at a time) and POST /pod/v1/user/search (query matched against names and email). Unknown ids are left
// out of `users` and listed in `errors`; nothing found at all is a 204. `local=true` sees this pod's users only.
import { requireSession } from './auth';
import { Ctx, Reply, Route, ok, route } from './router';
import { DirectoryUser } from './state';
import { USER_SEARCH_QUERY, bodyOf } from './shapes';
import { bad, int64, object, optString } from './validate';

const MAX_LIST = 100;

/** `UserV2` as the pod returns it. */
export function userV2(u: DirectoryUser): Record<string, unknown> {
  return {
    id: u.id, emailAddress: u.emailAddress, firstName: u.firstName, lastName: u.lastName, displayName: u.displayName,
    title: u.title, company: u.company, username: u.username, accountType: u.accountType ?? 'NORMAL',
    avatars: [{ size: 'original', url: '../avatars/static/150/default.png' }, { size: 'small', url: '../avatars/static/50/default.png' }],
  };
}

function visible(ctx: Ctx, u: DirectoryUser): boolean {
  return ctx.query.get('local') === 'true' ? u.internal : true;
}

function boolParam(ctx: Ctx, name: string): boolean | undefined {
  const v = ctx.query.get(name);
  if (v === null) { return undefined; }
  if (v !== 'true' && v !== 'false') { bad(`${name} must be true or false`); }
  return v === 'true';
}

function lookup(ctx: Ctx): Reply {
  requireSession(ctx);
  boolParam(ctx, 'local');
  const active = boolParam(ctx, 'active');
  const lists = (['uid', 'email', 'username'] as const).filter((k) => ctx.query.get(k));
  if (lists.length !== 1) { bad('Exactly one of uid, email or username is required'); }
  const kind = lists[0];
  const values = (ctx.query.get(kind) as string).split(',').map((v) => v.trim());
  if (values.length > MAX_LIST) { bad(`Search lists may contain up to ${MAX_LIST} elements`); }
  const users: DirectoryUser[] = [];
  const errors: Array<Record<string, string>> = [];
  const all = [...ctx.state.directory.values()].filter((u) => visible(ctx, u) && (active === undefined || (u.active ?? true) === active));
  for (const value of values) {
    if (kind === 'uid' && !/^\d{1,19}$/.test(value)) { errors.push({ error: 'invalid.format', id: value }); continue; }
    const found = kind === 'uid' ? all.find((u) => u.id === int64(value, 'uid'))
      : kind === 'email' ? all.find((u) => u.emailAddress?.toLowerCase() === value.toLowerCase())
        : all.find((u) => u.username === value);
    if (found) { users.push(found); } else if (kind === 'uid') { errors.push({ error: 'user.notfound', id: value }); }
  }
  if (users.length === 0) { return { status: 204 }; }
  return ok(errors.length > 0 ? { users: users.map(userV2), errors } : { users: users.map(userV2) });
}

function search(ctx: Ctx): Reply {
  requireSession(ctx);
  boolParam(ctx, 'local');
  const body = object(bodyOf(ctx, USER_SEARCH_QUERY), 'body');
  const query = (optString(body.query, 'query') ?? '').trim().toLowerCase();
  if (!query) { bad('query is required'); }
  const skip = ctx.query.get('skip') ? int64(ctx.query.get('skip'), 'skip') : 0;
  const limit = ctx.query.get('limit') ? int64(ctx.query.get('limit'), 'limit') : 50;
  const fields = (u: DirectoryUser) => [u.firstName, u.lastName, u.displayName, u.emailAddress];
  const matches = [...ctx.state.directory.values()]
    .filter((u) => visible(ctx, u) && (u.active ?? true) && fields(u).some((f) => f?.toLowerCase().includes(query)));
  if (matches.length === 0) { return { status: 204 }; }
  const users = matches.slice(skip, skip + limit).map(userV2);
  return ok({ count: matches.length, skip, limit: users.length, searchQuery: { query: body.query }, users });
}

export function userRoutes(): Route[] {
  return [route('GET', '/pod/v3/users', lookup), route('POST', '/pod/v1/user/search', search)];
}
