// The one place that decides what a write is, and the hooks every write passes: a gate its owner sets (the
// extension from the window's production lock, the CLI from `--unlock "reason"`) that may refuse it before any byte
// is sent, and an observer told the outcome of every write that was sent (the activity log). Plain Node.
import { PodApiError } from './errors';
import { l10n } from '../text/l10n';

/**
 * POSTs that change nothing on the pod: sign-ins, the Profile Manager token, searches and lookups sent as POST.
 * Everything else that is not a GET is a write. Keep this the only such list (test/unit/api/writeGate.test.ts
 * checks every read the client sends as POST is on it).
 */
export const READS_SENT_AS_POST: readonly RegExp[] = [
  /^\/login\/pubkey\/(app\/)?authenticate$/,
  /^\/sessionauth\/v1\/(app\/)?authenticate$/,
  /^\/keyauth\/v1\/(app\/)?authenticate$/,
  /^\/login\/idm\/tokens$/,
  /^\/pod\/v1\/companycert\/type\/list$/,
  /^\/pod\/v1\/user\/search$/,
  /^\/pod\/v1\/admin\/user\/find$/,
];

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A write about to be sent: method, path from the pod origin (no query), and the JSON body as given. */
export interface WriteAttempt {
  method: WriteMethod;
  path: string;
  body?: unknown;
}

/** What came of a write that was sent (or could not be): the activity log's raw material. */
export interface WriteOutcome extends WriteAttempt {
  /** HTTP status, or why there is none. */
  status: number | 'network error' | 'timeout';
  ok: boolean;
  /** The pod's message (error body), or our sentence when the request did not get an answer. */
  podMessage?: string;
  /** The trace id header of the pod's answer, if it sent one. */
  traceId?: string;
  /** The pod's answer to a successful write (e.g. the created app), for "after". */
  response?: unknown;
  at: Date;
  ms: number;
}

/** Throws (a `locked` PodApiError, usually) to refuse a write; returns to let it go. */
export type WriteGate = (write: WriteAttempt) => void;
/** Told about every write that was sent; must not throw (a throw is ignored). */
export type WriteObserver = (outcome: WriteOutcome) => void;

export function isWrite(method: string, path: string): method is WriteMethod {
  return method !== 'GET' && !READS_SENT_AS_POST.some((read) => read.test(path));
}

/**
 * Writes that take something away: deletes, removals, rejections, a group marked DELETED, a key revoked. On a
 * production pod they need the pod's name typed (ui/confirmChange.ts); the extension's gate checks that it was.
 */
export function isDestructiveWrite(write: WriteAttempt): boolean {
  if (/\/(delete|remove|reject)$/.test(write.path)) return true;
  const body = write.body as { status?: unknown; authenticationKeys?: Record<string, { action?: unknown } | undefined> } | undefined;
  if (/^\/profile-manager\/v1\/groups\/[^/]+$/.test(write.path) && body?.status === 'DELETED') return true;
  return Object.values(body?.authenticationKeys ?? {}).some((key) => key?.action === 'REVOKE');
}

/** The header a pod names its trace id with (read case-insensitively). */
export const TRACE_ID_HEADER = 'x-trace-id';

/**
 * The refusal of a write to a locked production pod, sent before anything reaches the pod. `what` names the pod
 * ("UAT (production)"); `how` says how to unlock where the caller runs (a command in VS Code, a flag in the CLI).
 */
export function lockedError(podName: string, write: WriteAttempt, how = l10n.t('Unlock for changes… first')): PodApiError {
  return new PodApiError(l10n.t('{0} is a production pod and is locked: {1}. Nothing was sent ({2} {3}).', podName, how, write.method, write.path), {
    kind: 'locked', method: write.method, path: write.path,
  });
}
