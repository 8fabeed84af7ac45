// Throttling: a 429, or the 400 with Retry-After that a pod behind an Agent sends, is waited out for a GET (bounded
// as every retry) and reported for anything else, which is never repeated. Also: the headers and limits of the
// HTTP layer that a real pod or gateway checks (X-Symphony-Host, 413, the body ceiling, the timeout setting).
import * as assert from 'node:assert/strict';
import { PodApiError, PodClient, rsaAuthenticator } from '../../../src/api';
import { MAX_REQUEST_BODY_BYTES } from '../../../src/api/http';
import { apiRequests, clientFor, usePod } from './podFixture';
import { LocalServer, json, startLocalServer } from './localServer';

const FAST = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 2 };
const LIST = '/pod/v1/companycert/list';
const CERT = { companyCertAttributes: { name: 'Root' }, companyCertInfo: { fingerPrint: 'ab12' } };
const APP = { applicationInfo: { appId: 'throttled', name: 'Throttled', appUrl: 'https://apps.acme.example/t', domain: 'acme.example', publisher: 'Acme' } };

function apiError(pattern: RegExp, props: Partial<PodApiError> = {}) {
  return (err: unknown) => {
    assert.ok(err instanceof PodApiError, `not a PodApiError: ${String(err)}`);
    assert.match(err.message, pattern);
    for (const [k, v] of Object.entries(props)) assert.equal((err as unknown as Record<string, unknown>)[k], v, k);
    return true;
  };
}

