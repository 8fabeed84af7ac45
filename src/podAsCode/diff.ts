// Field-level differences between what the pod holds and what the folder says, on normalized values. A field the
// folder leaves out is not a difference: the pod keeps its value (the APIs merge, and cannot remove a field).
// Objects are compared member by member; lists and plain values as a whole. Also the content hash the apply uses
// to see that a resource changed since the plan (a hash of the normalized value, never a revision counter).
import { createHash } from 'node:crypto';
import { Json, JsonObject, canonical, isObject } from './folderFiles';

export interface FieldDiff {
  /** Dotted path: `manifest.applicationInfo.name`. */
  field: string;
  before?: Json;
  after: Json;
}

export function fieldDiffs(current: JsonObject | undefined, desired: JsonObject, prefix = ''): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const [key, after] of Object.entries(desired)) {
    if (after === null || after === undefined) continue;
    const field = prefix ? `${prefix}.${key}` : key;
    const before = current?.[key];
    if (isObject(after) && isObject(before)) out.push(...fieldDiffs(before, after, field));
    else if (canonical(after) !== canonical(before)) out.push(before === undefined ? { field, after } : { field, before, after });
  }
  return out;
}

export function contentHash(value: JsonObject | undefined): string {
  return value === undefined ? 'absent' : createHash('sha256').update(canonical(value)).digest('hex');
}
