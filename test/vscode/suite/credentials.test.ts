// Credentials lifecycle end to end: Rotate RSA Key… with a generated key and with a chosen key, Extend / Revoke
// Previous Key, Revoke Current Key, app sign-in with the old and new keys across the grace period, where the
// private key may (its file) and may not (state, webviews) appear, and the expiry report and status bar over two pods.
import * as assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import { publicKeyFingerprint } from '../../../src/credentials/keyRotation';
import type { ExpiryReportModel } from '../../../src/editors/webviewMessages';
import type { PodEmulator } from '../../../src/podEmulator';
import { confirm } from './scriptedPrompts';
import { addRsaPod, answering, extensionApi, file, input, pickValue, removePod, startEmulator } from './helpers';

const day = 24 * 3600_000;
const hour = 3600_000;

describe('Credentials lifecycle', () => {
  let api: SymphonyPodAdminApi;
  let podA: PodEmulator;
  let podB: PodEmulator;
  let idA: string;
  let idB: string;
  let dir: string;
  const appId = 'rotation-app';
  const target = () => ({ podId: idA, appId });
  const run = (command: string, answers: Parameters<typeof answering>[1], arg: unknown = target()) =>
    answering(api, answers, () => vscode.commands.executeCommand(`symphonyPodAdmin.${command}`, arg));
  const keysOf = () => podA.control.state.apps.get(appId)!.keys;
  const signInAs = (privateKeyFile: string) => api.sessions.client(idA).apps.authenticateApp(appId, fs.readFileSync(privateKeyFile, 'utf8'));
  const refused = (e: { status?: number }) => e.status === 401;

  before(async () => {
    api = await extensionApi();
    [podA, podB] = await Promise.all([startEmulator(), startEmulator()]);
    idA = await addRsaPod(api, podA, 'Radar pod A');
    idB = await addRsaPod(api, podB, 'Radar pod B');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-credentials-'));
    const original = generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.writeFileSync(path.join(dir, 'original.pem'), original.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await api.sessions.client(idA).apps.createApplication({
      applicationInfo: { appId, name: 'Rotation app', appUrl: 'https://rotation.example.com', domain: 'example.com', publisher: 'Tests' },
      authenticationKeys: { current: { key: original.publicKey.export({ type: 'spki', format: 'pem' }).toString(), action: 'SAVE' } },
    });
  });
  after(async () => {
    for (const key of api.panels.openKeys()) api.panels.close(key);
    await removePod(api, idA);
    await removePod(api, idB);
    await Promise.all([podA.close(), podB.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rotates to a generated key: private key only in the chosen 0600 file, old key still signs in during the grace period', async () => {
    const keyFile = path.join(dir, 'generated-private-key.pem');
    const started = Date.now();
    const { prompts } = await run('apps.rotateKey', [pickValue('generate'), file(keyFile), confirm()]);
    assert.deepEqual(prompts.errors, []);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    const privatePem = fs.readFileSync(keyFile, 'utf8');
    assert.match(privatePem, /^-----BEGIN PRIVATE KEY-----/);
    assert.ok(prompts.infos.some((m) => m.includes(keyFile)), 'the user is told where the private key is');
    const { current, previous } = keysOf();
    assert.equal(publicKeyFingerprint(current!.key), publicKeyFingerprint(createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }).toString()));
    assert.ok(previous && previous.expirationDate! >= started + 72 * hour - 1000);

    await signInAs(path.join(dir, 'original.pem'));
    await signInAs(keyFile);

    // Nowhere else: extension state, webviews (the app panel shows fingerprints only), emulator request bodies are not logged.
    const body = privatePem.split('\n').slice(1, 3).join('');
    const state = JSON.stringify(api.globalState.keys().map((k) => api.globalState.get(k)));
    assert.ok(!state.includes(body) && !state.includes('PRIVATE KEY'));
    const panel = api.panels.open({ podId: idA, kind: 'application', id: appId });
    await api.panels.handleMessage(panel, { type: 'ready' });
    const shown = JSON.stringify(api.panels.postedMessages(panel)) + api.panels.html(panel);
    assert.ok(!shown.includes(body) && !shown.includes('PRIVATE KEY'));
    assert.ok(shown.includes(publicKeyFingerprint(current!.key)), 'the app view shows the new key\'s fingerprint');
    api.panels.close(panel);
    fs.writeFileSync(path.join(dir, 'generated.pem'), privatePem, { mode: 0o600 });
  });

  it('extends the previous key by the pod default, then revokes it: the old key stops signing in', async () => {
    const before = keysOf().previous!.expirationDate!;
    await run('apps.extendPreviousKey', [input('')]);
    assert.equal(keysOf().previous!.expirationDate, before + 72 * hour);
    await signInAs(path.join(dir, 'original.pem'));

    const { prompts } = await run('apps.revokePreviousKey', [confirm()]);
    assert.ok(prompts.asked.some((q) => q.includes('previous')));
    assert.equal(keysOf().previous, undefined);
    await assert.rejects(signInAs(path.join(dir, 'original.pem')), refused);
    await signInAs(path.join(dir, 'generated.pem'));
  });

  it('rotates to a chosen public key, and the old key stops signing in once the grace period is over', async () => {
    const chosen = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicFile = path.join(dir, 'chosen.pub.pem');
    fs.writeFileSync(publicFile, chosen.publicKey.export({ type: 'spki', format: 'pem' }));
    fs.writeFileSync(path.join(dir, 'chosen.pem'), chosen.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const { prompts } = await run('apps.rotateKey', [pickValue('file'), file(publicFile), confirm()]);
    assert.deepEqual(prompts.errors, []);
    assert.equal(publicKeyFingerprint(keysOf().current!.key), publicKeyFingerprint(fs.readFileSync(publicFile, 'utf8')));
    await signInAs(path.join(dir, 'generated.pem'));
    await signInAs(path.join(dir, 'chosen.pem'));
    keysOf().previous!.expirationDate = Date.now() - 1;
    await assert.rejects(signInAs(path.join(dir, 'generated.pem')), refused);
    await signInAs(path.join(dir, 'chosen.pem'));
  });

  it('refuses the current key again and a private key file before any change', async () => {
    const before = JSON.stringify(keysOf());
    const { prompts } = await run('apps.rotateKey', [pickValue('file'), file(path.join(dir, 'chosen.pem'))]);
    assert.match(prompts.errors[0], /private key/i);
    assert.equal(JSON.stringify(keysOf()), before);
  });

  it('revokes the current key only after a confirmation that says the app stops authenticating and the typed app id', async () => {
    const declined = await run('apps.revokeCurrentKey', [confirm(), input('wrong-id')]);
    assert.ok(declined.prompts.rejectedInputs.length > 0);
    assert.ok(keysOf().current);
    const { prompts } = await run('apps.revokeCurrentKey', [confirm(), input(appId)]);
    assert.ok(prompts.asked.some((q) => /stop authenticating/.test(q)));
    assert.equal(keysOf().current, undefined);
    await assert.rejects(signInAs(path.join(dir, 'chosen.pem')), refused);
  });

  it('reports expiring certificates and rotated keys of two pods in one table sorted by date, and counts them in the status bar', async () => {
    const now = Date.now();
    for (const pod of [podA, podB]) {
      for (const cert of pod.control.state.certs.values()) cert.info.expiryDate = now + 400 * day;
      for (const app of pod.control.state.apps.values()) app.keys.previous = undefined;
      for (const user of pod.control.state.directory.values()) if (user.admin) user.admin.keys.previous = undefined;
    }
    const certsA = [...podA.control.state.certs.values()];
    const certsB = [...podB.control.state.certs.values()];
    certsA[0].info.expiryDate = now + 20 * day;
    certsA[1].info.expiryDate = now - 2 * day;
    certsB[0].info.expiryDate = now + 5 * day;
    const appB = [...podB.control.state.apps.values()].find((a) => a.keys.current)!;
    appB.keys.previous = { key: appB.keys.current!.key, expirationDate: now + 2 * day };

    podA.control.clearRequests();
    const report = await api.expiry.radar.check({ refresh: 'all' });
    const apiCalls = podA.control.requests().filter((r) => r.path.startsWith('/pod/'));
    assert.equal(apiCalls.filter((r) => r.path === '/pod/v1/companycert/list').length, 1, 'one certificate list request per check');
    assert.equal(apiCalls.filter((r) => r.path === '/pod/v1/admin/app/entitlement/list').length, 1, 'one app list request per check');

    const mine = report.items.filter((i) => i.podId === idA || i.podId === idB);
    assert.deepEqual(mine.map((i) => [i.podLabel, i.kind, i.state]), [
      ['Radar pod A', 'certificate', 'expired'],
      ['Radar pod B', 'appKey', 'expiring'],
      ['Radar pod B', 'certificate', 'expiring'],
      ['Radar pod A', 'certificate', 'expiring'],
    ]);
    assert.equal(mine[1].id, appB.appId);

    // A second check within the freshness window reuses the lists.
    podA.control.clearRequests();
    await api.expiry.radar.check();
    assert.equal(podA.control.requests().filter((r) => r.path.startsWith('/pod/')).length, 0);

    const status = api.expiry.statusBar.state;
    assert.ok(status.visible);
    assert.equal(status.text, `$(error) ${report.items.length} expiring`);
    assert.equal(status.background, 'statusBarItem.errorBackground');

    await vscode.commands.executeCommand('symphonyPodAdmin.credentials.showExpiryReport');
    const key = api.panels.openKeys().find((k) => k.includes('/expiryReport/'))!;
    await api.panels.handleMessage(key, { type: 'ready' });
    const load = api.panels.postedMessages(key).filter((m) => m.type === 'load').pop() as { model: ExpiryReportModel } | undefined;
    const rows = load!.model.rows.filter((r) => r.podId === idA || r.podId === idB);
    assert.deepEqual(rows.map((r) => r.name), mine.map((i) => i.name));
    assert.deepEqual([...load!.model.rows].sort((a, b) => a.date - b.date).map((r) => r.date), load!.model.rows.map((r) => r.date));

    await api.panels.handleMessage(key, { type: 'expiryReport.export', format: 'markdown' });
    const exported = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(exported, /^\| Pod \| Kind \| Name/);
    assert.ok(exported.includes('Radar pod B') && exported.includes('Rotated app key'));

    await api.panels.handleMessage(key, { type: 'expiryReport.open', podId: idB, kind: 'appKey', id: appB.appId });
    assert.ok(api.panels.openKeys().includes(`${idB}/application/${appB.appId}`));
    await api.panels.handleMessage(key, { type: 'expiryReport.open', podId: idB, kind: 'appKey', id: 'not-in-the-report' });
    assert.ok(api.panels.postedMessages(key).some((m) => m.type === 'notice' && m.level === 'error'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
