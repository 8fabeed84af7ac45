// The emulator's in-memory data: accounts, sessions, directory users, company certificates, apps, connections,
// groups. Plain data so tests can change things "behind the client's back" through `control.state`.

export type CertType = 'USERSIGNING' | 'USER' | 'OPERATIONSSIGNING' | 'OPERATIONSUSER';
export type CertStatus = 'TRUSTED' | 'KNOWN' | 'REVOKED' | 'DISABLED';
export const CERT_TYPES: readonly CertType[] = ['USERSIGNING', 'USER', 'OPERATIONSSIGNING', 'OPERATIONSUSER'];
export const CERT_STATUSES: readonly CertStatus[] = ['TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'];

export interface Account {
  id: number;
  username: string;
  firstName: string;
  lastName: string;
  displayName: string;
  emailAddress: string;
  company: string;
  title: string;
  roles: string[];
  /** Holds the Group Manager entitlement needed by Profile Manager. */
  groupManager: boolean;
  publicKeyPem: string;
}

export interface Session {
  token: string; accountId: number; expiresAt: number;
  /** For `GET /v1/users/{uid}/sessions`; RSA sessions end when the account's current key is revoked. */
  id?: string; createdAt?: number; rsa?: boolean; userAgent?: string;
}
export interface AppSession { token: string; appId: string; expiresAt: number }
export interface Bearer { token: string; accountId: number; expiresAt: number }

export interface DirectoryUser {
  id: number; username: string; displayName: string; company: string; podId: number; internal: boolean;
  firstName?: string; lastName?: string; emailAddress?: string; title?: string; accountType?: 'NORMAL' | 'SYSTEM';
  /** Deactivated users are still found by id (with `active` unset), never by search. */
  active?: boolean;
  /** Administered accounts (`/v2/admin/user/*`): this pod's users. */
  admin?: AdminRecord;
}

/** What user administration holds beyond the directory entry. */
export interface AdminRecord {
  roles: string[];
  /** entitlement name → enabled */
  features: Record<string, boolean>;
  /** RSA keys (service accounts); the rotation rules are in keyRules.ts. */
  keys: { current?: AppKey; previous?: AppKey };
  /** V2UserAttributes the directory entry does not hold (department, location, phone numbers, …). */
  attributes: Record<string, unknown>;
  createdDate: number;
  createdBy?: string;
  lastUpdatedDate: number;
  lastLoginDate?: number;
  avatars?: Array<{ size: string; url: string }>;
}

export interface CertRecord {
  fingerPrint: string;
  /** Present for real certificates; synthetic records made for scale have none. */
  pem?: string;
  attributes: { name: string; type: { type: CertType }; status: { type: CertStatus } };
  info: {
    fingerPrint: string; issuerFingerPrint?: string; lastSeen?: number; updatedAt: number; updatedBy: number;
    commonName: string; expiryDate: number;
  };
  podManaged: boolean;
  details: { subject: string; issuer: string; serialNumber: string; notBefore: number; notAfter: number; keyAlgorithm: string; keySize: number; sha256: string };
}

export interface AppKey { key: string; expirationDate?: number }
export interface AppRecord {
  appId: string;
  name: string;
  appUrl?: string;
  domain?: string;
  publisher?: string;
  iconUrl?: string;
  description?: string;
  allowOrigins?: string;
  permissions: string[];
  cert?: string;
  keys: { current?: AppKey; previous?: AppKey };
  notification?: { url?: string; apiKey?: string };
  /** Real pods hold numbers too (the spec's example: `{key: 'port', value: 4000}`). */
  properties: Array<{ key: string; value: string | number }>;
  entitlement: { enable: boolean; listed: boolean; install: boolean };
  /** Fields a newer pod returns that the spec (and our client's types) do not define yet; read-only. */
  newerFields?: { detail?: Record<string, unknown>; applicationInfo?: Record<string, unknown> };
}

export interface UserAppSetting { listed?: boolean; install?: boolean }

export type ConnectionStatus = 'PENDING_INCOMING' | 'PENDING_OUTGOING' | 'ACCEPTED' | 'REJECTED';
export interface Connection { userId: number; status: ConnectionStatus; firstRequestedAt: number; updatedAt: number; requestCounter: number }

export interface Member { memberTenant: number; memberId: number; addedDate: string; status: 'ENABLED' | 'DISABLED' }
export interface Group {
  id: string;
  /** Creation order; the paging cursor is built from it. */
  seq: number;
  version: number;
  type: string;
  ownerType: 'PLATFORM' | 'TENANT' | 'USER';
  ownerId: number;
  name: string;
  status: 'ACTIVE' | 'DELETED';
  createdDate: string;
  createdBy: string;
  updatedDate: string;
  updatedBy: string;
  eTag: string;
  members: Member[];
  profile?: Record<string, unknown> & { avatars?: Array<{ size: string; url: string }> };
  visibilityRestriction?: unknown;
  implicitConnection?: unknown;
  interactionTransfer?: unknown;
  subType?: string;
  referrer?: string;
}

export interface GroupType { id: string; ownerType: string; name: string; status: 'ACTIVE' | 'DELETED'; profileControl: unknown; membershipControl: unknown; interactionControl: unknown }

export interface EmulatorState {
  podId: number;
  accounts: Map<string, Account>;
  sessions: Map<string, Session>;
  appSessions: Map<string, AppSession>;
  bearers: Map<string, Bearer>;
  directory: Map<number, DirectoryUser>;
  /** Insertion order = list order. */
  certs: Map<string, CertRecord>;
  podCertPem: string;
  apps: Map<string, AppRecord>;
  /** uid → appId → user-level overrides of the pod-level listed/install. */
  userApps: Map<number, Map<string, UserAppSetting>>;
  /** account id → other user id → connection, seen from the account. */
  connections: Map<number, Map<number, Connection>>;
  groups: Map<string, Group>;
  groupTypes: GroupType[];
  nextGroupSeq: number;
}

/**
 * The account behind a session: a demo account (its roles as user administration holds them now) or a service
 * account created through the API. A disabled account has no valid session.
 */
export function accountById(state: EmulatorState, id: number): Account | undefined {
  const user = state.directory.get(id);
  if (user?.active === false) { return undefined; }
  for (const a of state.accounts.values()) { if (a.id === id) { return user?.admin ? { ...a, roles: user.admin.roles } : a; } }
  if (!user?.admin) { return undefined; }
  return {
    id, username: user.username, firstName: user.firstName ?? '', lastName: user.lastName ?? '', displayName: user.displayName,
    emailAddress: user.emailAddress ?? '', company: user.company, title: user.title ?? '', roles: user.admin.roles, groupManager: false, publicKeyPem: '',
  };
}

/** The administered user with this username (service accounts sign in by username). */
export function adminUserByName(state: EmulatorState, username: string): DirectoryUser | undefined {
  for (const u of state.directory.values()) { if (u.admin && u.username === username) { return u; } }
  return undefined;
}

export function connectionsOf(state: EmulatorState, accountId: number): Map<number, Connection> {
  let map = state.connections.get(accountId);
  if (!map) { map = new Map(); state.connections.set(accountId, map); }
  return map;
}
