// After a create the new item is revealed and selected in the Pods tree, even beyond the loaded pages and without
// paging to it, and the message offers Open Details; "Open in Admin Portal" opens the pod's documented portal address.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import { ContextValue } from '../../../src/tree/contextValues';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { makeTestCertificate } from '../../../src/podEmulator/x509';
import { addRsaPod, answering, child, children, contextValue, extensionApi, file, input, label, pickValue, podNode, removePod, startEmulator } from './helpers';
import { confirm, ScriptedPrompts } from './scriptedPrompts';

describe('Reveal after create, and Open in Admin Portal', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;
  let dir: string;

  const listReads = () => emulator.control.requests().filter((r) => r.method === 'GET' && r.path === '/pod/v1/companycert/list');

  /** The node selected in the view once VS Code has told the extension host (it does so with an event). */
  async function selectedOnceSettled(expected: string): Promise<TreeNode | undefined> {
    const view = api.tree.treeView!;
    const isExpected = () => view.selection.length === 1 && label(view.selection[0]) === expected;
    if (!isExpected()) {
      await new Promise<void>((resolve) => {
        const listener = view.onDidChangeSelection(() => isExpected() && (listener.dispose(), resolve()));
      });
    }
    return view.selection[0];
  }

  /** Resolves when a detail panel opens (a webview tab appears). */
  function panelOpened(): Promise<void> {
    return new Promise((resolve) => {
      const listener = vscode.window.tabGroups.onDidChangeTabs((e) => {
        if (e.opened.some((tab) => tab.input instanceof vscode.TabInputWebview)) {
          listener.dispose();
          resolve();
        }
      });
    });
  }

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Reveal pod');
    pod = await podNode(api, podId);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-reveal-'));
  });
  after(async () => {
    for (const key of api.panels.openKeys()) api.panels.close(key);
    await removePod(api, podId);
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.control.clearRequests());

  it('reveals and selects a new certificate that lies beyond the loaded page, reading only the first page, and Open Details opens it', async () => {
    await vscode.workspace.getConfiguration('symphonyPodAdmin').update('tree.pageSize', 5, vscode.ConfigurationTarget.Global);
    try {
      const certificates = await child(api, pod, 'Certificates');
      const pem = path.join(dir, 'new.pem');
      fs.writeFileSync(pem, makeTestCertificate({ commonName: 'svc-revealed', notAfter: new Date(Date.now() + 300 * 86400_000) }).pem);
      const prompts = new ScriptedPrompts([file(pem), input('Revealed bot'), pickValue('USER'), pickValue('TRUSTED'), confirm()], api.cancelled);
      prompts.chooseAction = (_message, actions) => (actions.includes('Open Details') ? 'Open Details' : undefined);
      emulator.control.clearRequests();
      const opened = panelOpened();
      await answering(api, prompts, () => vscode.commands.executeCommand('symphonyPodAdmin.certs.create', certificates));
      assert.deepEqual(prompts.errors, []);
      assert.ok(emulator.control.state.certs.size > 5, 'the new certificate is beyond the first page of 5');
      assert.equal(listReads().length, 1, 'only the first page was read, no paging to the new item');
      const selected = await selectedOnceSettled('Revealed bot');
      assert.equal(selected?.parent, certificates, 'the new certificate is selected in its list');
      assert.ok((await children(api, certificates)).some((n) => label(n) === 'Revealed bot'));
      assert.deepEqual(prompts.offered.at(-1), ['Open Details']);
      assert.match(prompts.infos.at(-1)!, /Added the certificate Revealed bot/);
      await opened;
      assert.ok(api.panels.openKeys().some((key) => key.includes('certificate')), `the certificate's panel is open: ${api.panels.openKeys().join(', ')}`);
      const more = (await children(api, certificates)).find((n) => contextValue(n) === ContextValue.loadMore)!;
      await vscode.commands.executeCommand('symphonyPodAdmin.tree.loadMore', more.parent);
      while ((await children(api, certificates)).some((n) => contextValue(n) === ContextValue.loadMore)) {
        await vscode.commands.executeCommand('symphonyPodAdmin.tree.loadMore', certificates);
      }
      assert.equal((await children(api, certificates)).filter((n) => label(n) === 'Revealed bot').length, 1, 'listed once when its page loads');
    } finally {
      await vscode.workspace.getConfiguration('symphonyPodAdmin').update('tree.pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('reveals a new application after Create Application', async () => {
    const applications = await child(api, pod, 'Applications');
    const { prompts } = await answering(api, [input('revealed-app'), input('Revealed App'), input('https://apps.example.com/revealed'), input('Acme'), pickValue('none')],
      () => vscode.commands.executeCommand('symphonyPodAdmin.apps.create', applications));
    assert.deepEqual(prompts.errors, []);
    const selected = await selectedOnceSettled('Revealed App');
    assert.equal(selected?.parent, applications);
    assert.deepEqual(prompts.offered.at(-1), ['Open Details']);
  });

  it('reveals a new group in its type after Create Group', async () => {
    const groupType = (await children(api, await child(api, pod, 'Groups')))[0] as TreeNode & { loadedItems: Array<{ ownerId: number }> };
    await children(api, groupType);
    const { prompts } = await answering(api, [input('Revealed group'), input(String(groupType.loadedItems[0].ownerId)), input('Revealed group')],
      () => vscode.commands.executeCommand('symphonyPodAdmin.groups.create', groupType));
    assert.deepEqual(prompts.errors, []);
    const selected = await selectedOnceSettled('Revealed group');
    assert.equal(selected?.parent, groupType);
    assert.deepEqual(prompts.offered.at(-1), ['Open Details']);
  });

  it('reveals the request after Send Connection Request, and offers its info', async () => {
    const target = { id: 18799999999077, username: 'rhea.revealed', displayName: 'Rhea Revealed', company: 'Other Bank', podId: 199, internal: false };
    emulator.control.state.directory.set(target.id, target);
    const { prompts } = await answering(api, [input(String(target.id))], () => vscode.commands.executeCommand('symphonyPodAdmin.connections.create', pod));
    assert.deepEqual(prompts.errors, []);
    const selected = await selectedOnceSettled('Rhea Revealed');
    assert.equal(label(selected!.parent!), 'Outgoing requests');
    assert.deepEqual(prompts.offered.at(-1), ['Show Connection Info']);
  });

  it("opens the pod's admin portal for a certificate and an application, with the id on the clipboard", async () => {
    const cert = (await children(api, await child(api, pod, 'Certificates')))[0] as TreeNode & { fingerPrint: string };
    const app = (await children(api, await child(api, pod, 'Applications')))[0] as TreeNode & { appId: string };
    const portal = `${new URL(emulator.url).origin}/?admin`;
    const forCert = await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.certs.openInAdminPortal', cert));
    assert.deepEqual(forCert.prompts.opened, [portal]);
    assert.equal(await vscode.env.clipboard.readText(), cert.fingerPrint);
    assert.match(forCert.prompts.infos[0], /Manage Certificates/);
    const forApp = await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.apps.openInAdminPortal', app));
    assert.deepEqual(forApp.prompts.opened, [portal]);
    assert.equal(await vscode.env.clipboard.readText(), app.appId);
    assert.match(forApp.prompts.infos[0], /App Management/);
    assert.equal(emulator.control.requests().length, 0, 'opening the portal asks the pod nothing');
  });
});
