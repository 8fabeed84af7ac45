// Updates of apps as a real pod holds them (an expired certificate, a public key as `cert`, numeric property values,
// fields newer than our types): only what the user changed is validated and sent. The bodies asserted are the ones
// the pod received (through a capturing proxy in front of the emulator).
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { ApplicationDetail, PodClient, applicationChanges } from '../../../src/api';
import { saveCurrentKey, revokePreviousKey, extendPreviousKey, revokeCurrentKey } from '../../../src/credentials/keyRotation';
import { makeTestCertificate } from '../../../src/podEmulator';
import type { PodEmulator } from '../../../src/podEmulator';
import { CapturingProxy, startCapturingProxy } from './capturingProxy';
import { apiRequests, clientFor, isApiError, usePod } from './podFixture';

const hour = 3600_000;
const newPublicPem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
// Generated once: key generation is the slow part of these tests.
const [currentKey, previousKey, nextKey, otherKey] = [newPublicPem(), newPublicPem(), newPublicPem(), newPublicPem()];
const expiredCert = makeTestCertificate({ commonName: 'old-app', notBefore: new Date(Date.now() - 400 * 24 * hour), notAfter: new Date(Date.now() - 24 * hour) }).pem;

/** Puts an app on the pod the way a real pod may hold it; the emulator's record type knows only string values. */
function holdOddApp(emu: PodEmulator, appId: string, options: { cert?: string; previousExpires?: number } = {}) {
  const [current, previous] = [currentKey, previousKey];
  emu.control.state.apps.set(appId, {
    appId, name: `Odd ${appId}`, appUrl: 'https://odd.example.com/app', domain: 'example.com', publisher: 'Legacy',
    description: 'held by the pod', permissions: ['SEND_MESSAGES'], cert: options.cert ?? expiredCert,
    keys: { current: { key: current }, ...(options.previousExpires ? { previous: { key: previous, expirationDate: options.previousExpires } } : {}) },
    notification: { url: 'https://odd.example.com/hook', apiKey: 'secret-api-key' },
    properties: [{ key: 'timeout', value: 30 as unknown as string }, { key: 'region', value: 'emea' }],
    entitlement: { enable: true, listed: true, install: false },
  });
  return { current, previous };
}

/** What a newer pod adds to an app and to its app list: fields our types do not know. */
const newerFields = (_method: string, path: string, body: unknown): unknown => {
  if (/^\/pod\/v1\/admin\/app\/[^/]+\/get$/.test(path)) {
    const app = body as ApplicationDetail & Record<string, unknown>;
    return { ...app, appGroupId: 'group-7', applicationInfo: { ...app.applicationInfo, tenantScope: 'GLOBAL' } };
  }
  if (path === '/pod/v1/admin/app/entitlement/list' && Array.isArray(body)) return body.map((e: object) => ({ ...e, appGroupId: 'group-7' }));
  return body;
};

