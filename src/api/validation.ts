// Local checks with the pod's own rules, run before any request (and by the UI as the user types). Each check is
// a pure function returning an error sentence or undefined; `assertValid` turns one into a PodApiError of kind
// 'validation' naming the field to fix.

import { X509Certificate, createPrivateKey } from 'node:crypto';
import { validationError } from './errors';
import { l10n } from '../text/l10n';

export type Check = string | undefined;

export function assertValid(field: string, error: Check): void {
  if (error !== undefined) throw validationError(field, error);
}

/** The PEM blocks of certificates in a text, in order; text around them (a bundle's comments) is left out. */
export function certificateBlocks(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}

/** The subject of a certificate block, for messages ("CN=Acme Root, O=Acme"); "an unreadable certificate" if damaged. */
export function certificateSubject(block: string): string {
  try {
    return new X509Certificate(block).subject.replace(/\n/g, ', ');
  } catch {
    return l10n.t('an unreadable certificate');
  }
}

/** The largest certificate PEM we send; a single certificate is a few kilobytes. */
export const MAX_CERTIFICATE_PEM_BYTES = 64 * 1024;

/** A company certificate: exactly one X.509 PEM that parses and has not expired (a chain is refused, naming each). */
export function validateCertificatePem(pem: string | undefined, nowMs: number = Date.now()): Check {
  if (!pem || !pem.trim()) return l10n.t('Paste the certificate in PEM format (-----BEGIN CERTIFICATE----- …).');
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return l10n.t('This is a private key, not a certificate: paste the certificate (-----BEGIN CERTIFICATE-----) and keep the key secret.');
  }
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem)) return l10n.t('This is a public key, not a certificate: paste the X.509 certificate (-----BEGIN CERTIFICATE-----).');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) return l10n.t('This is not a PEM certificate: it must start with -----BEGIN CERTIFICATE-----.');
  const size = Buffer.byteLength(pem);
  if (size > MAX_CERTIFICATE_PEM_BYTES) {
    return l10n.t('The certificate text is {0}; a certificate is at most {1} (64 KiB). Choose the file of one certificate.', formatBytes(size), formatBytes(MAX_CERTIFICATE_PEM_BYTES));
  }
  const blocks = certificateBlocks(pem);
  if (blocks.length > 1) {
    const subjects = blocks.map((b, i) => `${i + 1}. ${certificateSubject(b)}`).join('; ');
    return l10n.t('This PEM holds {0} certificates (a chain): {1}. The pod takes one certificate: upload one, each from its own file.', blocks.length, subjects);
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(blocks[0] ?? pem);
  } catch {
    return l10n.t('The certificate could not be read: the PEM text is damaged or incomplete.');
  }
  const notAfter = Date.parse(cert.validTo);
  if (!Number.isNaN(notAfter) && notAfter < nowMs) {
    return l10n.t('The certificate expired on {0}; the pod refuses expired certificates.', new Date(notAfter).toISOString().slice(0, 10));
  }
  return undefined;
}

/** An application permission: a known one or a custom one of upper-case letters, digits and underscore. */
export function validatePermissionName(name: string): Check {
  if (!name || !name.trim()) return l10n.t('A permission name cannot be empty.');
  if (name.length > 64) return l10n.t('The permission "{0}…" is {1} characters long; a permission has at most 64.', name.slice(0, 20), formatCount(name.length));
  if (!/^[A-Z0-9_]{1,64}$/.test(name)) return l10n.t('The permission "{0}" may only contain upper-case letters, digits and underscore (A-Z, 0-9, _).', name);
  return undefined;
}

export function validateHttpsUrl(url: string | undefined, label = l10n.t('The URL')): Check {
  if (!url || !url.trim()) return l10n.t('{0} is required and must start with https://.', label);
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return l10n.t('{0} is not a valid URL; it must start with https://.', label);
  }
  if (parsed.protocol !== 'https:') return l10n.t('{0} must start with https:// (got {1}).', label, parsed.protocol.replace(/:$/, ''));
  if (!parsed.hostname) return l10n.t('{0} must name a host after https://.', label);
  return undefined;
}

/** "2,097,153 bytes": sizes in messages are exact, never rounded to megabytes. */
export function formatBytes(bytes: number): string {
  return bytes === 1 ? l10n.t('1 byte') : l10n.t('{0} bytes', formatCount(bytes));
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Characters that are invisible or change the direction of the text around them: every format character
 * (Unicode category Cf: zero-width spaces and joiners, the soft hyphen, the byte-order mark, bidirectional marks,
 * embeddings, overrides and isolates, …) and the few others that render as nothing. A name holding one looks blank
 * or shows text in another order than it has.
 */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u2800]/gu;
