// Local checks with the pod's own rules, run before any request (and by the UI as the user types). Each check is
// a pure function returning an error sentence or undefined; `assertValid` turns one into a PodApiError of kind
// 'validation' naming the field to fix.

import { X509Certificate, createPrivateKey } from 'node:crypto';
import { validationError } from './errors';

export type Check = string | undefined;

export function assertValid(field: string, error: Check): void {
  if (error !== undefined) throw validationError(field, error);
}

/** A company certificate: one X.509 PEM that parses and has not expired. */
export function validateCertificatePem(pem: string | undefined, nowMs: number = Date.now()): Check {
  if (!pem || !pem.trim()) return 'Paste the certificate in PEM format (-----BEGIN CERTIFICATE----- …).';
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return 'This is a private key, not a certificate: paste the certificate (-----BEGIN CERTIFICATE-----) and keep the key secret.';
  }
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem)) return 'This is a public key, not a certificate: paste the X.509 certificate (-----BEGIN CERTIFICATE-----).';
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) return 'This is not a PEM certificate: it must start with -----BEGIN CERTIFICATE-----.';
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    return 'The certificate could not be read: the PEM text is damaged or incomplete.';
  }
  const notAfter = Date.parse(cert.validTo);
  if (!Number.isNaN(notAfter) && notAfter < nowMs) {
    return `The certificate expired on ${new Date(notAfter).toISOString().slice(0, 10)}; the pod refuses expired certificates.`;
  }
  return undefined;
}

/** An application permission: a known one or a custom one of upper-case letters, digits and underscore. */
export function validatePermissionName(name: string): Check {
  if (!name || !name.trim()) return 'A permission name cannot be empty.';
  if (name.length > 64) return `The permission "${name.slice(0, 20)}…" is longer than 64 characters.`;
  if (!/^[A-Z0-9_]{1,64}$/.test(name)) return `The permission "${name}" may only contain upper-case letters, digits and underscore (A-Z, 0-9, _).`;
  return undefined;
}

export function validateHttpsUrl(url: string | undefined, label = 'The URL'): Check {
  if (!url || !url.trim()) return `${label} is required and must start with https://.`;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return `${label} is not a valid URL; it must start with https://.`;
  }
  if (parsed.protocol !== 'https:') return `${label} must start with https:// (got ${parsed.protocol.replace(/:$/, '')}).`;
  if (!parsed.hostname) return `${label} must name a host after https://.`;
  return undefined;
}

/** The longest name we send; the pod documents no limit, and a multi-megabyte name is always a paste gone wrong. */
export const MAX_NAME_LENGTH = 1000;

export function validateRequiredName(value: string | undefined, label = 'The name'): Check {
  if (typeof value !== 'string' || !value.trim()) return `${label} is required and cannot be blank.`;
  if (value.length > MAX_NAME_LENGTH) return `${label} is ${value.length} characters long; use at most ${MAX_NAME_LENGTH}.`;
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(value)) {
    return `${label} contains control or text-direction characters (a line break, tab or invisible character); remove them.`;
  }
  return undefined;
}

