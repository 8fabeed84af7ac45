// Small helpers for building request paths and queries, shared by every resource file.

import { l10n } from '../text/l10n';
import { assertValid, Check, formatCount, validateNoInvisible } from './validation';

export interface PageRequest { skip?: number; limit?: number }

export function pageQuery(page: PageRequest): { skip?: number; limit?: number } {
  for (const [name, value] of Object.entries(page)) {
    assertValid(name, value === undefined || (Number.isInteger(value) && value >= 0) ? undefined : l10n.t('{0} must be a whole number, 0 or more.', name));
  }
  return { skip: page.skip, limit: page.limit };
}

/** The longest id we put in a path. Symphony ids are short (a fingerprint is 40–64 hex digits). */
export const MAX_SEGMENT_LENGTH = 1024;

/** What a path field is called in messages ("The application id"); another field (a caller's noun) is "The <field>". */
function labelOf(field: string): string {
  switch (field) {
    case 'fingerPrint': return l10n.t('The certificate fingerprint');
    case 'appId': return l10n.t('The application id');
    case 'groupId': return l10n.t('The group id');
    case 'typeId': return l10n.t('The group type id');
    case 'userId': case 'uid': return l10n.t('The user id');
    case 'sessionId': return l10n.t('The session id');
    default: return l10n.t('The {0}', field);
  }
}

/**
 * Whether a value can be one path segment that addresses exactly the resource it names. Refused: blanks, "." and
 * "..", and every character that URL parsing or a proxy could rewrite into another path: "/", "\", "?", "#", "%"
 * (so "%2e%2e" can never become ".."), control characters (URL parsing drops tabs and line breaks), and invisible
 * or direction-changing characters. This holds for ids the user typed and for ids the pod itself returned.
 */
export function validateSegment(value: unknown, field = 'id'): Check {
  const label = labelOf(field);
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
  if (!text.trim()) return l10n.t('{0} is required.', label);
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  if (text === '.' || text === '..') return l10n.t('{0} {1} is not an id: "." and ".." would address another endpoint of the pod.', label, shown);
  if (/[/\\?#%]/.test(text)) return l10n.t('{0} {1} contains "/", "\\", "?", "#" or "%", which would change the address of the request; check it.', label, shown);
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return l10n.t('{0} {1} contains a control character (a line break or a tab); check it.', label, shown);
  const invisible = validateNoInvisible(text, label);
  if (invisible) return invisible;
  if (text.length > MAX_SEGMENT_LENGTH) return l10n.t('{0} is {1} characters long; an id has at most {2}.', label, formatCount(text.length), formatCount(MAX_SEGMENT_LENGTH));
  return undefined;
}

/** One encoded path segment; throws a validation error naming the field (before any request) when it is not safe. */
export function segment(value: string | number | bigint, field = 'id'): string {
  assertValid(field, validateSegment(value, field));
  return encodeURIComponent(String(value));
}
