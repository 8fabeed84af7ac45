// RSA key rotation as docs bots/authentication/rsa-authentication.md documents it for users and service accounts,
// shared by service accounts (`userAttributes.currentKey` / `previousKey`) and apps (`authenticationKeys.current` /
// `previous`, which follow the same rules because nothing else is documented for them).
import * as crypto from 'node:crypto';
import type { AppKey } from './state';
import { Obj, bad, object, oneOf, reqString } from './validate';

export const ROTATED_KEY_TTL_MS = 72 * 3600_000;

export interface HeldKeys { current?: AppKey; previous?: AppKey }

/** Where the two keys sit in a request body (for messages) and what holds them. */
export interface KeyFields { current: string; previous: string; holder: 'app' | 'account' }
export const APP_KEY_FIELDS: KeyFields = { current: 'authenticationKeys.current', previous: 'authenticationKeys.previous', holder: 'app' };
export const ACCOUNT_KEY_FIELDS: KeyFields = { current: 'userAttributes.currentKey', previous: 'userAttributes.previousKey', holder: 'account' };

/** A key is valid while it has no expiry or its expiry is in the future. */
export const validKey = (k: AppKey | undefined, now: number): k is AppKey => !!k && (k.expirationDate === undefined || k.expirationDate > now);
const sameKey = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

function publicKey(value: unknown, what: string): string {
  const key = reqString(value, what);
  try { crypto.createPublicKey(key); } catch { bad(`${what} is not a valid RSA public key PEM`); }
  return key;
}

/** The keys a pod still accepts at sign-in: the current one, and the previous one until it expires. */
export function acceptedKeys(keys: HeldKeys | undefined, now = Date.now()): string[] {
  return [keys?.current?.key, validKey(keys?.previous, now) && keys?.previous?.expirationDate ? keys.previous.key : undefined].filter((k): k is string => !!k);
}

/**
 * Applies `{ current, previous }` instructions and returns the new keys without mutating. The previous key's action
 * runs first, so one request can revoke the previous key and SAVE a new current one. A key without `action` (sent
 * back as read) is not an instruction, except a different current key, which is saved. `revokedCurrent` tells the
 * caller to end the holder's RSA sessions.
 */
export function applyKeys(body: Obj, keys: HeldKeys, fields: KeyFields): HeldKeys & { revokedCurrent?: boolean } {
  const now = Date.now();
  let { current, previous } = keys;
  let revokedCurrent = false;
  if (body.previous !== undefined && body.previous !== null) {
    const p = object(body.previous, fields.previous);
    if (p.action !== undefined && p.action !== null) {
      const action = oneOf(p.action, ['REVOKE', 'EXTEND'] as const, `${fields.previous}.action`);
      if (!previous) { bad(`There is no rotated (previous) key to ${action.toLowerCase()}`); }
      // EXTEND prolongs the previous key by 72 hours from its expiry (or from now once it has passed), whatever date is sent.
      previous = action === 'REVOKE' ? undefined : { key: previous.key, expirationDate: Math.max(previous.expirationDate ?? now, now) + ROTATED_KEY_TTL_MS };
    }
  }
  if (body.current !== undefined && body.current !== null) {
    const c = object(body.current, fields.current);
    const explicit = c.action !== undefined && c.action !== null;
    const action = oneOf(c.action ?? 'SAVE', ['SAVE', 'REVOKE'] as const, `${fields.current}.action`);
    if (action === 'REVOKE') {
      if (!current) { bad('There is no current key to revoke'); }
      // Revoking the current key makes a still valid previous key the current one.
      current = validKey(previous, now) ? { key: previous.key } : undefined;
      previous = undefined;
      revokedCurrent = true;
    } else if (explicit || (c.key != null && !(current && sameKey(String(c.key), current.key)))) {
      const key = publicKey(c.key, `${fields.current}.key`);
      if (current && sameKey(key, current.key)) { bad('The new key must differ from the current key'); }
      if (validKey(current, now) && validKey(previous, now)) {
        bad(`The ${fields.holder} already has a valid current key and a valid previous key (until ${new Date(previous.expirationDate ?? now).toISOString()}): `
          + 'revoke the previous key, or wait until it expires, before saving a new key');
      }
      if (current) { previous = { key: current.key, expirationDate: now + ROTATED_KEY_TTL_MS }; }
      current = { key };
    }
  }
  return { current, previous, ...(revokedCurrent ? { revokedCurrent } : {}) };
}
