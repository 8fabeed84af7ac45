// One write per item, a few at a time, for commands that act on several selected items. Writes are never retried
// blindly (they may have reached the pod): only a throttled answer (a 429, or the 400 with Retry-After a pod behind
// an Agent sends) is sent again, because it says the pod refused the request without processing it and when to
// come back. Every worker waits that Retry-After, not only the one that was throttled: the pod throttles per source
// IP, so the others would be refused too.
import { PodApiError } from './errors';
import { l10n } from '../text/l10n';
import { DEFAULT_RETRY, MAX_RETRY_AFTER_MS, backoffDelayMs, isThrottled, sleep } from './retry';

/** Requests in flight at once: well below a pod's throttle, enough to finish 50 items in a few round trips. */
export const BULK_CONCURRENCY = 4;
/** How often one item is sent again after throttled answers before it is reported as failed. */
export const BULK_THROTTLED_RESENDS = 3;

export interface BulkOptions {
  concurrency?: number;
  throttledResends?: number;
  /** Injectable for tests: the wait after a throttled answer, and the clock. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface BulkOutcome<T, R> {
  /** In the order the items were given. */
  succeeded: Array<{ item: T; result: R }>;
  failed: Array<{ item: T; error: unknown }>;
}

export async function runBulk<T, R>(items: readonly T[], write: (item: T) => Promise<R>, options: BulkOptions = {}): Promise<BulkOutcome<T, R>> {
  const wait = options.sleep ?? sleep;
  const now = options.now ?? Date.now;
  const resends = options.throttledResends ?? BULK_THROTTLED_RESENDS;
  const results: Array<{ ok: true; result: R } | { ok: false; error: unknown }> = new Array(items.length);
  let pausedUntil = 0;
  let next = 0;

  const send = async (item: T): Promise<(typeof results)[number]> => {
    for (let throttled = 0; ; throttled++) {
      const paused = pausedUntil - now();
      if (paused > 0) await wait(paused);
      try {
        return { ok: true, result: await write(item) };
      } catch (error) {
        const delay = throttleDelayMs(error, throttled + 1);
        if (delay === undefined) return { ok: false, error };
        if (throttled >= resends) return { ok: false, error: stillThrottled(error as PodApiError, throttled + 1) };
        pausedUntil = Math.max(pausedUntil, now() + delay);
      }
    }
  };
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await send(items[index]);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? BULK_CONCURRENCY, items.length));
  await Promise.all(Array.from({ length: workers }, worker));

  const outcome: BulkOutcome<T, R> = { succeeded: [], failed: [] };
  results.forEach((r, i) => (r.ok ? outcome.succeeded.push({ item: items[i], result: r.result }) : outcome.failed.push({ item: items[i], error: r.error })));
  return outcome;
}

/**
 * How long to wait before sending a throttled write again; undefined when the answer is not throttling (any other
 * failure is final) or asks for a wait longer than any retry (then the error carries the pod's delay).
 */
function throttleDelayMs(error: unknown, attempt: number): number | undefined {
  if (!(error instanceof PodApiError) || error.status === undefined) return undefined;
  const retryAfterMs = error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000;
  if (!isThrottled(error.status, retryAfterMs)) return undefined;
  if (retryAfterMs === undefined) return backoffDelayMs(attempt, DEFAULT_RETRY);
  return retryAfterMs <= MAX_RETRY_AFTER_MS ? retryAfterMs : undefined;
}

/** The HTTP layer says "nothing was retried"; after our resends that is no longer true. */
function stillThrottled(error: PodApiError, tries: number): PodApiError {
  const when = error.retryAfterSeconds ? l10n.t('in {0} s', error.retryAfterSeconds) : l10n.t('in a moment');
  return new PodApiError(l10n.t('The pod is busy (throttled) and refused this request {0} times without processing it; try again {1}.', tries, when), {
    kind: error.kind, status: error.status, code: error.code, podMessage: error.podMessage, method: error.method, path: error.path,
    retryAfterSeconds: error.retryAfterSeconds, cause: error,
  });
}