export function validateAppId(appId: string | undefined): Check {
  if (!appId || !appId.trim()) return 'The application id is required and cannot be blank.';
  if (appId.length > 256) return `The application id is ${appId.length} characters long; the pod allows at most 256.`;
  if (/[/?#%\\]/.test(appId)) return 'The application id cannot contain /, ?, #, % or \\.';
  return undefined;
}

export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

/** The image type an avatar's first bytes announce, or undefined. */
export function imageTypeOf(bytes: Uint8Array): 'png' | 'jpg' | 'gif' | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpg';
  if (starts([0x47, 0x49, 0x46, 0x38])) return 'gif';
  return undefined;
}

export function validateAvatar(bytes: Uint8Array | undefined): Check {
  if (!bytes || bytes.length === 0) return 'Choose an image file for the avatar.';
  if (!imageTypeOf(bytes)) return 'The avatar must be a JPEG, PNG or GIF image.';
  if (bytes.length > MAX_AVATAR_BYTES) return `The avatar is ${(bytes.length / 1048576).toFixed(1)} MB; the pod accepts at most 2 MB.`;
  return undefined;
}

const INT64_MAX = 2n ** 63n - 1n;

export type UserIdInput = number | string | bigint;

export function validateUserId(id: UserIdInput | undefined): Check {
  if (id === undefined || id === null || (typeof id === 'string' && !id.trim())) return 'A user id is required.';
  if (typeof id === 'number') {
    if (!Number.isInteger(id)) return `The user id ${id} is not a whole number.`;
    if (id <= 0) return 'A user id must be a positive number.';
    if (!Number.isSafeInteger(id)) return 'This user id is too large to be exact as a number; pass it as text.';
    return undefined;
  }
  const text = typeof id === 'bigint' ? id.toString() : id.trim();
  if (!/^-?\d+$/.test(text)) return `The user id "${text}" is not a whole number.`;
  const value = BigInt(text);
  if (value <= 0n) return 'A user id must be a positive number.';
  if (value > INT64_MAX) return 'The user id is larger than any Symphony user id (2^63-1).';
  return undefined;
}

/** A valid user id as sent in JSON: a number when exact, a bigint beyond 2^53. Throws a validation error otherwise. */
export function toUserId(id: UserIdInput, field = 'userId'): number | bigint {
  assertValid(field, validateUserId(id));
  const value = BigInt(typeof id === 'string' ? id.trim() : id);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** A pod URL: https (http only for localhost), no credentials, no path other than "/", no query or fragment. */
export function validatePodUrl(url: string | undefined): Check {
  if (!url || !url.trim()) return 'Enter the pod URL, for example https://acme.symphony.com.';
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return 'This is not a valid URL; enter the pod address, for example https://acme.symphony.com.';
  }
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
  if (u.protocol === 'http:' && !local) return 'The pod URL must start with https:// (plain http is only allowed for localhost).';
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'The pod URL must start with https://.';
  if (u.username || u.password) return 'The pod URL must not contain a user name or password.';
  if (u.pathname !== '/' && u.pathname !== '') return `The pod URL must be just the address, without a path such as ${u.pathname}.`;
  if (u.search || u.hash) return 'The pod URL must not contain a query (?…) or a fragment (#…).';
  return undefined;
}

/** The pod URL without a trailing slash, after validation. */
export function normalizePodUrl(url: string, field = 'podUrl'): string {
  assertValid(field, validatePodUrl(url));
  return new URL(url.trim()).origin;
}

/** An RSA private key in PEM (PKCS#1 or PKCS#8, encrypted or not) that opens with the passphrase given. */
export function validatePrivateKey(pem: string | undefined, passphrase?: string): Check {
  if (!pem || !pem.trim()) return 'Paste or choose the RSA private key (PEM).';
  if (pem.includes('-----BEGIN CERTIFICATE-----') && !/PRIVATE KEY-----/.test(pem)) return 'This is a certificate, not a private key.';
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem)) return 'This is a public key; signing in needs the matching private key.';
  if (!/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(pem)) return 'This is not an RSA private key in PEM format (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).';
  const encrypted = /ENCRYPTED/.test(pem);
  if (encrypted && !passphrase) return 'This private key is encrypted: enter its passphrase.';
  try {
    const key = createPrivateKey({ key: pem, format: 'pem', passphrase: passphrase ?? '' });
    if (key.asymmetricKeyType !== 'rsa') return `This is a ${key.asymmetricKeyType ?? 'non-RSA'} key; Symphony needs an RSA key.`;
  } catch {
    return encrypted ? 'The private key could not be opened: the passphrase is wrong.' : 'The private key could not be read: the PEM text is damaged or incomplete.';
  }
  return undefined;
}

/** One problem found in a whole object (an application, a group), for forms that show every problem at once. */
export interface ValidationIssue { field: string; message: string }

/** Throws the first issue as a validation PodApiError (the message says how many more there are). */
export function assertNoIssues(issues: ValidationIssue[]): void {
  if (issues.length === 0) return;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw validationError(issues[0].field, issues[0].message + more);
}

/** Collects the checks that failed as issues. */
export function issuesOf(checks: Array<[field: string, error: Check]>): ValidationIssue[] {
  return checks.filter((c): c is [string, string] => c[1] !== undefined).map(([field, message]) => ({ field, message }));
}
