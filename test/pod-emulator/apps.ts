// Applications: create/get/update/delete, pod-level entitlements and per-user entitlements (GET/POST/PATCH).
// Key rotation: SAVE of a new current key moves the old one to `previous`, valid for ROTATED_KEY_TTL_MS.
import * as crypto from 'node:crypto';
import { requireAdmin } from './auth';
import { Ctx, HttpError, Route, ok, route, success } from './router';
import type { AppKey, AppRecord, UserAppSetting } from './state';
import { Obj, array, bad, int64, object, oneOf, optBool, optString, reqString } from './validate';

export const ROTATED_KEY_TTL_MS = 72 * 3600_000;
const PERMISSION = /^[A-Z0-9_]{1,64}$/;

function httpsUrl(value: unknown, what: string): string | undefined {
  const s = optString(value, what);
  if (s !== undefined && !s.startsWith('https://')) { bad(`${what} must start with "https://"`); }
  return s;
}

function publicKey(value: unknown, what: string): string {
  const key = reqString(value, what);
  try { crypto.createPublicKey(key); } catch { bad(`${what} is not a valid RSA public key PEM`); }
  return key;
}

/** Applies `authenticationKeys` to the current keys; returns the new keys without mutating. */
function applyKeys(value: unknown, keys: AppRecord['keys']): AppRecord['keys'] {
  if (value === undefined || value === null) { return keys; }
  const body = object(value, 'authenticationKeys');
  const now = Date.now();
  let { current, previous } = keys;
  if (body.current !== undefined && body.current !== null) {
    const c = object(body.current, 'authenticationKeys.current');
    const action = oneOf(c.action ?? 'SAVE', ['SAVE', 'REVOKE'] as const, 'authenticationKeys.current.action');
    if (action === 'REVOKE') {
      current = undefined;
    } else {
      const key = publicKey(c.key, 'authenticationKeys.current.key');
      if (current && current.key.trim() !== key.trim()) { previous = { key: current.key, expirationDate: now + ROTATED_KEY_TTL_MS }; }
      current = { key };
    }
  }
  if (body.previous !== undefined && body.previous !== null) {
    const p = object(body.previous, 'authenticationKeys.previous');
    const action = oneOf(p.action, ['REVOKE', 'EXTEND'] as const, 'authenticationKeys.previous.action');
    if (!previous) { bad('There is no rotated (previous) key to ' + action.toLowerCase()); }
    if (action === 'REVOKE') {
      previous = undefined;
    } else {
      const requested = p.expirationDate === undefined || p.expirationDate === null ? undefined : int64(p.expirationDate, 'authenticationKeys.previous.expirationDate');
      if (requested !== undefined && requested <= now) { bad('authenticationKeys.previous.expirationDate must be in the future'); }
      previous = { key: previous.key, expirationDate: requested ?? (previous.expirationDate ?? now) + ROTATED_KEY_TTL_MS };
    }
  }
  return { current, previous };
}

function properties(value: unknown): AppRecord['properties'] | undefined {
  if (value === undefined || value === null) { return undefined; }
  const seen = new Set<string>();
  return array(value, 'properties').map((item, i) => {
    const p = object(item, `properties[${i}]`);
    const key = reqString(p.key, `properties[${i}].key`);
    if (key.length > 1024) { bad(`properties[${i}].key must be at most 1024 characters`); }
    if (seen.has(key)) { bad(`properties keys must be unique: "${key}" is repeated`); }
    seen.add(key);
    if (typeof p.value !== 'string') { bad(`properties[${i}].value must be a string`); }
    if (p.value.length > 4096) { bad(`properties[${i}].value must be at most 4096 characters`); }
    return { key, value: p.value };
  });
}

