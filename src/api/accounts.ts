// Administration of one account, person or service account (`/pod/v2/admin/user/*`, `/pod/v1/admin/user/{uid}/*`,
// the system role and feature lists, `/pod/v1/users/{uid}/sessions`), and signing in as a service account to check
// its key. A service account is a user with `accountType: SYSTEM`; its RSA keys are `userAttributes.currentKey` /
// `previousKey` (rotation rules: src/credentials/keyRotation.ts). The user list itself is in users.ts (the tree and
// the expiry radar page it). Not built with every client: `client.area(AccountsApi)` builds it on first use, so the
// extension bundle need not carry it (the accounts part does).

import { validatePublicKey } from './apps';
import { exchangeJwt, signJwt } from './auth';
import { ErrorContext } from './errors';
import { l10n } from '../text/l10n';
import { HttpTransport } from './http';
import { PageRequest, pageQuery, segment } from './paths';
import { Requester } from './requester';
import { SHAPES, Shape } from './shapes';
import { MAX_USER_IDS_PER_REQUEST, UserLookupOptions } from './users';
import {
  AccountType, Avatar, Feature, RoleDetail, SuccessResponse, Token, UserFilter, UserStatus, V1Session, V1UserSessions,
  V2UserAttributes, V2UserCreate, V2UserDetail, V2UserList,
} from './types';
import {
  Check, UserIdInput, ValidationIssue, assertNoIssues, assertValid, issuesOf, toUserId, validateAvatar, validateNoInvisible,
  validateRequiredName, validateTextField,
} from './validation';

export class AccountsApi {
  constructor(private readonly requester: Requester, private readonly transport: HttpTransport, private readonly origin: string) {}

  /** Users with a role, a feature or a status (POST, a read). */
  async findAccounts(filter: UserFilter, page: PageRequest = {}): Promise<V2UserDetail[]> {
    assertNoIssues(issuesOf([
      ['role', filter.role === undefined ? undefined : validateRoleId(filter.role)],
      ['feature', filter.feature === undefined ? undefined : validateNoInvisible(filter.feature, l10n.t('The feature'))],
      ['status', filter.status === undefined || filter.status === 'ENABLED' || filter.status === 'DISABLED' ? undefined : l10n.t('status is ENABLED or DISABLED.')],
    ]));
    return this.call<V2UserDetail[]>('POST', '/pod/v1/admin/user/find', { ...ACCOUNTS, changesNothing: true }, filter, SHAPES.accountList, pageQuery(page));
  }

  /** Users by exact email address or username (GET /pod/v3/users, up to 100 at once); unknown ones are absent. */
  async findUsersBy(field: 'email' | 'username', values: string[], options: UserLookupOptions = {}): Promise<V2UserList> {
    const byEmail = field === 'email';
    const label = byEmail ? l10n.t('The email') : l10n.t('The username');
    assertValid(field, values.length === 0 ? (byEmail ? l10n.t('At least one email is required.') : l10n.t('At least one username is required.'))
      : values.length > MAX_USER_IDS_PER_REQUEST
        ? (byEmail ? l10n.t('At most {0} emails can be looked up in one request.', MAX_USER_IDS_PER_REQUEST)
          : l10n.t('At most {0} usernames can be looked up in one request.', MAX_USER_IDS_PER_REQUEST))
        : values.map((v) => validateNoInvisible(v, label) ?? (v.includes(',') ? l10n.t('{0} cannot contain ",".', label) : undefined)).find(Boolean));
    const res = await this.requester.withSession<V2UserList>({
      method: 'GET', path: '/pod/v3/users', query: { [field]: values.join(','), local: String(options.local ?? false) }, context: { area: 'users' }, expect: SHAPES.userList,
    });
    return res.body ?? { users: [] };
  }

  async getAccount(uid: UserIdInput): Promise<V2UserDetail> {
    return this.call<V2UserDetail>('GET', `/pod/v2/admin/user/${uidOf(uid)}`, accountContext(uid), undefined, SHAPES.account);
  }

