// App RSA key rotation, without `vscode`: a new key pair written only to the file the user chose, the public key's
// fingerprint, and the update bodies for SAVE / EXTEND / REVOKE. Updates send the app's full detail as read from the
// pod with only `authenticationKeys` replaced, so a pod that treats update as "replace" keeps every other field.
import { createHash, createPublicKey, generateKeyPair } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { AppAuthenticationKey, ApplicationDetail } from '../api';

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
    return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
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

/** The detail to send for a key change: the pod's version with `authenticationKeys` replaced by the instruction. */
export function keyChange(base: ApplicationDetail, keys: { current?: AppAuthenticationKey; previous?: AppAuthenticationKey }): ApplicationDetail {
  return { ...base, authenticationKeys: keys };
}

export const saveCurrentKey = (base: ApplicationDetail, publicKeyPem: string) => keyChange(base, { current: { key: publicKeyPem, action: 'SAVE' } });

export function revokeCurrentKey(base: ApplicationDetail): ApplicationDetail {
  return keyChange(base, { current: { key: requireKey(base, 'current'), action: 'REVOKE' } });
}

export function revokePreviousKey(base: ApplicationDetail): ApplicationDetail {
  return keyChange(base, { previous: { key: requireKey(base, 'previous'), action: 'REVOKE' } });
}

/** EXTEND to `until`, or without a date to let the pod decide how much longer. */
export function extendPreviousKey(base: ApplicationDetail, until?: number): ApplicationDetail {
  return keyChange(base, { previous: { key: requireKey(base, 'previous'), action: 'EXTEND', ...(until ? { expirationDate: until } : {}) } });
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
