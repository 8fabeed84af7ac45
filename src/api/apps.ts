// Applications (/pod/v1/admin/app/*), pod-level and per-user app entitlements, and app (OBO) authentication.
// There is no "list applications" endpoint: the pod-wide list is the entitlement list.

import { createPublicKey } from 'node:crypto';
import { exchangeJwt, signJwt } from './auth';
import { ErrorContext } from './errors';
import { l10n } from '../text/l10n';
import { HttpTransport } from './http';
import { segment } from './paths';
import { Requester } from './requester';
import { SHAPES, Shape } from './shapes';
import {
  ApplicationDetail, PodAppEntitlementList, SuccessResponse, Token, UserAppEntitlementList, UserAppEntitlementsPatchList,
} from './types';
import {
  Check, UserIdInput, ValidationIssue, assertNoIssues, issuesOf, toUserId, validateAppId, validateCertificatePem,
  validateHttpsUrl, validatePermissionName, validateRequiredName,
} from './validation';

export class AppsApi {
  constructor(private readonly requester: Requester, private readonly transport: HttpTransport, private readonly origin: string) {}

  async createApplication(detail: ApplicationDetail): Promise<ApplicationDetail> {
    assertNoIssues(validateApplicationDetail(detail, true));
    return this.call<ApplicationDetail>('POST', '/pod/v1/admin/app/create', APPS, detail);
  }

  async getApplication(appId: string): Promise<ApplicationDetail> {
    return this.call<ApplicationDetail>('GET', `/pod/v1/admin/app/${segment(appId, 'appId')}/get`, appContext(appId), undefined, SHAPES.application);
  }

  /**
   * Sends `changes` (only what the user changed: see `applicationChanges`) and validates exactly that, so an app
   * the pod holds with an expired certificate, numeric property values or newer fields can still be edited.
   */
  async updateApplication(appId: string, changes: ApplicationDetail): Promise<ApplicationDetail> {
    assertNoIssues(validateApplicationDetail(changes, false));
    return this.call<ApplicationDetail>('POST', `/pod/v1/admin/app/${segment(appId, 'appId')}/update`, appContext(appId), changes);
  }

  /**
   * Whether the pod has an app with this id, decided from the pod-wide entitlement list: a real pod answers an
   * unknown app id with 400 (the spec documents no 404), which cannot be told apart from any other refusal.
   */
  async applicationExists(appId: string): Promise<boolean> {
    assertNoIssues(issuesOf([['applicationInfo.appId', validateAppId(appId)]]));
    return (await this.listPodAppEntitlements()).some(e => e.appId === appId);
  }

  async deleteApplication(appId: string): Promise<SuccessResponse> {
    return this.call<SuccessResponse>('POST', `/pod/v1/admin/app/${segment(appId, 'appId')}/delete`, appContext(appId));
  }

  /** Every application on the pod with its pod-level entitlement ("List Apps"). */
  async listPodAppEntitlements(): Promise<PodAppEntitlementList> {
    return this.call<PodAppEntitlementList>('GET', '/pod/v1/admin/app/entitlement/list', APPS, undefined, SHAPES.podAppEntitlements);
  }

  async updatePodAppEntitlements(list: PodAppEntitlementList): Promise<PodAppEntitlementList> {
    assertNoIssues(list.flatMap((e, i) => issuesOf([
      [`[${i}].appId`, validateAppId(e.appId)],
      // The name comes from the pod's own list (this operation cannot rename it): only the spec's length applies.
      [`[${i}].appName`, typeof e.appName === 'string' && e.appName.length >= 1 && e.appName.length <= 50 ? undefined
        : l10n.t("Entitlement {0} ({1}) needs the app's name, 1 to at most 50 characters.", i + 1, String(e.appId))],
      [`[${i}]`, ['enable', 'listed', 'install'].every(k => typeof (e as unknown as Record<string, unknown>)[k] === 'boolean')
        ? undefined : l10n.t('Entitlement {0} ({1}) needs enable, listed and install set to true or false.', i + 1, String(e.appId))],
    ])));
    return this.call<PodAppEntitlementList>('POST', '/pod/v1/admin/app/entitlement/list', APPS, list);
  }

  async getUserAppEntitlements(userId: UserIdInput): Promise<UserAppEntitlementList> {
    return this.call<UserAppEntitlementList>('GET', userEntitlementsPath(userId), userContext(userId), undefined, SHAPES.userAppEntitlements);
  }