  /** Creates a person or a service account; a service account's key is a public key (the private key never leaves the machine). */
  async createAccount(create: V2UserCreate): Promise<V2UserDetail> {
    assertNoIssues(validateAccountCreate(create));
    return this.call<V2UserDetail>('POST', '/pod/v2/admin/user/create', ACCOUNTS, create);
  }

  /** Sends `changes` only (the pod merges; a real pod refuses fields the update does not define). */
  async updateAccount(uid: UserIdInput, changes: V2UserAttributes): Promise<V2UserDetail> {
    const path = `/pod/v2/admin/user/${uidOf(uid)}/update`;
    assertNoIssues(validateAccountAttributes(changes, false));
    return this.call<V2UserDetail>('POST', path, accountContext(uid), changes);
  }

  async getAccountStatus(uid: UserIdInput): Promise<UserStatus> {
    return this.call<UserStatus>('GET', `/pod/v1/admin/user/${uidOf(uid)}/status`, accountContext(uid), undefined, SHAPES.accountStatus);
  }

  async setAccountStatus(uid: UserIdInput, status: 'ENABLED' | 'DISABLED'): Promise<SuccessResponse> {
    const path = `/pod/v1/admin/user/${uidOf(uid)}/status/update`;
    assertValid('status', status === 'ENABLED' || status === 'DISABLED' ? undefined : l10n.t('status is ENABLED or DISABLED.'));
    return this.call<SuccessResponse>('POST', path, accountContext(uid), { status });
  }

  async listRoles(): Promise<RoleDetail[]> {
    return this.call<RoleDetail[]>('GET', '/pod/v1/admin/system/roles/list', ACCOUNTS, undefined, SHAPES.roleList);
  }

  async addRole(uid: UserIdInput, roleId: string): Promise<SuccessResponse> {
    return this.changeRole(uid, roleId, 'add');
  }

  async removeRole(uid: UserIdInput, roleId: string): Promise<SuccessResponse> {
    return this.changeRole(uid, roleId, 'remove');
  }

  async listFeatureNames(): Promise<string[]> {
    return this.call<string[]>('GET', '/pod/v1/admin/system/features/list', ACCOUNTS, undefined, SHAPES.featureNames);
  }

  async getFeatures(uid: UserIdInput): Promise<Feature[]> {
    return this.call<Feature[]>('GET', `/pod/v1/admin/user/${uidOf(uid)}/features`, accountContext(uid), undefined, SHAPES.features);
  }

  /** Changes the listed features only; each entry is `{ entitlment, enabled }` (the spec's spelling). */
  async updateFeatures(uid: UserIdInput, features: Feature[]): Promise<SuccessResponse> {
    const path = `/pod/v1/admin/user/${uidOf(uid)}/features/update`;
    assertNoIssues(features.flatMap((f, i) => issuesOf([
      [`[${i}].entitlment`, typeof f.entitlment === 'string' && f.entitlment.trim() ? validateNoInvisible(f.entitlment, l10n.t('The feature')) : l10n.t('Feature {0} needs its name.', i + 1)],
      [`[${i}].enabled`, typeof f.enabled === 'boolean' ? undefined : l10n.t('Feature {0} ({1}) needs enabled set to true or false.', i + 1, String(f.entitlment))],
    ])));
    return this.call<SuccessResponse>('POST', path, accountContext(uid), features.map(f => ({ entitlment: f.entitlment, enabled: f.enabled })));
  }

  /** The account's open sessions; none (or an unknown user, 204) is an empty list. */
  async listSessions(uid: UserIdInput): Promise<V1Session[]> {
    const body = await this.call<V1UserSessions | undefined>('GET', `/pod/v1/users/${uidOf(uid)}/sessions`, accountContext(uid), undefined, SHAPES.sessions);
    return body?.sessions ?? [];
  }

  /** Ends every session of the account (its bots sign in again on their next 401). */
  async logoutSessions(uid: UserIdInput): Promise<SuccessResponse> {
    return this.call<SuccessResponse>('POST', `/pod/v1/users/${uidOf(uid)}/sessions/logout`, accountContext(uid));
  }

  async logoutSession(uid: UserIdInput, sessionId: string): Promise<SuccessResponse> {
    return this.call<SuccessResponse>('POST', `/pod/v1/users/${uidOf(uid)}/sessions/${segment(sessionId, 'sessionId')}/logout`, accountContext(uid));
  }

