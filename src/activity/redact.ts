// What of a request or a resource may be kept in the activity log: never a token, key, passphrase or API key; a
// public key as its fingerprint; a certificate PEM kept (public, and needed to recreate a deleted certificate); an
// image as its size. Applied to everything an entry holds, before it is written. Plain Node.
import { publicKeyFingerprint } from '../credentials/keyRotation';

const SECRET_NAMES = /token|passphrase|password|secret|apikey|authorization|privatekey|credential/i;
const JWT = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/;

export function redact(value: unknown, name = ''): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return redactText(value, name);
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, name));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) out[key] = redact(v, key);
  return out;
}

function redactText(text: string, name: string): string {
  if (SECRET_NAMES.test(name)) return '[removed]';
  if (/PRIVATE KEY-----/.test(text)) return '[private key removed]';
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(text)) {
    const fingerprint = publicKeyFingerprint(text);
    return fingerprint ? `[public key SHA-256 ${fingerprint}]` : '[public key]';
  }
  if (name === 'image' && text.length > 64) return `[image, ${Math.floor((text.length * 3) / 4)} bytes]`;
  if (JWT.test(text)) return '[removed]';
  return text;
}
