// Apps as a real pod holds them, through the extension's commands and panels: an app with an expired certificate,
// numeric property values, fields newer than our types and a previous key still valid. The pod is the emulator
// behind a capturing proxy (to see the bodies it received, and to answer with the newer fields and a grace period
// that is not 72 hours, as only the pod knows it).
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { ApplicationModel } from '../../../src/editors/webviewMessages';
import { makeTestCertificate } from '../../../src/podEmulator';
import type { PodEmulator } from '../../../src/podEmulator';
import { CapturingProxy, startCapturingProxy } from '../../unit/api/capturingProxy';
import { keyDate } from '../../../src/credentials/keyRotation';
import { confirm } from './scriptedPrompts';
import { addRsaPod, answering, child, children, extensionApi, file, input, label, pickValue, podNode, removePod, startEmulator } from './helpers';

const hour = 3600_000;
/** The pod's own expiry of every rotated key it reports: far from anything computed as now + 72 h. */
const podGraceEnd = Date.UTC(2030, 0, 2, 3, 4);
const shownPodGraceEnd = '2030-01-02 03:04 UTC';
const publicPem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('Apps as a real pod holds them', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let proxy: CapturingProxy;
  let podId: string;
  let dir: string;
  const appId = 'legacy-app';
  const run = (command: string, answers: Parameters<typeof answering>[1], arg: unknown = { podId, appId }) =>
    answering(api, answers, () => vscode.commands.executeCommand(`symphonyPodAdmin.${command}`, arg));
  const received = () => proxy.received.map((r) => `${r.method} ${r.path}`);
  /** Requests about this app only: the tree may read the app list at any time. */
  const receivedForApp = () => received().filter((r) => r.includes(`/app/${appId}/`));
  const postBodies = () => proxy.received.filter((r) => r.method === 'POST').map((r) => r.body);
  const keys = () => emulator.control.state.apps.get(appId)!.keys;

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    proxy = await startCapturingProxy(emulator, (_method, url, body) => {
      if (url === `/pod/v1/admin/app/${appId}/get`) {
        const app = body as { authenticationKeys?: { previous?: { expirationDate?: number } }; applicationInfo?: object };
        if (app.authenticationKeys?.previous) app.authenticationKeys.previous.expirationDate = podGraceEnd;
        return { ...app, appGroupId: 'legacy-group', applicationInfo: { ...app.applicationInfo, tenantScope: 'GLOBAL' } };
      }
      if (url === '/pod/v1/admin/app/entitlement/list' && Array.isArray(body)) return body.map((e: object) => ({ ...e, appGroupId: 'legacy-group' }));
      return body;
    });
    podId = await addRsaPod(api, { ...emulator, url: proxy.url }, 'Real apps pod');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-real-apps-'));
    const current = publicPem();
    emulator.control.state.apps.set(appId, {
      appId, name: 'Legacy App', appUrl: 'https://legacy.example.com/app', domain: 'example.com', publisher: 'Old Team',
      description: 'held by the pod', permissions: ['SEND_MESSAGES'],
      cert: makeTestCertificate({ commonName: 'legacy', notBefore: new Date(Date.now() - 800 * 24 * hour), notAfter: new Date(Date.now() - 24 * hour) }).pem,
      keys: { current: { key: current }, previous: { key: publicPem(), expirationDate: Date.now() + 48 * hour } },
      properties: [{ key: 'timeout', value: 30 as unknown as string }],
      entitlement: { enable: true, listed: false, install: false },
    });
  });
  beforeEach(() => { proxy.received.length = 0; });
  after(async () => {
    for (const key of api.panels.openKeys()) api.panels.close(key);
    await removePod(api, podId);
    await proxy.close();
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a rotation while the previous key is valid before anything is sent, naming the pod\'s expiry (1 GET, 0 POST)', async () => {
    const before = JSON.stringify(keys());
    const { prompts } = await run('apps.rotateKey', [confirm(false)]);
    assert.deepEqual(receivedForApp(), [`GET /pod/v1/admin/app/${appId}/get`]);
    assert.deepEqual(postBodies(), []);
    assert.match(prompts.asked[0], new RegExp(`refuses a new key.*until ${shownPodGraceEnd}.*Revoke the previous key now, then rotate`));
    assert.ok(prompts.infos.some((m) => m.includes('Nothing was changed') && m.includes(shownPodGraceEnd)), 'the user is told to wait or revoke');
    assert.deepEqual(prompts.errors, []);
    assert.equal(JSON.stringify(keys()), before);
  });

  it('the way forward: after a modal that says bots on the previous key stop working, revokes it and rotates, showing the pod\'s expiry', async () => {
    const oldCurrent = keys().current!.key;
    const oldPrevious = keys().previous!.key;
    const keyFile = path.join(dir, 'rotated-private-key.pem');
    const { prompts } = await run('apps.rotateKey', [confirm(true), pickValue('generate'), file(keyFile), confirm(true)]);
    assert.deepEqual(prompts.errors, []);
    assert.match(prompts.asked[0], /Revoke the previous key now/);
    assert.deepEqual(receivedForApp(), [
      `GET /pod/v1/admin/app/${appId}/get`, `POST /pod/v1/admin/app/${appId}/update`, `POST /pod/v1/admin/app/${appId}/update`, `GET /pod/v1/admin/app/${appId}/get`,
    ]);
    const [revoke, save] = postBodies() as Array<{ authenticationKeys: Record<string, { key: string; action: string }> }>;
    assert.deepEqual(revoke, { authenticationKeys: { previous: { key: oldPrevious, action: 'REVOKE' } } });
    assert.deepEqual(Object.keys(save), ['authenticationKeys']);
    assert.equal(save.authenticationKeys.current.action, 'SAVE');
    assert.equal(keys().previous!.key, oldCurrent, 'the old current key is now the previous key');
    assert.ok(prompts.infos.some((m) => m.includes(`until ${shownPodGraceEnd}`)), `the pod's date is shown: ${prompts.infos.join(' | ')}`);
  });

  it('extends and revokes the previous key of the odd app, each sending only authenticationKeys and showing the pod\'s date', async () => {
    const extended = await run('apps.extendPreviousKey', [input('')]);
    assert.ok(extended.prompts.infos.some((m) => m.includes(shownPodGraceEnd)));
    await run('apps.revokePreviousKey', [confirm(true)]);
    assert.equal(keys().previous, undefined);
    const bodies = postBodies() as Array<Record<string, unknown>>;
    assert.equal(bodies.length, 2);
    for (const body of bodies) assert.deepEqual(Object.keys(body), ['authenticationKeys']);
  });

  it('edits the description of the odd app in its detail form, sending only the description', async () => {
    const key = api.panels.open({ podId, kind: 'application', id: appId });
    await api.panels.handleMessage(key, { type: 'ready' });
    const load = api.panels.postedMessages(key).filter((m) => m.type === 'load').pop() as { model: ApplicationModel };
    assert.deepEqual(load.model.properties, [{ key: 'timeout', value: '30' }]);
    proxy.received.length = 0;
    await api.panels.handleMessage(key, { type: 'application.save', edit: { description: 'Edited on a real pod' } });
    assert.deepEqual(postBodies(), [{ description: 'Edited on a real pod' }]);
    assert.equal(emulator.control.state.apps.get(appId)!.description, 'Edited on a real pod');
    assert.ok(!api.panels.postedMessages(key).some((m) => m.type === 'notice' && (m as { level?: string }).level === 'error'));
    api.panels.close(key);
  });

  it('toggles the entitlement of an app listed with a newer field, sending only the fields the operation defines', async () => {
    const node = (await children(api, await child(api, await podNode(api, podId), 'Applications'))).find((n) => label(n) === 'Legacy App')!;
    proxy.received.length = 0;
    await run('apps.toggleEntitlement', [{ pickMany: (item) => item.value === 'enable' || item.value === 'listed' }], node);
    assert.deepEqual(postBodies(), [[{ appId, appName: 'Legacy App', enable: true, listed: true, install: false }]]);
    assert.equal(emulator.control.state.apps.get(appId)!.entitlement.listed, true);
  });

  it('Apply Manifest creates an app the pod answers 400 for, and Create Application refuses an id the pod has: both decided from the app list', async () => {
    emulator.control.injectFault({ status: 400, pathPrefix: '/pod/v1/admin/app/brand-new-app/get', count: 5 });
    const manifest = path.join(dir, 'brand-new-app.json');
    fs.writeFileSync(manifest, JSON.stringify({ applicationInfo: { appId: 'brand-new-app', name: 'Brand New', appUrl: 'https://new.example.com', domain: 'example.com', publisher: 'Us' } }));
    const applied = await answering(api, [pickValue(podId), confirm(true)], () => vscode.commands.executeCommand('symphonyPodAdmin.apps.applyManifest', vscode.Uri.file(manifest)));
    assert.deepEqual(applied.prompts.errors, []);
    assert.ok(emulator.control.state.apps.has('brand-new-app'));
    assert.ok(!received().includes('GET /pod/v1/admin/app/brand-new-app/get'), 'existence is not read from a 404');

    proxy.received.length = 0;
    const created = await run('apps.create', [input(appId), input('Again'), input('https://legacy.example.com/x'), input('Us'), pickValue('none')],
      await child(api, await podNode(api, podId), 'Applications'));
    assert.match(created.prompts.errors[0] ?? '', /already has an app "legacy-app"/);
    assert.deepEqual(postBodies(), [], 'nothing is sent');
    assert.ok(received().includes('GET /pod/v1/admin/app/entitlement/list'));
    assert.deepEqual(receivedForApp(), [], 'existence is not read from the app itself');
  });

  it('Apply Manifest that sets a new key while the previous key is valid is refused before sending, naming the pod\'s expiry', async () => {
    const previousEnds = Date.now() + 30 * hour;
    emulator.control.state.apps.set('rotated-app', {
      appId: 'rotated-app', name: 'Rotated', permissions: [], keys: { current: { key: publicPem() }, previous: { key: publicPem(), expirationDate: previousEnds } },
      properties: [], entitlement: { enable: true, listed: true, install: false },
    });
    const manifest = path.join(dir, 'rotated-app.json');
    fs.writeFileSync(manifest, JSON.stringify({ applicationInfo: { appId: 'rotated-app', name: 'Rotated' }, authenticationKeys: { current: { key: publicPem(), action: 'SAVE' } } }));
    proxy.received.length = 0;
    const { prompts } = await answering(api, [pickValue(podId), confirm(true)], () => vscode.commands.executeCommand('symphonyPodAdmin.apps.applyManifest', vscode.Uri.file(manifest)));
    assert.match(prompts.errors[0] ?? '', new RegExp(`refuses a new key for rotated-app while its previous key .* until ${keyDate(previousEnds)}: revoke the previous key first`));
    assert.deepEqual(postBodies(), []);
  });
});
