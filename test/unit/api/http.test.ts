import * as assert from 'node:assert/strict';
import { HttpTransport, PodApiError, RequestLogLine } from '../../../src/api';
import { LocalServer, json, startLocalServer } from './localServer';

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 } };

describe('HTTP layer', () => {
  let server: LocalServer | undefined;
  let transport: HttpTransport | undefined;
  afterEach(async () => { transport?.dispose(); await server?.close(); server = undefined; transport = undefined; });

  it('explains an HTML page from a proxy instead of throwing a SyntaxError', async () => {
    server = await startLocalServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end('<html><body>Sign in</body></html>'); });
    transport = new HttpTransport(fast);
    await assert.rejects(transport.request({ method: 'GET', url: `${server.url}/pod/v2/sessioninfo`, context: { area: 'session' } }),
      (err: unknown) => err instanceof PodApiError && err.kind === 'http' && /web page instead of data/.test(err.message));
  });

  it('maps an HTML 502 page to a pod error by its status', async () => {
    server = await startLocalServer((_req, res) => { res.writeHead(502, { 'Content-Type': 'text/html' }); res.end('<html>Bad gateway</html>'); });
    transport = new HttpTransport({ retry: { maxRetries: 0 } });
    await assert.rejects(transport.request({ method: 'GET', url: `${server.url}/x`, context: { area: 'certs' } }),
      (err: unknown) => err instanceof PodApiError && err.status === 502 && /internal error \(502\)/.test(err.message));
  });

  it('returns undefined for an empty success body', async () => {
    server = await startLocalServer((_req, res) => { res.writeHead(204); res.end(); });
    transport = new HttpTransport(fast);
    const res = await transport.request({ method: 'POST', url: `${server.url}/x`, context: { area: 'certs' } });
    assert.equal(res.status, 204);
    assert.equal(res.body, undefined);
  });

  it('sends JSON bodies with int64 ids beyond 2^53 written exactly', async () => {
    server = await startLocalServer((_req, res) => json(res, 200, {}));
    transport = new HttpTransport(fast);
    await transport.request({ method: 'POST', url: `${server.url}/x`, body: { userId: 9223372036854775807n }, context: { area: 'connections' } });
    assert.equal(server.seen[0].body, '{"userId":9223372036854775807}');
    assert.equal(server.seen[0].headers['content-type'], 'application/json');
  });

  it('sends no body and no Content-Type when there is no body', async () => {
    server = await startLocalServer((_req, res) => json(res, 200, { token: 't' }));
    transport = new HttpTransport(fast);
    await transport.request({ method: 'POST', url: `${server.url}/sessionauth/v1/authenticate`, context: { area: 'auth' } });
    assert.equal(server.seen[0].body, '');
    assert.equal(server.seen[0].headers['content-type'], undefined);
  });

  it('gives up after the timeout with a timeout error and a log line', async () => {
    server = await startLocalServer(() => undefined); // never answers
    const lines: RequestLogLine[] = [];
    transport = new HttpTransport({ timeoutMs: 150, retry: { maxRetries: 0 } }, l => lines.push(l));
    const started = Date.now();
    await assert.rejects(transport.request({ method: 'GET', url: `${server.url}/slow`, context: { area: 'certs' } }),
      (err: unknown) => err instanceof PodApiError && err.kind === 'timeout' && err.status === undefined);
    assert.ok(Date.now() - started < 2000);
    assert.equal(lines[0].status, 'timeout');
  });

  it('reports a refused connection as a network error after retrying a GET', async () => {
    const lines: RequestLogLine[] = [];
    transport = new HttpTransport({ retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } }, l => lines.push(l));
    await assert.rejects(transport.request({ method: 'GET', url: 'http://127.0.0.1:1/x', context: { area: 'certs' } }),
      (err: unknown) => err instanceof PodApiError && err.kind === 'network' && /refused/.test(err.message));
    assert.deepEqual(lines.map(l => [l.attempt, l.status]), [[1, 'network error'], [2, 'network error'], [3, 'network error']]);
  });

  it('never retries a POST, even on 503', async () => {
    server = await startLocalServer((_req, res) => json(res, 503, { code: 503, message: 'down' }));
    transport = new HttpTransport(fast);
    await assert.rejects(transport.request({ method: 'POST', url: `${server.url}/x`, body: {}, context: { area: 'apps' } }), /503/);
    assert.equal(server.seen.length, 1);
  });

  it('never follows a redirect with the session token to another host', async () => {
    const elsewhere = await startLocalServer((_req, res) => json(res, 200, { stolen: true }));
    try {
      server = await startLocalServer((_req, res) => { res.writeHead(302, { Location: `${elsewhere.url}/collect` }); res.end(); });
      transport = new HttpTransport(fast);
      await assert.rejects(
        transport.request({ method: 'GET', url: `${server.url}/pod/v2/sessioninfo`, headers: { sessionToken: 'secret-token' }, context: { area: 'session' } }),
        (err: PodApiError) => err.status === 302 && /redirect/.test(err.message) && !err.message.includes('secret-token'),
      );
      assert.equal(elsewhere.seen.length, 0, 'the other host received nothing');
    } finally {
      await elsewhere.close();
    }
  });

  it('shares one request between identical GETs in flight, but not between different tokens', async () => {
    server = await startLocalServer((_req, res) => setTimeout(() => json(res, 200, [1]), 50));
    transport = new HttpTransport(fast);
    const get = (token: string) => transport!.request({ method: 'GET', url: `${server!.url}/list?skip=0`, headers: { sessionToken: token }, context: { area: 'certs' } });
    const results = await Promise.all([get('a'), get('a'), get('a'), get('b')]);
    assert.equal(server.seen.length, 2);
    assert.deepEqual(results.map(r => r.body), [[1], [1], [1], [1]]);
    await get('a');
    assert.equal(server.seen.length, 3, 'a finished request is not reused');
  });

  it('does not wait for a Retry-After longer than a minute', async () => {
    server = await startLocalServer((_req, res) => json(res, 429, { code: 429, message: 'busy' }, { 'Retry-After': '3600' }));
    transport = new HttpTransport(fast);
    await assert.rejects(transport.request({ method: 'GET', url: `${server.url}/x`, context: { area: 'groups' } }),
      (err: unknown) => err instanceof PodApiError && err.status === 429 && err.retryAfterSeconds === 3600);
    assert.equal(server.seen.length, 1);
  });
});
