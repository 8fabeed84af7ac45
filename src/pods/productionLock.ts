// The production lock of this window: a production pod is read-only when the window starts, until the user unlocks
// it with a reason for a limited time. Held in memory only (never a workspace file or global state), so every new
// window starts locked. The API client enforces it through its write gate (api/writeGate.ts), so every write of
// every feature is covered without each one checking.
import * as vscode from 'vscode';
import { currentChange } from '../activity/changeContext';
import { PodApiError, WriteGate, isDestructiveWrite, lockedError } from '../api';
import { PodProfile, environmentOf, podTitle } from './podProfile';

export interface Unlock {
  reason: string;
  until: number;
}

export const DEFAULT_UNLOCK_MINUTES = 30;

export class ProductionLock implements vscode.Disposable {
  private readonly unlocks = new Map<string, Unlock & { timer: NodeJS.Timeout }>();
  private readonly refused = new WeakMap<object, string>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the pod id whose lock changed (unlocked, locked again, expired). */
  readonly onDidChange = this.changed.event;

  isLocked(profile: PodProfile): boolean {
    return environmentOf(profile) === 'production' && !this.unlocks.has(profile.id);
  }

  /** The reason and end of the pod's unlock, while it lasts. */
  unlocked(podId: string): Unlock | undefined {
    const unlock = this.unlocks.get(podId);
    return unlock && { reason: unlock.reason, until: unlock.until };
  }

  unlock(podId: string, reason: string, minutes: number): void {
    this.clear(podId);
    const until = Date.now() + minutes * 60_000;
    const timer = setTimeout(() => this.lock(podId), minutes * 60_000);
    this.unlocks.set(podId, { reason, until, timer });
    this.changed.fire(podId);
  }

  lock(podId: string): void {
    if (this.clear(podId)) this.changed.fire(podId);
  }

  /**
   * The gate the pod's client puts every write to; `profile` is read at each write (Edit Pod can change it). A locked
   * production pod refuses every write; an unlocked one refuses a delete whose confirmation did not have the pod's
   * name typed (confirmChange), so a new delete that skips it fails in the tests instead of deleting on production.
   */
  gate(profile: () => PodProfile): WriteGate {
    return (write) => {
      const current = profile();
      if (environmentOf(current) !== 'production') return;
      if (this.isLocked(current)) {
        const error = lockedError(podTitle(current), write);
        this.refused.set(error, current.id);
        throw error;
      }
      if (isDestructiveWrite(write) && !currentChange()?.typedPods.has(current.id)) {
        throw new PodApiError(vscode.l10n.t('{0} is a production pod: this change takes something away and its confirmation did not ask for the pod\'s name. Nothing was sent ({1} {2}).', podTitle(current), write.method, write.path), {
          kind: 'locked', method: write.method, path: write.path,
        });
      }
    };
  }

  /** Refuses, as the gate would, a change about to be asked for on a locked pod: nothing is asked, nothing sent. */
  refuseIfLocked(profile: PodProfile, what: string): void {
    if (!this.isLocked(profile)) return;
    const error = new PodApiError(vscode.l10n.t('{0} is a production pod and is locked: Unlock for changes… first. Nothing was asked or sent ({1}).', podTitle(profile), what), { kind: 'locked' });
    this.refused.set(error, profile.id);
    throw error;
  }

  /** The pod whose lock refused this error, if it is such a refusal. */
  refusedPod(error: unknown): string | undefined {
    return error instanceof PodApiError && error.kind === 'locked' ? this.refused.get(error) : undefined;
  }

  /** The reason for a change on this pod now, if it is unlocked (the activity log records it). */
  reason(podId: string): string | undefined {
    return this.unlocks.get(podId)?.reason;
  }

  dispose(): void {
    for (const id of [...this.unlocks.keys()]) this.clear(id);
    this.changed.dispose();
  }

  private clear(podId: string): boolean {
    const unlock = this.unlocks.get(podId);
    if (!unlock) return false;
    clearTimeout(unlock.timer);
    this.unlocks.delete(podId);
    return true;
  }
}

/** "12:05" left of an unlock, for the status bar's countdown. */
export function timeLeft(until: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
