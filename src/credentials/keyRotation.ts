// App RSA key rotation, without `vscode`: a new key pair written only to the file the user chose, the public key's
// fingerprint, the update bodies for SAVE / EXTEND / REVOKE (only `authenticationKeys`: the pod's update merges, and
// sending back what it holds would be refused for any field newer than our types), and the rotation rules checked
// before anything is sent.
import { createHash, createPublicKey, generateKeyPair } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { AppAuthenticationKey, ApplicationDetail, formatFingerprint, shortFingerprint } from '../api';

export const generatedKeyBits = 4096;

export type KeySlot = 'current' | 'previous';

/** What the extension shows of an app key: never more than the public key's fingerprint. */
export interface AppKeyInfo {
  slot: KeySlot;
  fingerprint: string;
  /** Rotated keys only: when the pod stops accepting it. */
  expirationDate?: number;
}

/** SHA-256 of the DER-encoded SubjectPublicKeyInfo, upper-case hex pairs joined by colons; '' when unreadable. */
export function publicKeyFingerprint(pem: string): string {
  try {
    const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return formatFingerprint(createHash('sha256').update(der).digest('hex'));
  } catch {
    return '';
  }
}

export function appKeyInfos(detail: ApplicationDetail): AppKeyInfo[] {
  const infos: AppKeyInfo[] = [];
  for (const slot of ['current', 'previous'] as const) {
    const key = detail.authenticationKeys?.[slot];
    if (!key?.key) continue;
    infos.push({ slot, fingerprint: publicKeyFingerprint(key.key), ...(slot === 'previous' && key.expirationDate ? { expirationDate: key.expirationDate } : {}) });
  }
  return infos;
}

/**
 * Generates an RSA key pair and writes the private key (PKCS#8 PEM) to `privateKeyPath` with mode 0600, replacing
 * the file if the user chose an existing one. The private key exists in this process only as a buffer that is
 * zeroed once written; only the public key is returned.
 */
export async function generateKeyPairToFile(privateKeyPath: string, bits = generatedKeyBits): Promise<{ publicKeyPem: string }> {
  const { publicKey, privateKey } = await new Promise<{ publicKey: string; privateKey: Buffer }>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: bits, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } },
      (error, pub, priv) => (error ? reject(error) : resolve({ publicKey: pub, privateKey: priv }))),
  );
  const pem = pemBuffer(privateKey);
  privateKey.fill(0);
  try {
    const file = await fs.open(privateKeyPath, 'w', 0o600);
    try {
      await file.chmod(0o600);
      await file.writeFile(pem);
    } finally {
      await file.close();
    }
  } finally {
    pem.fill(0);
  }
  return { publicKeyPem: publicKey };
}

function pemBuffer(der: Buffer): Buffer {
  const base64 = der.toString('base64');
  const lines = ['-----BEGIN PRIVATE KEY-----'];
  for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
  lines.push('-----END PRIVATE KEY-----', '');
  return Buffer.from(lines.join('\n'), 'ascii');
}

/** The update body for a key change: `authenticationKeys` and nothing else. */
export function keyChange(keys: { current?: AppAuthenticationKey; previous?: AppAuthenticationKey }): ApplicationDetail {
  return { authenticationKeys: keys };
}

export const saveCurrentKey = (publicKeyPem: string) => keyChange({ current: { key: publicKeyPem, action: 'SAVE' } });

export function revokeCurrentKey(base: ApplicationDetail): ApplicationDetail {
  return keyChange({ current: { key: requireKey(base, 'current'), action: 'REVOKE' } });
}

export function revokePreviousKey(base: ApplicationDetail): ApplicationDetail {
  return keyChange({ previous: { key: requireKey(base, 'previous'), action: 'REVOKE' } });
}

/** EXTEND to `until`, or without a date to let the pod extend it by its own step. */
export function extendPreviousKey(base: ApplicationDetail, until?: number): ApplicationDetail {
  return keyChange({ previous: { key: requireKey(base, 'previous'), action: 'EXTEND', ...(until ? { expirationDate: until } : {}) } });
}

/**
 * Why the pod would refuse to SAVE a new current key, or undefined when it would accept it. The documented rules
 * (rsa-authentication.md, applied to apps as the pod does to accounts): at most one previous key, so SAVE is refused
 * while a current key and an unexpired previous key both exist; and the new key must differ from the current one.
 * A previous key without an expiration date is taken as valid: only the pod knows when it ends.
 */
export type SaveRefusal =
  | { reason: 'previousKeyValid'; previousExpires?: number; previousFingerprint: string }
  | { reason: 'sameAsCurrent' };

export function keySaveRefusal(app: ApplicationDetail, newKeyPem?: string, now = Date.now()): SaveRefusal | undefined {
  const { current, previous } = app.authenticationKeys ?? {};
  if (newKeyPem && sameKey(newKeyPem, current?.key)) return { reason: 'sameAsCurrent' };
  if (current?.key && previous?.key && (previous.expirationDate === undefined || previous.expirationDate > now)) {
    return { reason: 'previousKeyValid', previousExpires: previous.expirationDate, previousFingerprint: publicKeyFingerprint(previous.key) };
  }
  return undefined;
}

/** A UTC date as the extension shows it, or what to say when the pod gave none. */
export function keyDate(ms: number | undefined): string {
  return ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'a date the pod has not reported';
}

/** The sentence for a refused SAVE: why, and the way forward. */
export function saveRefusalMessage(refusal: SaveRefusal, appId: string): string {
  return refusal.reason === 'sameAsCurrent'
    ? `This is already the current key of ${appId}: choose a new public key.`
    : `The pod refuses a new key for ${appId} while its previous key (${shortFingerprint(refusal.previousFingerprint)}) is still valid, until ${keyDate(refusal.previousExpires)}: revoke the previous key first (Revoke Previous Key), or rotate after it has expired.`;
}

function requireKey(base: ApplicationDetail, slot: KeySlot): string {
  const key = base.authenticationKeys?.[slot]?.key;
  if (!key) throw new Error(slot === 'current' ? `The app "${base.applicationInfo?.appId ?? ''}" has no current RSA key.` : `The app "${base.applicationInfo?.appId ?? ''}" has no rotated (previous) key.`);
  return key;
}

/** The same key, whatever the PEM's line breaks. */
export function sameKey(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && publicKeyFingerprint(a) !== '' && publicKeyFingerprint(a) === publicKeyFingerprint(b);
}
