// Refresh, load more, the per-list filter, the keyboard's Delete, the copy actions and Open in Admin Portal of the
// Pods tree. Commands a keybinding runs (Delete, refresh, filter) get no node from VS Code: they act on the item (or
// items) selected in the view.
import * as vscode from 'vscode';
import { normalizePodUrl } from '../api';
import { ApplicationNode } from '../tree/appNodes';
import { CertificateNode } from '../tree/certNodes';
import { ConnectionNode } from '../tree/connectionNodes';
import { GroupNode } from '../tree/groupNodes';
import { PagedListNode } from '../tree/pagedListNode';
import { FilterHeaderNode, TreeNode } from '../tree/treeNode';
import { CommandContext, prompts, registerCommand, requireNode } from './commandContext';

export function registerTreeCommands(context: CommandContext): vscode.Disposable[] {
  const nodeOrSelected = (node?: TreeNode): TreeNode | undefined => (node instanceof TreeNode ? node : context.tree.selected);
  return [
    registerCommand(context, 'symphonyPodAdmin.tree.refresh', async () => context.tree.refresh()),
    registerCommand(context, 'symphonyPodAdmin.tree.refreshNode', async (node?: TreeNode) => context.tree.refresh(refreshTarget(nodeOrSelected(node)))),
    registerCommand(context, 'symphonyPodAdmin.tree.loadMore', async (node?: PagedListNode<unknown>) => context.tree.loadMore(requireNode(node, PagedListNode, vscode.l10n.t('a list')))),
    registerCommand(context, 'symphonyPodAdmin.tree.filter', async (node?: TreeNode) => {
      const list = requireNode(listOf(nodeOrSelected(node)), PagedListNode, vscode.l10n.t('a list')) as PagedListNode<unknown>;
      const filter = await prompts(context).input({
        title: vscode.l10n.t('Filter'),
        prompt: vscode.l10n.t('Show only items whose name, id or status contains this text (empty clears the filter)'),
        value: list.filter ?? '',
      });
      list.filter = filter.trim() || undefined;
      context.tree.repaint(list);
    }),
    registerCommand(context, 'symphonyPodAdmin.tree.clearFilter', async (node?: TreeNode) => {
      const header = requireNode(node, FilterHeaderNode, vscode.l10n.t('a filter'));
      const list = header.parent as PagedListNode<unknown>;
      list.filter = undefined;
      context.tree.repaint(list);
    }),
    registerCommand(context, 'symphonyPodAdmin.tree.delete', async (node?: TreeNode, nodes?: TreeNode[]) => {
      const target = nodeOrSelected(node);
      const command = target && deleteCommandFor(target);
      if (!command) throw new Error(vscode.l10n.t('Select a certificate, application, group or connection in the Pods tree to delete it.'));
      // The delete command gets the whole selection, as from a context menu, and refuses what it cannot delete.
      return vscode.commands.executeCommand(command, target, node instanceof TreeNode ? nodes : context.tree.selection);
    }),
    registerCommand(context, 'symphonyPodAdmin.tree.copyId', async (node?: TreeNode) => {
      const item = describeItem(requireItem(node));
      await vscode.env.clipboard.writeText(item.id);
      void prompts(context).info(copiedIdMessage(item));
    }),
    registerCommand(context, 'symphonyPodAdmin.tree.copyJson', async (node?: TreeNode) => {
      const item = describeItem(requireItem(node));
      await vscode.env.clipboard.writeText(JSON.stringify(item.json, null, 2));
      void prompts(context).info(vscode.l10n.t('Copied {0} as JSON.', item.name));
    }),
    registerCommand(context, 'symphonyPodAdmin.certs.openInAdminPortal', (node?: TreeNode) => openInAdminPortal(context, requireNode(node, CertificateNode, vscode.l10n.t('a certificate')))),
    registerCommand(context, 'symphonyPodAdmin.apps.openInAdminPortal', (node?: TreeNode) => openInAdminPortal(context, requireNode(node, ApplicationNode, vscode.l10n.t('an application')))),
    registerCommand(context, 'symphonyPodAdmin.showLog', async () => context.log.show()),
  ];
}

type ItemNode = CertificateNode | ApplicationNode | GroupNode | ConnectionNode;

function requireItem(node: TreeNode | undefined): ItemNode {
  if (node instanceof CertificateNode || node instanceof ApplicationNode || node instanceof GroupNode || node instanceof ConnectionNode) return node;
  throw new Error(vscode.l10n.t('Select a certificate, application, group or connection in the Pods tree, then run this command from its context menu.'));
}

