// Small input checks that throw the pod's 400. Handlers validate everything first and mutate after.
import { HttpError } from './router';

export type Obj = Record<string, unknown>;

export function bad(message: string, code?: string): never { throw new HttpError(400, message, code); }

export function object(value: unknown, what: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) { bad(`${what} must be a JSON object`); }
  return value as Obj;
}

export function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) { bad(`${what} must be a JSON array`); }
  return value;
}

export function optString(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) { return undefined; }
  if (typeof value !== 'string') { bad(`${what} must be a string`); }
  return value;
}

export function reqString(value: unknown, what: string): string {
  const s = optString(value, what);
  if (s === undefined || s.trim() === '') { bad(`${what} is required`); }
  return s;
}

export function optBool(value: unknown, what: string): boolean | undefined {
  if (value === undefined || value === null) { return undefined; }
  if (typeof value !== 'boolean') { bad(`${what} must be a boolean`); }
  return value;
}

/** int64 ids: a JSON integer or a string of digits, within the safe integer range this emulator uses. */
export function int64(value: unknown, what: string): number {
  const n = typeof value === 'string' && /^-?\d{1,19}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) { bad(`${what} must be an int64`); }
  return n;
}

/** skip/limit query values: absent → fallback; otherwise a non-negative integer. */
export function queryInt(raw: string | null, what: string, fallback: number | undefined, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === null || raw === '') { return fallback; }
  if (!/^\d+$/.test(raw)) { bad(`${what} must be an integer`); }
  const n = Number(raw);
  if (n < min || n > max) { bad(`${what} must be between ${min} and ${max}`); }
  return n;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) { bad(`${what} must be one of ${allowed.join(', ')}`); }
  return value as T;
}

export function page<T>(items: T[], skipRaw: string | null, limitRaw: string | null): T[] {
  const skip = queryInt(skipRaw, 'skip', 0) ?? 0;
  const limit = queryInt(limitRaw, 'limit', undefined, 1);
  return items.slice(skip, limit === undefined ? undefined : skip + limit);
}
