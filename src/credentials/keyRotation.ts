// RSA key rotation of anything with a current and a previous key (an app's `authenticationKeys`, a service
// account's `userAttributes.currentKey` / `previousKey`), without `vscode`: a new key pair written only to the file
// the user chose, the public key's fingerprint, the update bodies for SAVE / EXTEND / REVOKE (only the keys: the
// pod's update merges, and sending back what it holds would be refused for any field newer than our types), and the
// rotation rules checked before anything is sent. `KeyHolderKind` adapts one kind of holder.
import { createHash, createPublicKey, generateKeyPair } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { AppAuthenticationKey, ApplicationDetail, V2UserAttributes, V2UserDetail, formatFingerprint, shortFingerprint } from '../api';
import { l10n } from '../text/l10n';

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

/** The two keys as a holder has them (without actions). */
export interface HeldKeys { current?: { key?: string; expirationDate?: number }; previous?: { key?: string; expirationDate?: number } }
/** What a key change sends, before it is put into the holder's own update body. */
export interface KeyChange { current?: AppAuthenticationKey; previous?: AppAuthenticationKey }

/** One kind of key holder: where its keys are in what the pod returns, and the update body of a key change. */
export interface KeyHolderKind<D, B> {
  /** "app", "service account": in messages. */
  noun: string;
  keysOf(detail: D): HeldKeys;
  body(change: KeyChange): B;
}

export const appKeyHolder: KeyHolderKind<ApplicationDetail, ApplicationDetail> = {
  get noun() { return l10n.t('app'); },
  keysOf: (detail) => detail.authenticationKeys ?? {},
  body: (change) => ({ authenticationKeys: change }),
};

export const serviceAccountKeyHolder: KeyHolderKind<V2UserDetail, V2UserAttributes> = {
  get noun() { return l10n.t('service account'); },
  keysOf: (detail) => ({ current: detail.userAttributes?.currentKey, previous: detail.userAttributes?.previousKey }),
  body: (change) => ({ ...(change.current ? { currentKey: change.current } : {}), ...(change.previous ? { previousKey: change.previous } : {}) }),
};

export function appKeyInfos(detail: ApplicationDetail): AppKeyInfo[] {
  return keyInfos(appKeyHolder.keysOf(detail));
}

export function keyInfos(keys: HeldKeys): AppKeyInfo[] {
  const infos: AppKeyInfo[] = [];
  for (const slot of ['current', 'previous'] as const) {
    const key = keys[slot];
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

/** The key changes, for any holder (`KeyHolderKind.body` makes them an update body). */
export const keyChanges = {
  save: (publicKeyPem: string): KeyChange => ({ current: { key: publicKeyPem, action: 'SAVE' } }),
  revokeCurrent: (keys: HeldKeys, noun: string): KeyChange => ({ current: { key: requireKey(keys, 'current', noun), action: 'REVOKE' } }),
  revokePrevious: (keys: HeldKeys, noun: string): KeyChange => ({ previous: { key: requireKey(keys, 'previous', noun), action: 'REVOKE' } }),
  /** EXTEND to `until`, or without a date to let the pod extend it by its own step. */
  extendPrevious: (keys: HeldKeys, noun: string, until?: number): KeyChange =>
    ({ previous: { key: requireKey(keys, 'previous', noun), action: 'EXTEND', ...(until ? { expirationDate: until } : {}) } }),
};

/** The update body for an app's key change: `authenticationKeys` and nothing else. */
export const keyChange = (keys: KeyChange): ApplicationDetail => appKeyHolder.body(keys);
export const saveCurrentKey = (publicKeyPem: string) => keyChange(keyChanges.save(publicKeyPem));
export const revokeCurrentKey = (base: ApplicationDetail) => keyChange(keyChanges.revokeCurrent(appKeyHolder.keysOf(base), appNoun(base)));
export const revokePreviousKey = (base: ApplicationDetail) => keyChange(keyChanges.revokePrevious(appKeyHolder.keysOf(base), appNoun(base)));
export const extendPreviousKey = (base: ApplicationDetail, until?: number) => keyChange(keyChanges.extendPrevious(appKeyHolder.keysOf(base), appNoun(base), until));
const appNoun = (base: ApplicationDetail) => l10n.t('app "{0}"', base.applicationInfo?.appId ?? '');

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
  return heldKeySaveRefusal(appKeyHolder.keysOf(app), newKeyPem, now);
}

export function heldKeySaveRefusal(keys: HeldKeys, newKeyPem?: string, now = Date.now()): SaveRefusal | undefined {
  const { current, previous } = keys;
  if (newKeyPem && sameKey(newKeyPem, current?.key)) return { reason: 'sameAsCurrent' };
  if (current?.key && previous?.key && (previous.expirationDate === undefined || previous.expirationDate > now)) {
    return { reason: 'previousKeyValid', previousExpires: previous.expirationDate, previousFingerprint: publicKeyFingerprint(previous.key) };
  }
  return undefined;
}

/** A UTC date as the extension shows it, or what to say when the pod gave none. */
export function keyDate(ms: number | undefined): string {
  return ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : l10n.t('a date the pod has not reported');
}

/** The sentence for a refused SAVE: why, and the way forward. */
export function saveRefusalMessage(refusal: SaveRefusal, id: string): string {
  return refusal.reason === 'sameAsCurrent'
    ? l10n.t('This is already the current key of {0}: choose a new public key.', id)
    : l10n.t('The pod refuses a new key for {0} while its previous key ({1}) is still valid, until {2}: revoke the previous key first (Revoke Previous Key), or rotate after it has expired.', id, shortFingerprint(refusal.previousFingerprint), keyDate(refusal.previousExpires));
}

function requireKey(keys: HeldKeys, slot: KeySlot, noun: string): string {
  const key = keys[slot]?.key;
  if (!key) throw new Error(slot === 'current' ? l10n.t('The {0} has no current RSA key.', noun) : l10n.t('The {0} has no rotated (previous) key.', noun));
  return key;
}

/** The same key, whatever the PEM's line breaks. */
export function sameKey(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && publicKeyFingerprint(a) !== '' && publicKeyFingerprint(a) === publicKeyFingerprint(b);
}