  /** Replaces all of the user's app entitlements. */
  async replaceUserAppEntitlements(userId: UserIdInput, list: UserAppEntitlementList): Promise<UserAppEntitlementList> {
    const path = userEntitlementsPath(userId);
    assertNoIssues(list.flatMap((e, i) => issuesOf([
      [`[${i}].appId`, validateAppId(e.appId)],
      [`[${i}]`, typeof e.listed === 'boolean' && typeof e.install === 'boolean' ? undefined : l10n.t('Entitlement {0} ({1}) needs listed and install set to true or false.', i + 1, String(e.appId))],
    ])));
    return this.call<UserAppEntitlementList>('POST', path, userContext(userId), list);
  }

  /** Changes only the given apps (TRUE / FALSE / KEEP / REMOVE = back to the pod-level value). */
  async patchUserAppEntitlements(userId: UserIdInput, patch: UserAppEntitlementsPatchList): Promise<UserAppEntitlementList> {
    const path = userEntitlementsPath(userId);
    assertNoIssues(patch.flatMap((e, i) => issuesOf([[`[${i}].appId`, validateAppId(e.appId)]])));
    return this.call<UserAppEntitlementList>('PATCH', path, userContext(userId), patch);
  }

  /** App session token: POST /login/pubkey/app/authenticate with a JWT whose sub is the appId. */
  async authenticateApp(appId: string, privateKeyPem: string, passphrase?: string): Promise<Token> {
    const jwt = signJwt(appId, privateKeyPem, passphrase);
    return exchangeJwt(this.transport, `${this.origin}/login/pubkey/app/authenticate`, jwt);
  }

  private async call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, context: ErrorContext, body?: unknown, expect?: Shape): Promise<T> {
    const res = await this.requester.withSession<T>({ method, path, body, context, expect });
    return res.body as T;
  }
}

const APPS: ErrorContext = { area: 'apps' };
const appContext = (appId: string): ErrorContext => ({ area: 'apps', thing: l10n.t('the application "{0}"', appId) });
const userContext = (userId: UserIdInput): ErrorContext => ({ area: 'apps', thing: l10n.t('the user {0}', String(userId)) });
const userEntitlementsPath = (userId: UserIdInput) => `/pod/v1/admin/user/${toUserId(userId, 'uid').toString()}/app/entitlement/list`;

/** Every local problem with an application, with the pod's rules. `creating` makes appId and name required. */
export function validateApplicationDetail(detail: ApplicationDetail, creating: boolean): ValidationIssue[] {
  const shape = shapeIssues(detail);
  if (shape.length) return shape;
  const info = detail.applicationInfo ?? {};
  const checks: Array<[string, Check]> = [];
  if (creating || info.appId !== undefined) checks.push(['applicationInfo.appId', validateAppId(info.appId)]);
  if (creating || info.name !== undefined) checks.push(['applicationInfo.name', validateRequiredName(info.name, l10n.t('The application name'))]);
  if (info.appUrl !== undefined) checks.push(['applicationInfo.appUrl', validateHttpsUrl(info.appUrl, l10n.t('The app URL'))]);
  if (info.domain) checks.push(['applicationInfo.domain', domainMatches(info.domain, info.appUrl)]);
  if (detail.iconUrl !== undefined) checks.push(['iconUrl', validateHttpsUrl(detail.iconUrl, l10n.t('The icon URL'))]);
  if (detail.notification?.url !== undefined) checks.push(['notification.url', validateHttpsUrl(detail.notification.url, l10n.t('The notification URL'))]);
  (detail.permissions ?? []).forEach((p, i) => checks.push([`permissions[${i}]`, validatePermissionName(p)]));
  if (detail.cert) checks.push(['cert', validateCertificatePem(detail.cert)]);
  const current = detail.authenticationKeys?.current;
  if (current && current.action !== 'REVOKE') checks.push(['authenticationKeys.current.key', validatePublicKey(current.key)]);
  const keys = new Set<string>();
  (detail.properties ?? []).forEach((p, i) => {
    const key = p.key ?? '';
    const repeated = keys.has(key);
    keys.add(key);
    checks.push([`properties[${i}].key`, !key.trim() ? l10n.t('A property key cannot be blank.')
      : key.length > 1024 ? l10n.t('A property key must be at most 1024 characters.')
        : repeated ? l10n.t('The property key "{0}" is used twice; keys must be unique.', key) : undefined]);
    checks.push([`properties[${i}].value`, p.value === undefined || p.value === null ? l10n.t('The property "{0}" needs a value (it may be empty).', key)
      : typeof p.value !== 'string' ? l10n.t('The value of property "{0}" must be text, as the pod stores it (write "{1}").', key, String(p.value))
      : p.value.length > 4096 ? l10n.t('The value of property "{0}" must be at most 4096 characters.', key) : undefined]);
  });
  return issuesOf(checks);
}

const DETAIL_FIELDS: Record<string, 'string' | 'object' | 'array'> = {
  applicationInfo: 'object', iconUrl: 'string', description: 'string', allowOrigins: 'string', permissions: 'array',
  cert: 'string', authenticationKeys: 'object', notification: 'object', properties: 'array',
};
const INFO_FIELDS = ['appId', 'name', 'appUrl', 'domain', 'publisher'];
const KEY_FIELDS = ['key', 'expirationDate', 'action'];