const INVISIBLE_NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN', 0x034f: 'COMBINING GRAPHEME JOINER', 0x061c: 'ARABIC LETTER MARK', 0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER', 0x180e: 'MONGOLIAN VOWEL SEPARATOR', 0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2060: 'WORD JOINER', 0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS', 0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE', 0x2800: 'BRAILLE PATTERN BLANK', 0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)', 0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** "U+200F RIGHT-TO-LEFT MARK" for each distinct invisible or direction-changing character in the text. */
export function invisibleCharacters(text: string): string[] {
  const found = new Set<number>();
  for (const m of text.matchAll(INVISIBLE)) found.add(m[0].codePointAt(0) as number);
  return [...found].map(cp => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${INVISIBLE_NAMES[cp] ?? l10n.t('an invisible format character')}`);
}

/**
 * Text from the pod made safe to show as one line: control characters (line breaks, escapes) and invisible or
 * direction-changing characters are removed, runs of spaces collapse. `removed` says whether anything was taken out.
 */
export function displayableText(text: string): { text: string; removed: boolean } {
  const cleaned = text.replace(/\p{Cc}/gu, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return { text: cleaned, removed: cleaned !== text.replace(/\s+/g, ' ').trim() };
}

/** The sentence for text holding invisible characters, or undefined. */
export function validateNoInvisible(value: string, label: string): Check {
  const found = invisibleCharacters(value);
  if (found.length === 0) return undefined;
  if (found.length === 1) return l10n.t('{0} contains {1}, which is invisible or changes the direction of the text; remove it.', label, found[0]);
  return l10n.t('{0} contains {1} and {2}, which are invisible or change the direction of the text; remove them.', label, found.slice(0, -1).join(', '), found[found.length - 1]);
}

/** The longest name we send, in characters; the pod documents no limit, and a longer one is a paste gone wrong. */
export const MAX_NAME_LENGTH = 1000;

/** A one-line name the user types (certificate, group, app, account …): not blank, visible, no line breaks. */
export function validateRequiredName(value: string | undefined, label = l10n.t('The name')): Check {
  if (typeof value !== 'string') return l10n.t('{0} is required and cannot be blank.', label);
  const invisible = validateNoInvisible(value, label);
  if (invisible) return invisible;
  if (!value.trim()) return l10n.t('{0} is required and cannot be blank.', label);
  if (value.length > MAX_NAME_LENGTH) return l10n.t('{0} is {1} characters long; use at most {2}.', label, formatCount(value.length), formatCount(MAX_NAME_LENGTH));
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
    return l10n.t('{0} contains a control character (a line break, a tab or another non-printing character); remove it.', label);
  }
  return undefined;
}

/**
 * The largest free-text field we send (a description, a property value): 64 KiB in UTF-8. No pod documents a
 * limit; a multi-megabyte description is a paste gone wrong and would be refused by the pod or its gateway.
 */
export const MAX_TEXT_FIELD_BYTES = 64 * 1024;

/** Free text (may be empty, may hold line breaks and tabs): no invisible characters, at most `maxBytes` in UTF-8. */
export function validateTextField(value: string | undefined, label: string, maxBytes: number = MAX_TEXT_FIELD_BYTES): Check {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return l10n.t('{0} must be text.', label);
  const bytes = Buffer.byteLength(value);
  if (bytes > maxBytes) return l10n.t('{0} is {1}; the largest we send is {2}. Shorten it.', label, formatBytes(bytes), formatBytes(maxBytes));
  const invisible = validateNoInvisible(value, label);
  if (invisible) return invisible;
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(value)) return l10n.t('{0} contains a non-printing control character; remove it.', label);
  return undefined;
}

export function validateAppId(appId: string | undefined): Check {
  if (!appId || !appId.trim()) return l10n.t('The application id is required and cannot be blank.');
  const invisible = validateNoInvisible(appId, l10n.t('The application id'));
  if (invisible) return invisible;
  if (appId.length > 256) return l10n.t('The application id is {0} characters long; the pod allows at most 256.', formatCount(appId.length));
  if (/[/?#%\\]/.test(appId)) return l10n.t('The application id cannot contain /, ?, #, % or \\.');
  if (appId.trim() === '.' || appId.trim() === '..') return l10n.t('The application id cannot be "." or "..".');
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
  if (!bytes || bytes.length === 0) return l10n.t('Choose an image file for the avatar.');
  if (!imageTypeOf(bytes)) return l10n.t('The avatar must be a JPEG, PNG or GIF image.');
  if (bytes.length > MAX_AVATAR_BYTES) return l10n.t('The avatar is {0}; the pod accepts at most {1} (2 MB).', formatBytes(bytes.length), formatBytes(MAX_AVATAR_BYTES));
  return undefined;
}

const INT64_MAX = 2n ** 63n - 1n;

export type UserIdInput = number | string | bigint;

export function validateUserId(id: UserIdInput | undefined): Check {
  if (id === undefined || id === null || (typeof id === 'string' && !id.trim())) return l10n.t('A user id is required.');
  if (typeof id === 'string') {
    const invisible = validateNoInvisible(id, l10n.t('The user id'));
    if (invisible) return invisible;
  }
  if (typeof id === 'number') {
    if (!Number.isInteger(id)) return l10n.t('The user id {0} is not a whole number.', id);
    if (id <= 0) return l10n.t('A user id must be a positive number.');
    if (!Number.isSafeInteger(id)) return l10n.t('This user id is too large to be exact as a number; pass it as text.');
    return undefined;
  }
  const text = typeof id === 'bigint' ? id.toString() : id.trim();
  if (!/^-?\d+$/.test(text)) return l10n.t('The user id "{0}" is not a whole number.', text);
  const value = BigInt(text);
  if (value <= 0n) return l10n.t('A user id must be a positive number.');
  if (value > INT64_MAX) return l10n.t('The user id is larger than any Symphony user id (2^63-1).');
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
  if (!url || !url.trim()) return l10n.t('Enter the pod URL, for example https://acme.symphony.com.');
  const invisible = validateNoInvisible(url, l10n.t('The pod URL'));
  if (invisible) return invisible;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return l10n.t('This is not a valid URL; enter the pod address, for example https://acme.symphony.com.');
  }
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
  if (u.protocol === 'http:' && !local) return l10n.t('The pod URL must start with https:// (plain http is only allowed for localhost).');
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return l10n.t('The pod URL must start with https://.');
  if (u.username || u.password) return l10n.t('The pod URL must not contain a user name or password.');
  if (u.pathname !== '/' && u.pathname !== '') return l10n.t('The pod URL must be just the address, without a path such as {0}.', u.pathname);
  if (u.search || u.hash) return l10n.t('The pod URL must not contain a query (?…) or a fragment (#…).');
  return undefined;
}

/** The pod URL without a trailing slash, after validation. */
export function normalizePodUrl(url: string, field = 'podUrl'): string {
  assertValid(field, validatePodUrl(url));
  return new URL(url.trim()).origin;
}

/** An RSA private key in PEM (PKCS#1 or PKCS#8, encrypted or not) that opens with the passphrase given. */
export function validatePrivateKey(pem: string | undefined, passphrase?: string): Check {
  if (!pem || !pem.trim()) return l10n.t('Paste or choose the RSA private key (PEM).');
  if (pem.includes('-----BEGIN CERTIFICATE-----') && !/PRIVATE KEY-----/.test(pem)) return l10n.t('This is a certificate, not a private key.');
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem)) return l10n.t('This is a public key; signing in needs the matching private key.');
  if (!/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(pem)) return l10n.t('This is not an RSA private key in PEM format (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).');
  const encrypted = /ENCRYPTED/.test(pem);
  if (encrypted && !passphrase) return l10n.t('This private key is encrypted: enter its passphrase.');
  try {
    const key = createPrivateKey({ key: pem, format: 'pem', passphrase: passphrase ?? '' });
    if (key.asymmetricKeyType !== 'rsa') return l10n.t('This is a {0} key; Symphony needs an RSA key.', key.asymmetricKeyType ?? l10n.t('non-RSA'));
  } catch {
    return encrypted ? l10n.t('The private key could not be opened: the passphrase is wrong.') : l10n.t('The private key could not be read: the PEM text is damaged or incomplete.');
  }
  return undefined;
}

/** One problem found in a whole object (an application, a group), for forms that show every problem at once. */
export interface ValidationIssue { field: string; message: string }

/** Throws the first issue as a validation PodApiError (the message says how many more there are). */
export function assertNoIssues(issues: ValidationIssue[]): void {
  if (issues.length === 0) return;
  const message = issues.length === 1 ? issues[0].message
    : issues.length === 2 ? l10n.t('{0} (and 1 more problem)', issues[0].message) : l10n.t('{0} (and {1} more problems)', issues[0].message, issues.length - 1);
  throw validationError(issues[0].field, message);
}

/** Collects the checks that failed as issues. */
export function issuesOf(checks: Array<[field: string, error: Check]>): ValidationIssue[] {
  return checks.filter((c): c is [string, string] => c[1] !== undefined).map(([field, message]) => ({ field, message }));
}
