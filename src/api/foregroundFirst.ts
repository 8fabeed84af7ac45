// Requests nobody is waiting for (the expiry check at sign-in and on its timer) give way to the ones a person is
// waiting for (the tree, a command): a background request starts only once no foreground request has been in flight
// for a quiet moment, so signing in shows the tree's first page after its own requests, not after the check's listing.
// A background request never waits more than `maxWaitMs`, so the check always progresses however busy the user is;
// and one a person starts waiting for (the same GET, shared in flight) stops giving way at once.

import { sleep } from './retry';

export interface ForegroundFirstOptions {
  /** How long the foreground must have been quiet before background work starts. */
  quietMs?: number;
  /** The longest one background request waits. */
  maxWaitMs?: number;
}

export class ForegroundFirst {
  private active = 0;
  /** When the foreground last did something, or a background burst began (it waits one quiet moment first). */
  private lastActivity = -Infinity;
  private lastBackgroundStart = -Infinity;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;

  constructor(options: ForegroundFirstOptions = {}) {
    this.quietMs = options.quietMs ?? 250;
    this.maxWaitMs = options.maxWaitMs ?? 2_000;
  }

  /** A foreground attempt starts; call the returned function when it has its answer (or failed). */
  begin(): () => void {
    this.active++;
    this.lastActivity = Date.now();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.active--;
      this.lastActivity = Date.now();
    };
  }

  /** Resolves when a background request may start: the foreground is quiet, it waited `maxWaitMs`, or `promoted` resolved. */
  async backgroundTurn(promoted?: Promise<void>): Promise<void> {
    const asked = Date.now();
    // A background burst after a pause waits one quiet moment first: what a person does next (expand the tree after
    // signing in) has not been asked yet, and goes first.
    if (asked - this.lastBackgroundStart > this.quietMs) this.lastActivity = Math.max(this.lastActivity, asked);
    let stop = false;
    void promoted?.then(() => (stop = true));
    for (;;) {
      const now = Date.now();
      const quietFor = now - this.lastActivity;
      const waited = now - asked;
      if (stop || waited >= this.maxWaitMs || (this.active === 0 && quietFor >= this.quietMs)) break;
      const wait = Math.min(this.maxWaitMs - waited, this.active > 0 ? this.quietMs : this.quietMs - quietFor);
      await (promoted ? Promise.race([sleep(Math.max(1, wait)), promoted]) : sleep(Math.max(1, wait)));
    }
    this.lastBackgroundStart = Date.now();
  }
}
