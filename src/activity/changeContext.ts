// What the code that starts a change knows and the API client does not: the user's action, the resource, its state
// before, and whether the user typed the pod's name. Carried with the async work (AsyncLocalStorage), so the write
// gate and the activity log read it at the one place every write passes without each call passing it along.
// registerCommand opens a scope per command; the save paths add what they know. Plain Node (the CLI can use it).
import { AsyncLocalStorage } from 'node:async_hooks';
import { processWide } from '../parts/processWide';

export interface ChangeResource {
  kind: 'certificate' | 'application' | 'entitlement' | 'connection' | 'group' | 'member' | 'avatar' | string;
  id: string;
  name?: string;
}

export interface ChangeContext {
  /** What the user ran: a command id, "manifest save", a panel action. */
  action?: string;
  resource?: ChangeResource;
  /** The resource as it was before the change, where the caller read it (public material only; see redact.ts). */
  before?: unknown;
  /** The activity-log entry this change undoes or recreates. */
  reverts?: string;
  /** Pods whose name the user typed for this change (deletes on production); shared by nested scopes. */
  readonly typedPods: Set<string>;
}

// One storage per process, whichever bundle (the extension or a lazily loaded part) loaded this module.
const storage = processWide('changeContext', () => new AsyncLocalStorage<ChangeContext>());

/** The change the current async work belongs to, if any. */
export function currentChange(): ChangeContext | undefined {
  return storage.getStore();
}

/**
 * Runs `work` as (part of) a change: a nested scope inherits what the outer one knows and adds `fields`, so one
 * item of a bulk command can say its own resource and before-state without touching its siblings'.
 */
export function withChange<T>(fields: Omit<Partial<ChangeContext>, 'typedPods'>, work: () => T): T {
  const outer = storage.getStore();
  return storage.run({ ...outer, ...fields, typedPods: outer?.typedPods ?? new Set() }, work);
}

/** Adds what the caller learnt (the before-state it just read) to the current change, if there is one. */
export function noteChange(fields: Omit<Partial<ChangeContext>, 'typedPods'>): void {
  const current = storage.getStore();
  if (current) Object.assign(current, fields);
}