/** Validates an ApplicationDetail fully and returns the merged record; `base` is the stored app on update. */
function parseDetail(value: unknown, base: AppRecord | undefined): AppRecord {
  const body = object(value, 'body');
  const info = object(body.applicationInfo ?? (base ? {} : undefined), 'applicationInfo');
  const appId = base ? base.appId : reqString(info.appId, 'applicationInfo.appId');
  if (base && info.appId !== undefined && info.appId !== base.appId) { bad('applicationInfo.appId cannot be changed'); }
  if (appId.length > 256) { bad('applicationInfo.appId must be 1 to 256 characters'); }
  const name = info.name === undefined && base ? base.name : reqString(info.name, 'applicationInfo.name');
  const appUrl = httpsUrl(info.appUrl, 'applicationInfo.appUrl') ?? base?.appUrl;
  const domain = optString(info.domain, 'applicationInfo.domain') ?? base?.domain;
  if (domain) {
    const host = appUrl ? new URL(appUrl).hostname.toLowerCase() : undefined;
    const d = domain.toLowerCase().replace(/^\./, '');
    if (!host || !(host === d || host.endsWith(`.${d}`))) { bad(`applicationInfo.domain "${domain}" must match the app URL domain`); }
  }
  const permissions = body.permissions === undefined || body.permissions === null ? base?.permissions ?? []
    : array(body.permissions, 'permissions').map((p, i) => {
      if (typeof p !== 'string' || !PERMISSION.test(p)) { bad(`permissions[${i}] must contain only upper-case letters, digits and "_" (1 to 64 characters)`); }
      return p;
    });
  const cert = optString(body.cert, 'cert') ?? base?.cert;
  if (body.cert) { try { new crypto.X509Certificate(body.cert as string); } catch { bad('cert is not a valid X.509 certificate PEM'); } }
  const notification = body.notification === undefined || body.notification === null ? base?.notification : (() => {
    const n = object(body.notification, 'notification');
    return { url: httpsUrl(n.url, 'notification.url'), apiKey: optString(n.apiKey, 'notification.apiKey') };
  })();
  return {
    appId, name, appUrl, domain,
    publisher: optString(info.publisher, 'applicationInfo.publisher') ?? base?.publisher,
    iconUrl: httpsUrl(body.iconUrl, 'iconUrl') ?? base?.iconUrl,
    description: optString(body.description, 'description') ?? base?.description,
    allowOrigins: optString(body.allowOrigins, 'allowOrigins') ?? base?.allowOrigins,
    permissions, cert,
    keys: applyKeys(body.authenticationKeys, base?.keys ?? {}),
    notification,
    properties: properties(body.properties) ?? base?.properties ?? [],
    entitlement: base?.entitlement ?? { enable: true, listed: true, install: false },
  };
}

export function appDetail(a: AppRecord): unknown {
  const key = (k: AppKey | undefined): unknown => k && (k.expirationDate ? { key: k.key, expirationDate: k.expirationDate } : { key: k.key });
  return {
    applicationInfo: { appId: a.appId, name: a.name, appUrl: a.appUrl, domain: a.domain, publisher: a.publisher },
    iconUrl: a.iconUrl, description: a.description, allowOrigins: a.allowOrigins, permissions: a.permissions, cert: a.cert,
    authenticationKeys: a.keys.current || a.keys.previous ? { current: key(a.keys.current), previous: key(a.keys.previous) } : undefined,
    notification: a.notification, properties: a.properties,
  };
}

function findApp(ctx: Ctx): AppRecord {
  const app = ctx.state.apps.get(ctx.params.id);
  if (!app) { throw new HttpError(404, `Application ${ctx.params.id} not found`); }
  return app;
}

const podEntitlement = (a: AppRecord): unknown => ({ appId: a.appId, appName: a.name.slice(0, 50), ...a.entitlement });

function userUid(ctx: Ctx): number {
  const uid = int64(ctx.params.uid, 'uid');
  if (!ctx.state.directory.has(uid)) { bad(`User ${uid} not found`); }
  return uid;
}

function userEntitlements(ctx: Ctx, uid: number): unknown[] {
  const own = ctx.state.userApps.get(uid) ?? new Map<string, UserAppSetting>();
  return [...ctx.state.apps.values()].map((a) => {
    const s = own.get(a.appId) ?? {};
    return { appId: a.appId, appName: a.name.slice(0, 50), listed: s.listed ?? a.entitlement.listed, install: s.install ?? a.entitlement.install, products: [] };
  });
}

function knownApp(ctx: Ctx, e: Obj, i: number): string {
  const appId = reqString(e.appId, `[${i}].appId`);
  if (!ctx.state.apps.has(appId)) { bad(`Application ${appId} not found`); }
  return appId;
}

