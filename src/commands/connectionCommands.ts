// Connection commands for the signed-in account: send a request, accept, reject, remove, show info.
import * as vscode from 'vscode';
import { ConnectionStatus, PodApiError, UserConnection, validateUserId } from '../api';
import { ConnectionNode } from '../tree/connectionNodes';
import { peopleOf, personLabel, personTooltip } from '../tree/people';
import { TreeNode } from '../tree/treeNode';
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
      const confirmed = await prompts(context).confirm(`Reject the connection request from user ${connection.userId}?`, 'The user is not told; they can send a new request later.', 'Reject');
      if (!confirmed) return;
      await withProgress(`Rejecting user ${connection.userId}…`, () => context.sessions.client(connection.podId!).connections.rejectConnection(connection.userId));
      refreshStatuses(context, connection.podId!, 'PENDING_INCOMING', 'REJECTED');
    }),
    registerCommand(context, 'symphonyPodAdmin.connections.remove', async (node?: TreeNode) => {
      const connection = requireNode(node, ConnectionNode, 'a connection');
      const confirmed = await prompts(context).confirm(`Remove the connection with user ${connection.userId}?`, 'You will no longer be able to chat with this user until a new request is accepted.', 'Remove Connection');
      if (!confirmed) return;
      await withProgress(`Removing the connection with ${connection.userId}…`, () => context.sessions.client(connection.podId!).connections.removeConnection(connection.userId));
      refreshStatuses(context, connection.podId!, connection.item.status);
    }),
    registerCommand(context, 'symphonyPodAdmin.connections.showInfo', (target?: TreeNode | PersonTarget) => showInfo(context, target)),
  ];
}

/** A person found elsewhere (Search All Pods): the pod and the user id. */
export interface PersonTarget { podId: string; userId: string }

/**
 * A modal, not a toast: an admin reads who the person is and the connection's history, and may copy it (the modal's
 * Copy button); a document would outlive the question. A user with no connection still gets their card.
 */
async function showInfo(context: CommandContext, target?: TreeNode | PersonTarget): Promise<void> {
  const podId = target instanceof TreeNode || !target ? await targetPod(context, target) : target.podId;
  const userId = target instanceof ConnectionNode ? String(target.userId) : target && !(target instanceof TreeNode) ? target.userId : await askUserId(context, 'Show Connection Info', 'User id');
  const people = peopleOf(context.sessions, podId);
  const [person, connection] = await withProgress(`Reading the connection with user ${userId}…`, () => Promise.all([
    people.resolve([userId]).then((found) => found.get(userId)),
    context.sessions.client(podId).connections.getConnection(userId).catch((error: unknown) => {
      if (error instanceof PodApiError && error.status === 404) return undefined;
      throw error;
    }),
  ]));
  const when = (ms?: number) => (ms ? `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC` : 'unknown');
  const history = connection
    ? [`Connection: ${describeStatus(connection)}`, `First requested: ${when(connection.firstRequestedAt)}`, `Last changed: ${when(connection.updatedAt)}`,
      `Requests sent: ${connection.requestCounter ?? 0}`]
    : ['Connection: none (no request was sent either way)'];
  const pod = context.store.get(podId)?.label ?? podId;
  await prompts(context).details(`${personLabel(person, userId)}${connection ? `: ${describeStatus(connection)}` : ''}`, [personTooltip(person, userId), '', ...history, '', `Pod: ${pod}`].join('\n'));
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