/** Which id the pod knows an item by (the messages name it). */
type IdKind = 'fingerprint' | 'appId' | 'id' | 'userId';

/** What the copy actions copy: the id the pod knows the item by, and the item as the pod returned it. */
export function describeItem(node: ItemNode): { id: string; idKind: IdKind; name: string; json: unknown } {
  if (node instanceof CertificateNode) return { id: node.fingerPrint, idKind: 'fingerprint', name: node.displayName, json: node.item };
  if (node instanceof ApplicationNode) return { id: node.appId, idKind: 'appId', name: node.item.appName || node.appId, json: node.item };
  if (node instanceof GroupNode) return { id: node.groupId, idKind: 'id', name: node.item.name, json: node.item };
  return { id: String(node.item.userId), idKind: 'userId', name: vscode.l10n.t('user {0}', String(node.item.userId)), json: node.item };
}

/** Copy Id's message: one sentence per kind of id, so a translation can inflect it. */
function copiedIdMessage(item: { idKind: IdKind; name: string }): string {
  switch (item.idKind) {
    case 'fingerprint': return vscode.l10n.t('Copied the fingerprint of {0}.', item.name);
    case 'appId': return vscode.l10n.t('Copied the app id of {0}.', item.name);
    case 'id': return vscode.l10n.t('Copied the id of {0}.', item.name);
    case 'userId': return vscode.l10n.t('Copied the user id of {0}.', item.name);
  }
}

/**
 * Symphony documents no deep link to an item in its admin portal, only the portal's own address, the pod URL +
 * `/?admin` (developer docs: "Add an Extension App to a Symphony Pod", "Creating a Bot User"). So this opens the
 * portal of the item's pod, names the section that lists the item, and puts the item's id on the clipboard for the
 * portal's search. The address comes from the pod's profile, checked again here; nothing the pod returned is in it.
 */
async function openInAdminPortal(context: CommandContext, node: CertificateNode | ApplicationNode): Promise<void> {
  const profile = context.store.get(node.podId!);
  if (!profile) throw new Error(vscode.l10n.t('That pod is no longer configured.'));
  const item = describeItem(node);
  await vscode.env.clipboard.writeText(item.id);
  if (!(await prompts(context).openExternal(vscode.Uri.parse(adminPortalUrl(profile.podUrl))))) return;
  void prompts(context).info(node instanceof CertificateNode
    ? vscode.l10n.t('Opened the admin portal of {0}: {1} is under Manage Certificates. Its fingerprint is on the clipboard, to search for it there.', profile.label, item.name)
    : vscode.l10n.t('Opened the admin portal of {0}: {1} is under App Management (its Global Status, Visibility and Installation are under App Settings). Its app id is on the clipboard, to search for it there.', profile.label, item.name));
}

/** The admin portal of a pod: its origin (the profile's URL, validated) + `/?admin`, the address Symphony documents. */
export function adminPortalUrl(podUrl: string): string {
  return `${normalizePodUrl(podUrl)}/?admin`;
}

/** The command the Delete key runs on a node: each keeps its own modal confirmation naming the resource. */
function deleteCommandFor(node: TreeNode): string | undefined {
  if (node instanceof CertificateNode) return 'symphonyPodAdmin.certs.delete';
  if (node instanceof ApplicationNode) return 'symphonyPodAdmin.apps.delete';
  if (node instanceof GroupNode) return node.item.status === 'DELETED' ? undefined : 'symphonyPodAdmin.groups.markDeleted';
  if (node instanceof ConnectionNode) {
    if (node.item.status === 'PENDING_INCOMING') return 'symphonyPodAdmin.connections.reject';
    if (node.item.status === 'ACCEPTED') return 'symphonyPodAdmin.connections.remove';
  }
  return undefined;
}

/** The list a node belongs to (the node itself when it is one), for the filter keybinding. */
function listOf(node: TreeNode | undefined): TreeNode | undefined {
  for (let n = node; n; n = n.parent) if (n instanceof PagedListNode) return n;
  return node;
}

/** A list reloads itself; an item reloads the list it is in; nothing selected reloads everything. */
function refreshTarget(node: TreeNode | undefined): TreeNode | undefined {
  if (!node || node.parent === undefined || 'refresh' in node) return node;
  return refreshTarget(node.parent);
}