export function appRoutes(): Route[] {
  return [
    route('POST', '/pod/v1/admin/app/create', (ctx) => {
      requireAdmin(ctx);
      const app = parseDetail(ctx.json(), undefined);
      if (ctx.state.apps.has(app.appId)) { bad(`Application ${app.appId} already exists`); }
      ctx.state.apps.set(app.appId, app);
      return ok(appDetail(app));
    }),
    route('GET', '/pod/v1/admin/app/:id/get', (ctx) => { requireAdmin(ctx); return ok(appDetail(findApp(ctx))); }),
    route('POST', '/pod/v1/admin/app/:id/update', (ctx) => {
      requireAdmin(ctx);
      const app = parseDetail(ctx.json(), findApp(ctx));
      ctx.state.apps.set(app.appId, app);
      return ok(appDetail(app));
    }),
    route('POST', '/pod/v1/admin/app/:id/delete', (ctx) => {
      requireAdmin(ctx);
      const app = findApp(ctx);
      ctx.state.apps.delete(app.appId);
      for (const settings of ctx.state.userApps.values()) { settings.delete(app.appId); }
      return success('Application deleted');
    }),
    route('GET', '/pod/v1/admin/app/entitlement/list', (ctx) => { requireAdmin(ctx); return ok([...ctx.state.apps.values()].map(podEntitlement)); }),
    route('POST', '/pod/v1/admin/app/entitlement/list', (ctx) => {
      requireAdmin(ctx);
      const updates = array(ctx.json(), 'body').map((item, i) => {
        const e = object(item, `[${i}]`);
        const appId = knownApp(ctx, e, i);
        const flag = (k: string): boolean => { const v = optBool(e[k], `[${i}].${k}`); if (v === undefined) { bad(`[${i}].${k} is required`); } return v; };
        return { appId, entitlement: { enable: flag('enable'), listed: flag('listed'), install: flag('install') } };
      });
      for (const u of updates) { (ctx.state.apps.get(u.appId) as AppRecord).entitlement = u.entitlement; }
      return ok(updates.map((u) => podEntitlement(ctx.state.apps.get(u.appId) as AppRecord)));
    }),
    route('GET', '/pod/v1/admin/user/:uid/app/entitlement/list', (ctx) => { requireAdmin(ctx); return ok(userEntitlements(ctx, userUid(ctx))); }),
    route('POST', '/pod/v1/admin/user/:uid/app/entitlement/list', (ctx) => {
      requireAdmin(ctx);
      const uid = userUid(ctx);
      const replacement = new Map<string, UserAppSetting>();
      array(ctx.json(), 'body').forEach((item, i) => {
        const e = object(item, `[${i}]`);
        const listed = optBool(e.listed, `[${i}].listed`);
        const install = optBool(e.install, `[${i}].install`);
        if (listed === undefined || install === undefined) { bad(`[${i}].listed and [${i}].install are required`); }
        replacement.set(knownApp(ctx, e, i), { listed, install });
      });
      ctx.state.userApps.set(uid, replacement);
      return ok(userEntitlements(ctx, uid));
    }),
    route('PATCH', '/pod/v1/admin/user/:uid/app/entitlement/list', (ctx) => {
      requireAdmin(ctx);
      const uid = userUid(ctx);
      const MODES = ['TRUE', 'FALSE', 'KEEP', 'REMOVE'] as const;
      const patches = array(ctx.json(), 'body').map((item, i) => {
        const e = object(item, `[${i}]`);
        return { appId: knownApp(ctx, e, i), listed: oneOf(e.listed ?? 'KEEP', MODES, `[${i}].listed`), install: oneOf(e.install ?? 'KEEP', MODES, `[${i}].install`) };
      });
      const own = ctx.state.userApps.get(uid) ?? new Map<string, UserAppSetting>();
      for (const p of patches) {
        const s = { ...own.get(p.appId) };
        for (const field of ['listed', 'install'] as const) {
          const mode = p[field];
          if (mode === 'TRUE' || mode === 'FALSE') { s[field] = mode === 'TRUE'; } else if (mode === 'REMOVE') { delete s[field]; }
        }
        own.set(p.appId, s);
      }
      ctx.state.userApps.set(uid, own);
      return ok(userEntitlements(ctx, uid));
    }),
  ];
}
