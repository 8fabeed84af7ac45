// The client's request rate and the adaptive page window, on a simulated clock: requests are counted per simulated
// one-second window, never timed.
import * as assert from 'node:assert/strict';
import { AdaptiveConcurrency, Clock, RequestPacer, listAllBySkip, validateRequestsPerSecond } from '../../../src/api';
import { apiRequests, clientFor, usePod } from './podFixture';

/** Simulated time: `sleep` moves the clock forward instead of waiting. */
function simulatedClock(): Clock & { t: number } {
  const clock = { t: 0, now: () => clock.t, sleep: async (ms: number) => { clock.t += ms; } };
  return clock;
}

/** The most turns that started within any one-second window. */
function busiestSecond(starts: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i] - starts[j] >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('request pacer (simulated clock)', () => {
  it('never starts more than the rate in any one-second window, and spreads the rest over the next seconds', async () => {
    const clock = simulatedClock();
    const pacer = new RequestPacer(150, clock);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 1000 }, () => pacer.turn().then(() => starts.push(clock.now()))));
    assert.equal(starts.length, 1000);
    assert.equal(busiestSecond(starts), 150);
    // 1,000 turns at 150 a second: the last starts in the seventh second, not later (the rate is a ceiling, not a pace).
    assert.ok(starts[999] >= 6000 && starts[999] < 7000, `last turn at ${starts[999]} ms`);
  });

  it('gives turns in the order they were asked for', async () => {
    const pacer = new RequestPacer(2, simulatedClock());
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => pacer.turn().then(() => order.push(i))));
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
  });

  it("holds every later start until the pod's Retry-After has passed, and counts the throttled answer", async () => {
    const clock = simulatedClock();
    const pacer = new RequestPacer(100, clock);
    await pacer.turn();
    clock.t = 500;
    pacer.throttled(2000);
    assert.equal(pacer.throttles, 1);
    await pacer.turn();
    assert.equal(clock.now(), 2500);
  });

  it('does not hold anyone for a Retry-After over a minute (the error says when to try again), nor for a 429 without one', async () => {
    const clock = simulatedClock();
    const pacer = new RequestPacer(100, clock);
    pacer.throttled(120_000);
    pacer.throttled(undefined);
    await pacer.turn();
    assert.equal(clock.now(), 0);
    assert.equal(pacer.throttles, 2);
  });

  it('applies a new rate to later turns', async () => {
    const clock = simulatedClock();
    const pacer = new RequestPacer(400, clock);
    pacer.setRate(10);
    const starts: number[] = [];
    for (let i = 0; i < 30; i++) { await pacer.turn(); starts.push(clock.now()); }
    assert.equal(busiestSecond(starts), 10);
    assert.equal(pacer.rate, 10);
  });

  it('says what to fix in a bad rate setting', () => {
    assert.equal(validateRequestsPerSecond(150), undefined);
    for (const bad of [0, -5, 401, 1.5, '100', null]) {
      assert.match(validateRequestsPerSecond(bad) ?? '', /whole number of requests per second from 1 to 400 .*got /);
    }
  });
});

describe('adaptive page window', () => {
  it('grows by one for every quick answer, up to its maximum', () => {
    const w = new AdaptiveConcurrency({ initial: 4, max: 10, clock: simulatedClock() });
    for (let i = 0; i < 3; i++) w.answered(0, 50);
    assert.equal(w.size, 7);
    for (let i = 0; i < 20; i++) w.answered(0, 55);
    assert.equal(w.size, 10);
  });

  it('halves after a slow answer, but not below where it started (a busy client is slow too)', () => {
    const clock = simulatedClock();
    const w = new AdaptiveConcurrency({ initial: 4, max: 32, clock });
    w.answered(0, 50);
    w.answered(0, 50);
    assert.equal(w.size, 6);
    clock.t = 1000;
    w.answered(500, 400);
    assert.equal(w.size, 4);
  });

  it('halves after a slow answer, and answers sent before the cut neither grow nor cut it again', () => {
    const clock = simulatedClock();
    const w = new AdaptiveConcurrency({ initial: 4, max: 32, clock });
    for (let i = 0; i < 13; i++) w.answered(0, 50); // the fastest answer so far: 50 ms
    assert.equal(w.size, 17);
    clock.t = 400;
    w.answered(100, 300); // slower than 2 × 50 ms + 20 ms
    assert.equal(w.size, 8);
    w.answered(120, 290); // sent before the cut: says nothing about the new window
    w.answered(150, 50);
    assert.equal(w.size, 8);
    w.answered(400, 60); // sent after the cut, quick: grows again
    assert.equal(w.size, 9);
  });

  it('drops to one page after a throttled answer', () => {
    const clock = simulatedClock();
    const w = new AdaptiveConcurrency({ initial: 12, clock });
    clock.t = 100;
    w.throttled(50);
    assert.equal(w.size, 1);
    w.throttled(60); // the other pages of the same burst
    assert.equal(w.size, 1);
  });
});