  async getAvatars(uid: UserIdInput): Promise<Avatar[]> {
    return this.call<Avatar[]>('GET', `/pod/v1/admin/user/${uidOf(uid)}/avatar`, accountContext(uid), undefined, SHAPES.avatars);
  }

  async updateAvatar(uid: UserIdInput, image: Uint8Array): Promise<SuccessResponse> {
    const path = `/pod/v1/admin/user/${uidOf(uid)}/avatar/update`;
    assertValid('image', validateAvatar(image));
    return this.call<SuccessResponse>('POST', path, accountContext(uid), { image: Buffer.from(image).toString('base64') });
  }

  /**
   * Signs in as a service account with `privateKeyPem` (POST /login/pubkey/authenticate) and returns its session
   * token: whether the pod accepts this key now. The caller's own session is not touched.
   */
  async authenticateServiceAccount(username: string, privateKeyPem: string, passphrase?: string): Promise<Token> {
    const jwt = signJwt(username, privateKeyPem, passphrase);
    return exchangeJwt(this.transport, `${this.origin}/login/pubkey/authenticate`, jwt);
  }

  private async changeRole(uid: UserIdInput, roleId: string, verb: 'add' | 'remove'): Promise<SuccessResponse> {
    const path = `/pod/v1/admin/user/${uidOf(uid)}/roles/${verb}`;
    assertValid('id', validateRoleId(roleId));
    return this.call<SuccessResponse>('POST', path, accountContext(uid), { id: roleId });
  }

  private async call<T>(method: 'GET' | 'POST', path: string, context: ErrorContext, body?: unknown, expect?: Shape, query?: Record<string, number | undefined>): Promise<T> {
    const res = await this.requester.withSession<T>({ method, path, body, context, expect, query });
    return res.body as T;
  }
}

const ACCOUNTS: ErrorContext = { area: 'accounts' };
const accountContext = (uid: UserIdInput): ErrorContext => ({ area: 'accounts', thing: l10n.t('the account {0}', String(uid)) });
const uidOf = (uid: UserIdInput) => toUserId(uid, 'uid').toString();

/** A role id as the pod spells them: USER_PROVISIONING, INDIVIDUAL, … */
export function validateRoleId(roleId: string | undefined): Check {
  return roleId && /^[A-Z][A-Z0-9_]{0,63}$/.test(roleId) ? undefined
    : l10n.t('"{0}" is not a role id (upper-case letters, digits and "_", such as USER_PROVISIONING).', roleId ?? '');
}

/** A username: required, no spaces, nothing invisible. */
export function validateUserName(value: string | undefined): Check {
  const name = validateRequiredName(value, l10n.t('The username'));
  if (name) return name;
  return /\s/.test(value!) ? l10n.t('The username cannot contain spaces.') : undefined;
}

export function validateEmail(value: string | undefined, required: boolean): Check {
  if (!value) return required ? l10n.t('An email address is required.') : undefined;
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value) ? undefined : l10n.t('"{0}" is not an email address.', value);
}

const TEXT_FIELDS = ['emailAddress', 'firstName', 'lastName', 'userName', 'displayName', 'companyName', 'department', 'division', 'title',
  'workPhoneNumber', 'mobilePhoneNumber', 'twoFactorAuthPhone', 'smsNumber', 'accountType', 'location', 'recommendedLanguage', 'jobFunction'];
const LIST_FIELDS = ['assetClasses', 'industries', 'marketCoverage', 'responsibility', 'function', 'instrument'];
const KEY_FIELDS = ['key', 'expirationDate', 'action'];
/** Every field `V2UserAttributes` defines: anything else would be refused by the pod, so it is refused here first. */
export const ACCOUNT_ATTRIBUTE_FIELDS: readonly string[] = [...TEXT_FIELDS, ...LIST_FIELDS, 'currentKey', 'previousKey', 'userMetadata'];

/**
 * What the free-text attributes are called in sentences ("The firstName is …"): the attribute's name as the pod
 * spells it, so the user finds it in the form or the file. Getters: the text is asked for when a check runs.
 */