/**
 * A manifest read from JSON can have any shape: refuse unknown fields (the pod would ignore or reject them, and a
 * typo such as "permisions" would silently drop the user's change) and fields of the wrong type, naming each one.
 */
function shapeIssues(detail: unknown): ValidationIssue[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(detail)) return [{ field: '', message: l10n.t('The manifest must be one JSON object ({ "applicationInfo": … }).') }];
  const issues: ValidationIssue[] = [];
  const unknown = (field: string, known: string[]) => issues.push({
    field, message: l10n.t('"{0}" is not a manifest field; remove it or fix its spelling (known: {1}).', field, known.join(', ')),
  });
  for (const [field, value] of Object.entries(detail)) {
    const kind = DETAIL_FIELDS[field];
    if (!kind) unknown(field, Object.keys(DETAIL_FIELDS));
    else if (value !== undefined && value !== null && (kind === 'array' ? !Array.isArray(value) : kind === 'object' ? !isObject(value) : typeof value !== 'string')) {
      issues.push({ field, message: kind === 'array' ? l10n.t('"{0}" must be a JSON array [ … ].', field)
        : kind === 'object' ? l10n.t('"{0}" must be a JSON object { … }.', field) : l10n.t('"{0}" must be a string.', field) });
    }
  }
  if (issues.length) return issues;
  const nested: Array<[string, unknown, string[]]> = [
    ['applicationInfo', detail.applicationInfo, INFO_FIELDS],
    ['notification', detail.notification, ['url', 'apiKey']],
    ['authenticationKeys', detail.authenticationKeys, ['current', 'previous']],
    ['authenticationKeys.current', isObject(detail.authenticationKeys) ? detail.authenticationKeys.current : undefined, KEY_FIELDS],
    ['authenticationKeys.previous', isObject(detail.authenticationKeys) ? detail.authenticationKeys.previous : undefined, KEY_FIELDS],
  ];
  for (const [path, value, known] of nested) {
    if (value === undefined || value === null) continue;
    if (!isObject(value)) issues.push({ field: path, message: l10n.t('"{0}" must be a JSON object { … }.', path) });
    else for (const field of Object.keys(value)) if (!known.includes(field)) unknown(`${path}.${field}`, known);
  }
  if (isObject(detail.applicationInfo)) {
    for (const field of INFO_FIELDS) {
      const value = detail.applicationInfo[field];
      if (value !== undefined && typeof value !== 'string') issues.push({ field: `applicationInfo.${field}`, message: l10n.t('"{0}" must be a string.', `applicationInfo.${field}`) });
    }
  }
  (Array.isArray(detail.permissions) ? detail.permissions : []).forEach((p, i) => {
    if (typeof p !== 'string') issues.push({ field: `permissions[${i}]`, message: l10n.t('Permission {0} must be a string such as "SEND_MESSAGES".', i + 1) });
  });
  (Array.isArray(detail.properties) ? detail.properties : []).forEach((p, i) => {
    if (!isObject(p)) issues.push({ field: `properties[${i}]`, message: l10n.t('Property {0} must be an object { "key": …, "value": … }.', i + 1) });
    else for (const field of Object.keys(p)) if (field !== 'key' && field !== 'value') unknown(`properties[${i}].${field}`, ['key', 'value']);
  });
  return issues;
}

function domainMatches(domain: string, appUrl: string | undefined): Check {
  let host: string | undefined;
  try { host = appUrl ? new URL(appUrl).hostname.toLowerCase() : undefined; } catch { host = undefined; }
  const d = domain.toLowerCase().replace(/^\./, '');
  if (!host) return l10n.t("Set the app URL too: the domain must match the app URL's domain.");
  return host === d || host.endsWith(`.${d}`) ? undefined : l10n.t('The domain "{0}" does not match the app URL\'s host ({1}).', domain, host);
}

/** The app's RSA public key in PEM. A private key pasted by mistake is refused: it must never leave the machine. */
export function validatePublicKey(pem: string | undefined): Check {
  if (!pem || !pem.trim()) return l10n.t("Paste the app's RSA public key (-----BEGIN PUBLIC KEY-----).");
  if (/PRIVATE KEY-----/.test(pem)) return l10n.t('This is a private key: paste the public key (-----BEGIN PUBLIC KEY-----) and keep the private key secret.');
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'rsa' ? undefined : l10n.t('The app key must be an RSA public key.');
  } catch {
    return l10n.t('The public key could not be read: paste an RSA public key in PEM format (-----BEGIN PUBLIC KEY-----).');
  }
}
