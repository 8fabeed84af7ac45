import * as assert from 'node:assert/strict';
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from '../../../src/api';
import { retryPolicy } from '../../../src/api/retry';

describe('retry policy', () => {
  const policy = retryPolicy({ baseDelayMs: 250, maxDelayMs: 5000, maxRetries: 3 });

  it('doubles the backoff ceiling per retry, with jitter in its upper half', () => {
    assert.equal(backoffDelayMs(1, policy, () => 0), 125);
    assert.equal(backoffDelayMs(1, policy, () => 1), 250);
    assert.equal(backoffDelayMs(2, policy, () => 1), 500);
    assert.equal(backoffDelayMs(3, policy, () => 1), 1000);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelayMs(3, policy);
      assert.ok(d >= 500 && d <= 1000, `jittered delay ${d} within [500, 1000]`);
    }
  });

  it('caps the backoff at maxDelayMs', () => {
    assert.equal(backoffDelayMs(10, policy, () => 1), 5000);
    assert.equal(backoffDelayMs(30, policy, () => 0), 2500);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2030, 0, 1, 12, 0, 0);
    assert.equal(parseRetryAfterMs('1', now), 1000);
    assert.equal(parseRetryAfterMs(' 120 ', now), 120_000);
    assert.equal(parseRetryAfterMs(new Date(now + 3000).toUTCString(), now), 3000);
    assert.equal(parseRetryAfterMs(new Date(now - 3000).toUTCString(), now), 0);
    assert.equal(parseRetryAfterMs('soon', now), undefined);
    assert.equal(parseRetryAfterMs(undefined, now), undefined);
  });

  it('retries only statuses that mean "briefly unavailable or busy"', () => {
    for (const s of [429, 502, 503, 504]) assert.ok(isRetryableStatus(s), String(s));
    for (const s of [400, 401, 403, 404, 412, 500, 501]) assert.ok(!isRetryableStatus(s), String(s));
  });

  it('uses the documented defaults when nothing is configured', () => {
    assert.deepEqual(retryPolicy(), { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 5000 });
  });
});
