// "Symphony: Try the Demo Pod" and "Stop Demo Pod" in the real VS Code, with the extension as built (its part
// dist/parts/demoPod.js): the emulator runs in the extension host on loopback, "Demo pod (local)" is added, signed in
// and shown; Stop removes it with its secrets and key files; a profile left by a crashed window is replaced.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import { answering, children, extensionApi, extensionId, label, podNode } from './helpers';

const DEMO = 'demo-local';

function refused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => { socket.destroy(); resolve(false); });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('Try the Demo Pod', () => {
  let api: SymphonyPodAdminApi;
  before(async () => { api = await extensionApi(); });
  after(async () => { await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.demo.stop')); });

  it('starts the demo pod on 127.0.0.1, adds "Demo pod (local)", signs in and shows its categories', async () => {
    const { prompts } = await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.demo.try'));
    assert.deepEqual(prompts.errors, []);
    const profile = api.store.get(DEMO)!;
    assert.equal(profile.label, 'Demo pod (local)');
    assert.match(profile.podUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(api.store.currentId, DEMO);
    assert.equal(api.sessions.state(DEMO), 'signedIn');
    assert.equal(api.sessions.user(DEMO)?.username, 'demo-admin');
    const categories = (await children(api, await podNode(api, DEMO))).map(label);
    assert.deepEqual(categories, ['Certificates', 'Applications', 'Connections', 'Groups', 'Service accounts', 'Users']);
    assert.ok((await children(api, (await children(api, await podNode(api, DEMO)))[0])).length > 0, 'the demo certificates are listed');
    assert.match(prompts.infos.join('\n'), /Demo pod \(local\) runs in this window at https:\/\/127\.0\.0\.1:\d+/);
  });

  it('keeps the demo key and the CA it trusts in the extension\'s global storage, not in the workspace', () => {
    const profile = api.store.get(DEMO)!;
    const globalStorage = api.storageUris[0].fsPath;
    for (const file of [profile.privateKeyPath!, profile.caBundlePath!]) {
      assert.ok(file.startsWith(globalStorage + path.sep), `${file} is under ${globalStorage}`);
      assert.ok(fs.existsSync(file), file);
      for (const folder of vscode.workspace.workspaceFolders ?? []) assert.ok(!file.startsWith(folder.uri.fsPath), `${file} is not in the workspace`);
    }
    assert.equal(fs.statSync(profile.privateKeyPath!).mode & 0o777, 0o600);
  });

  it('shows the same demo pod when tried again, without starting a second one', async () => {
    const url = api.store.get(DEMO)!.podUrl;
    const { prompts } = await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.demo.try'));
    assert.deepEqual(prompts.errors, []);
    assert.equal(api.store.get(DEMO)!.podUrl, url);
    assert.equal(api.store.list().filter((p) => p.label === 'Demo pod (local)').length, 1);
  });

  it('stops it with Stop Demo Pod: profile, secrets and key files gone, nothing listens any more', async () => {
    const profile = api.store.get(DEMO)!;
    assert.ok(await api.secrets.get(DEMO, 'session'), 'signed in: a session token is stored');
    const { prompts } = await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.demo.stop'));
    assert.deepEqual(prompts.errors, []);
    assert.deepEqual(prompts.infos, ['Demo pod (local) was stopped and removed.']);
    assert.equal(api.store.get(DEMO), undefined);
    assert.equal(await api.secrets.get(DEMO, 'session'), undefined);
    assert.ok(!fs.existsSync(profile.privateKeyPath!) && !fs.existsSync(profile.caBundlePath!), 'the key files are deleted');
    assert.ok(await refused(profile.podUrl), `nothing listens on ${profile.podUrl}`);
    const again = await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.demo.stop'));
    assert.deepEqual(again.prompts.infos, ['No demo pod is running in this window.']);
  });

  describe('closing the window (the extension\'s deactivate)', () => {
    /** The extension module as VS Code loaded it (Node's module cache), so deactivate sees what the commands did. */
    const extensionModule = () => require(path.join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'dist', 'extension.js')) as { deactivate(): Promise<void> | undefined };

    it('stops the demo pod and removes its profile, secrets and files', async () => {
      await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.demo.try'));
      const profile = api.store.get(DEMO)!;
      assert.equal(api.sessions.state(DEMO), 'signedIn');
      await extensionModule().deactivate();
      assert.ok(await refused(profile.podUrl), `nothing listens on ${profile.podUrl}`);
      assert.equal(api.store.get(DEMO), undefined);
      assert.equal(await api.secrets.get(DEMO, 'session'), undefined);
      assert.ok(!fs.existsSync(profile.privateKeyPath!), 'the key file is deleted');
    });

    it('leaves a "Demo pod (local)" that another window started since to that window', async () => {
      await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.demo.try'));
      const ours = api.store.get(DEMO)!;
      const theirs = { ...ours, podUrl: 'https://127.0.0.1:9' }; // profiles are in global state, shared by every window
      await api.store.save(theirs);
      await extensionModule().deactivate();
      assert.ok(await refused(ours.podUrl), 'this window\'s emulator is stopped');
      assert.equal(api.store.get(DEMO)?.podUrl, theirs.podUrl);
      assert.ok(fs.existsSync(ours.privateKeyPath!), 'the shared folder is left to the other window');
      await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.demo.stop'));
      assert.equal(api.store.get(DEMO), undefined);
    });
  });

  it('replaces a "Demo pod (local)" left behind by a window that crashed', async () => {
    const stale = { id: DEMO, label: 'Demo pod (local)', podUrl: 'https://127.0.0.1:9', authMethod: 'rsa' as const, username: 'demo-admin', privateKeyPath: path.join(api.storageUris[0].fsPath, 'demoPod', 'demo-admin-private-key.pem') };
    await api.store.save(stale);
    await api.secrets.store(DEMO, 'session', 'token-of-the-crashed-window');
    const { prompts } = await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.demo.try'));
    assert.deepEqual(prompts.errors, []);
    assert.notEqual(api.store.get(DEMO)!.podUrl, stale.podUrl);
    assert.notEqual(await api.secrets.get(DEMO, 'session'), 'token-of-the-crashed-window');
    assert.equal(api.sessions.state(DEMO), 'signedIn');
    assert.equal(api.store.list().filter((p) => p.label === 'Demo pod (local)').length, 1);
  });
});
