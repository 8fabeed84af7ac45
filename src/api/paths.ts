// Small helpers for building request paths and queries, shared by every resource file.

import { assertValid } from './validation';

export interface PageRequest { skip?: number; limit?: number }

export function pageQuery(page: PageRequest): { skip?: number; limit?: number } {
  for (const [name, value] of Object.entries(page)) {
    assertValid(name, value === undefined || (Number.isInteger(value) && value >= 0) ? undefined : `${name} must be a whole number, 0 or more.`);
  }
  return { skip: page.skip, limit: page.limit };
}

/** One encoded path segment; refuses blanks so "/v1/companycert//get" is never sent. */
export function segment(value: string | number | bigint, field = 'id'): string {
  const text = String(value ?? '');
  assertValid(field, text.trim() ? undefined : `The ${field} is required.`);
  return encodeURIComponent(text);
}