describe('throttling and the HTTP layer (local server)', () => {
  let server: LocalServer;
  /** Answers queued per test; the last one repeats. */
  let script: Array<(res: import('node:http').ServerResponse) => void> = [];
  let client: PodClient;
  const hits = (path: string) => server.seen.filter(r => r.url.startsWith(path)).length;

  before(async () => {
    server = await startLocalServer((req, res) => {
      if (req.url.startsWith('/login/idm/tokens')) return json(res, 200, { access_token: 'bearer' });
      const next = script.length > 1 ? script.shift()! : script[0];
      next(res);
    });
  });
  beforeEach(() => {
    server.seen.length = 0;
    client = new PodClient({ podUrl: server.url, authenticate: async () => 'session', retry: FAST });
  });
  afterEach(() => client.dispose());
  after(() => server.close());

  const throttled400 = (seconds: string) => (res: import('node:http').ServerResponse) =>
    json(res, 400, { code: 400, message: 'Too many requests' }, { 'Retry-After': seconds });

  it('retries a GET answered 400 with Retry-After (an Agent throttling), then succeeds: 2 requests', async () => {
    script = [throttled400('0'), res => json(res, 200, [CERT])];
    assert.deepEqual(await client.certs.listCompanyCertificates(), [CERT]);
    assert.equal(hits(LIST), 2);
  });

  it('gives up on a GET that stays throttled after the usual retries: 4 requests, says the pod is busy', async () => {
    script = [throttled400('0')];
    await assert.rejects(client.certs.listCompanyCertificates(), apiError(/^The pod is busy \(throttled\) and still asked to wait after our retries; try again in a moment\.$/, { status: 400 }));
    assert.equal(hits(LIST), 4);
  });

  it('does not wait for a Retry-After over a minute on a GET: 1 request, says how long to wait', async () => {
    script = [throttled400('3600')];
    await assert.rejects(client.certs.listCompanyCertificates(), apiError(/^The pod is busy \(throttled\); try again in 3600 s\.$/, { retryAfterSeconds: 3600 }));
    assert.equal(hits(LIST), 1);
  });

  it('never retries a POST answered 400 with Retry-After: exactly 1 request, "nothing was retried"', async () => {
    script = [throttled400('2')];
    await assert.rejects(client.apps.createApplication(APP),
      apiError(/^The pod is busy \(throttled\); nothing was retried\. Try again in 2 s\.$/, { status: 400, retryAfterSeconds: 2 }));
    assert.equal(hits('/pod/v1/admin/app/create'), 1);
  });

  it('treats a 400 without Retry-After as a refusal, not throttling: 1 request, the pod\'s message', async () => {
    script = [res => json(res, 400, { code: 400, message: 'Invalid skip' })];
    await assert.rejects(client.certs.listCompanyCertificates(), apiError(/^The pod rejected the request: Invalid skip$/));
    assert.equal(hits(LIST), 1);
  });

  it('says "too large" on a 413', async () => {
    script = [res => json(res, 413, undefined)];
    await assert.rejects(client.apps.createApplication(APP), apiError(/too large for the pod \(413\)/, { status: 413 }));
    assert.equal(hits('/pod/v1/admin/app/create'), 1);
  });

  it("sends the pod's host name (no port) in X-Symphony-Host on Profile Manager calls", async () => {
    script = [res => json(res, 200, { data: [{ id: 'SDL', name: 'Distribution list' }] })];
    await client.groups.listTypes();
    const call = server.seen.find(r => r.url.startsWith('/profile-manager/'));
    assert.equal(call?.headers['x-symphony-host'], '127.0.0.1');
  });

  it('refuses a multi-megabyte profile field before sending, naming the field: 0 requests', async () => {
    const huge = 'x'.repeat(3 * 1024 * 1024);
    await assert.rejects(client.groups.createGroup({ type: 'SDL', ownerType: 'TENANT', ownerId: 1, name: 'Desk', profile: { displayName: 'Desk', jobTitle: huge } }),
      apiError(/^The profile field jobTitle is 3,145,728 bytes; the largest we send is 65,536 bytes\. Shorten it\./, { kind: 'validation', field: 'profile.jobTitle' }));
    assert.equal(server.seen.length, 0);
  });

  it('refuses a request body over the ceiling before any request (sign-in and token included), naming the operation', async () => {
    const entitlements = Array.from({ length: 40_000 }, (_, i) => ({ appId: `app-${i}-${'x'.repeat(60)}`, appName: 'App', enable: true, listed: true, install: false }));
    await assert.rejects(client.apps.updatePodAppEntitlements(entitlements),
      apiError(/^The request POST \/pod\/v1\/admin\/app\/entitlement\/list would send [\d,]+ bytes; the largest request sent to a pod is 4,194,304 bytes \(4 MiB\)\. Nothing was sent/, { kind: 'validation', field: 'body' }));
    assert.equal(server.seen.length, 0);
    assert.ok(MAX_REQUEST_BODY_BYTES === 4 * 1024 * 1024);
  });

  it('applies a new timeout to a live client without signing in again', async () => {
    script = [res => setTimeout(() => json(res, 200, [CERT]), 400)];
    client.setTimeoutMs(50);
    await assert.rejects(client.certs.listCompanyCertificates(), apiError(/^The pod at 127\.0\.0\.1:\d+ did not answer within 50 ms/, { kind: 'timeout' }));
    client.setTimeoutMs(30_000);
    assert.deepEqual(await client.certs.listCompanyCertificates(), [CERT]);
  });

  it('never says a timed-out sign-in "may have been applied"', async () => {
    script = [res => setTimeout(() => json(res, 200, { token: 't' }), 400)];
    const signIn = rsaAuthenticator({ podUrl: server.url, username: 'bot', privateKeyPem: TEST_KEY, transport: { timeoutMs: 50 } });
    await assert.rejects(signIn(), (err: unknown) => {
      assert.ok(err instanceof PodApiError && err.kind === 'timeout', String(err));
      assert.match(err.message, /^Signing in did not finish: the pod at 127\.0\.0\.1:\d+ did not answer within 50 ms/);
      assert.doesNotMatch(err.message, /may (still )?have been applied/);
      return true;
    });
  });
});

describe('throttling (emulator)', () => {
  const pod = usePod();

  it('429 with Retry-After 1 on a GET: waits and succeeds, 2 requests', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await client.signIn();
    emu.control.injectFault({ status: 429, retryAfterSeconds: 1, count: 1, method: 'GET', pathPrefix: LIST });
    await client.certs.listCompanyCertificates({ limit: 1 });
    assert.deepEqual(apiRequests(emu).filter(r => r.path === LIST).map(r => r.status), [429, 200]);
    client.dispose();
  });

  it('429 with Retry-After on a POST: 1 request, "nothing was retried. Try again in 5 s."', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await client.signIn();
    emu.control.injectFault({ status: 429, retryAfterSeconds: 5, count: 3, method: 'POST', pathPrefix: '/pod/v1/admin/app/create' });
    await assert.rejects(client.apps.createApplication(APP), apiError(/^The pod is busy \(throttled\); nothing was retried\. Try again in 5 s\.$/, { status: 429 }));
    assert.equal(apiRequests(emu).filter(r => r.path === '/pod/v1/admin/app/create').length, 1);
    client.dispose();
  });
});

const TEST_KEY = require('node:crypto').generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey as string;
