// "Copy as curl" for a logged change: the same method, URL, headers and body, with the session token (or the
// Profile Manager bearer) as an environment variable placeholder, never its value. The body is the logged one:
// public keys appear as fingerprints and secrets as "[removed]", which the command says in a comment. Plain Node.
import { l10n } from '../text/l10n';
import type { ActivityEntry } from './activityEntry';

export function curlCommand(entry: Pick<ActivityEntry, 'pod' | 'request' | 'sent'>): string {
  const url = new URL(entry.request.path, entry.pod.url);
  const profileManager = entry.request.path.startsWith('/profile-manager/');
  const lines = [`curl -X ${entry.request.method} ${quote(url.toString())}`];
  if (profileManager) lines.push(`-H "Authorization: Bearer $SYMPHONY_BEARER_TOKEN"`, `-H ${quote(`X-Symphony-Host: ${url.hostname}`)}`);
  else lines.push(`-H "sessionToken: $SYMPHONY_SESSION_TOKEN"`);
  if (entry.sent !== undefined) lines.push(`-H 'Content-Type: application/json'`, `--data-raw ${quote(JSON.stringify(entry.sent))}`);
  const text = lines.join(' \\\n  ');
  const redacted = entry.sent !== undefined && /\[(removed|public key[^\]]*|private key removed|image[^\]]*)\]/.test(JSON.stringify(entry.sent));
  return `${redacted ? `# ${l10n.t('Secrets, keys and images in this body were redacted in the activity log: put them back before sending.')}\n` : ''}${text}\n`;
}

/** One POSIX shell word: single quotes, with each single quote closed, escaped and reopened. */
export function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
