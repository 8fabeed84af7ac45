// The fields each request body may hold, written from the official spec files (pod-api-public.yaml,
// profile-manager-api.yaml). A real pod refuses a body with any other field ("We will reject requests containing
// unrecognized fields in request body", docs admin-guide/api-change-management.md); `refuseUnknownFields` does so.
import type { Ctx } from './router';
import { bad } from './validate';

/** `true` = a leaf; a nested Shape = an object; `[Shape]` = an array of such objects. */
export type Shape = { readonly [field: string]: true | Shape | readonly [Shape] };

const leaves = (...names: string[]): Shape => Object.fromEntries(names.map((n) => [n, true as const]));

// pod-api-public.yaml
const APP_KEY = leaves('key', 'expirationDate', 'action'); // AppAuthenticationKey
export const APPLICATION_DETAIL: Shape = {
  applicationInfo: leaves('appId', 'name', 'appUrl', 'domain', 'publisher'),
  iconUrl: true, description: true, allowOrigins: true, permissions: true, cert: true,
  authenticationKeys: { current: APP_KEY, previous: APP_KEY },
  notification: leaves('url', 'apiKey'),
  properties: [leaves('key', 'value')],
};
export const CERT_ATTRIBUTES: Shape = { name: true, type: leaves('type'), status: leaves('type') }; // CompanyCertAttributes
export const COMPANY_CERT: Shape = { pem: true, attributes: CERT_ATTRIBUTES };
export const STRING_ID = leaves('id');
export const CERT_TYPE = leaves('type');
export const USER_CONNECTION_REQUEST = leaves('userId');
export const USER_SEARCH_QUERY: Shape = { query: true, filters: leaves('accountTypes', 'title', 'company', 'location', 'marketCoverage', 'responsibility', 'function', 'instrument') };
const USER_KEY = leaves('key', 'expirationDate', 'action'); // V2UserKeyRequest
export const V2_USER_ATTRIBUTES: Shape = {
  ...leaves('emailAddress', 'firstName', 'lastName', 'userName', 'displayName', 'companyName', 'department', 'division', 'title',
    'workPhoneNumber', 'mobilePhoneNumber', 'twoFactorAuthPhone', 'smsNumber', 'accountType', 'location', 'recommendedLanguage', 'jobFunction',
    'assetClasses', 'industries', 'marketCoverage', 'responsibility', 'function', 'instrument', 'userMetadata'),
  currentKey: USER_KEY, previousKey: USER_KEY,
};
export const V2_USER_CREATE: Shape = { userAttributes: V2_USER_ATTRIBUTES, password: leaves('hSalt', 'hPassword', 'khSalt', 'khPassword'), roles: true };
export const USER_FILTER = leaves('role', 'feature', 'status');
export const USER_STATUS = leaves('status', 'suspended', 'suspendedUntil', 'suspensionReason');
export const FEATURE_LIST = leaves('entitlment', 'enabled');
export const POD_APP_ENTITLEMENT = leaves('appId', 'appName', 'enable', 'listed', 'install');
const PRODUCT = leaves('appId', 'name', 'sku', 'subscribed', 'type');
export const USER_APP_ENTITLEMENT: Shape = { ...leaves('appId', 'appName', 'listed', 'install'), products: [PRODUCT] };
export const USER_APP_ENTITLEMENT_PATCH: Shape = { ...leaves('appId', 'listed', 'install'), product: PRODUCT };

// profile-manager-api.yaml
const MEMBER = leaves('memberTenant', 'memberId');
const BASE_PROFILE = leaves(
  'displayName', 'companyName', 'email', 'mobile', 'jobTitle', 'jobRole', 'jobDepartment', 'jobDivision', 'jobPhone', 'jobCity',
  'industryOfInterest', 'assetClassesOfInterest', 'marketCoverage', 'responsibility', 'function', 'instrument',
);
const RESTRICTION = leaves('restrictedTenantsList', 'restrictedUsersList');
export const CREATE_GROUP: Shape = {
  ...leaves('type', 'ownerType', 'ownerId', 'name', 'subType', 'referrer'),
  members: [MEMBER], profile: BASE_PROFILE,
  visibilityRestriction: RESTRICTION, implicitConnection: leaves('connectedTenantsList', 'connectedUsersList'), interactionTransfer: RESTRICTION,
};
export const UPDATE_GROUP: Shape = { ...CREATE_GROUP, ...leaves('id', 'status', 'eTag') };
export const ADD_MEMBER: Shape = { member: MEMBER };
export const UPLOAD_AVATAR = leaves('image'); // also AvatarUpdate (pod API)

/** Throws 400 naming the first field `shape` does not define (dotted path, `[i]` for list items). */
export function checkFields(value: unknown, shape: Shape, where = ''): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) { return; }
  for (const [field, v] of Object.entries(value)) {
    const path = where ? `${where}.${field}` : field;
    const def = shape[field];
    if (def === undefined) { bad(`Unrecognized field "${path}": the operation does not define it`); }
    if (def === true || v === null) { continue; }
    if (Array.isArray(def)) {
      if (Array.isArray(v)) { v.forEach((item, i) => checkFields(item, def[0], `${path}[${i}]`)); }
    } else {
      checkFields(v, def as Shape, path);
    }
  }
}

/** The parsed JSON body, refused with 400 when it holds a field the operation does not define (unless lenient). */
export function bodyOf(ctx: Ctx, shape: Shape, list = false): unknown {
  const body = ctx.json();
  if (!ctx.env.config.strictFields) { return body; }
  if (list && Array.isArray(body)) { body.forEach((item, i) => checkFields(item, shape, `[${i}]`)); } else if (!list) { checkFields(body, shape); }
  return body;
}
