// Deterministic demo data (seeded PRNG): accounts, directory users, company certificates (a few real PEMs, the
// rest synthetic records for scale), apps, connections in every status, SDL groups with members and profiles.
import * as crypto from 'node:crypto';
import { DEFAULT_FEATURES } from './accounts';
import { certRecordFromPem } from './certs';
import { eTagOf, groupIdFor } from './groups';
import type { ProcessKeys } from './keys';
import {
  Account, AdminRecord, AppRecord, CERT_STATUSES, CERT_TYPES, CertRecord, Connection, ConnectionStatus, DirectoryUser, EmulatorState, Group,
} from './state';
import { makeCertificate } from './x509';

export interface Scale { certs?: number; apps?: number; groups?: number; connections?: number; serviceAccounts?: number; users?: number }
export const DEFAULT_SCALE: Required<Scale> = { certs: 40, apps: 8, groups: 30, connections: 12, serviceAccounts: 8, users: 60 };

/** This pod's tenant id. A user id carries its pod's tenant in the bits above 36: `id = tenant * 2^36 + n`. */
export const POD_ID = 190;
const TENANT_SHIFT = 2 ** 36;
export const userIdOf = (tenant: number, n: number): number => tenant * TENANT_SHIFT + n;
export const tenantOf = (userId: number): number => Math.floor(userId / TENANT_SHIFT);
/** Other pods the external users (connections) belong to. */
const EXTERNAL_TENANTS = [187, 188, 189, 191, 192];
const INTERNAL_BASE = userIdOf(POD_ID, 0);
/** The i-th external user (connections cycle PENDING_INCOMING, PENDING_OUTGOING, ACCEPTED, REJECTED). */
export const externalUserId = (i: number): number => externalUser(i).id;
function externalUser(i: number): { id: number; tenant: number } {
  const tenant = EXTERNAL_TENANTS[i % EXTERNAL_TENANTS.length];
  return { id: userIdOf(tenant, 1000 + i), tenant };
}
const DAY = 86400_000;
/** How many of the seeded certificates are real, parseable PEMs; the rest are synthetic records. */
const REAL_CERTS = 16;
/** The seeded leaf whose stored PEM is a chain of two certificates. */
const CHAIN_CERT_INDEX = 5;

