// describe_account: one service account or user, found by user id, username or email: attributes, roles, status,
// enabled features, its RSA keys as fingerprints (the rotated key's expiry), and its open sessions a page at a time.
// Never a key, a token or a session id; `userMetadata` only by its keys (its values may hold anything).
import { AccountsApi, Check, PodClient, V2UserDetail, formatFingerprint, validateEmail, validateNoInvisible, validateUserName } from '../../api';
import { keyInfos, serviceAccountKeyHolder } from '../../credentials/keyRotation';
import { l10n } from '../../text/l10n';
import { answer, isoDate, pageLine, pageOf } from '../format';
import { Fields, cursorOf, fieldsOf, idText, refuse, requiredText, SCHEMA, signedInPod } from '../input';
import type { AgentTool } from '../tool';

type By = 'userId' | 'username' | 'email';
const BY: readonly By[] = ['userId', 'username', 'email'];

const checks: Record<By, (value: string) => Check> = {
  userId: (v) => (/^\d{1,19}$/.test(v) ? undefined : 'The user id is a number (int64), such as 68719476742.'),
  username: (v) => validateUserName(v) ?? validateNoInvisible(v, 'The username'),
  email: (v) => validateEmail(v, true),
};

export const describeAccount: AgentTool<{ podId: string; by: By; value: string; cursor: number }> = {
  name: 'symphony_describe_account',
  get title() {
    return l10n.t('Describe a service account or user');
  },
  description: 'Shows one service account (bot) or user of a pod, found by "userId", "username" or "email" (give exactly one): names, account type, status, roles, enabled features, its RSA keys as fingerprints with the rotated previous key\'s expiry, and its open sessions 50 at a time ("cursor" pages on). Never shows keys, tokens or session ids. Needs the User Provisioning or Super Administrator role on the pod.',
  access: 'read',
  inputSchema: {
    type: 'object',
    properties: {
      podId: SCHEMA.podId,
      userId: { type: 'string', description: 'The user id (from symphony_search).' },
      username: { type: 'string', description: 'The username (a service account\'s is what its bot signs in with).' },
      email: { type: 'string', description: 'The email address.' },
      cursor: SCHEMA.cursor,
    },
    required: ['podId'],
    additionalProperties: false,
  },
  parse(input) {
    const fields = fieldsOf(input, ['podId', ...BY, 'cursor']);
    const podId = requiredText(fields, 'podId', idText('pod id'));
    const given = BY.filter((by) => fields[by] !== undefined);
    if (given.length !== 1) refuse(given[1] ?? 'userId', `Give exactly one of "userId", "username" or "email"${given.length ? ` (got ${given.map((g) => `"${g}"`).join(' and ')})` : ''}.`);
    const by = given[0];
    return { podId, by, value: requiredText(numberAsText(fields, by), by, checks[by]), cursor: cursorOf(fields) };
  },
  async invoke({ podId, by, value, cursor }, host) {
    const pod = signedInPod(host, podId);
    const client = host.client(podId);
    const uid = by === 'userId' ? value : await userIdOf(client, pod.label, by, value);
    const accounts = client.area(AccountsApi);
    const detail = await accounts.getAccount(uid);
    const [features, sessions] = await Promise.all([accounts.getFeatures(uid), accounts.listSessions(uid)]);
    const page = pageOf(sessions, cursor);
    const summary = accountSummary(detail);
    const kind = summary.accountType === 'SYSTEM' ? 'Service account' : 'User';
    return answer(`${kind} "${summary.displayName ?? summary.username ?? uid}" on ${pod.label}. Sessions: ${pageLine(page, cursor, 'sessions')}`, {
      pod: pod.label, ...summary,
      featuresEnabled: features.filter((f) => f.enabled).map((f) => f.entitlment),
      sessions: page.items.map((s) => ({ started: isoDate(s.creationTime), clientIp: s.clientIp, device: s.device, os: s.os, browser: s.browser })),
    });
  },
};

/** A JSON number for a user id is taken as its digits (ids beyond 2^53 must come as text). */
function numberAsText(fields: Fields, by: By): Fields {
  const value = fields[by];
  if (typeof value !== 'number') return fields;
  if (!Number.isSafeInteger(value)) refuse(by, `Give "${by}" as text: ${value} is not exact as a JSON number.`);
  return { ...fields, [by]: String(value) };
}

async function userIdOf(client: PodClient, podLabel: string, by: 'username' | 'email', value: string): Promise<string> {
  const found = (await client.area(AccountsApi).findUsersBy(by, [value], { local: true })).users ?? [];
  const id = found[0]?.id;
  if (id === undefined) refuse(by, `No user of ${podLabel} has the ${by === 'email' ? 'email address' : 'username'} "${value}". Find them with symphony_search.`);
  return String(id);
}

/** What an agent may know of an account: no key, only fingerprints; metadata by its keys. */
export function accountSummary(detail: V2UserDetail) {
  const a = detail.userAttributes ?? {};
  const info = detail.userSystemInfo ?? {};
  return {
    userId: info.id, username: a.userName, displayName: a.displayName, email: a.emailAddress, accountType: a.accountType,
    firstName: a.firstName, lastName: a.lastName, companyName: a.companyName, department: a.department, title: a.title, location: a.location,
    status: info.status, suspended: info.suspended || undefined, suspendedUntil: isoDate(info.suspendedUntil),
    created: isoDate(info.createdDate), lastLogin: isoDate(info.lastLoginDate), roles: detail.roles,
    rsaKeys: keyInfos(serviceAccountKeyHolder.keysOf(detail)).map((k) => ({ slot: k.slot, fingerprint: formatFingerprint(k.fingerprint), expires: isoDate(k.expirationDate) })),
    metadataKeys: a.userMetadata ? Object.keys(a.userMetadata) : undefined,
  };
}