describe('listAllBySkip with the adaptive window', () => {
  /** A list of `total` items answered after `delay(page)` ms of simulated time; the clock is real for ordering only. */
  function list(total: number, hooks: { onLaunch?: (page: number, inFlight: number) => void; onAnswer?: (page: number) => void } = {}) {
    let inFlight = 0;
    let peak = 0;
    const launched: number[] = [];
    const fetchPage = async (skip: number, limit: number) => {
      const page = skip / limit;
      launched.push(page);
      inFlight++;
      peak = Math.max(peak, inFlight);
      hooks.onLaunch?.(page, inFlight);
      await new Promise((r) => setImmediate(r));
      hooks.onAnswer?.(page);
      inFlight--;
      return Array.from({ length: Math.max(0, Math.min(limit, total - skip)) }, (_, i) => skip + i);
    };
    return { fetchPage, peak: () => peak, launched };
  }

  it('keeps more pages in flight while answers are quick, and returns every item in order', async () => {
    const l = list(10_000);
    const window = new AdaptiveConcurrency({ max: 32 });
    const all = await listAllBySkip(l.fetchPage, { pageSize: 100, window });
    assert.deepEqual(all, Array.from({ length: 10_000 }, (_, i) => i));
    assert.ok(l.peak() > 4, `peak ${l.peak()} pages in flight`);
    assert.ok(l.peak() <= 32);
    // Pages past the end: at most the window's worth.
    assert.ok(l.launched.length <= 101 + 32, `${l.launched.length} pages requested`);
  });

  it('goes back to one page in flight when the pod throttles, then grows again', async () => {
    const pacer = { throttles: 0 };
    const window = new AdaptiveConcurrency({ max: 32 });
    const afterThrottle: number[] = [];
    let throttledAt: number | undefined;
    const l = list(10_000, {
      onAnswer: (page) => { if (page === 20) { pacer.throttles++; throttledAt = page; } },
      onLaunch: (page, inFlight) => { if (throttledAt !== undefined) afterThrottle.push(window.size); void page; void inFlight; },
    });
    const all = await listAllBySkip(l.fetchPage, { pageSize: 100, window, pacer });
    assert.equal(all.length, 10_000);
    assert.equal(afterThrottle[0], 1, `window when the first page after the throttle was launched: ${afterThrottle[0]}`);
    assert.ok(Math.max(...afterThrottle) > 1, 'the window grows again after the throttle');
  });

  it('a fixed concurrency does not adapt', async () => {
    const l = list(10_000);
    await listAllBySkip(l.fetchPage, { pageSize: 100, concurrency: 4 });
    assert.equal(l.peak(), 4);
  });
});

describe('full listing against the emulator: the rate and the pod throttling', () => {
  const pod = usePod({ scale: { certs: 3000 } });

  it('a rate under the pod\'s throttle lists everything without a single 429', async () => {
    // The pod allows 50 requests a second; the client is set to 40 and lists 61 pages of 50 as fast as it may.
    pod().control.throttle({ perSecond: 50 });
    const { client } = clientFor(pod(), 'admin', { requestsPerSecond: 40 });
    try {
      await client.certs.listCompanyCertificates({ limit: 1 }); // sign in first
      pod().control.clearRequests();
      const all = await client.certs.listAllCompanyCertificates({ pageSize: 50 });
      assert.equal(all.length, 3000);
      const log = apiRequests(pod());
      assert.equal(log.filter((r) => r.status === 429).length, 0);
      assert.ok(log.every((r) => r.status === 200), 'every request was answered');
      assert.equal(client.pacing.throttles, 0);
    } finally {
      client.dispose();
    }
  });

  it('after a 429 with Retry-After the listing waits, shrinks its window and still returns every item once', async () => {
    pod().control.injectFault({ status: 429, retryAfterSeconds: 1, method: 'GET', pathPrefix: '/pod/v1/companycert/list', count: 1 });
    const { client } = clientFor(pod());
    try {
      const all = await client.certs.listAllCompanyCertificates({ pageSize: 100 });
      assert.equal(new Set(all.map((c) => c.companyCertInfo?.fingerPrint)).size, 3000);
      assert.equal(client.pacing.throttles, 1);
      const log = apiRequests(pod()).filter((r) => r.path === '/pod/v1/companycert/list');
      assert.equal(log.filter((r) => r.status === 429).length, 1);
    } finally {
      client.dispose();
    }
  });
});
