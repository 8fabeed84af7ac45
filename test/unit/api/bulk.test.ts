// The bulk runner: a few writes at a time, every item's outcome reported, and a write sent again only when the pod
// answered "throttled" (it did not process it), after the pod's Retry-After, with every worker waiting.
import * as assert from 'node:assert/strict';
import { PodApiError } from '../../../src/api';
import { BULK_CONCURRENCY, runBulk } from '../../../src/api/bulk';

const throttled = (retryAfterSeconds?: number, status = 429) => new PodApiError('The pod is busy (throttled); nothing was retried.', { kind: 'http', status, method: 'POST', path: '/x', retryAfterSeconds });

/** A clock that moves only when the runner waits, and records every wait. */
function fakeClock() {
  let time = 1_000_000;
  const waits: number[] = [];
  return { waits, now: () => time, sleep: async (ms: number) => { waits.push(ms); time += ms; } };
}

describe('bulk writes', () => {
  it(`keeps at most ${BULK_CONCURRENCY} writes in flight and reports every item in order`, async () => {
    let inFlight = 0;
    let most = 0;
    const items = Array.from({ length: 11 }, (_, i) => i);
    const outcome = await runBulk(items, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return i * 2;
    });
    assert.equal(most, BULK_CONCURRENCY);
    assert.deepEqual(outcome.succeeded.map((s) => s.result), items.map((i) => i * 2));
    assert.deepEqual(outcome.failed, []);
  });

  it('reports a failed item with its error and goes on with the others', async () => {
    const refused = new PodApiError('Not found: the company certificate b does not exist on the pod.', { kind: 'http', status: 404 });
    const outcome = await runBulk(['a', 'b', 'c'], async (x) => {
      if (x === 'b') throw refused;
      return x;
    });
    assert.deepEqual(outcome.succeeded.map((s) => s.item), ['a', 'c']);
    assert.deepEqual(outcome.failed, [{ item: 'b', error: refused }]);
  });

  it('never sends a write again after an error that is not throttling (it may have been applied)', async () => {
    for (const error of [new PodApiError('internal', { kind: 'http', status: 500 }), new PodApiError('reset', { kind: 'network' }), new PodApiError('bad', { kind: 'http', status: 400 })]) {
      let sent = 0;
      const outcome = await runBulk(['a'], async () => {
        sent++;
        throw error;
      });
      assert.equal(sent, 1, `${error.message}: sent once`);
      assert.equal(outcome.failed[0].error, error);
    }
  });

  it("sends a throttled write again after the pod's Retry-After, and the other workers wait with it", async () => {
    const clock = fakeClock();
    const sentAt: Array<[string, number]> = [];
    let first = true;
    const outcome = await runBulk(['a', 'b', 'c', 'd', 'e'], async (x) => {
      sentAt.push([x, clock.now()]);
      if (x === 'a' && first) {
        first = false;
        throw throttled(2);
      }
      return x;
    }, { concurrency: 2, sleep: clock.sleep, now: clock.now });
    assert.deepEqual(outcome.failed, []);
    assert.deepEqual(outcome.succeeded.map((s) => s.item), ['a', 'b', 'c', 'd', 'e']);
    assert.equal(sentAt.filter(([x]) => x === 'a').length, 2, 'a was sent twice: refused unprocessed, then accepted');
    const [, resentAt] = sentAt.filter(([x]) => x === 'a')[1];
    assert.equal(resentAt - sentAt[0][1], 2000, 'sent again after Retry-After');
    for (const [x, at] of sentAt.slice(3)) assert.ok(at >= resentAt, `${x} waited for the pause too`);
  });

  it("treats the Agent's 400 with Retry-After as throttling, and a plain 400 as a refusal", async () => {
    const clock = fakeClock();
    let answers = [throttled(1, 400)];
    const outcome = await runBulk(['a'], async () => {
      const next = answers.shift();
      if (next) throw next;
      return 'ok';
    }, { sleep: clock.sleep, now: clock.now });
    assert.deepEqual(outcome.succeeded.map((s) => s.result), ['ok']);
    assert.deepEqual(clock.waits, [1000]);
    answers = [throttled(undefined, 400)];
    const refused = await runBulk(['a'], async () => {
      const next = answers.shift();
      if (next) throw next;
      return 'ok';
    }, { sleep: clock.sleep, now: clock.now });
    assert.equal(refused.failed.length, 1);
  });

  it('gives up after a few throttled answers and says how often the pod refused', async () => {
    const clock = fakeClock();
    let sent = 0;
    const outcome = await runBulk(['a'], async () => {
      sent++;
      throw throttled(1);
    }, { throttledResends: 2, sleep: clock.sleep, now: clock.now });
    assert.equal(sent, 3);
    assert.match(String((outcome.failed[0].error as Error).message), /refused this request 3 times without processing it; try again in 1 s/);
  });

  it('does not wait out a Retry-After longer than a minute: the item fails with the pod\'s delay', async () => {
    const clock = fakeClock();
    const outcome = await runBulk(['a'], async () => {
      throw throttled(600);
    }, { sleep: clock.sleep, now: clock.now });
    assert.deepEqual(clock.waits, []);
    assert.equal((outcome.failed[0].error as PodApiError).retryAfterSeconds, 600);
  });
});
