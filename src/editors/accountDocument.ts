// The read-only detail view of an account: a Markdown document (shown in the Markdown preview) with its status, keys
// first (what a rotation needs), then attributes, roles, features (fingerprints and the previous key's expiry, never a key) and sessions. Three reads:
// the account, its features, its sessions. Edits go through the account commands, which refresh it.
import { V1Session, V2UserDetail, displayableText } from '../api';
import { keyDate, publicKeyFingerprint } from '../credentials/keyRotation';
import { l10n } from '../text/l10n';

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
    l10n.t('{kind} on {pod} · user id {id} · **{status}**', { kind: system ? l10n.t('Service account') : l10n.t('Person'), pod: cell(podLabel), id: `\`${s.id}\``,
      status: s.status === 'DISABLED' ? l10n.t('disabled') : l10n.t('enabled') }),
    '',
    ...(system ? [
      `## ${l10n.t('RSA keys')}`,
      `| ${l10n.t('Key')} | ${l10n.t('Accepted until')} | ${l10n.t('Fingerprint (SHA-256)')} |`, '|---|---|---|',
      a.currentKey?.key ? `| ${l10n.t('Current')} | ${l10n.t('until rotated or revoked')} | \`${publicKeyFingerprint(a.currentKey.key) || l10n.t('unreadable')}\` |` : `| ${l10n.t('Current')} | ${l10n.t('none: the account cannot sign in with a key')} | |`,
      previous?.key ? `| ${l10n.t('Previous')} | ${previous.expirationDate && previous.expirationDate <= now ? l10n.t('{0} (expired)', date(previous.expirationDate)) : date(previous.expirationDate)} | \`${publicKeyFingerprint(previous.key) || l10n.t('unreadable')}\` |` : `| ${l10n.t('Previous')} | ${l10n.t('none')} | |`,
      '',
      previous?.key && previous.expirationDate && previous.expirationDate > now
        ? l10n.t('The pod refuses a new key until the previous key expires or is revoked (Revoke Previous Key…).') : l10n.t('A rotation (Rotate Key…) keeps the current key valid for 72 hours as the previous key.'),
      '',
    ] : []),
    `## ${l10n.t('Attributes')}`,
    ...rows([[l10n.t('Username'), a.userName], [l10n.t('Display name'), a.displayName], [l10n.t('Email'), a.emailAddress], [l10n.t('First name'), a.firstName], [l10n.t('Last name'), a.lastName],
      [l10n.t('Company'), a.companyName], [l10n.t('Title'), a.title], [l10n.t('Department'), a.department], [l10n.t('Division'), a.division], [l10n.t('Location'), a.location],
      [l10n.t('Job function'), a.jobFunction], [l10n.t('Created'), date(s.createdDate)], [l10n.t('Last updated'), date(s.lastUpdatedDate)], [l10n.t('Last sign-in'), date(s.lastLoginDate)]]),
    '',
    `## ${l10n.t('Roles')}`,
    detail.roles?.length ? detail.roles.map((r) => `- ${cell(r)}`).join('\n') : l10n.t('None.'),
    '',
    `## ${l10n.t('Features')}`,
    features.length ? features.map((f) => `- ${f.enabled ? '✓' : '✗'} ${cell(f.entitlment)}`).join('\n') : l10n.t('None reported.'),
    '',
    `## ${l10n.t('Sessions ({0})', sessions.length)}`,
    sessions.length ? [`| ${l10n.t('Opened')} | ${l10n.t('Expires in')} | ${l10n.t('Client')} |`, '|---|---|---|',
      ...sessions.map((x) => `| ${date(x.creationTime)} | ${x.expirationDelay ? l10n.t('{0} min', Math.round(x.expirationDelay / 60_000)) : '—'} | ${cell([x.clientIp, x.userAgent].filter(Boolean).join(' · '))} |`)].join('\n') : l10n.t('No open session.'),
    '',
  ].join('\n');
}
