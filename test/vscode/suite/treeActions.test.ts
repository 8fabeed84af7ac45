// What the Pods tree does with a click and the keyboard, in the real VS Code against the emulator: a click (or
// Enter, which runs the same TreeItem command) opens an item's detail view for what opening it cost before, Delete
// asks to delete the selected item, refresh and filter have keys while the view has focus, copy actions put the id
// or the item's JSON on the clipboard, and the pod-managed certificate is marked and not deleted by accident.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import { ContextValue } from '../../../src/tree/contextValues';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { addRsaPod, answering, backgroundReads, child, children, contextValue, extensionApi, extensionId, input, label, podNode, removePod, startEmulator } from './helpers';
import { itemCommands } from '../../../src/commands/itemPicker';
import { confirm, pickLabel } from './scriptedPrompts';

interface Keybinding { command: string; key: string; mac?: string; when?: string }
interface MenuEntry { command: string; when?: string }

describe('Pods tree actions', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;

  const deletes = () => emulator.control.requests().filter((r) => r.path === '/pod/v1/companycert/delete');
  const contributes = () => vscode.extensions.getExtension(extensionId)!.packageJSON.contributes as { keybindings: Keybinding[]; menus: Record<string, MenuEntry[]> };
  const certificates = async () => children(api, await child(api, pod, 'Certificates'));
  const podCertificate = async () => (await certificates()).find((n) => label(n) === 'Pod certificate')!;

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Tree actions pod');
    await api.store.setCurrent(podId);
    pod = await podNode(api, podId);
  });
  after(async () => {
    for (const key of api.panels.openKeys()) api.panels.close(key);
    await removePod(api, podId);
    await emulator.close();
  });

  /** Runs a node's TreeItem command, as a click or Enter does. */
  async function click(node: TreeNode): Promise<unknown> {
    const command = node.toTreeItem().command;
    assert.ok(command, `${label(node)} has no click command`);
    return vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  }

  /** Waits for the load the panel's webview asks for, so its request does not land in the next step's count. */
  async function loaded(key: string): Promise<void> {
    while (!api.panels.postedMessages(key).some((m) => m.type === 'load')) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  it('opens the detail view of a certificate, an application and a group on click, at the cost of Open Details', async () => {
    const cert = (await certificates())[0];
    const app = (await children(api, await child(api, pod, 'Applications')))[0];
    const groupType = (await children(api, await child(api, pod, 'Groups')))[0];
    const group = (await children(api, groupType))[0];
    for (const [node, open] of [[cert, 'certs.open'], [app, 'apps.open'], [group, 'groups.open']] as const) {
      assert.equal(node.toTreeItem().command?.command, `symphonyPodAdmin.${open}`, `a click on ${label(node)} runs Open Details`);
      emulator.control.clearRequests();
      const key = (await click(node)) as string;
      assert.ok(api.panels.openKeys().includes(key), `the panel of ${label(node)} is open`);
      await loaded(key);
      const byClick = emulator.control.requests().length;
      api.panels.close(key);
      emulator.control.clearRequests();
      const again = (await vscode.commands.executeCommand(`symphonyPodAdmin.${open}`, node)) as string;
      await loaded(again);
      assert.equal(byClick, emulator.control.requests().length, `a click on ${label(node)} costs what Open Details costs`);
      api.panels.close(again);
    }
  });

  it('shows the info of a connection on click', async () => {
    const incoming = await children(api, await child(api, await child(api, pod, 'Connections'), 'Incoming requests'));
    const { prompts } = await answering(api, [], () => click(incoming[0]));
    assert.equal(prompts.shown.length, 1);
    assert.match(prompts.shown[0].message, new RegExp(`^${label(incoming[0])}: pending incoming`));
  });

  it('contributes Delete, refresh and filter keys that act only while the Pods view has focus', () => {
    const keys = contributes().keybindings;
    for (const [command, key] of [['symphonyPodAdmin.tree.delete', 'delete'], ['symphonyPodAdmin.tree.refreshNode', 'f5'], ['symphonyPodAdmin.tree.filter', 'ctrl+f']]) {
      const binding = keys.find((k) => k.command === command);
      assert.ok(binding, `${command} has a key`);
      assert.equal(binding.key, key);
      assert.match(binding.when ?? '', /focusedView == symphonyPodAdmin\.pods/);
      assert.match(binding.when ?? '', /!inputFocus/);
    }
  });

  it('Delete asks to delete the item selected in the view, naming it, and deletes nothing when declined', async () => {
    const cert = (await certificates()).find((n) => contextValue(n) === ContextValue.certificate)!;
    await api.tree.treeView!.reveal(cert, { select: true, focus: true });
    emulator.control.clearRequests();
    const { prompts } = await answering(api, [confirm(false)], () => vscode.commands.executeCommand('symphonyPodAdmin.tree.delete'));
    assert.equal(prompts.asked.length, 1);
    assert.ok(prompts.asked[0].includes(label(cert)), `the confirmation names ${label(cert)}: ${prompts.asked[0]}`);
    assert.equal(deletes().length, 0);
  });

  it('filters the list of the selected item with the filter key', async () => {
    const list = await child(api, pod, 'Applications');
    const app = (await children(api, list))[0];
    await api.tree.treeView!.reveal(app, { select: true, focus: true });
    await answering(api, [input(label(app))], () => vscode.commands.executeCommand('symphonyPodAdmin.tree.filter'));
    const filtered = await children(api, list);
    assert.equal(contextValue(filtered[0]), ContextValue.filterHeader);
    await vscode.commands.executeCommand('symphonyPodAdmin.tree.clearFilter', filtered[0]);
  });

  it('copies the id and the JSON of an item, and the fingerprint of a certificate', async () => {
    const app = (await children(api, await child(api, pod, 'Applications')))[0] as TreeNode & { appId: string; item: unknown };
    await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.tree.copyId', app));
    assert.equal(await vscode.env.clipboard.readText(), app.appId);
    await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.tree.copyJson', app));
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), app.item);
    const group = (await children(api, (await children(api, await child(api, pod, 'Groups')))[0]))[0] as TreeNode & { groupId: string };
    await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.tree.copyId', group));
    assert.equal(await vscode.env.clipboard.readText(), group.groupId);
    const cert = (await certificates())[0] as TreeNode & { fingerPrint: string };
    await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.tree.copyId', cert));
    assert.equal(await vscode.env.clipboard.readText(), cert.fingerPrint);
    await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.certs.copyFingerprint', cert));
    assert.equal(await vscode.env.clipboard.readText(), cert.fingerPrint);
  });

  it('marks the pod\'s own certificate as pod-managed, from the expiry check\'s read, and offers no Delete for it in the menu', async () => {
    // Sign-in ran the expiry check, which reads podmanaged/list beside the certificate list; expanding
    // Certificates stays one request (the bench's goal) and still shows the mark.
    // A detail panel left open by an earlier test reloads when its list refreshes: close it, so only the tree reads.
    for (const key of api.panels.openKeys()) api.panels.close(key);
    await backgroundReads(api);
    api.tree.refreshCategory(podId, 'certificates');
    emulator.control.clearRequests();
    const podCert = await podCertificate();
    assert.deepEqual(emulator.control.requests().map((r) => r.path), ['/pod/v1/companycert/list']);
    assert.equal(contextValue(podCert), ContextValue.certificatePodManaged);
    assert.match(String(podCert.toTreeItem().description), /pod-managed/);
    const other = (await certificates()).find((n) => label(n) !== 'Pod certificate' && (contextValue(n) ?? '').startsWith('certificate'))!;
    assert.equal(contextValue(other), ContextValue.certificate, 'the other certificates are not marked');
    const deleteMenus = contributes().menus['view/item/context'].filter((m) => m.command === 'symphonyPodAdmin.certs.delete');
    for (const menu of deleteMenus) {
      const [, op, operand] = /viewItem (==|=~) (\S+)/.exec(menu.when ?? '')!;
      const matches = op === '==' ? operand === ContextValue.certificatePodManaged : new RegExp(operand.slice(1, operand.lastIndexOf('/'))).test(ContextValue.certificatePodManaged);
      assert.ok(!matches, `the Delete menu (${menu.when}) is not offered on the pod-managed certificate`);
    }
  });

  it('deletes the pod-managed certificate only after its name is typed, then the modal confirmation', async () => {
    const podCert = await podCertificate();
    emulator.control.clearRequests();
    const wrong = await answering(api, [input('Pod cert')], () => vscode.commands.executeCommand('symphonyPodAdmin.certs.delete', podCert));
    assert.equal(wrong.prompts.rejectedInputs.length, 1, 'a wrong name is refused');
    const declined = await answering(api, [input('Pod certificate'), confirm(false)], () => vscode.commands.executeCommand('symphonyPodAdmin.tree.delete', podCert));
    assert.match(declined.prompts.asked[1], /Pod certificate/);
    assert.equal(deletes().length, 0, 'nothing deleted');
  });

  it('asks the pod before deleting a certificate the tree has not marked, and guards it when the pod manages it', async () => {
    const podCert = await podCertificate();
    await backgroundReads(api);
    api.expiry.radar.forget(podId); // what the expiry check read is gone (as after a sign-out): the tree no longer knows
    assert.notEqual(contextValue(podCert), ContextValue.certificatePodManaged);
    emulator.control.clearRequests();
    const { prompts } = await answering(api, [input('no')], () => vscode.commands.executeCommand('symphonyPodAdmin.certs.delete', podCert));
    assert.ok(emulator.control.requests().some((r) => r.path === '/pod/v1/companycert/podmanaged/list'), 'the delete asked the pod');
    assert.match(prompts.asked[0], /^input: .*Type its name/);
    assert.equal(deletes().length, 0);
    assert.equal(contextValue(podCert), ContextValue.certificatePodManaged, 'and the tree now marks it');
  });

  it('offers every item command in the command palette, where it asks which item instead of "select it in the tree"', () => {
    const palette = contributes().menus.commandPalette;
    for (const command of Object.keys(itemCommands)) {
      const entry = palette.find((m) => m.command === command);
      assert.equal(entry?.when, 'symphonyPodAdmin.hasSignedInPod', `${command} is in the palette once a pod is signed in`);
    }
  });

  it('from the palette, picks a certificate from a paged list and acts on it', async () => {
    const sixth = (await certificates()).filter((n) => contextValue(n)?.startsWith(ContextValue.certificate))[5] as TreeNode & { fingerPrint: string };
    await vscode.workspace.getConfiguration('symphonyPodAdmin').update('tree.pageSize', 5, vscode.ConfigurationTarget.Global);
    try {
      const { prompts } = await answering(api, [pickLabel(/Load more/), pickLabel(label(sixth))], () => vscode.commands.executeCommand('symphonyPodAdmin.certs.copyFingerprint'));
      assert.deepEqual(prompts.errors, []);
      assert.match(prompts.asked[0], /Which certificate of Tree actions pod/);
      assert.equal(await vscode.env.clipboard.readText(), sixth.fingerPrint);
    } finally {
      await vscode.workspace.getConfiguration('symphonyPodAdmin').update('tree.pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('from the palette, searches the whole list and deletes the picked certificate after the modal confirmation', async () => {
    const target = (await certificates()).filter((n) => contextValue(n) === ContextValue.certificate).at(-1)! as TreeNode & { fingerPrint: string };
    await vscode.workspace.getConfiguration('symphonyPodAdmin').update('tree.pageSize', 3, vscode.ConfigurationTarget.Global);
    try {
      emulator.control.clearRequests();
      const { prompts } = await answering(api, [pickLabel(/Search all/), input(target.fingerPrint.slice(0, 12)), pickLabel(label(target)), confirm(true)], () =>
        vscode.commands.executeCommand('symphonyPodAdmin.certs.delete'));
      assert.deepEqual(prompts.errors, []);
      assert.ok(prompts.asked[3].includes(label(target)), `the confirmation names ${label(target)}`);
      assert.equal(deletes().length, 1, 'one delete, of the picked certificate');
    } finally {
      await vscode.workspace.getConfiguration('symphonyPodAdmin').update('tree.pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('from the palette, picks an application, a group and an incoming request for their commands', async () => {
    const app = (await children(api, await child(api, pod, 'Applications')))[0] as TreeNode & { appId: string };
    const typed = await answering(api, [pickLabel(/Application/), pickLabel(label(app))], () => vscode.commands.executeCommand('symphonyPodAdmin.tree.copyId'));
    assert.deepEqual(typed.prompts.errors, []);
    assert.equal(await vscode.env.clipboard.readText(), app.appId);

    const panel = await answering(api, [pickLabel(/./), pickLabel(/./)], () => vscode.commands.executeCommand<string>('symphonyPodAdmin.groups.open'));
    assert.ok(api.panels.openKeys().includes(panel.result!), 'the picked group opens in its panel');
    await loaded(panel.result!);
    api.panels.close(panel.result!);

    const incoming = (await children(api, await child(api, await child(api, pod, 'Connections'), 'Incoming requests')))[0] as TreeNode & { userId: number };
    emulator.control.clearRequests();
    const rejected = await answering(api, [pickLabel(new RegExp(`\\b${incoming.userId}$`)), confirm(false)], () => vscode.commands.executeCommand('symphonyPodAdmin.connections.reject'));
    assert.match(rejected.prompts.asked[0], /Which incoming connection request/);
    assert.match(rejected.prompts.asked[1], /^confirm: Reject/);
    assert.equal(emulator.control.requests().filter((r) => r.method !== 'GET').length, 0, 'declined: nothing rejected');
  });
});
