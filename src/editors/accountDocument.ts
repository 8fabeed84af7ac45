// The read-only detail view of an account: a Markdown document (shown in the Markdown preview) with its status, keys
// first (what a rotation needs), then attributes, roles, features (fingerprints and the previous key's expiry, never a key) and sessions. Three reads:
// the account, its features, its sessions. Edits go through the account commands, which refresh it.
import { V1Session, V2UserDetail, displayableText } from '../api';
import { keyDate, publicKeyFingerprint } from '../credentials/keyRotation';

export interface AccountView { detail: V2UserDetail; features: Array<{ entitlment?: string; enabled?: boolean }>; sessions: V1Session[] }

/** Text from the pod, safe in a Markdown table cell. */
function cell(value: unknown): string {
  const text = displayableText(Array.isArray(value) ? value.join(', ') : String(value ?? '')).text;
  return text.replace(/\\/g, '\\\\').replace(/[|*_`<>[\]#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ') || '—';
}

const date = (ms: number | undefined) => (ms ? keyDate(ms) : '—');

export function renderAccount(view: AccountView, podLabel: string): string {
  const { detail, features, sessions } = view;
  const a = detail.userAttributes ?? {};
  const s = detail.userSystemInfo ?? {};
  const system = a.accountType === 'SYSTEM';
  const rows = (pairs: Array<[string, unknown]>) => ['| | |', '|---|---|', ...pairs.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `| ${k} | ${cell(v)} |`)];
  const now = Date.now();
  const previous = a.previousKey;
  return [
    `# ${cell(a.displayName || a.userName)}`,
    '',
    `${system ? 'Service account' : 'Person'} on ${cell(podLabel)} · user id \`${s.id}\` · **${s.status === 'DISABLED' ? 'disabled' : 'enabled'}**`,
    '',
    ...(system ? [
      '## RSA keys',
      '| Key | Accepted until | Fingerprint (SHA-256) |', '|---|---|---|',
      a.currentKey?.key ? `| Current | until rotated or revoked | \`${publicKeyFingerprint(a.currentKey.key) || 'unreadable'}\` |` : '| Current | none: the account cannot sign in with a key | |',
      previous?.key ? `| Previous | ${date(previous.expirationDate)}${previous.expirationDate && previous.expirationDate <= now ? ' (expired)' : ''} | \`${publicKeyFingerprint(previous.key) || 'unreadable'}\` |` : '| Previous | none | |',
      '',
      previous?.key && previous.expirationDate && previous.expirationDate > now
        ? 'The pod refuses a new key until the previous key expires or is revoked (Revoke Previous Key…).' : 'A rotation (Rotate Key…) keeps the current key valid for 72 hours as the previous key.',
      '',
    ] : []),
    '## Attributes',
    ...rows([['Username', a.userName], ['Display name', a.displayName], ['Email', a.emailAddress], ['First name', a.firstName], ['Last name', a.lastName],
      ['Company', a.companyName], ['Title', a.title], ['Department', a.department], ['Division', a.division], ['Location', a.location],
      ['Job function', a.jobFunction], ['Created', date(s.createdDate)], ['Last updated', date(s.lastUpdatedDate)], ['Last sign-in', date(s.lastLoginDate)]]),
    '',
    '## Roles',
    detail.roles?.length ? detail.roles.map((r) => `- ${cell(r)}`).join('\n') : 'None.',
    '',
    '## Features',
    features.length ? features.map((f) => `- ${f.enabled ? '✓' : '✗'} ${cell(f.entitlment)}`).join('\n') : 'None reported.',
    '',
    `## Sessions (${sessions.length})`,
    sessions.length ? ['| Opened | Expires in | Client |', '|---|---|---|',
      ...sessions.map((x) => `| ${date(x.creationTime)} | ${x.expirationDelay ? `${Math.round(x.expirationDelay / 60_000)} min` : '—'} | ${cell([x.clientIp, x.userAgent].filter(Boolean).join(' · '))} |`)].join('\n') : 'No open session.',
    '',
  ].join('\n');
}
