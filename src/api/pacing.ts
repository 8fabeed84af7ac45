// The client's request rate: at most N requests start in any one-second window (a pod throttles per source IP, about
// 400 requests / s, shared by everyone behind that address), and none starts while the pod has asked us to wait
// (a throttled GET is waiting out its Retry-After). The transport takes a turn here before every attempt, whoever sends it.
import { l10n } from '../text/l10n';

/** Time as the pacer sees it; tests pass a fake one. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Default of the `symphonyPodAdmin.http.requestsPerSecond` setting: well under the pod's ~400 / s per source IP. */
export const DEFAULT_REQUESTS_PER_SECOND = 150;
export const MIN_REQUESTS_PER_SECOND = 1;
export const MAX_REQUESTS_PER_SECOND = 400;
/** A Retry-After longer than this is not waited for by anyone (the error says when to try again instead). */
export const MAX_PAUSE_MS = 60_000;

export function validateRequestsPerSecond(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_REQUESTS_PER_SECOND || value > MAX_REQUESTS_PER_SECOND) {
    return l10n.t('The request rate must be a whole number of requests per second from {0} to {1} (the pod allows about 400 per second for everyone behind your address); got {2}.',
      MIN_REQUESTS_PER_SECOND, MAX_REQUESTS_PER_SECOND, String(JSON.stringify(value)));
  }
  return undefined;
}

export class RequestPacer {
  private perSecond: number;
  /** Start times of the last `perSecond` turns, oldest first. */
  private starts: number[] = [];
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private throttleCount = 0;

  constructor(perSecond: number = DEFAULT_REQUESTS_PER_SECOND, private readonly clock: Clock = realClock) {
    this.perSecond = sane(perSecond);
  }

  /** A new rate for every later turn (the setting changed). */
  setRate(perSecond: number): void {
    this.perSecond = sane(perSecond);
  }

  get rate(): number {
    return this.perSecond;
  }

  /** How many throttled answers the pod has sent this client; a listing compares it before and after a page. */
  get throttles(): number {
    return this.throttleCount;
  }

  /** Resolves when one more request may start. Turns are given in the order they were asked for. */
  turn(): Promise<void> {
    const mine = this.queue.then(() => this.reserve());
    this.queue = mine;
    return mine;
  }

  /**
   * The pod answered "slow down": counted (listings shrink their window), and with a Retry-After of at most
   * MAX_PAUSE_MS nobody starts before it has passed (the throttle is per source IP, so every request would meet it).
   */
  throttled(retryAfterMs: number | undefined): void {
    this.throttleCount++;
    if (retryAfterMs !== undefined && retryAfterMs <= MAX_PAUSE_MS) {
      this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + retryAfterMs);
    }
  }

  private async reserve(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const windowFull = this.starts.length >= this.perSecond ? this.starts[this.starts.length - this.perSecond] + 1000 - now : 0;
      const wait = Math.max(this.pausedUntil - now, windowFull);
      if (wait <= 0) {
        this.starts.push(now);
        if (this.starts.length > this.perSecond) this.starts.splice(0, this.starts.length - this.perSecond);
        return;
      }
      await this.clock.sleep(wait);
    }
  }
}

function sane(perSecond: number): number {
  return Number.isFinite(perSecond) ? Math.min(MAX_REQUESTS_PER_SECOND, Math.max(MIN_REQUESTS_PER_SECOND, Math.floor(perSecond))) : DEFAULT_REQUESTS_PER_SECOND;
}