const FIRST = ['Alice', 'Bruno', 'Chen', 'Dana', 'Emeka', 'Farah', 'Giulia', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Maya', 'Noor', 'Oscar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Victor', 'Wen', 'Yusuf', 'Zoe'];
const LAST = ['Anderson', 'Becker', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Laurent', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Weber'];
const DESKS = ['FX', 'Rates', 'Credit', 'Equities', 'Commodities', 'Treasury', 'Research', 'Compliance', 'Operations', 'Risk', 'Payments', 'Wealth'];
const TEAMS = ['Sales', 'Trading', 'Structuring', 'Support', 'Onboarding', 'Analytics', 'Middle Office'];
const REGIONS = ['EMEA', 'AMER', 'APAC', 'LATAM'];
const SERVICES = ['bot', 'gateway', 'relay', 'notifier', 'archiver', 'sync', 'monitor', 'feed'];
const COMPANIES = ['Northwind Securities', 'Globex Asset Management', 'Initech Bank', 'Umbrella Brokers', 'Stark Capital'];

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = { next: () => number; int: (min: number, max: number) => number; pick: <T>(xs: readonly T[]) => T };
function rand(seed: number): Rand {
  const next = prng(seed);
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

export function createAccounts(keys: ProcessKeys): Account[] {
  return [
    {
      id: INTERNAL_BASE + 1, username: 'demo-admin', firstName: 'Demo', lastName: 'Admin', displayName: 'Demo Admin',
      emailAddress: 'demo-admin@acme.example', company: 'Acme Capital Markets', title: 'Pod Administrator',
      roles: ['INDIVIDUAL', 'SUPER_ADMINISTRATOR', 'USER_PROVISIONING'], groupManager: true, publicKeyPem: keys.admin.publicKeyPem,
    },
    {
      id: INTERNAL_BASE + 2, username: 'demo-user', firstName: 'Demo', lastName: 'User', displayName: 'Demo User',
      emailAddress: 'demo-user@acme.example', company: 'Acme Capital Markets', title: 'Analyst',
      roles: ['INDIVIDUAL'], groupManager: false, publicKeyPem: keys.user.publicKeyPem,
    },
  ];
}

const adminRecord = (system: boolean, roles: string[], created: number): AdminRecord => ({
  roles, features: DEFAULT_FEATURES(system), keys: {}, attributes: {}, createdDate: created, lastUpdatedDate: created,
});

function directory(accounts: Account[], r: Rand, s: Required<Scale>, keys: ProcessKeys): Map<number, DirectoryUser> {
  const dir = new Map<number, DirectoryUser>();
  const now = Date.now();
  // Administration data has its own sequence, so the rest of the seed stays as it was before accounts existed.
  const ar = rand(1409);
  for (const a of accounts) {
    dir.set(a.id, {
      id: a.id, username: a.username, displayName: a.displayName, company: a.company, podId: POD_ID, internal: true,
      firstName: a.firstName, lastName: a.lastName, emailAddress: a.emailAddress, title: a.title, accountType: 'SYSTEM', active: true,
      admin: { ...adminRecord(true, [...a.roles], now - 400 * DAY), keys: { current: { key: a.publicKeyPem } } },
    });
  }
  const person = (id: number, podId: number, company: string, internal: boolean): void => {
    const first = r.pick(FIRST); const last = r.pick(LAST);
    const username = `${first}.${last}`.toLowerCase() + (id % 1000);
    dir.set(id, {
      id, username, displayName: `${first} ${last}`, company, podId, internal, firstName: first, lastName: last,
      emailAddress: `${username}@${company.split(' ')[0].toLowerCase()}.example`, accountType: 'NORMAL', active: true,
      title: `${DESKS[id % DESKS.length]} ${TEAMS[id % TEAMS.length]}`,
      ...(internal ? { admin: adminRecord(false, ['INDIVIDUAL'], now - ar.int(30, 900) * DAY) } : {}),
    });
  };
  // Internal ids: 1–2 demo accounts, then people from 10, then service accounts after the people.
  for (let i = 0; i < s.users; i++) { person(INTERNAL_BASE + 10 + i, POD_ID, 'Acme Capital Markets', true); }
  for (let i = 0; i < s.serviceAccounts; i++) { const id = INTERNAL_BASE + 10 + s.users + i; dir.set(id, bot(ar, id, i, now, keys)); }
  for (let i = 0; i < Math.max(s.connections, 8); i++) { const u = externalUser(i); person(u.id, u.tenant, COMPANIES[i % COMPANIES.length], false); }
  return dir;
}

const BOTS = ['fx-pricing-bot', 'jira-alerts-bot', 'compliance-archiver', 'rfq-router', 'morning-digest', 'helpdesk-bot', 'trade-confirm', 'ops-monitor'];

/**
 * A seeded service account. The first few cover the key states an admin meets: a current key only; a rotated
 * previous key still valid (SAVE refused); a previous key that expired; no key yet; disabled.
 */
function bot(r: Rand, id: number, i: number, now: number, keys: ProcessKeys): DirectoryUser {
  const username = i < BOTS.length ? BOTS[i] : `${r.pick(DESKS).toLowerCase()}-${r.pick(SERVICES)}-${i}`;
  const admin = adminRecord(true, i % 4 === 1 ? ['INDIVIDUAL', 'USER_PROVISIONING'] : ['INDIVIDUAL'], now - r.int(10, 700) * DAY);
  if (i % 8 !== 3) { admin.keys.current = { key: keys.leaf.publicKeyPem }; }
  if (i % 8 === 1) { admin.keys.previous = { key: keys.user.publicKeyPem, expirationDate: now + r.int(2, 60) * 3600_000 }; }
  if (i % 8 === 2) { admin.keys.previous = { key: keys.user.publicKeyPem, expirationDate: now - 5 * DAY }; }
  const displayName = username.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
  return {
    id, username, displayName, company: 'Acme Capital Markets', podId: POD_ID, internal: true, accountType: 'SYSTEM', active: i % 8 !== 4,
    emailAddress: `${username}@bots.acme.example`, title: 'Service account', admin,
  };
}

function certs(keys: ProcessKeys, state: EmulatorState, r: Rand, count: number, adminId: number): void {
  const now = Date.now();
  const add = (c: CertRecord): void => { state.certs.set(c.fingerPrint, c); };
  const serviceName = (i: number): string => `${r.pick(DESKS).toLowerCase()}-${r.pick(SERVICES)}-${r.pick(REGIONS).toLowerCase()}-${String(i).padStart(4, '0')}`;
  if (count > 0) { add(certRecordFromPem(state, keys.seedCa.pem, { name: 'Acme Issuing CA', type: 'USERSIGNING', status: 'TRUSTED', updatedBy: adminId, lastSeen: now - DAY })); }
  if (count > 1) { add(certRecordFromPem(state, keys.podCert.pem, { name: 'Pod certificate', type: 'OPERATIONSSIGNING', status: 'TRUSTED', podManaged: true, updatedBy: adminId, lastSeen: now - 3600_000 })); }
  // Real leaves: validity offsets (days) chosen to cover expired, expiring within 30 days and healthy certificates.
  const ends = [-40, -10, 3, 12, 25, 90, 180, 365, 400, 540, 700, 730, 800, 1000];
  for (let i = 2; i < Math.min(count, REAL_CERTS); i++) {
    const end = ends[(i - 2) % ends.length];
    const cn = `svc-${serviceName(i)}`;
    const cert = makeCertificate({
      commonName: cn, organization: 'Acme Capital Markets', issuer: i % 5 === 4 ? undefined : keys.seedCa, keyPem: keys.leaf.privateKeyPem,
      notBefore: new Date(now + (end - 365) * DAY), notAfter: new Date(now + end * DAY), serial: Buffer.from([0x10, i]),
    });
    // One stored PEM is a chain (leaf + issuing CA), as pods hold when a chain was uploaded.
    const pem = i === CHAIN_CERT_INDEX && i % 5 !== 4 ? cert.pem + keys.seedCa.pem : cert.pem;
    add(certRecordFromPem(state, pem, {
      name: cn, type: r.pick(CERT_TYPES), status: end < 0 ? 'REVOKED' : r.pick(['TRUSTED', 'TRUSTED', 'KNOWN', 'DISABLED'] as const),
      podManaged: i % 6 === 0, updatedBy: adminId, lastSeen: end < 0 ? undefined : now - r.int(1, 90) * DAY,
    }));
  }
  const caFp = count > 0 ? keys.seedCa.fingerPrint : undefined;
  for (let i = state.certs.size; i < count; i++) {
    const cn = `svc-${serviceName(i)}`;
    const fp = crypto.createHash('sha256').update(`synthetic-cert-${i}`).digest('hex');
    const notAfter = now + r.int(-60, 1100) * DAY;
    const notBefore = notAfter - 730 * DAY;
    const issuer = i % 3 === 0 && caFp ? 'C=US, O=Acme Capital Markets, CN=Acme Issuing CA' : `O=${r.pick(COMPANIES)}, CN=${cn}`;
    add({
      fingerPrint: fp,
      attributes: { name: cn, type: { type: r.pick(CERT_TYPES) }, status: { type: r.pick(CERT_STATUSES) } },
      info: { fingerPrint: fp, issuerFingerPrint: i % 3 === 0 ? caFp : undefined, lastSeen: now - r.int(0, 200) * DAY, updatedAt: now - r.int(1, 400) * DAY, updatedBy: adminId, commonName: cn, expiryDate: notAfter },
      podManaged: i % 25 === 0,
      details: { subject: `O=Acme Capital Markets, CN=${cn}`, issuer, serialNumber: fp.slice(0, 16), notBefore, notAfter, keyAlgorithm: 'RSA', keySize: 4096, sha256: fp },
    });
  }
}

const APPS: Array<[string, string, string]> = [
  ['salesforce-connector', 'Salesforce Connector', 'apps.salesforce-bridge.example.com'],
  ['jira-notifier', 'Jira Notifier', 'jira-bot.acme.example'],
  ['bloomberg-bridge', 'Bloomberg Chat Bridge', 'bridge.acme.example'],
  ['zoom-meetings', 'Zoom Meetings', 'symphony.zoom.example'],
  ['servicenow-itsm', 'ServiceNow ITSM', 'itsm.servicenow.example'],
  ['calendar-sync', 'Calendar Sync', 'calendar.acme.example'],
  ['expense-approvals', 'Expense Approvals', 'expenses.acme.example'],
  ['market-data-viewer', 'Market Data Viewer', 'mdv.acme.example'],
];

function apps(keys: ProcessKeys, r: Rand, count: number, certPem: string | undefined, realPodData: boolean): Map<string, AppRecord> {
  const out = new Map<string, AppRecord>();
  for (let i = 0; i < count; i++) {
    const [appId, name, host] = i < APPS.length ? APPS[i] : [`custom-app-${i}`, `Custom App ${i}`, `app${i}.acme.example`];
    const domain = host.split('.').slice(-2).join('.');
    const app: AppRecord = {
      appId, name, appUrl: `https://${host}/symphony/controller.html`, domain, publisher: i % 2 ? 'Acme Capital Markets' : 'Partner Apps Ltd',
      iconUrl: `https://${host}/icon.png`, description: `${name} for Symphony`, allowOrigins: `https://${host}`,
      permissions: ['SEND_MESSAGES', 'GET_BASIC_USER_INFO', ...(i % 3 === 0 ? ['ACT_AS_USER', 'GET_USER_CONNECTIONS'] : [])],
      keys: {}, properties: [], entitlement: { enable: i % 7 !== 6, listed: i % 4 !== 3, install: i % 3 === 0 },
    };
    if (i % 3 === 1 && certPem) { app.cert = certPem; }
    if (i % 3 !== 1) { app.keys.current = { key: keys.leaf.publicKeyPem }; }
    if (i % 3 === 2) { app.keys.previous = { key: keys.admin.publicKeyPem, expirationDate: Date.now() + r.int(1, 72) * 3600_000 }; }
    if (i % 2 === 0) { app.properties = [{ key: 'environment', value: r.pick(['prod', 'uat']) }, { key: 'region', value: r.pick(REGIONS) }]; }
    if (i % 4 === 0) { app.notification = { url: `https://${host}/callback`, apiKey: `key-${i}` }; }
    if (realPodData) { realPodOddities(app, i, keys); }
    out.set(appId, app);
  }
  return out;
}

/** What real pods hold and the spec does not promise (docs: real-pod behaviour), on fixed demo apps. */
function realPodOddities(app: AppRecord, i: number, keys: ProcessKeys): void {
  // The start of today (UTC): two emulators started in the same test a second apart seed the same certificate PEM.
  const now = Math.floor(Date.now() / DAY) * DAY;
  if (i === 0) { app.properties = [...app.properties, { key: 'timeout', value: 30 }]; }
  if (i === 1) {
    app.cert = makeCertificate({
      commonName: app.appId, organization: 'Acme Capital Markets', keyPem: keys.leaf.privateKeyPem,
      notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - 30 * DAY), serial: Buffer.from([0x20, 0x01]),
    }).pem;
  }
  if (i === 3) { app.newerFields = { detail: { appGroupId: app.appId }, applicationInfo: { vendorId: 'zoom-video' } }; }
  if (i === 4) { app.cert = keys.leaf.publicKeyPem; }
}

function connections(state: EmulatorState, r: Rand, admin: Account, user: Account, count: number): void {
  const statuses: ConnectionStatus[] = ['PENDING_INCOMING', 'PENDING_OUTGOING', 'ACCEPTED', 'REJECTED'];
  const now = Date.now();
  const conn = (userId: number, status: ConnectionStatus): Connection => {
    const first = now - r.int(1, 200) * DAY;
    return { userId, status, firstRequestedAt: first, updatedAt: first + r.int(0, 5) * DAY, requestCounter: status === 'REJECTED' ? r.int(1, 3) : 1 };
  };
  const mine = new Map<number, Connection>();
  for (let i = 0; i < count; i++) { const id = externalUser(i).id; mine.set(id, conn(id, statuses[i % 4])); }
  state.connections.set(admin.id, mine);
  const theirs = new Map<number, Connection>();
  for (let i = 0; i < Math.min(count, 4); i++) { const id = externalUser(i).id; theirs.set(id, conn(id, statuses[(i + 1) % 4])); }
  state.connections.set(user.id, theirs);
}

function groups(state: EmulatorState, r: Rand, count: number, admin: Account): void {
  const internalIds = [...state.directory.values()].filter((u) => u.internal).map((u) => u.id);
  const now = Date.now();
  for (let seq = 1; seq <= count; seq++) {
    const name = `${r.pick(DESKS)} ${r.pick(TEAMS)} ${r.pick(REGIONS)}${seq > 40 ? ` ${seq}` : ''}`;
    const created = new Date(now - (count - seq + 1) * 3600_000 * 6).toISOString();
    const id = groupIdFor(state.podId, seq);
    const memberIds = new Set<number>();
    for (let k = r.int(2, 12); k > 0; k--) { memberIds.add(r.pick(internalIds)); }
    const slug = name.toLowerCase().replace(/\s+/g, '-');
    const g: Group = {
      id, seq, version: 1, eTag: eTagOf({ id, version: 1 }), type: 'SDL', ownerType: 'TENANT', ownerId: state.podId, name,
      status: seq % 7 === 0 ? 'DELETED' : 'ACTIVE', createdDate: created, createdBy: String(admin.id), updatedDate: created, updatedBy: String(admin.id),
      members: [...memberIds].map((memberId) => ({ memberTenant: state.podId, memberId, addedDate: created, status: 'ENABLED' as const })),
      profile: {
        id: crypto.createHash('sha1').update(id).digest('hex').slice(0, 16), displayName: name, companyName: 'Acme Capital Markets',
        email: `${slug}@acme.example`, jobTitle: 'Distribution list', jobDepartment: name.split(' ')[0], jobCity: r.pick(['London', 'New York', 'Singapore', 'Paris']),
        industryOfInterest: ['Financial Services'], assetClassesOfInterest: [r.pick(DESKS)], avatars: [],
      },
      visibilityRestriction: { restrictedTenantsList: [], restrictedUsersList: [] },
      implicitConnection: { connectedTenantsList: [], connectedUsersList: [] },
      interactionTransfer: { restrictedTenantsList: [], restrictedUsersList: [] },
    };
    state.groups.set(id, g);
  }
  state.nextGroupSeq = count + 1;
}

const SDL_TYPE = {
  id: 'SDL', ownerType: 'PLATFORM', name: 'Symphony Distribution List', status: 'ACTIVE' as const,
  profileControl: { visibilityRestriction: { visible: true }, implicitConnection: { all: false }, profileFields: ['displayName', 'companyName', 'email'], searchFields: ['displayName'], canHavePublicProfile: true },
  membershipControl: { entitlements: ['CAN_CREATE_DISTRIBUTION_LIST'], manualMembership: true, notifyMembersOnUpdate: false, canBelongToMultipleGroup: true },
  interactionControl: { allowIMs: true, allowRooms: true, interactionTransfer: { target: 'TO_MEMBERS', updateInteractionOngroupUpdate: true, auditTransfer: false }, canHaveInteraction: true },
};

/** Builds fresh demo data; sessions and bearers start empty (the caller carries them over on reset). */
/** `realPodData: false` leaves out the real-pod oddities (expired / public-key app certs, a numeric property, newer fields). */
export function seedState(keys: ProcessKeys, accounts: Account[], scale: Scale = {}, realPodData = true): EmulatorState {
  const s = { ...DEFAULT_SCALE, ...scale };
  const r = rand(20240917);
  const [admin, user] = accounts;
  const state: EmulatorState = {
    podId: POD_ID, accounts: new Map(accounts.map((a) => [a.username, a])), sessions: new Map(), appSessions: new Map(), bearers: new Map(),
    directory: directory(accounts, r, s, keys), certs: new Map(), podCertPem: keys.podCert.pem, apps: new Map(), userApps: new Map(),
    connections: new Map(), groups: new Map(), groupTypes: [SDL_TYPE], nextGroupSeq: 1,
  };
  certs(keys, state, r, s.certs, admin.id);
  const appCert = [...state.certs.values()].find((c) => c.pem && c.details.notAfter > Date.now() + 60 * DAY)?.pem;
  state.apps = apps(keys, r, s.apps, appCert, realPodData);
  connections(state, r, admin, user, s.connections);
  groups(state, r, s.groups, admin);
  return state;
}
