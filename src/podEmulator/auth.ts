// Authentication: RSA JWT login (user and app), the Profile Manager bearer, certificate session auth, session
// info, and the guards every other area uses (session, admin role, bearer + group-manager entitlement).
import * as crypto from 'node:crypto';
import type * as tls from 'node:tls';
import { Ctx, HttpError, Route, ok, route } from './router';
import type { Account } from './state';
import { accountById, adminUserByName } from './state';
import { acceptedKeys } from './keyRules';
import { object } from './validate';

const ADMIN_ROLES = ['SUPER_ADMINISTRATOR', 'USER_PROVISIONING'];
const MAX_JWT_LIFETIME_S = 300;

const randomToken = (bytes: number): string => crypto.randomBytes(bytes).toString('hex');
const unauthorized = (message: string): HttpError => new HttpError(401, message);

interface JwtClaims { sub?: unknown; exp?: unknown }

/** Verifies an RS512 JWT against any of `keys` and the 5-minute expiry rule; returns its claims or throws 401. */
function verifyJwt(token: unknown, keysFor: (sub: string) => string[]): { sub: string } {
  if (typeof token !== 'string') { throw unauthorized('Missing token'); }
  const parts = token.split('.');
  if (parts.length !== 3) { throw unauthorized('Malformed token'); }
  let header: { alg?: unknown };
  let claims: JwtClaims;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as { alg?: unknown };
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as JwtClaims;
  } catch {
    throw unauthorized('Malformed token');
  }
  if (header.alg !== 'RS512') { throw unauthorized('Token must be signed with RS512'); }
  if (typeof claims.sub !== 'string') { throw unauthorized('Token has no subject'); }
  const keys = keysFor(claims.sub);
  if (keys.length === 0) { throw unauthorized('Invalid user or key not imported'); }
  const data = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], 'base64url');
  const valid = keys.some((k) => { try { return crypto.verify('sha512', data, k, signature); } catch { return false; } });
  if (!valid) { throw unauthorized('Invalid signature'); }
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) { throw unauthorized('Token expired'); }
  if (claims.exp > now + MAX_JWT_LIFETIME_S) { throw unauthorized('Token expiration must be at most 5 minutes from now'); }
  return { sub: claims.sub };
}

/**
 * The keys a user signs in with: a demo account's key, or a service account's current key and, until it expires,
 * its previous key (rsa-authentication.md). Disabled accounts and people (NORMAL) have none.
 */
const accountKeys = (ctx: Ctx) => (username: string): string[] => {
  const demo = ctx.state.accounts.get(username);
  const user = demo ? ctx.state.directory.get(demo.id) : adminUserByName(ctx.state, username);
  if (user?.active === false) { return []; }
  if (demo) { return [demo.publicKeyPem]; }
  return user?.accountType === 'SYSTEM' ? acceptedKeys(user.admin?.keys) : [];
};

function openSession(ctx: Ctx, account: Account, rsa: boolean): { name: string; token: string; authorizationToken: string } {
  const token = randomToken(64);
  const now = Date.now();
  ctx.state.sessions.set(token, {
    token, accountId: account.id, expiresAt: now + ctx.env.config.sessionTtlMs, id: randomToken(8), createdAt: now, rsa,
    userAgent: ctx.header('user-agent'),
  });
  const admin = ctx.state.directory.get(account.id)?.admin;
  if (admin) { admin.lastLoginDate = now; }
  return { name: 'sessionToken', token, authorizationToken: `Bearer ${randomToken(32)}` };
}

/** The account behind the `sessionToken` header; 401 "Invalid session" when missing, unknown or expired. */
export function requireSession(ctx: Ctx): Account {
  const token = ctx.header('sessiontoken');
  const session = token ? ctx.state.sessions.get(token) : undefined;
  const account = session && session.expiresAt > Date.now() ? accountById(ctx.state, session.accountId) : undefined;
  if (!account) { throw unauthorized('Invalid session'); }
  return account;
}

/** A valid session whose account holds SUPER_ADMINISTRATOR or USER_PROVISIONING; 403 otherwise. */
export function requireAdmin(ctx: Ctx): Account {
  const account = requireSession(ctx);
  if (!account.roles.some((r) => ADMIN_ROLES.includes(r))) {
    throw new HttpError(403, 'Caller lacks necessary entitlement: SUPER_ADMINISTRATOR or USER_PROVISIONING role required');
  }
  return account;
}

