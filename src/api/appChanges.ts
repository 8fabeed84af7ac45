// What an application update sends: the fields the user changed, found by comparing the edited manifest with the
// version the edit started from. A real pod refuses fields an operation does not define and may hold values that
// today's rules refuse (an expired certificate, a public key as `cert`, numeric property values) or fields newer
// than our types; none of those is validated or sent back unless the user changed it. The update merges on the
// pod (absent fields keep their value), so an unchanged field is never sent.
import { AppAuthenticationKeys, ApplicationDetail } from './types';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;

/** JSON with object keys sorted: the same value whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v)) ?? '';
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * The update body that turns `base` into `edited`: each changed top-level field; inside `applicationInfo` and
 * `notification` only the changed members, plus the members that belong together (app URL and domain are checked
 * against each other; a notification URL keeps its API key). Property values are sent as the strings the pod
 * defines, so a pod's numeric value (`30`) equals the text `"30"`. Key entries are instructions: the current key
 * only when it has an action or differs from the pod's, the previous key only with an action. A field that is
 * absent (or null) in `edited` is not sent: the pod keeps its value.
 */
export function applicationChanges(base: ApplicationDetail, edited: ApplicationDetail): ApplicationDetail {
  if (!isObject(edited)) return edited; // not a manifest at all: validation says so
  const from = base as Json;
  const changes: Json = {};
  for (const [field, value] of Object.entries(edited as Json)) {
    if (!present(value)) continue;
    const changed =
      field === 'applicationInfo' ? memberChanges(from.applicationInfo, value, ['appUrl', 'domain'])
        : field === 'notification' ? memberChanges(from.notification, value, ['url', 'apiKey'])
          : field === 'authenticationKeys' ? keyInstructions(base, value)
            : field === 'properties' ? (same(propertiesAsText(value), propertiesAsText(from.properties)) ? undefined : propertiesAsText(value))
              : same(value, from[field]) ? undefined : value;
    if (changed !== undefined) changes[field] = changed;
  }
  return changes as ApplicationDetail;
}

/** Whether an update body changes nothing. */
export const noChanges = (changes: ApplicationDetail) => Object.keys(changes).length === 0;

function memberChanges(before: unknown, after: unknown, together: string[]): unknown {
  if (!isObject(after)) return same(after, before) ? undefined : after;
  const old = isObject(before) ? before : {};
  const out: Json = {};
  for (const [key, value] of Object.entries(after)) if (present(value) && !same(value, old[key])) out[key] = value;
  if (together.some((key) => key in out)) for (const key of together) if (present(after[key])) out[key] = after[key];
  return Object.keys(out).length ? out : undefined;
}

function propertiesAsText(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((p: unknown) => (isObject(p) && (typeof p.value === 'number' || typeof p.value === 'boolean') ? { ...p, value: String(p.value) } : p));
}

function keyInstructions(base: ApplicationDetail, value: unknown): unknown {
  if (!isObject(value)) return value;
  const { current, previous, ...other } = value;
  const keys: Json = {};
  const podKey = base.authenticationKeys?.current?.key?.trim();
  if (isObject(current)) {
    const unchanged = !current.action && typeof current.key === 'string' && current.key.trim() === podKey;
    if (!unchanged) keys.current = current;
  } else if (present(current)) keys.current = current;
  if (isObject(previous) ? present(previous.action) : present(previous)) keys.previous = previous;
  const oldKeys = (base.authenticationKeys ?? {}) as Json;
  for (const [key, v] of Object.entries(other)) if (present(v) && !same(v, oldKeys[key])) keys[key] = v;
  return Object.keys(keys).length ? keys as AppAuthenticationKeys : undefined;
}
