// Connection commands for the signed-in account: send a request, accept, reject, remove, show info.
import * as vscode from 'vscode';
import { ConnectionStatus, UserConnection, validateUserId } from '../api';
import { ConnectionNode } from '../tree/connectionNodes';
import { TreeNode } from '../tree/treeNode';
import { confirmChange } from '../ui/confirmChange';
import { describePickedUser, pickUser } from '../ui/userPicker';
import { CommandContext, prompts, registerCommand, requireNode, targetPod, withProgress } from './commandContext';

export function registerConnectionCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'symphonyPodAdmin.connections.create', async (node?: TreeNode) => {
      const podId = await targetPod(context, node);
      const client = context.sessions.client(podId);
      const user = await pickUser(prompts(context), client, { title: 'Send Connection Request', local: false });
      const connection = await withProgress(`Sending a connection request to ${describePickedUser(user)}…`, () => client.connections.createConnection(user.id));
      refreshStatuses(context, podId, connection.status, 'PENDING_OUTGOING');
      void prompts(context).info(`Connection with ${describePickedUser(user)}: ${describeStatus(connection)}.`);
    }),
    registerCommand(context, 'symphonyPodAdmin.connections.accept', async (node?: TreeNode) => {
      const connection = requireNode(node, ConnectionNode, 'an incoming connection request');
      await withProgress(`Accepting user ${connection.userId}…`, () => context.sessions.client(connection.podId!).connections.acceptConnection(connection.userId));
      refreshStatuses(context, connection.podId!, 'PENDING_INCOMING', 'ACCEPTED');
    }),
    registerCommand(context, 'symphonyPodAdmin.connections.reject', async (node?: TreeNode) => {
      const connection = requireNode(node, ConnectionNode, 'an incoming connection request');
      const confirmed = await confirmChange(context, connection.podId!, {
        message: `Reject the connection request from user ${connection.userId}?`, detail: 'The user is not told; they can send a new request later.', action: 'Reject', destructive: true,
      });
      if (!confirmed) return;
      await withProgress(`Rejecting user ${connection.userId}…`, () => context.sessions.client(connection.podId!).connections.rejectConnection(connection.userId));
      refreshStatuses(context, connection.podId!, 'PENDING_INCOMING', 'REJECTED');
    }),
    registerCommand(context, 'symphonyPodAdmin.connections.remove', async (node?: TreeNode) => {
      const connection = requireNode(node, ConnectionNode, 'a connection');
      const confirmed = await confirmChange(context, connection.podId!, {
        message: `Remove the connection with user ${connection.userId}?`, detail: 'You will no longer be able to chat with this user until a new request is accepted.', action: 'Remove Connection', destructive: true,
      });
      if (!confirmed) return;
      await withProgress(`Removing the connection with ${connection.userId}…`, () => context.sessions.client(connection.podId!).connections.removeConnection(connection.userId));
      refreshStatuses(context, connection.podId!, connection.item.status);
    }),
    registerCommand(context, 'symphonyPodAdmin.connections.showInfo', async (node?: TreeNode) => {
      const podId = await targetPod(context, node);
      const userId = node instanceof ConnectionNode ? node.userId : await askUserId(context, 'Show Connection Info', 'User id');
      const connection = await context.sessions.client(podId).connections.getConnection(userId);
      const when = (ms?: number) => (ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 16) : 'unknown');
      void prompts(context).info(
        `User ${connection.userId}: ${describeStatus(connection)} · first requested ${when(connection.firstRequestedAt)} · updated ${when(connection.updatedAt)} · ${connection.requestCounter ?? 0} request(s).`,
      );
    }),
  ];
}

/** The id as typed (digits): Number() would round ids above 2^53 to a different user's id. */
async function askUserId(context: CommandContext, title: string, prompt: string): Promise<string> {
  return (await prompts(context).input({ title, prompt, placeHolder: 'e.g. 68719476737', validate: (v) => validateUserId(v.trim()) })).trim();
}

function describeStatus(connection: UserConnection): string {
  return (connection.status ?? 'unknown').toLowerCase().replace('_', ' ');
}

function refreshStatuses(context: CommandContext, podId: string, ...statuses: (ConnectionStatus | undefined)[]): void {
  const connections = context.tree.podNode(podId)?.connections;
  if (!connections) return;
  for (const status of new Set(statuses)) if (status) context.tree.refresh(connections.statusNode(status));
}
