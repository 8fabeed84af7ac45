// Background requests (the expiry check) give way to the ones a person waits for (the tree): no timed assertion,
// only the order in which the pod sees requests, and that nothing waits forever.
import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { HttpTransport } from '../../../src/api';
import { LocalServer, json, startLocalServer } from './localServer';

describe('HTTP layer: background requests give way to the foreground', () => {
  let server: LocalServer | undefined;
  let transport: HttpTransport | undefined;
  let background = false;
  afterEach(async () => { transport?.dispose(); await server?.close(); server = undefined; transport = undefined; background = false; });

  const get = (path: string, asBackground: boolean) => {
    background = asBackground;
    try {
      return transport!.request({ method: 'GET', url: `${server!.url}${path}`, context: { area: 'certs' } });
    } finally {
      background = false;
    }
  };

  it('starts a background GET only after the foreground GET in flight has its answer', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let treeArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (treeArrived = resolve));
    server = await startLocalServer((req, res) => {
      if (req.url === '/tree') { treeArrived(); void held.then(() => json(res, 200, { from: 'tree' })); }
      else json(res, 200, { from: 'check' });
    });
    transport = new HttpTransport({ isBackground: () => background, foregroundFirst: { quietMs: 20, maxWaitMs: 60_000 } });
    const tree = get('/tree', false);
    const check = get('/check', true);
    // Without giving way the check would be sent in the same tick as the tree's request; a moment later it is not there.
    await arrived;
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(server.seen.map((r) => r.url), ['/tree'], 'the check waits while the tree is loading');
    release();
    await Promise.all([tree, check]);
    assert.deepEqual(server.seen.map((r) => r.url), ['/tree', '/check']);
  });

  it('a foreground caller that joins a waiting background GET of the same URL does not wait for the foreground to be quiet', async () => {
    server = await startLocalServer((req, res) => json(res, 200, { url: req.url }));
    // Waits that would outlast the test: only the promotion can let the shared request go.
    transport = new HttpTransport({ isBackground: () => background, foregroundFirst: { quietMs: 60_000, maxWaitMs: 60_000 } });
    const check = get('/pod/v1/companycert/list?limit=100', true);
    const tree = get('/pod/v1/companycert/list?limit=100', false);
    assert.deepEqual((await tree).body, { url: '/pod/v1/companycert/list?limit=100' });
    await check;
    assert.equal(server.seen.length, 1, 'one request for both');
  });

  it('never holds background work back for longer than its limit, however busy the foreground stays', async () => {
    const waiting: ServerResponse[] = [];
    server = await startLocalServer((req, res) => {
      // The foreground answer comes only once the background request has arrived: without the limit, neither ends.
      if (req.url === '/busy') waiting.push(res);
      else { json(res, 200, {}); waiting.forEach((r) => json(r, 200, {})); }
    });
    transport = new HttpTransport({ isBackground: () => background, foregroundFirst: { quietMs: 60_000, maxWaitMs: 30 } });
    const busy = get('/busy', false);
    await get('/check', true);
    await busy;
    assert.deepEqual(server.seen.map((r) => r.url), ['/busy', '/check']);
  });

  it('lets writes and foreground reads go without waiting', async () => {
    server = await startLocalServer((_req, res) => json(res, 200, {}));
    transport = new HttpTransport({ isBackground: () => false, foregroundFirst: { quietMs: 60_000, maxWaitMs: 60_000 } });
    await transport.request({ method: 'GET', url: `${server.url}/a`, context: { area: 'certs' } });
    await transport.request({ method: 'POST', url: `${server.url}/b`, body: {}, context: { area: 'certs' } });
    assert.equal(server.seen.length, 2);
  });
});
