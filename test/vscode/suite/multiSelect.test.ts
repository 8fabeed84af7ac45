// Several items selected in the Pods tree, in the real VS Code against the emulator: a command run from the context
// menu gets (the clicked node, every selected node), as VS Code passes them with canSelectMany. One confirmation
// lists the items by name, one request per item goes out (a few at a time), the list refreshes once, and one message
// names what succeeded and what failed. A selection that cannot be acted on is refused before any request.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import { ContextValue } from '../../../src/tree/contextValues';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { addRsaPod, answering, child, children, contextValue, extensionApi, label, pickValue, podNode, removePod, startEmulator } from './helpers';
import { confirm, ScriptedPrompts } from './scriptedPrompts';

type Cert = TreeNode & { fingerPrint: string; displayName: string };
type App = TreeNode & { appId: string };
type Connection = TreeNode & { userId: number; displayName: string };

describe('Multi-select in the Pods tree', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;

  /** Runs a command as the context menu does on a selection: the first node clicked, all of them selected. */
  const onSelection = (command: string, nodes: TreeNode[], answers: Parameters<typeof answering>[1]) =>
    answering(api, answers, () => vscode.commands.executeCommand(`symphonyPodAdmin.${command}`, nodes[0], nodes));
  const requests = (path: string) => emulator.control.requests().filter((r) => r.path === path);
  const writes = () => emulator.control.requests().filter((r) => r.method !== 'GET');
  const certificatesNode = () => child(api, pod, 'Certificates');
  /** Certificates a bulk delete takes (not those the pod manages), as the tree shows them. */
  const deletable = async () => ((await children(api, await certificatesNode())) as Cert[])
    .filter((n) => contextValue(n) === ContextValue.certificate && !emulator.control.state.certs.get(n.fingerPrint)?.podManaged);

  /** Counts the change events of one tree node while `action` runs (the view reloads a node on each). */
  async function refreshesOf<T>(node: TreeNode, action: () => Promise<T>): Promise<{ result: T; refreshes: number }> {
    let refreshes = 0;
    const listener = api.tree.onDidChangeTreeData((changed) => changed === node && refreshes++);
    try {
      return { result: await action(), refreshes };
    } finally {
      listener.dispose();
    }
  }

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Multi-select pod');
    pod = await podNode(api, podId);
  });
  after(async () => {
    await removePod(api, podId);
    await emulator.close();
  });
  beforeEach(() => emulator.control.clearRequests());

  it('deletes several certificates after one confirmation that lists them by name, one request each, and refreshes the list once', async () => {
    const selected = (await deletable()).slice(0, 3);
    const list = await certificatesNode();
    emulator.control.clearRequests();
    const { result: { prompts }, refreshes } = await refreshesOf(list, () => onSelection('certs.delete', selected, [confirm()]));
    assert.deepEqual(prompts.errors, []);
    assert.equal(prompts.confirmations.length, 1, 'one confirmation');
    const [asked] = prompts.confirmations;
    assert.match(asked.message, /^Delete 3 certificates on Multi-select pod \(development\)\?/);
    for (const cert of selected) assert.ok(asked.detail.includes(cert.displayName), `the confirmation lists ${cert.displayName}`);
    assert.equal(requests('/pod/v1/companycert/delete').length, 3, 'one delete per certificate');
    for (const cert of selected) assert.ok(!emulator.control.state.certs.has(cert.fingerPrint), `${cert.displayName} is gone`);
    assert.equal(refreshes, 1, 'the list refreshed once, at the end');
    assert.equal(prompts.infos.length, 1);
    for (const cert of selected) assert.ok(prompts.infos[0].includes(cert.displayName), `the result names ${cert.displayName}: ${prompts.infos[0]}`);
  });

  it('names what succeeded and what failed, with the pod\'s reason, when a certificate was deleted by someone else meanwhile', async () => {
    const selected = (await deletable()).slice(0, 3);
    const [gone, ...kept] = selected;
    emulator.control.state.certs.delete(gone.fingerPrint);
    emulator.control.clearRequests();
    const { prompts } = await onSelection('certs.delete', selected, [confirm()]);
    assert.equal(requests('/pod/v1/companycert/delete').length, 3, 'every certificate was asked for');
    assert.equal(prompts.errors.length, 1, 'one message');
    const [message] = prompts.errors;
    assert.match(message, /^Deleted 2 of 3 certificates/);
    for (const cert of kept) assert.ok(message.includes(cert.displayName), `names the deleted ${cert.displayName}: ${message}`);
    assert.match(message, new RegExp(`1 failed\\. ${gone.displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+`), 'names the failure with the reason');
    assert.deepEqual(prompts.offered.at(-1), ['Show Log']);
    assert.ok(api.logLines().some((line) => line.includes(gone.displayName) && line.includes('failed')), 'the failure is in the log');
  });

  it('waits out a throttled delete (429 + Retry-After, not processed) and sends that one delete again', async () => {
    const selected = (await deletable()).slice(0, 2);
    emulator.control.clearRequests();
    emulator.control.injectFault({ status: 429, retryAfterSeconds: 1, pathPrefix: '/pod/v1/companycert/delete', count: 1 });
    const { prompts } = await onSelection('certs.delete', selected, [confirm()]);
    assert.deepEqual(prompts.errors, []);
    assert.deepEqual(requests('/pod/v1/companycert/delete').map((r) => r.status).sort(), [200, 200, 429]);
    for (const cert of selected) assert.ok(!emulator.control.state.certs.has(cert.fingerPrint));
    assert.match(prompts.infos[0], /^Deleted 2 certificates/);
  });

  it('refuses a bulk delete that holds the pod-managed certificate, deleting nothing', async () => {
    const all = (await children(api, await certificatesNode())) as Cert[];
    const selected = [all.find((n) => label(n) === 'Pod certificate')!, ...(await deletable()).slice(0, 2)];
    emulator.control.clearRequests();
    const { prompts } = await onSelection('certs.delete', selected, []);
    assert.equal(prompts.confirmations.length, 0, 'nothing is confirmed');
    assert.equal(writes().length, 0, 'nothing is sent');
    assert.match(prompts.errors[0], /^"Pod certificate" is the pod's own certificate \(pod-managed\) and is never deleted with others\. Nothing was deleted/);
  });

  it('refuses a mixed selection and a selection across pods, sending nothing', async () => {
    const [cert] = await deletable();
    const app = (await children(api, await child(api, pod, 'Applications')))[0];
    const mixed = await onSelection('certs.delete', [cert, app], []);
    assert.match(mixed.prompts.errors[0], /acts on certificates only, and the selection also holds ".+"\. Select certificates only; nothing was changed/);

    const otherId = await addRsaPod(api, emulator, 'Second pod', 'user');
    try {
      await podNode(api, otherId);
      const elsewhere = Object.assign(Object.create(Object.getPrototypeOf(cert)), cert, { parent: api.tree.podNode(otherId)!.certificates }) as TreeNode;
      emulator.control.clearRequests();
      const acrossPods = await onSelection('certs.delete', [cert, elsewhere], []);
      assert.match(acrossPods.prompts.errors[0], /items of 2 pods \(Multi-select pod and Second pod\)\. Select the items of one pod/);
      assert.equal(emulator.control.requests().length, 0, 'not even a read');
    } finally {
      await removePod(api, otherId);
    }
  });

  it('refuses a selection of several for a command that acts on one item', async () => {
    const selected = (await deletable()).slice(0, 2);
    emulator.control.clearRequests();
    const { prompts } = await onSelection('certs.update', selected, []);
    assert.match(prompts.errors[0], /acts on one item and 2 are selected/);
    assert.equal(emulator.control.requests().length, 0);
  });

  it('changes the status of several certificates with one pick and one confirmation', async () => {
    const selected = (await deletable()).slice(0, 3);
    emulator.control.clearRequests();
    const { prompts } = await onSelection('certs.setStatus', selected, [pickValue('DISABLED'), confirm()]);
    assert.deepEqual(prompts.errors, []);
    assert.equal(prompts.confirmations.length, 1);
    assert.match(prompts.confirmations[0].message, /^Set the status of 3 certificates to DISABLED on Multi-select pod \(development\)\?/);
    for (const cert of selected) assert.ok(prompts.confirmations[0].detail.includes(cert.displayName));
    assert.equal(writes().length, 3);
    for (const cert of selected) assert.equal(emulator.control.state.certs.get(cert.fingerPrint)?.attributes.status.type, 'DISABLED');
  });

  it('turns one entitlement setting on for several applications, leaving their other settings as they were', async () => {
    const apps = (await children(api, await child(api, pod, 'Applications'))).filter((n) => contextValue(n) === ContextValue.application).slice(0, 3) as App[];
    const entitlement = (appId: string) => ({ ...emulator.control.state.apps.get(appId)!.entitlement });
    const before = new Map(apps.map((a) => [a.appId, entitlement(a.appId)]));
    const installForEveryone = { pick: (item: { value: unknown }) => (item.value as { setting: { value: string }; on: boolean }).setting.value === 'install' && (item.value as { on: boolean }).on };
    emulator.control.clearRequests();
    const { prompts } = await onSelection('apps.toggleEntitlement', apps, [installForEveryone, confirm()]);
    assert.deepEqual(prompts.errors, []);
    assert.equal(prompts.confirmations.length, 1);
    assert.match(prompts.confirmations[0].message, /^Install for everyone: 3 applications on Multi-select pod \(development\)\?/);
    assert.equal(writes().length, 3, 'one update per application');
    for (const app of apps) {
      const was = before.get(app.appId)!;
      assert.deepEqual(entitlement(app.appId), { enable: was.enable, listed: was.listed, install: true }, `${app.appId}: installed, the rest as it was`);
    }
  });

  it('accepts several incoming requests after one confirmation that names the people', async () => {
    const incomingNode = await child(api, await child(api, pod, 'Connections'), 'Incoming requests');
    const requestsShown = (await children(api, incomingNode)).filter((n) => contextValue(n) === ContextValue.connectionIncoming) as Connection[];
    assert.ok(requestsShown.length >= 2, 'the emulator seeds several incoming requests');
    const selected = requestsShown.slice(0, 2);
    emulator.control.clearRequests();
    const { prompts } = await onSelection('connections.accept', selected, [confirm()]);
    assert.deepEqual(prompts.errors, []);
    assert.equal(prompts.confirmations.length, 1);
    for (const r of selected) {
      assert.doesNotMatch(r.displayName, /^User /, 'the person has a name');
      assert.ok(prompts.confirmations[0].detail.includes(r.displayName), `the confirmation names ${r.displayName}`);
    }
    assert.equal(requests('/pod/v1/connection/accept').length, 2);
    assert.match(prompts.infos[0], /^Accepted 2 connection requests/);
  });

  it('rejects nothing when a selection of requests is declined', async () => {
    const incomingNode = await child(api, await child(api, pod, 'Connections'), 'Incoming requests');
    const selected = (await children(api, incomingNode)).filter((n) => contextValue(n) === ContextValue.connectionIncoming);
    emulator.control.clearRequests();
    const prompts = new ScriptedPrompts([confirm(false)], api.cancelled);
    await onSelection('connections.reject', selected, prompts);
    assert.equal(prompts.confirmations.length, 1);
    assert.equal(writes().length, 0);
  });
});
