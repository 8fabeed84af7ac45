// Connection commands for the signed-in account: send a request, accept or reject one or several, remove, show info.
// Their bodies are the part `connections` (connectionCommandsPart.ts, loaded on first use); here each command gets
// its connections from the tree and passes them on as plain data.
import * as vscode from 'vscode';
import { loadPart } from '../parts/loadPart';
import { ConnectionNode } from '../tree/connectionNodes';
import { TreeNode } from '../tree/treeNode';
import { selectedItems } from './bulk';
import { CommandContext, registerCommand, requireNode, targetPod } from './commandContext';
import type { ConnectionItem } from './connectionCommandsPart';

const part = () => loadPart<typeof import('./connectionCommandsPart')>('connections');

export function registerConnectionCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'symphonyPodAdmin.connections.create', async (node?: TreeNode) => part().sendRequest(context, await targetPod(context, node))),
    registerCommand(context, 'symphonyPodAdmin.connections.accept', (node?: TreeNode, nodes?: TreeNode[]) => part().answerRequests(context, incoming(context, node, nodes), 'accept')),
    registerCommand(context, 'symphonyPodAdmin.connections.reject', (node?: TreeNode, nodes?: TreeNode[]) => part().answerRequests(context, incoming(context, node, nodes), 'reject')),
    registerCommand(context, 'symphonyPodAdmin.connections.remove', (node?: TreeNode) => part().removeConnection(context, connectionItem(requireNode(node, ConnectionNode, vscode.l10n.t('a connection'))))),
    registerCommand(context, 'symphonyPodAdmin.connections.showInfo', async (target?: TreeNode | PersonTarget) => {
      const podId = target instanceof TreeNode || !target ? await targetPod(context, target) : target.podId;
      const userId = target instanceof ConnectionNode ? String(target.userId) : target && !(target instanceof TreeNode) ? target.userId : undefined;
      return part().showInfo(context, podId, userId);
    }),
  ];
}

/** A person found elsewhere (Search All Pods): the pod and the user id. */
export interface PersonTarget { podId: string; userId: string }

function incoming(context: CommandContext, node: unknown, nodes: unknown): ConnectionItem[] {
  return selectedItems(context, node, nodes, ConnectionNode, {
    one: vscode.l10n.t('an incoming connection request'),
    mixed: (others) => vscode.l10n.t('This command acts on incoming connection requests only, and the selection also holds {0}. Select incoming connection requests only; nothing was changed.', others),
  }).map(connectionItem);
}

function connectionItem(node: ConnectionNode): ConnectionItem {
  return { podId: node.podId!, userId: node.userId, displayName: node.displayName, item: node.item };
}
