import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { POD_ID, PodEmulator, startPodEmulator, tenantOf } from '../../../src/podEmulator';
import { bearerFor, call, nowSeconds, pm, pod, signIn, signJwt } from './helpers';

describe('pod emulator: what a real pod holds and answers', () => {
  let emu: PodEmulator;
  let token: string;
  before(async () => { emu = await startPodEmulator(); token = await signIn(emu); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  const getApp = async (appId: string) => (await pod(emu, token, 'GET', `/pod/v1/admin/app/${appId}/get`)).body;

  describe('seeded data', () => {
    it('holds an app whose cert has expired', async () => {
      const cert = new crypto.X509Certificate((await getApp('jira-notifier')).cert);
      assert.ok(Date.parse(cert.validTo) < Date.now());
    });

    it('holds an app whose cert is a public key', async () => {
      assert.match((await getApp('servicenow-itsm')).cert, /^-----BEGIN PUBLIC KEY-----/);
    });

    it('holds an app with a numeric property value', async () => {
      assert.deepEqual((await getApp('salesforce-connector')).properties.find((p: { key: string }) => p.key === 'timeout'), { key: 'timeout', value: 30 });
    });

    it('holds an app with fields newer than the spec, at the top level and in applicationInfo', async () => {
      const app = await getApp('zoom-meetings');
      assert.equal(app.appGroupId, 'zoom-meetings');
      assert.equal(app.applicationInfo.vendorId, 'zoom-video');
      const back = await pod(emu, token, 'POST', '/pod/v1/admin/app/zoom-meetings/update', app);
      assert.equal(back.status, 400, 'sending them back is refused');
    });

    it('holds apps with a rotated previous key that is still valid', async () => {
      const rotated = [];
      for (const appId of emu.control.state.apps.keys()) {
        const previous = (await getApp(appId)).authenticationKeys?.previous;
        if (previous && previous.expirationDate > Date.now()) { rotated.push(appId); }
      }
      assert.deepEqual(rotated, ['bloomberg-bridge', 'calendar-sync']);
    });

    it('holds a pod-managed certificate, listed by podmanaged/list', async () => {
      const managed = (await pod(emu, token, 'GET', '/pod/v1/companycert/podmanaged/list')).body;
      assert.ok(managed.some((c: { companyCertAttributes: { name: string } }) => c.companyCertAttributes.name === 'Pod certificate'));
    });

    it('holds a certificate whose stored PEM is a chain of two certificates', () => {
      const chains = [...emu.control.state.certs.values()].filter((c) => (c.pem?.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length === 2);
      assert.equal(chains.length, 1);
    });

    it('gives every user id of this pod its tenant in the high bits, and external users another tenant', async () => {
      const state = emu.control.state;
      assert.equal(state.podId, POD_ID);
      const session = (await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).body;
      assert.equal(tenantOf(session.id), POD_ID);
      for (const u of state.directory.values()) {
        assert.ok(Number.isSafeInteger(u.id));
        assert.equal(tenantOf(u.id), u.podId, `user ${u.id}`);
        assert.equal(u.internal, u.podId === POD_ID);
      }
      for (const g of state.groups.values()) {
        assert.equal(g.ownerId, POD_ID);
        for (const m of g.members) { assert.equal(tenantOf(m.memberId), m.memberTenant); }
      }
      const external = (await pod(emu, token, 'GET', '/pod/v1/connection/list?status=ALL')).body;
      assert.ok(external.length > 0 && external.every((c: { userId: number }) => tenantOf(c.userId) !== POD_ID));
    });
  });

  describe('not found', () => {
    it('answers 400 with the pod\'s message for an unknown app id', async () => {
      for (const [method, path] of [['GET', '/pod/v1/admin/app/nope/get'], ['POST', '/pod/v1/admin/app/nope/update'], ['POST', '/pod/v1/admin/app/nope/delete']]) {
        const res = await pod(emu, token, method, path, method === 'POST' ? {} : undefined);
        assert.deepEqual([res.status, res.body], [400, { code: 400, message: 'App nope not found' }], path);
      }
    });

    it('answers 400 for an unknown certificate fingerprint', async () => {
      const fp = 'ab'.repeat(32);
      for (const [method, path, body] of [['GET', `/pod/v1/companycert/${fp}/get`], ['POST', `/pod/v1/companycert/${fp}/update`, {}], ['GET', `/pod/v1/companycert/${fp}/issuedBy`], ['POST', '/pod/v1/companycert/delete', { id: fp }]] as const) {
        const res = await pod(emu, token, method, path, body);
        assert.equal(res.status, 400, path);
        assert.match(res.body.message, /Certificate with fingerprint .* not found/);
      }
    });

    it('answers 404 instead when started with notFoundStatus: 404', async () => {
      const lenient = await startPodEmulator({ notFoundStatus: 404 });
      try {
        const t = await signIn(lenient);
        assert.equal((await pod(lenient, t, 'GET', '/pod/v1/admin/app/nope/get')).status, 404);
        assert.equal((await pod(lenient, t, 'GET', `/pod/v1/companycert/${'ab'.repeat(32)}/get`)).status, 404);
      } finally { await lenient.close(); }
    });
  });

  describe('sign-in and headers', () => {
    it('signs in to the key manager at /relay/pubkey/authenticate with the same JWT check', async () => {
      const jwt = (exp: number) => signJwt({ sub: emu.admin.username, exp }, emu.admin.privateKeyPem);
      const ok = await call(emu, 'POST', '/relay/pubkey/authenticate', { body: { token: jwt(nowSeconds() + 240) } });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.name, 'keyManagerToken');
      assert.match(ok.body.token, /^[0-9a-f]{32,}$/);
      assert.equal((await call(emu, 'POST', '/relay/pubkey/authenticate', { body: { token: jwt(nowSeconds() + 3600) } })).status, 401);
      const other = signJwt({ sub: emu.admin.username, exp: nowSeconds() + 240 }, emu.user.privateKeyPem);
      assert.equal((await call(emu, 'POST', '/relay/pubkey/authenticate', { body: { token: other } })).status, 401);
    });

    it('accepts an empty X-Symphony-Host on Profile Manager calls and refuses a missing one', async () => {
      const bearer = await bearerFor(emu, token);
      assert.equal((await pm(emu, bearer, 'GET', '/v1/types', undefined, { 'X-Symphony-Host': '' })).status, 200);
      assert.equal((await pm(emu, bearer, 'GET', '/v1/types', undefined, { 'X-Symphony-Host': 'acme.symphony.com' })).status, 200);
      const missing = await call(emu, 'GET', '/profile-manager/v1/types', { headers: { Authorization: `Bearer ${bearer}` } });
      assert.deepEqual([missing.status, missing.body.code], [400, 'MISSING_HEADER']);
    });
  });

  describe('throttling', () => {
    it('answers 429 with Retry-After from any endpoint: login, relay, Profile Manager, podcert', async () => {
      const jwt = signJwt({ sub: emu.admin.username, exp: nowSeconds() + 240 }, emu.admin.privateKeyPem);
      const requests: Array<[string, string, Record<string, string>?]> = [
        ['POST', '/login/pubkey/authenticate'], ['POST', '/relay/pubkey/authenticate'], ['GET', '/profile-manager/v1/types', { 'X-Symphony-Host': '' }],
        ['GET', '/pod/v1/podcert'], ['POST', '/login/idm/tokens', { sessionToken: token }],
      ];
      for (const [method, path, headers] of requests) {
        emu.control.injectFault({ status: 429, retryAfterSeconds: 3, pathPrefix: path });
        const res = await call(emu, method, path, { headers, body: method === 'POST' ? { token: jwt } : undefined });
        assert.deepEqual([res.status, res.headers.get('retry-after')], [429, '3'], path);
      }
    });

    it('answers a throttled call as an Agent does: 400 with Retry-After', async () => {
      emu.control.injectFault({ agentStyle: true, retryAfterSeconds: 2, pathPrefix: '/pod/v1/companycert/list' });
      const res = await pod(emu, token, 'GET', '/pod/v1/companycert/list');
      assert.deepEqual([res.status, res.headers.get('retry-after'), res.body.code], [400, '2', 400]);
      assert.match(res.body.message, /Too many requests/);
      assert.equal((await pod(emu, token, 'GET', '/pod/v1/companycert/list')).status, 200);
    });

    it('answers 400 with Retry-After also from a plain status fault', async () => {
      await call(emu, 'POST', '/_emulator/faults', { body: { status: 400, retryAfterSeconds: 5 } });
      const res = await pod(emu, token, 'GET', '/pod/v2/sessioninfo');
      assert.deepEqual([res.status, res.headers.get('retry-after')], [400, '5']);
    });

    it('serves at most perSecond requests a second once throttled, then 429 with Retry-After', async () => {
      let clock = 1_000_000;
      emu.control.throttle({ perSecond: 3, now: () => clock });
      const statuses: Array<[number, string | null]> = [];
      for (let i = 0; i < 5; i++) {
        const res = await pod(emu, token, 'GET', '/pod/v2/sessioninfo');
        statuses.push([res.status, res.headers.get('retry-after')]);
      }
      assert.deepEqual(statuses, [[200, null], [200, null], [200, null], [429, '1'], [429, '1']]);
      clock += 1000;
      assert.equal((await pod(emu, token, 'GET', '/pod/v2/sessioninfo')).status, 200, 'a new second, a new budget');
      emu.control.throttle(undefined);
    });

    it('keeps a start-up throttle across a reset', async () => {
      const throttled = await startPodEmulator({ throttle: { perSecond: 1, now: () => 5_000_000 } });
      try {
        throttled.control.reset();
        const first = await call(throttled, 'GET', '/pod/v1/podcert');
        const second = await call(throttled, 'GET', '/pod/v1/podcert');
        assert.deepEqual([first.status, second.status, second.headers.get('retry-after')], [200, 429, '1']);
      } finally { await throttled.close(); }
    });
  });
});
