import * as assert from 'node:assert/strict';
import { KnownAppKeys } from '../../../src/credentials/appKeyCache';
import { exportReport } from '../../../src/credentials/expiryExport';
import { appKeyItems, certificateItems, sortByDate } from '../../../src/credentials/expiryItems';

const day = 24 * 3600_000;
const now = Date.UTC(2025, 0, 1);
const cert = (name: string, fingerPrint: string, expiryDate?: number) => ({
  companyCertAttributes: { name, type: { type: 'USER' as const }, status: { type: 'TRUSTED' as const } }, companyCertInfo: { fingerPrint, commonName: name, expiryDate },
});

describe('Expiry items', () => {
  const a = { id: 'a', label: 'Pod A' };
  const b = { id: 'b', label: 'Pod B' };

  it('keeps certificates that expire within the window or have expired, and leaves out later or undated ones', () => {
    const items = certificateItems(a, [cert('soon', 'f1', now + 5 * day), cert('later', 'f2', now + 60 * day), cert('gone', 'f3', now - day), cert('none', 'f4')], now, 30);
    assert.deepEqual(items.map((i) => [i.name, i.state]), [['soon', 'expiring'], ['gone', 'expired']]);
    assert.equal(items[0].detail, 'Company certificate · USER · TRUSTED');
  });

  it('lists rotated app keys by their expiration date, never the current key', () => {
    const apps = new Map<string, KnownAppKeys>([['app1', { name: 'App 1', readAt: now, keys: [{ slot: 'current', fingerprint: 'AA' }, { slot: 'previous', fingerprint: 'BB:CC', expirationDate: now + 3 * day }] }]]);
    const items = appKeyItems(b, apps, now, 30);
    assert.equal(items.length, 1);
    assert.deepEqual([items[0].kind, items[0].id, items[0].state], ['appKey', 'app1', 'expiring']);
  });

  it('sorts two pods into one list by date, oldest (expired) first', () => {
    const items = sortByDate([
      ...certificateItems(a, [cert('a-10', 'x', now + 10 * day), cert('a-expired', 'y', now - 2 * day)], now, 30),
      ...certificateItems(b, [cert('b-3', 'z', now + 3 * day)], now, 30),
    ]);
    assert.deepEqual(items.map((i) => i.name), ['a-expired', 'b-3', 'a-10']);
  });

  it('exports CSV with quoting and formula-safe cells, and Markdown with escaped pipes', () => {
    const items = certificateItems(a, [cert('=HYPERLINK("x"), | y', 'f', now + day)], now, 30);
    const csv = exportReport(items, 'csv', now);
    assert.equal(csv.split('\r\n')[0], 'Pod,Kind,Name,Id,Details,Expires (UTC),Days left,State');
    assert.match(csv, /"'=HYPERLINK\(""x""\), \| y"/);
    assert.match(csv, /2025-01-02 00:00,1,expiring/);
    const md = exportReport(items, 'markdown', now);
    assert.match(md, /\| Pod A \| Company certificate \| =HYPERLINK\("x"\), \\\| y \|/);
  });
});
