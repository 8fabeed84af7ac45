// Pods and sign-in in the real VS Code: Add Pod with RSA, secrets only in SecretStorage, sign out forgets them,
// silent re-authentication on a 401, and one prompt (never a stack) for an expired pasted token.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { PodEmulator } from '../../../src/podEmulator';
import { addRsaPod, answering, backgroundReads, child, children, extensionApi, file, input, label, pickValue, podNode, removePod, startEmulator } from './helpers';

describe('Pods and sign-in', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  const added: string[] = [];

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
  });
  after(async () => {
    for (const id of added) await removePod(api, id);
    await emulator.close();
  });

  it('adds a pod with an RSA key, signs in and shows the six categories', async () => {
    const podId = await addRsaPod(api, emulator, 'Emulator RSA');
    added.push(podId);
    assert.equal(api.sessions.state(podId), 'signedIn');
    assert.equal(api.sessions.user(podId)?.username, emulator.admin.username);
    const categories = (await children(api, await podNode(api, podId))).map(label);
    assert.deepEqual(categories, ['Certificates', 'Applications', 'Connections', 'Groups', 'Service accounts', 'Users']);
  });

  it('gives a pod added by hand a readable id, which its manifests show in their tab and Problems path', async () => {
    const podId = added[0];
    assert.match(podId, /^emulator-rsa-[0-9a-f]{4}$/);
    // The manifest of a seeded app, opened by the URI the tab and the Problems view show: the readable id resolves.
    const uri = vscode.Uri.parse(`symphony-pod:/${podId}/apps/salesforce-connector.json`);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.getText(), /"appId": "salesforce-connector"/);
    assert.equal(document.uri.toString(), `symphony-pod:/${podId}/apps/salesforce-connector.json`);
  });

  it('keeps the session token in SecretStorage and nowhere in globalState', async () => {
    const podId = added[0];
    const token = await api.secrets.get(podId, 'session');
    assert.ok(token, 'a session token is stored');
    const stored = JSON.stringify(api.globalState.keys().map((key) => api.globalState.get(key)));
    assert.ok(!stored.includes(token!), 'globalState holds no token');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('symphonyPodAdmin'));
    assert.ok(!settings.includes(token!), 'settings hold no token');
  });

  it('refuses a pod URL that is not https while the user types, before anything is saved', async () => {
    const before = api.store.list().length;
    const { prompts } = await answering(api, [input('Bad pod'), input('http://pod.example.com')], () => vscode.commands.executeCommand('symphonyPodAdmin.pods.add'));
    assert.match(prompts.rejectedInputs[0], /https/);
    assert.equal(api.store.list().length, before);
  });

  it('re-authenticates an RSA pod silently when its session expires', async () => {
    const podId = added[0];
    const certificates = await child(api, await podNode(api, podId), 'Certificates');
    emulator.control.expireSessions();
    emulator.control.clearRequests();
    api.tree.refresh(certificates);
    const { prompts } = await answering(api, [], async () => children(api, certificates));
    assert.equal(prompts.asked.length, 0, 'no prompt for an RSA pod');
    const paths = emulator.control.requests().map((r) => `${r.method} ${r.path} ${r.status}`);
    assert.ok(paths.some((p) => p.startsWith('POST /login/pubkey/authenticate 200')), paths.join('\n'));
    assert.ok((await children(api, certificates)).length > 0);
  });

  it('asks once for a new token when a pasted-token pod expires, however many requests fail', async () => {
    const token = await api.sessions.client(added[0]).session.getSessionInfo().then(() => api.secrets.get(added[0], 'session'));
    const { result: podId } = await answering(
      api,
      [input('Emulator token'), input(emulator.url), pickValue('sessionToken'), pickValue('system'), pickValue('development'), input(token!)],
      async () => {
        await vscode.commands.executeCommand('symphonyPodAdmin.pods.add');
        return api.store.list().find((p) => p.label === 'Emulator token')!.id;
      },
    );
    added.push(podId);
    assert.equal(api.sessions.state(podId), 'signedIn');
    const pod = await podNode(api, podId);
    const categories = await children(api, pod);
    // The expiry check a sign-in starts never prompts: it must not meet the expired token before the tree does.
    await backgroundReads(api);
    emulator.control.expireSessions();
    const { prompts } = await answering(api, [{ cancel: true }], () =>
      Promise.all(categories.filter((c) => label(c) !== 'Connections').map((c) => children(api, c))),
    );
    assert.equal(prompts.asked.filter((q) => q.includes('session token')).length, 1, prompts.asked.join('\n'));
    assert.equal(api.sessions.state(podId), 'needsSignIn');
    const afterCancel = await children(api, pod);
    assert.equal(label(afterCancel[0]), 'Sign in…');
  });

  it('shows an account without admin roles read-only lists and says which role is missing', async () => {
    const podId = await addRsaPod(api, emulator, 'Emulator plain user', 'user');
    added.push(podId);
    const certificates = await child(api, await podNode(api, podId), 'Certificates');
    const item = certificates.toTreeItem();
    assert.equal(item.contextValue, 'category.certificates.readonly');
    assert.match(String(item.description), /User Provisioning/);
    const [error] = await children(api, certificates);
    assert.match(label(error), /USER_PROVISIONING|SUPER_ADMINISTRATOR/);
  });

  it('switches the current pod and edits a pod; a new URL signs the pod out before any token is sent there', async () => {
    const [rsaPod, plainPod] = [added[0], added[added.length - 1]];
    await answering(api, [pickValue(plainPod)], () => vscode.commands.executeCommand('symphonyPodAdmin.pods.switch'));
    assert.equal(api.store.currentId, plainPod);
    const profile = api.store.get(plainPod)!;
    await answering(api, [input('Renamed plain user'), input('https://other-pod.example.com'), pickValue('rsa'), input(profile.username!), file(profile.privateKeyPath!), pickValue('system'), pickValue('development')], () =>
      vscode.commands.executeCommand('symphonyPodAdmin.pods.edit', api.tree.podNode(plainPod)),
    );
    assert.equal(api.store.get(plainPod)?.label, 'Renamed plain user');
    assert.equal(api.sessions.state(plainPod), 'signedOut');
    assert.equal(await api.secrets.get(plainPod, 'session'), undefined);
    await answering(api, [pickValue(rsaPod)], () => vscode.commands.executeCommand('symphonyPodAdmin.pods.switch'));
  });

  it('signs out and forgets every secret of the pod', async () => {
    const podId = added[0];
    await vscode.commands.executeCommand('symphonyPodAdmin.pods.signOut', api.tree.podNode(podId));
    assert.equal(api.sessions.state(podId), 'signedOut');
    for (const name of ['session', 'bearer', 'passphrase'] as const) assert.equal(await api.secrets.get(podId, name), undefined, name);
  });
});