/** Profile Manager guard: a valid bearer (401) whose account has the Group Manager entitlement (403). */
export function requireBearer(ctx: Ctx): Account {
  const auth = ctx.header('authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  const bearer = m ? ctx.state.bearers.get(m[1]) : undefined;
  const account = bearer && bearer.expiresAt > Date.now() ? accountById(ctx.state, bearer.accountId) : undefined;
  if (!account) { throw new HttpError(401, m ? 'JWT token verification failed' : 'Wrong or missing JWT token', 'UNAUTHORIZED'); }
  if (!account.groupManager) { throw new HttpError(403, 'JWT token missing the required entitlement (Group Manager)', 'FORBIDDEN'); }
  return account;
}

function userV2(ctx: Ctx, a: Account): unknown {
  return {
    id: a.id, emailAddress: a.emailAddress, firstName: a.firstName, lastName: a.lastName, displayName: a.displayName,
    title: a.title, company: a.company, username: a.username, location: 'London', accountType: ctx.state.directory.get(a.id)?.accountType ?? 'NORMAL',
    avatars: [{ size: 'original', url: '../avatars/static/150/default.png' }, { size: 'small', url: '../avatars/static/50/default.png' }],
    roles: a.roles,
  };
}

export function authRoutes(): Route[] {
  return [
    route('POST', '/login/pubkey/authenticate', (ctx) => {
      const body = object(ctx.json(), 'body');
      const { sub } = verifyJwt(body.token, accountKeys(ctx));
      const demo = ctx.state.accounts.get(sub);
      const account = accountById(ctx.state, demo?.id ?? adminUserByName(ctx.state, sub)?.id ?? -1);
      if (!account) { throw unauthorized('Invalid user or key not imported'); }
      return ok(openSession(ctx, account, true));
    }),
    // The key manager (relay) sign-in: same JWT check; the official SDKs call it at every sign-in and after a 401.
    route('POST', '/relay/pubkey/authenticate', (ctx) => {
      const body = object(ctx.json(), 'body');
      verifyJwt(body.token, accountKeys(ctx));
      return ok({ name: 'keyManagerToken', token: randomToken(64) });
    }),
    route('POST', '/login/pubkey/app/authenticate', (ctx) => {
      const body = object(ctx.json(), 'body');
      const now = Date.now();
      const { sub } = verifyJwt(body.token, (appId) => {
        const app = ctx.state.apps.get(appId);
        if (!app || !app.entitlement.enable) { return []; }
        return acceptedKeys(app.keys, now);
      });
      const token = randomToken(64);
      ctx.state.appSessions.set(token, { token, appId: sub, expiresAt: now + ctx.env.config.sessionTtlMs });
      return ok({ name: 'sessionToken', token, authorizationToken: `Bearer ${randomToken(32)}` });
    }),
    route('POST', '/login/idm/tokens', (ctx) => {
      const account = requireSession(ctx);
      const token = randomToken(48);
      const ttl = ctx.env.config.bearerTtlMs;
      ctx.state.bearers.set(token, { token, accountId: account.id, expiresAt: Date.now() + ttl });
      return ok({ token_type: 'Bearer', expires_in: Math.floor(ttl / 1000), access_token: token });
    }),
    route('GET', '/pod/v2/sessioninfo', (ctx) => ok(userV2(ctx, requireSession(ctx)))),
    route('GET', '/pod/v1/podcert', (ctx) => ok({ certificate: ctx.state.podCertPem })),
  ];
}

/** Served only on the mutual-TLS server: the client certificate's CN names the account. */
export function sessionAuthRoutes(): Route[] {
  return [
    route('POST', '/sessionauth/v1/authenticate', (ctx) => {
      const socket = ctx.req.socket as tls.TLSSocket;
      const peer = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
      if (!peer || !peer.subject) { throw new HttpError(400, 'No client certificate presented'); }
      if (!socket.authorized) { throw new HttpError(403, 'Client certificate is not trusted by this pod'); }
      const cn = Array.isArray(peer.subject.CN) ? peer.subject.CN[0] : peer.subject.CN;
      const account = cn ? ctx.state.accounts.get(cn) : undefined;
      if (!account) { throw new HttpError(403, 'Certificate authentication is not allowed for the requested user'); }
      const { name, token } = openSession(ctx, account, false);
      return ok({ name, token });
    }),
  ];
}
