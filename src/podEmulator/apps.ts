// Applications: create/get/update/delete, pod-level entitlements and per-user entitlements (GET/POST/PATCH).
// Key rotation follows the account rules in keyRules.ts.
import * as crypto from 'node:crypto';
import { requireAdmin } from './auth';
import { APP_KEY_FIELDS, applyKeys } from './keyRules';
import { Ctx, Route, notFound, ok, route, success } from './router';
import { APPLICATION_DETAIL, POD_APP_ENTITLEMENT, USER_APP_ENTITLEMENT, USER_APP_ENTITLEMENT_PATCH, bodyOf } from './shapes';
import type { AppKey, AppRecord, UserAppSetting } from './state';
import { Obj, array, bad, int64, object, oneOf, optBool, optString, reqString } from './validate';

export { ROTATED_KEY_TTL_MS } from './keyRules';
const PERMISSION = /^[A-Z0-9_]{1,64}$/;

function httpsUrl(value: unknown, what: string): string | undefined {
  const s = optString(value, what);
  if (s !== undefined && !s.startsWith('https://')) { bad(`${what} must start with "https://"`); }
  return s;
}

function appKeys(body: Obj, keys: AppRecord['keys']): AppRecord['keys'] {
  const { current, previous } = applyKeys(body, keys, APP_KEY_FIELDS);
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
    // The spec's own example holds a number (`{key: 'port', value: 4000}`) and pods hold such values.
    if (typeof p.value !== 'string' && typeof p.value !== 'number') { bad(`properties[${i}].value must be a string`); }
    if (String(p.value).length > 4096) { bad(`properties[${i}].value must be at most 4096 characters`); }
    return { key, value: p.value };
  });
}

/** `cert`: unchanged is kept as the pod holds it; a new value must be an X.509 certificate or a public key PEM (the spec's example). */
function appCert(value: unknown, base: AppRecord | undefined): string | undefined {
  const cert = optString(value, 'cert');
  if (cert === undefined || cert === '' || cert === base?.cert) { return cert === undefined ? base?.cert : cert || undefined; }
  const parses = (f: () => unknown): boolean => { try { f(); return true; } catch { return false; } };
  if (!parses(() => new crypto.X509Certificate(cert)) && !(cert.includes('PUBLIC KEY') && parses(() => crypto.createPublicKey(cert)))) {
    bad('cert is not a valid X.509 certificate or public key PEM');
  }
  return cert;
}

/** Validates an ApplicationDetail fully and returns the merged record; `base` is the stored app on update. `null` = absent. */
function parseDetail(value: unknown, base: AppRecord | undefined): AppRecord {
  const body = object(value, 'body');
  const info = object(body.applicationInfo ?? (base ? {} : undefined), 'applicationInfo');
  const appId = base ? base.appId : reqString(info.appId, 'applicationInfo.appId');
  if (base && info.appId != null && info.appId !== base.appId) { bad('applicationInfo.appId cannot be changed'); }
  if (appId.length > 256) { bad('applicationInfo.appId must be 1 to 256 characters'); }
  const name = info.name == null && base ? base.name : reqString(info.name, 'applicationInfo.name');
  const appUrl = httpsUrl(info.appUrl, 'applicationInfo.appUrl') ?? base?.appUrl;
  const domain = optString(info.domain, 'applicationInfo.domain') ?? base?.domain;
  if (domain) {
    const host = appUrl ? new URL(appUrl).hostname.toLowerCase() : undefined;
    const d = domain.toLowerCase().replace(/^\./, '');
    if (!host || !(host === d || host.endsWith(`.${d}`))) { bad(`applicationInfo.domain "${domain}" must match the app URL domain`); }
  }
  const permissions = body.permissions == null ? base?.permissions ?? []
    : array(body.permissions, 'permissions').map((p, i) => {
      if (typeof p !== 'string' || !PERMISSION.test(p)) { bad(`permissions[${i}] must contain only upper-case letters, digits and "_" (1 to 64 characters)`); }
      return p;
    });
  const notification = body.notification == null ? base?.notification : (() => {
    const n = object(body.notification, 'notification');
    return { url: httpsUrl(n.url, 'notification.url'), apiKey: optString(n.apiKey, 'notification.apiKey') };
  })();
  return {
    appId, name, appUrl, domain,
    publisher: optString(info.publisher, 'applicationInfo.publisher') ?? base?.publisher,
    iconUrl: httpsUrl(body.iconUrl, 'iconUrl') ?? base?.iconUrl,
    description: optString(body.description, 'description') ?? base?.description,
    allowOrigins: optString(body.allowOrigins, 'allowOrigins') ?? base?.allowOrigins,
    permissions, cert: appCert(body.cert, base),
    keys: body.authenticationKeys == null ? base?.keys ?? {} : appKeys(object(body.authenticationKeys, 'authenticationKeys'), base?.keys ?? {}),
    notification,
    properties: properties(body.properties) ?? base?.properties ?? [],
    entitlement: base?.entitlement ?? { enable: true, listed: true, install: false },
    newerFields: base?.newerFields,
  };
}

export function appDetail(a: AppRecord): unknown {
  const key = (k: AppKey | undefined): unknown => k && (k.expirationDate ? { key: k.key, expirationDate: k.expirationDate } : { key: k.key });
  return {
    applicationInfo: { appId: a.appId, name: a.name, appUrl: a.appUrl, domain: a.domain, publisher: a.publisher, ...a.newerFields?.applicationInfo },
    iconUrl: a.iconUrl, description: a.description, allowOrigins: a.allowOrigins, permissions: a.permissions, cert: a.cert,
    authenticationKeys: a.keys.current || a.keys.previous ? { current: key(a.keys.current), previous: key(a.keys.previous) } : undefined,
    notification: a.notification, properties: a.properties, ...a.newerFields?.detail,
  };
}

function findApp(ctx: Ctx): AppRecord {
  const app = ctx.state.apps.get(ctx.params.id);
  if (!app) { throw notFound(ctx, `App ${ctx.params.id} not found`); }
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
      const app = parseDetail(bodyOf(ctx, APPLICATION_DETAIL), undefined);
      if (ctx.state.apps.has(app.appId)) { bad(`Application ${app.appId} already exists`); }
      ctx.state.apps.set(app.appId, app);
      return ok(appDetail(app));
    }),
    route('GET', '/pod/v1/admin/app/:id/get', (ctx) => { requireAdmin(ctx); return ok(appDetail(findApp(ctx))); }),
    route('POST', '/pod/v1/admin/app/:id/update', (ctx) => {
      requireAdmin(ctx);
      const app = parseDetail(bodyOf(ctx, APPLICATION_DETAIL), findApp(ctx));
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
      const updates = array(bodyOf(ctx, POD_APP_ENTITLEMENT, true), 'body').map((item, i) => {
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
      array(bodyOf(ctx, USER_APP_ENTITLEMENT, true), 'body').forEach((item, i) => {
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
      const patches = array(bodyOf(ctx, USER_APP_ENTITLEMENT_PATCH, true), 'body').map((item, i) => {
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