const ATTRIBUTE_LABELS: Record<'firstName' | 'lastName' | 'companyName' | 'department' | 'division' | 'title' | 'location' | 'jobFunction', string> = {
  get firstName() { return l10n.t('The firstName'); },
  get lastName() { return l10n.t('The lastName'); },
  get companyName() { return l10n.t('The companyName'); },
  get department() { return l10n.t('The department'); },
  get division() { return l10n.t('The division'); },
  get title() { return l10n.t('The title'); },
  get location() { return l10n.t('The location'); },
  get jobFunction() { return l10n.t('The jobFunction'); },
};

/** Every local problem with attributes to send; `creating` makes username and display name required. */
export function validateAccountAttributes(attributes: V2UserAttributes, creating: boolean, accountType?: AccountType): ValidationIssue[] {
  const a = attributes as Record<string, unknown>;
  const checks: Array<[string, Check]> = [];
  for (const [field, value] of Object.entries(a)) {
    if (value === undefined) continue;
    if (!ACCOUNT_ATTRIBUTE_FIELDS.includes(field)) checks.push([field, l10n.t('"{0}" is not a user attribute the pod accepts; remove it or fix its spelling.', field)]);
    else if (TEXT_FIELDS.includes(field) && typeof value !== 'string') checks.push([field, l10n.t('"{0}" must be text.', field)]);
    else if (LIST_FIELDS.includes(field) && !(Array.isArray(value) && value.every(v => typeof v === 'string'))) checks.push([field, l10n.t('"{0}" must be a list of text.', field)]);
  }
  for (const slot of ['currentKey', 'previousKey'] as const) {
    const key = a[slot];
    if (key === undefined) continue;
    if (typeof key !== 'object' || key === null) checks.push([slot, l10n.t('"{0}" must be an object { key, action }.', slot)]);
    else for (const field of Object.keys(key)) if (!KEY_FIELDS.includes(field)) checks.push([`${slot}.${field}`, l10n.t('"{0}" is not a key field (known: {1}).', `${slot}.${field}`, KEY_FIELDS.join(', '))]);
  }
  if (checks.length) return issuesOf(checks);
  if (creating || attributes.userName !== undefined) checks.push(['userName', validateUserName(attributes.userName)]);
  if (creating || attributes.displayName !== undefined) checks.push(['displayName', validateRequiredName(attributes.displayName, l10n.t('The display name'))]);
  if (creating || attributes.emailAddress !== undefined) checks.push(['emailAddress', validateEmail(attributes.emailAddress, creating && accountType !== 'SYSTEM')]);
  for (const field of ['firstName', 'lastName', 'companyName', 'department', 'division', 'title', 'location', 'jobFunction'] as const) {
    if (attributes[field] !== undefined) checks.push([field, validateTextField(attributes[field], ATTRIBUTE_LABELS[field])]);
  }
  if (attributes.accountType !== undefined) checks.push(['accountType', attributes.accountType === 'NORMAL' || attributes.accountType === 'SYSTEM' ? undefined : l10n.t('accountType is NORMAL (a person) or SYSTEM (a service account).')]);
  const current = attributes.currentKey;
  if (current && current.action !== 'REVOKE') checks.push(['currentKey.key', validatePublicKey(current.key)]);
  if (creating && attributes.previousKey) checks.push(['previousKey', l10n.t('A new account has no previous key.')]);
  if ((current || attributes.previousKey) && accountType === 'NORMAL') checks.push(['currentKey', l10n.t('Only service accounts (accountType SYSTEM) have RSA keys.')]);
  return issuesOf(checks);
}

export function validateAccountCreate(create: V2UserCreate): ValidationIssue[] {
  const extra = Object.keys(create).filter(k => k !== 'userAttributes' && k !== 'roles');
  if (extra.length) return extra.map(field => ({ field, message: l10n.t('"{0}" is not part of an account to create (userAttributes, roles).', field) }));
  const type = create.userAttributes?.accountType ?? 'NORMAL';
  return [
    ...validateAccountAttributes(create.userAttributes ?? {}, true, type),
    ...issuesOf((create.roles ?? []).map((r, i): [string, Check] => [`roles[${i}]`, validateRoleId(r)])),
  ];
}
