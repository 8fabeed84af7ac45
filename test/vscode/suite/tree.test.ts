// The Pods tree against the emulator: every category's contents, paging with "Load more…", the filter,
// an error node with Retry, and the context values that package.json menus rely on (both directions).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import { ContextValue, contextValuesWithoutMenus } from '../../../src/tree/contextValues';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { addRsaPod, answering, child, children, contextValue, extensionApi, input, label, podNode, removePod, startEmulator } from './helpers';

describe('Pods tree', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator({ scale: { certs: 25, groups: 12 } });
    podId = await addRsaPod(api, emulator, 'Tree pod');
    pod = await podNode(api, podId);
    await vscode.workspace.getConfiguration('symphonyPodAdmin').update('tree.pageSize', 10, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('symphonyPodAdmin').update('tree.pageSize', undefined, vscode.ConfigurationTarget.Global);
    await removePod(api, podId);
    await emulator.close();
  });

  it('loads certificates a page at a time: one request for the first page, "Load more…" for the next', async () => {
    const certificates = await child(api, pod, 'Certificates');
    api.tree.refresh(certificates);
    emulator.control.clearRequests();
    const first = await children(api, certificates);
    const listRequests = emulator.control.requests().filter((r) => r.path === '/pod/v1/companycert/list');
    assert.equal(listRequests.length, 1);
    assert.equal(first.length, 11, 'ten certificates and "Load more…"');
    assert.equal(contextValue(first[10]), ContextValue.loadMore);
    await vscode.commands.executeCommand('symphonyPodAdmin.tree.loadMore', certificates);
    const second = await children(api, certificates);
    assert.equal(second.filter((n) => contextValue(n)?.startsWith(ContextValue.certificate)).length, 20);
    assert.match(String(first[0].toTreeItem().description), /·/, 'descriptions carry common name · type · status · expiry');
  });

  it('marks expired certificates with an error icon and expiring ones with a warning', async () => {
    const certificates = await child(api, pod, 'Certificates');
    let all = await children(api, certificates);
    while (contextValue(all[all.length - 1]) === ContextValue.loadMore) {
      await vscode.commands.executeCommand('symphonyPodAdmin.tree.loadMore', certificates);
      all = await children(api, certificates);
    }
    const icons = all.map((n) => (n.toTreeItem().iconPath as vscode.ThemeIcon | undefined)?.id);
    assert.ok(icons.includes('error'), 'an expired certificate is shown');
    assert.ok(icons.includes('warning'), 'an expiring certificate is shown');
  });

  it('filters a list and shows the active filter in a header node with a clear action', async () => {
    const certificates = await child(api, pod, 'Certificates');
    await answering(api, [input('Issuing CA')], () => vscode.commands.executeCommand('symphonyPodAdmin.tree.filter', certificates));
    const filtered = await children(api, certificates);
    assert.equal(contextValue(filtered[0]), ContextValue.filterHeader);
    assert.match(label(filtered[0]), /Issuing CA/);
    assert.ok(filtered.slice(1).every((n) => /issuing ca/i.test(`${label(n)} ${n.toTreeItem().description}`)));
    await vscode.commands.executeCommand('symphonyPodAdmin.tree.clearFilter', filtered[0]);
    assert.notEqual(contextValue((await children(api, certificates))[0]), ContextValue.filterHeader);
  });

  it('lists applications, connections by status, group types, groups and members', async () => {
    const apps = await children(api, await child(api, pod, 'Applications'));
    assert.ok(apps.length > 0 && apps.every((n) => contextValue(n) === ContextValue.application));
    const connections = await child(api, pod, 'Connections');
    const statuses = await children(api, connections);
    assert.deepEqual(statuses.map(label), ['Incoming requests', 'Outgoing requests', 'Accepted', 'Rejected']);
    const incoming = await children(api, statuses[0]);
    assert.ok(incoming.length > 0 && incoming.every((n) => contextValue(n) === ContextValue.connectionIncoming));
    const types = await children(api, await child(api, pod, 'Groups'));
    const groups = await children(api, types[0]);
    assert.ok(groups.some((n) => contextValue(n) === ContextValue.groupActive));
    assert.ok(groups.some((n) => contextValue(n) === ContextValue.groupDeleted));
    const withMembers = groups.find((n) => n.toTreeItem().collapsibleState !== vscode.TreeItemCollapsibleState.None)!;
    assert.equal(contextValue((await children(api, withMembers))[0]), ContextValue.groupMember);
  });

  it('shows an error node with Retry instead of an empty list, and Retry recovers', async () => {
    const apps = await child(api, pod, 'Applications');
    api.tree.refresh(apps);
    emulator.control.injectFault({ status: 500, pathPrefix: '/pod/v1/admin/app/entitlement/list', count: 1 });
    const failed = await children(api, apps);
    assert.equal(failed.length, 1);
    assert.equal(contextValue(failed[0]), ContextValue.error);
    const retry = failed[0].toTreeItem().command!;
    await vscode.commands.executeCommand(retry.command, ...(retry.arguments ?? []));
    assert.ok((await children(api, apps)).every((n) => contextValue(n) === ContextValue.application));
  });

  it('produces only context values that package.json menus use, and the menus use only values the tree produces', () => {
    const manifest = vscode.extensions.getExtension('symphony-pod-admin.symphony-pod-admin')!.packageJSON;
    const clauses: string[] = [];
    for (const entries of Object.values(manifest.contributes.menus) as { when?: string }[][]) {
      // The Activity view's entries have context values of their own (src/activity/vscode/activityView.ts).
      for (const entry of entries.filter((e) => !e.when?.includes('view == symphonyPodAdmin.activity'))) clauses.push(...(entry.when?.match(/viewItem (==|=~) (\/(?:[^/\\]|\\.)+\/|[\w.]+)/g) ?? []));
    }
    const matchers = clauses.map((clause) => {
      const [, op, operand] = /viewItem (==|=~) (.+)/.exec(clause)!;
      return { clause, test: op === '==' ? (v: string) => v === operand : (v: string) => new RegExp(operand.slice(1, -1)).test(v) };
    });
    const values = Object.values(ContextValue) as string[];
    for (const matcher of matchers) assert.ok(values.some(matcher.test), `"${matcher.clause}" matches no context value the tree produces`);
    for (const value of values.filter((v) => !(contextValuesWithoutMenus as readonly string[]).includes(v))) {
      assert.ok(matchers.some((m) => m.test(value)), `context value "${value}" has no menu`);
    }
  });
});
