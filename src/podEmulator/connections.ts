// Connections of the signed-in account, as a state machine. Users of this pod are implicitly ACCEPTED and
// have no stored connection; only users of other pods go through PENDING_* / ACCEPTED / REJECTED.
import { requireSession } from './auth';
import { Ctx, HttpError, Route, ok, route, success } from './router';
import { Connection, ConnectionStatus, DirectoryUser, connectionsOf } from './state';
import { USER_CONNECTION_REQUEST, bodyOf } from './shapes';
import { bad, int64, object, oneOf } from './validate';

const STATUSES = ['PENDING_INCOMING', 'PENDING_OUTGOING', 'ACCEPTED', 'REJECTED', 'ALL'] as const;

function user(ctx: Ctx, id: number): DirectoryUser {
  const u = ctx.state.directory.get(id);
  if (!u) { throw new HttpError(404, `User ${id} not found`); }
  return u;
}

const implicit = (userId: number): Connection => ({ userId, status: 'ACCEPTED', firstRequestedAt: 0, updatedAt: 0, requestCounter: 0 });

/** Validates the body and the caller, then hands the existing connection (if any) to `transition`. */
function act(ctx: Ctx, transition: (existing: Connection | undefined, u: DirectoryUser, now: number) => Connection): Connection {
  const account = requireSession(ctx);
  const userId = int64(object(bodyOf(ctx, USER_CONNECTION_REQUEST), 'body').userId, 'userId');
  const u = user(ctx, userId);
  if (u.id === account.id) { bad('You cannot connect with yourself'); }
  const mine = connectionsOf(ctx.state, account.id);
  const next = transition(mine.get(userId), u, Date.now());
  if (!u.internal) { mine.set(userId, next); }
  return next;
}

function expect(existing: Connection | undefined, status: ConnectionStatus, userId: number, verb: string): Connection {
  if (!existing) { throw new HttpError(404, `No connection request with user ${userId}`); }
  if (existing.status !== status) { bad(`Cannot ${verb} a connection in status ${existing.status}`); }
  return existing;
}

export function connectionRoutes(): Route[] {
  return [
    route('GET', '/pod/v1/connection/list', (ctx) => {
      const account = requireSession(ctx);
      const status = oneOf(ctx.query.get('status') ?? 'DEFAULT', [...STATUSES, 'DEFAULT'] as const, 'status');
      const rawIds = ctx.query.get('userIds');
      const ids = rawIds ? rawIds.split(',').map((s) => int64(s.trim(), 'userIds')) : undefined;
      const wanted = (s: ConnectionStatus): boolean => status === 'ALL' || (status === 'DEFAULT' ? s.startsWith('PENDING_') : s === status);
      const explicit = [...connectionsOf(ctx.state, account.id).values()].filter((c) => wanted(c.status) && (!ids || ids.includes(c.userId)));
      const internal = ids && (status === 'ACCEPTED' || status === 'ALL')
        ? ids.filter((id) => id !== account.id && ctx.state.directory.get(id)?.internal).map(implicit) : [];
      return ok([...explicit, ...internal]);
    }),
    route('POST', '/pod/v1/connection/create', (ctx) => ok(act(ctx, (existing, u, now) => {
      if (u.internal) { return implicit(u.id); }
      if (!existing || existing.status === 'REJECTED') {
        return { userId: u.id, status: 'PENDING_OUTGOING', firstRequestedAt: existing?.firstRequestedAt ?? now, updatedAt: now, requestCounter: (existing?.requestCounter ?? 0) + 1 };
      }
      // A request from the other side is pending: asking back connects both.
      if (existing.status === 'PENDING_INCOMING') { return { ...existing, status: 'ACCEPTED', updatedAt: now }; }
      return existing;
    }))),
    route('POST', '/pod/v1/connection/accept', (ctx) => ok(act(ctx, (existing, u, now) => {
      if (u.internal) { return implicit(u.id); }
      return { ...expect(existing, 'PENDING_INCOMING', u.id, 'accept'), status: 'ACCEPTED', updatedAt: now };
    }))),
    route('POST', '/pod/v1/connection/reject', (ctx) => ok(act(ctx, (existing, u, now) => {
      if (u.internal) { bad('Cannot reject an implicit connection with a user of the same pod'); }
      return { ...expect(existing, 'PENDING_INCOMING', u.id, 'reject'), status: 'REJECTED', updatedAt: now };
    }))),
    route('GET', '/pod/v1/connection/user/:userId/info', (ctx) => {
      const account = requireSession(ctx);
      const u = user(ctx, int64(ctx.params.userId, 'userId'));
      if (u.internal) { return ok(implicit(u.id)); }
      const c = connectionsOf(ctx.state, account.id).get(u.id);
      if (!c) { throw new HttpError(404, `No connection request with user ${u.id}`); }
      return ok(c);
    }),
    route('POST', '/pod/v1/connection/user/:uid/remove', (ctx) => {
      const account = requireSession(ctx);
      const u = user(ctx, int64(ctx.params.uid, 'uid'));
      if (u.internal) { bad('Cannot remove an implicit connection with a user of the same pod'); }
      const mine = connectionsOf(ctx.state, account.id);
      expect(mine.get(u.id), 'ACCEPTED', u.id, 'remove');
      mine.delete(u.id);
      return success('Connection Removed.');
    }),
  ];
}
