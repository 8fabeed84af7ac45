// The retry policy: which outcomes may be retried, how long to wait (bounded exponential backoff with full
// jitter, or the pod's Retry-After), and nothing else. The HTTP layer applies it to GETs only.

export interface RetryOptions { maxRetries?: number; baseDelayMs?: number; maxDelayMs?: number }
export interface RetryPolicy { maxRetries: number; baseDelayMs: number; maxDelayMs: number }

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 5000 };
/** A Retry-After longer than this is not waited for: the error is shown with the pod's delay instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

export function retryPolicy(options?: RetryOptions): RetryPolicy {
  return {
    maxRetries: Math.max(0, options?.maxRetries ?? DEFAULT_RETRY.maxRetries),
    baseDelayMs: Math.max(0, options?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: Math.max(0, options?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs),
  };
}

/** Statuses worth another try for an idempotent request: the pod or a proxy was briefly unavailable or busy. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/**
 * Whether an answer means "slow down": a 429, or the 400 with Retry-After that a pod behind an Agent sends instead
 * (agent 20.12 release notes). A plain 400 is a refusal and is never retried.
 */
export function isThrottled(status: number, retryAfterMs: number | undefined): boolean {
  return status === 429 || (status === 400 && retryAfterMs !== undefined);
}

/**
 * Delay before retry number `retry` (1-based): full jitter over base·2^(retry-1), capped at maxDelayMs.
 * `random` is injectable so tests can check the bounds.
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** Parses a Retry-After header (delta seconds or an HTTP-date) into milliseconds from `nowMs`; undefined if absent/invalid. */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
