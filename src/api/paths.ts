// Small helpers for building request paths and queries, shared by every resource file.

import { assertValid, Check, formatCount, validateNoInvisible } from './validation';

export interface PageRequest { skip?: number; limit?: number }

export function pageQuery(page: PageRequest): { skip?: number; limit?: number } {
  for (const [name, value] of Object.entries(page)) {
    assertValid(name, value === undefined || (Number.isInteger(value) && value >= 0) ? undefined : `${name} must be a whole number, 0 or more.`);
  }
  return { skip: page.skip, limit: page.limit };
}

/** The longest id we put in a path. Symphony ids are short (a fingerprint is 40–64 hex digits). */
export const MAX_SEGMENT_LENGTH = 1024;

/** What each path field is called in messages. */
const LABELS: Record<string, string> = {
  fingerPrint: 'certificate fingerprint', appId: 'application id', groupId: 'group id', typeId: 'group type id',
  userId: 'user id', uid: 'user id', sessionId: 'session id',
};

/**
 * Whether a value can be one path segment that addresses exactly the resource it names. Refused: blanks, "." and
 * "..", and every character that URL parsing or a proxy could rewrite into another path: "/", "\", "?", "#", "%"
 * (so "%2e%2e" can never become ".."), control characters (URL parsing drops tabs and line breaks), and invisible
 * or direction-changing characters. This holds for ids the user typed and for ids the pod itself returned.
 */
export function validateSegment(value: unknown, field = 'id'): Check {
  const name = LABELS[field] ?? field;
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
  if (!text.trim()) return `The ${name} is required.`;
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  if (text === '.' || text === '..') return `The ${name} ${shown} is not an id: "." and ".." would address another endpoint of the pod.`;
  if (/[/\\?#%]/.test(text)) return `The ${name} ${shown} contains "/", "\\", "?", "#" or "%", which would change the address of the request; check it.`;
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return `The ${name} ${shown} contains a control character (a line break or a tab); check it.`;
  const invisible = validateNoInvisible(text, `The ${name}`);
  if (invisible) return invisible;
  if (text.length > MAX_SEGMENT_LENGTH) return `The ${name} is ${formatCount(text.length)} characters long; an id has at most ${formatCount(MAX_SEGMENT_LENGTH)}.`;
  return undefined;
}

/** One encoded path segment; throws a validation error naming the field (before any request) when it is not safe. */
export function segment(value: string | number | bigint, field = 'id'): string {
  assertValid(field, validateSegment(value, field));
  return encodeURIComponent(String(value));
}
