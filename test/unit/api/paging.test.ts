import * as assert from 'node:assert/strict';
import { listAllByCursor, listAllBySkip } from '../../../src/api';

function fakeList(total: number, delayMs = 5) {
  const calls: Array<{ skip: number; limit: number }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchPage = async (skip: number, limit: number) => {
    calls.push({ skip, limit });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise(r => setTimeout(r, delayMs * (1 + (skip / limit) % 3))); // out-of-order completion
    inFlight--;
    return Array.from({ length: Math.max(0, Math.min(limit, total - skip)) }, (_, i) => skip + i);
  };
  return { calls, fetchPage, maxInFlight: () => maxInFlight };
}

describe('skip/limit paging', () => {
  it('returns a short first page with one request', async () => {
    const f = fakeList(7);
    assert.deepEqual(await listAllBySkip(f.fetchPage, { pageSize: 10 }), [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual(f.calls, [{ skip: 0, limit: 10 }]);
  });

  it('fetches further pages concurrently, in order, and stops launching at the first short page', async () => {
    const f = fakeList(95);
    const all = await listAllBySkip(f.fetchPage, { pageSize: 10, concurrency: 4 });
    assert.deepEqual(all, Array.from({ length: 95 }, (_, i) => i));
    assert.equal(f.maxInFlight(), 4);
    const skips = f.calls.map(c => c.skip).sort((a, b) => a - b);
    // Pages 0..90 are needed; at most the window (4 pages) past the short page at 90 may already be on the wire.
    assert.ok(skips.includes(90));
    assert.ok(Math.max(...skips) <= 90 + 3 * 10, `last page requested ${Math.max(...skips)}`);
  });

  it('handles an exact multiple of the page size (ends on an empty page)', async () => {
    const f = fakeList(40);
    assert.equal((await listAllBySkip(f.fetchPage, { pageSize: 10, concurrency: 2 })).length, 40);
    assert.ok(f.calls.some(c => c.skip === 40));
  });

  it('stops at maxItems', async () => {
    const f = fakeList(1000);
    assert.equal((await listAllBySkip(f.fetchPage, { pageSize: 10, concurrency: 3, maxItems: 25 })).length, 25);
    assert.ok(f.calls.every(c => c.skip < 25));
  });

  it('rejects with the first failing page', async () => {
    const fetchPage = async (skip: number) => { if (skip === 20) throw new Error('page 3 failed'); return Array(10).fill(skip); };
    await assert.rejects(listAllBySkip(fetchPage, { pageSize: 10 }), /page 3 failed/);
  });
});

describe('cursor paging', () => {
  it('follows cursors.after to the last page', async () => {
    const pages: Record<string, { data: number[]; pagination: { cursors: { after?: string } } }> = {
      first: { data: [1, 2], pagination: { cursors: { after: 'c1' } } },
      c1: { data: [3, 4], pagination: { cursors: { after: 'c2' } } },
      c2: { data: [5], pagination: { cursors: {} } },
    };
    const asked: Array<string | undefined> = [];
    const all = await listAllByCursor(async after => { asked.push(after); return pages[after ?? 'first']; });
    assert.deepEqual(all, [1, 2, 3, 4, 5]);
    assert.deepEqual(asked, [undefined, 'c1', 'c2']);
  });

  it('stops when a cursor repeats instead of looping', async () => {
    let calls = 0;
    const all = await listAllByCursor(async () => { calls++; return { data: [calls], pagination: { cursors: { after: 'same' } } }; });
    assert.deepEqual(all, [1, 2]);
  });
});
