// How counts and fingerprints read wherever the extension shows them (tree, panels, expiry report, messages, logs),
// so every surface says them the same way. Plain functions with no imports: the webviews bundle this file too.

/** "1 credential", "3 credentials": a count with its noun, never "credential(s)". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}

/**
 * A fingerprint as the pod writes a certificate's (its id in the API and the admin portal): lower-case hex without
 * separators. Colon-separated or upper-case input (Node's X509Certificate, openssl) reads the same way afterwards,
 * so a fingerprint copied from any view can be pasted into a search or the portal.
 */
export function formatFingerprint(value: string): string {
  const hex = value.replace(/[\s:]/g, '');
  return /^[0-9a-fA-F]+$/.test(hex) ? hex.toLowerCase() : value;
}

/** The first 16 hex digits and an ellipsis, for sentences where the whole fingerprint would not fit. */
export function shortFingerprint(value: string): string {
  const full = formatFingerprint(value);
  return full.length > 16 ? `${full.slice(0, 16)}…` : full;
}
