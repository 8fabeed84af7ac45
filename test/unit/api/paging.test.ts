import * as assert from 'node:assert/strict';
import { CursorPage, cursorFromPrefix, listAllByCursor, listAllBySkip } from '../../../src/api';

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

  it('reads the next cursor from the start of a page, only when the pagination object comes first', () => {
    const page = JSON.stringify({ pagination: { next: 'x', cursors: { before: 'b{"', after: 'c"2}' } }, data: [{ id: 1 }] });
    assert.deepEqual(cursorFromPrefix(page), { after: 'c"2}' });
    assert.deepEqual(cursorFromPrefix(page.slice(0, page.indexOf('data'))), { after: 'c"2}' }); // before the data arrives
    assert.equal(cursorFromPrefix(page.slice(0, page.indexOf('after'))), undefined); // not yet: more text needed
    assert.equal(cursorFromPrefix('{"pagi'), undefined);
    assert.deepEqual(cursorFromPrefix(' {\n  "pagination" : {\n    "cursors" : { "after" : "c\\\\2" }\n  },\n  "data" : [ ]\n}'), { after: 'c\\2' });
    assert.deepEqual(cursorFromPrefix('{"pagination":{"cursors":{}},"data":[]}'), { after: undefined }); // the last page
    assert.deepEqual(cursorFromPrefix('{"pagination":{"cursors":{"after":""}}'), { after: undefined });
    // Anything else waits for the whole page, as before.
    assert.equal(cursorFromPrefix(JSON.stringify({ data: [{ id: 1, name: 'x'.repeat(80) }], pagination: { cursors: { after: 'c2' } } })), null);
    assert.equal(cursorFromPrefix('{"pagination":null,"data":[]}'), null);
    assert.equal(cursorFromPrefix('{"pagination":{"cursors":{"after":7}},"data":[]}'), null);
    assert.equal(cursorFromPrefix('{"pagination":{"cursors":{"after":"c2",}},"data":[]}'), null); // not JSON
    assert.equal(cursorFromPrefix('<html><body>Sign in to continue</body></html>' + ' '.repeat(40)), null);
    // A pagination object that never ends (a hostile pod) is not rescanned chunk after chunk: past 64 KB, no early look.
    const endless = `{"pagination":{"cursors":{"before":"${'b'.repeat(70 * 1024)}`;
    assert.equal(cursorFromPrefix(endless.slice(0, 32 * 1024)), undefined);
    assert.equal(cursorFromPrefix(endless), null);
    assert.deepEqual(cursorFromPrefix(`${page}${' '.repeat(200 * 1024)}`), { after: 'c"2}' }); // a first chunk of any size
    assert.equal(cursorFromPrefix(`${' '.repeat(100 * 1024)}{"pagination":{}}`), null);
  });

  /** A cursor list whose pages show their text in two parts (pagination, then data), as a pod's answer arrives. */
  function arrivingPages(pages: Record<string, CursorPage<number>>) {
    const events: string[] = [];
    const fetchPage = (after: string | undefined, watch?: (received: string) => boolean): Promise<CursorPage<number>> => {
      const key = after ?? 'first';
      events.push(`ask ${key}`);
      return new Promise((resolve) => {
        setImmediate(() => {
          const text = JSON.stringify(pages[key]);
          watch?.(text.slice(0, text.indexOf('"data"')));
          events.push(`pagination ${key}`);
          setImmediate(() => { events.push(`done ${key}`); resolve(pages[key]); });
        });
      });
    };
    return { events, fetchPage };
  }

  it('asks for the next page as soon as the current page\'s cursor has arrived, before the page is done', async () => {
    const f = arrivingPages({
      first: { pagination: { cursors: { after: 'c1' } }, data: [1, 2] },
      c1: { pagination: { cursors: { after: 'c2' } }, data: [3, 4] },
      c2: { pagination: { cursors: {} }, data: [5] },
    });
    assert.deepEqual(await listAllByCursor(f.fetchPage), [1, 2, 3, 4, 5]);
    assert.deepEqual(f.events.filter((e) => e.startsWith('ask')), ['ask first', 'ask c1', 'ask c2']);
    assert.ok(f.events.indexOf('ask c1') < f.events.indexOf('done first'), f.events.join(', '));
    assert.ok(f.events.indexOf('ask c2') < f.events.indexOf('done c1'), f.events.join(', '));
  });

  it('uses only a cursor the whole page confirms, and fails with the page that failed', async () => {
    // The start of the first page names c-early; the whole page (a second pagination key wins in JSON) names c1.
    const pages = { first: { pagination: { cursors: { after: 'c1' } }, data: [1] }, c1: { data: [2] }, 'c-early': { data: [99] } };
    const asked: Array<string | undefined> = [];
    const all = await listAllByCursor<number>((after, watch) => {
      asked.push(after);
      if (after === undefined) watch?.('{"pagination":{"cursors":{"after":"c-early"}},"data":[1],"pagination":');
      return Promise.resolve(pages[(after ?? 'first') as keyof typeof pages]);
    });
    assert.deepEqual(all, [1, 2]);
    assert.deepEqual(asked, [undefined, 'c-early', 'c1']);

    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // c1 fails after its cursor (c2) arrived: c2, asked for early, fails too; nobody waits for it and it is not reported.
      await assert.rejects(listAllByCursor<number>((after, watch) => {
        if (after === undefined) return Promise.resolve({ pagination: { cursors: { after: 'c1' } }, data: [1] });
        if (after === 'c1') {
          watch?.('{"pagination":{"cursors":{"after":"c2"}},"data":[');
          return new Promise((_resolve, reject) => setImmediate(() => reject(new Error('page c1 failed'))));
        }
        return Promise.reject(new Error('page c2 failed'));
      }), /page c1 failed/);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