describe('PodClient app updates on apps a real pod holds (emulator)', () => {
  const pod = usePod();
  let proxy: CapturingProxy;
  let client: PodClient;
  beforeEach(async () => {
    proxy = await startCapturingProxy(pod(), newerFields);
    client = clientFor(pod(), 'admin', { podUrl: proxy.url }).client;
  });
  afterEach(async () => {
    client.dispose();
    await proxy.close();
  });
  const posts = () => proxy.received.filter((r) => r.method === 'POST');

  it('edits the name of an app whose cert has expired, sending only the name', async () => {
    holdOddApp(pod(), 'expired-cert-app');
    const base = await client.apps.getApplication('expired-cert-app');
    const edited = { ...base, applicationInfo: { ...base.applicationInfo, name: 'Renamed' } };
    const saved = await client.apps.updateApplication('expired-cert-app', applicationChanges(base, edited));
    assert.deepEqual(posts().map((r) => r.body), [{ applicationInfo: { name: 'Renamed' } }]);
    assert.equal(saved.applicationInfo?.name, 'Renamed');
    assert.equal(pod().control.state.apps.get('expired-cert-app')!.cert, expiredCert, 'the pod keeps the certificate it had');
  });

  it('edits the description of an app whose cert is a public key and whose properties are numbers, sending neither back', async () => {
    holdOddApp(pod(), 'public-key-cert-app', { cert: otherKey });
    const base = await client.apps.getApplication('public-key-cert-app');
    await client.apps.updateApplication('public-key-cert-app', applicationChanges(base, { ...base, description: 'new words' }));
    assert.deepEqual(posts().map((r) => r.body), [{ description: 'new words' }]);
    assert.equal(pod().control.state.apps.get('public-key-cert-app')!.properties[0].value, 30);
  });

  it('never sends back a newer field the pod returned, and refuses one the user added, naming it, before any request', async () => {
    holdOddApp(pod(), 'newer-app');
    const base = await client.apps.getApplication('newer-app') as ApplicationDetail & Record<string, unknown>;
    assert.equal(base.appGroupId, 'group-7');
    await client.apps.updateApplication('newer-app', applicationChanges(base, { ...base, permissions: ['SEND_MESSAGES', 'ACT_AS_USER'] }));
    assert.deepEqual(posts().map((r) => r.body), [{ permissions: ['SEND_MESSAGES', 'ACT_AS_USER'] }]);

    proxy.received.length = 0;
    const typo = { ...base, colour: 'red' } as ApplicationDetail;
    await assert.rejects(client.apps.updateApplication('newer-app', applicationChanges(base, typo)), isApiError(/"colour" is not a manifest field/, { kind: 'validation', field: 'colour' }));
    assert.deepEqual(proxy.received, []);
  });

  it('sends edited properties as the strings the pod defines, numbers included', async () => {
    holdOddApp(pod(), 'numeric-app');
    const base = await client.apps.getApplication('numeric-app');
    const properties = [...base.properties!, { key: 'added', value: 'yes' }];
    await client.apps.updateApplication('numeric-app', applicationChanges(base, { ...base, properties }));
    assert.deepEqual(posts().map((r) => r.body), [{ properties: [{ key: 'timeout', value: '30' }, { key: 'region', value: 'emea' }, { key: 'added', value: 'yes' }] }]);
  });

  it('keeps the notification API key when only the notification URL changes, and sends the app URL with a changed domain', async () => {
    holdOddApp(pod(), 'hook-app');
    const base = await client.apps.getApplication('hook-app');
    await client.apps.updateApplication('hook-app', applicationChanges(base, { ...base, notification: { ...base.notification, url: 'https://odd.example.com/new-hook' } }));
    await client.apps.updateApplication('hook-app', applicationChanges(base, { ...base, applicationInfo: { ...base.applicationInfo, domain: 'odd.example.com' } }));
    assert.deepEqual(posts().map((r) => r.body), [
      { notification: { url: 'https://odd.example.com/new-hook', apiKey: 'secret-api-key' } },
      { applicationInfo: { appUrl: 'https://odd.example.com/app', domain: 'odd.example.com' } },
    ]);
  });

  it('an app with numeric properties, an expired cert and a newer field can be rotated, extended and revoked: each sends only authenticationKeys', async () => {
    holdOddApp(pod(), 'odd-keys-app');
    const next = nextKey;
    await client.apps.updateApplication('odd-keys-app', saveCurrentKey(next));
    const rotated = await client.apps.getApplication('odd-keys-app');
    await client.apps.updateApplication('odd-keys-app', extendPreviousKey(rotated));
    await client.apps.updateApplication('odd-keys-app', revokePreviousKey(rotated));
    await client.apps.updateApplication('odd-keys-app', revokeCurrentKey(rotated));
    const bodies = posts().map((r) => r.body as Record<string, unknown>);
    assert.equal(bodies.length, 4);
    for (const body of bodies) assert.deepEqual(Object.keys(body), ['authenticationKeys']);
    assert.deepEqual(bodies[0], { authenticationKeys: { current: { key: next, action: 'SAVE' } } });
    assert.equal(pod().control.state.apps.get('odd-keys-app')!.keys.current, undefined);
  });

  it('sends nothing for a manifest that changes nothing, whatever the pod holds', () => {
    const base = { applicationInfo: { appId: 'a', name: 'A' }, cert: expiredCert, properties: [{ key: 'n', value: 5 }], appGroupId: 'g' } as ApplicationDetail;
    assert.deepEqual(applicationChanges(base, JSON.parse(JSON.stringify(base))), {});
    assert.deepEqual(applicationChanges(base, { ...base, properties: [{ key: 'n', value: '5' }] }), {}, 'a numeric value equals its text');
  });

  it('a new app is sent whole, with property values as text and no previous key without an action', () => {
    const manifest = { applicationInfo: { appId: 'n', name: 'N' }, properties: [{ key: 'port', value: 4000 }], authenticationKeys: { current: { key: 'K' }, previous: { key: 'P', expirationDate: 1 } } } as ApplicationDetail;
    assert.deepEqual(applicationChanges({}, manifest), { applicationInfo: { appId: 'n', name: 'N' }, properties: [{ key: 'port', value: '4000' }], authenticationKeys: { current: { key: 'K' } } });
  });

  it('re-sends no key entry without an action: an unchanged current key, a previous key, keys the pod holds', () => {
    const current = currentKey;
    const base: ApplicationDetail = { authenticationKeys: { current: { key: current }, previous: { key: 'PREV', expirationDate: 5 } } };
    assert.deepEqual(applicationChanges(base, { authenticationKeys: { current: { key: `${current}\n` }, previous: { key: 'PREV', expirationDate: 9 } } }), {});
    assert.deepEqual(applicationChanges(base, { authenticationKeys: { current: { key: current }, previous: { key: 'PREV', action: 'EXTEND' } } }),
      { authenticationKeys: { previous: { key: 'PREV', action: 'EXTEND' } } });
  });

  it('shows the pod\'s message for a 400', async () => {
    holdOddApp(pod(), 'no-previous-app');
    await assert.rejects(client.apps.updateApplication('no-previous-app', { authenticationKeys: { previous: { key: otherKey, action: 'EXTEND' } } }),
      isApiError(/no rotated \(previous\) key to extend/i, { status: 400 }));
  });
});

describe('Does this app exist? (emulator)', () => {
  const pod = usePod();

  for (const status of [400, 404]) {
    it(`applicationExists is false for an unknown app and true for a known one when the pod answers ${status} for an unknown app`, async () => {
      const { client } = clientFor(pod());
      const known = (await client.apps.listPodAppEntitlements())[0].appId;
      pod().control.clearRequests();
      pod().control.injectFault({ status, pathPrefix: '/pod/v1/admin/app/no-such-app/get', count: 10 });
      assert.equal(await client.apps.applicationExists('no-such-app'), false);
      assert.equal(await client.apps.applicationExists(known), true);
      assert.deepEqual(apiRequests(pod()).map((r) => `${r.method} ${r.path}`), ['GET /pod/v1/admin/app/entitlement/list', 'GET /pod/v1/admin/app/entitlement/list']);
      client.dispose();
    });
  }
});
