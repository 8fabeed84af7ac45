// The connection commands' bodies, bundled as the lazily loaded part `connections` (src/parts/README.md): send a
// request, accept or reject one or several, remove, show info. connectionCommands.ts registers the commands and passes
// plain data (the pod, the connections as `ConnectionItem`): a part never checks instanceof on tree nodes.
import * as vscode from 'vscode';
import { ConnectionStatus, PodApiError, UserConnection, validateUserId } from '../api';
import { peopleOf, personLabel, personTooltip } from '../tree/people';
import { confirmChange } from '../ui/confirmChange';
import { describePickedUser, pickUser } from '../ui/userPicker';
import { nameLines, refuseInvalid, runOnItems } from './bulk';
import { CommandContext, prompts, withProgress } from './commandContext';
import { announceCreated } from './revealCreated';

/** A connection as the tree shows it: its pod, the user, the name commands use, and the connection as the pod sent it. */
export interface ConnectionItem { podId: string; userId: number; displayName: string; item: UserConnection }

export async function sendRequest(context: CommandContext, podId: string): Promise<void> {
  const client = context.sessions.client(podId);
  const user = await pickUser(prompts(context), client, { title: vscode.l10n.t('Send Connection Request'), local: false });
  const connection = await withProgress(vscode.l10n.t('Sending a connection request to {0}…', describePickedUser(user)), () => client.connections.createConnection(user.id));
  // Sent to a user of the same pod, a request is accepted at once: it shows under its status, whichever it is.
  refreshStatuses(context, podId, 'PENDING_OUTGOING');
  const list = connection.status && connection.userId !== undefined ? context.tree.podNode(podId)?.connections.statusNode(connection.status) : undefined;
  await announceCreated(context, list, String(connection.userId), connection, vscode.l10n.t('Connection with {0}: {1}.', describePickedUser(user), describeStatus(connection)));
}

export async function removeConnection(context: CommandContext, connection: ConnectionItem): Promise<void> {
  const confirmed = await confirmChange(context, connection.podId, {
    message: vscode.l10n.t('Remove the connection with user {0}?', connection.userId),
    detail: vscode.l10n.t('You will no longer be able to chat with this user until a new request is accepted.'),
    action: vscode.l10n.t('Remove Connection'),
    destructive: true,
  });
  if (!confirmed) return;
  await withProgress(vscode.l10n.t('Removing the connection with {0}…', connection.userId), () => context.sessions.client(connection.podId).connections.removeConnection(connection.userId));
  refreshStatuses(context, connection.podId, connection.item.status);
}

/**
 * Accepts or rejects one or several incoming requests. Rejecting always asks first; accepting asks when there are
 * several (one click must not connect the account with a whole list of people unseen).
 */
export async function answerRequests(context: CommandContext, requests: ConnectionItem[], answer: 'accept' | 'reject'): Promise<void> {
  const podId = requests[0].podId;
  const nameOf = (r: ConnectionItem) => r.displayName;
  refuseInvalid(requests, (r) => (r.item.status === 'PENDING_INCOMING' ? validateUserId(String(r.userId)) : vscode.l10n.t('not an incoming request (it is {0})', describeStatus(r.item))), nameOf);
  const accept = answer === 'accept';
  const one = requests.length === 1;
  const n = requests.length;
  const said = words(accept);
  if (!accept || !one) {
    const explained = accept ? vscode.l10n.t('They can chat with the signed-in account once accepted.') : vscode.l10n.t('The user is not told; they can send a new request later.');
    const confirmed = await confirmChange(context, podId, {
      message: one ? said.askOne(nameOf(requests[0])) : said.askMany(n),
      detail: one ? explained : `${nameLines(requests.map(nameOf))}\n\n${explained}`,
      action: one ? said.actionOne() : said.actionMany(n),
      destructive: !accept || !one,
    });
    if (!confirmed) return;
  }
  const client = context.sessions.client(podId).connections;
  await runOnItems(context, {
    items: requests, nameOf,
    progress: one ? said.progressOne(nameOf(requests[0])) : said.progressMany(n),
    said: { all: (count, names) => (count === 1 ? said.doneOne(names) : said.doneMany(count, names)), some: said.doneSome },
    log: { done: (name) => `${accept ? 'Accepted' : 'Rejected'} the connection request from ${name}.`, action: `${accept ? 'Accepting' : 'Rejecting'} connection requests` },
    write: (r) => (accept ? client.acceptConnection(r.userId) : client.rejectConnection(r.userId)),
    refresh: () => refreshStatuses(context, podId, 'PENDING_INCOMING', accept ? 'ACCEPTED' : 'REJECTED'),
  });
}

/** What accepting or rejecting says, each a whole sentence (a translator words "accept" and "reject" each their own way). */
function words(accept: boolean) {
  return accept ? {
    askOne: (name: string) => vscode.l10n.t('Accept the connection request from {0}?', name),
    askMany: (n: number) => vscode.l10n.t('Accept the connection requests from {0} people?', n),
    actionOne: () => vscode.l10n.t('Accept'),
    actionMany: (n: number) => vscode.l10n.t('Accept {0}', n),
    progressOne: (name: string) => vscode.l10n.t('Accepting the request from {0}…', name),
    progressMany: (n: number) => vscode.l10n.t('Accepting {0} connection requests…', n),
    doneOne: (name: string) => vscode.l10n.t('Accepted the connection request from {0}.', name),
    doneMany: (n: number, names: string) => vscode.l10n.t('Accepted {0} connection requests: {1}.', n, names),
    doneSome: (done: number, total: number, names: string, failed: number, reasons: string) => vscode.l10n.t('Accepted {0} of {1} connection requests ({2}); {3} failed. {4}.', done, total, names, failed, reasons),
  } : {
    askOne: (name: string) => vscode.l10n.t('Reject the connection request from {0}?', name),
    askMany: (n: number) => vscode.l10n.t('Reject the connection requests from {0} people?', n),
    actionOne: () => vscode.l10n.t('Reject'),
    actionMany: (n: number) => vscode.l10n.t('Reject {0}', n),
    progressOne: (name: string) => vscode.l10n.t('Rejecting the request from {0}…', name),
    progressMany: (n: number) => vscode.l10n.t('Rejecting {0} connection requests…', n),
    doneOne: (name: string) => vscode.l10n.t('Rejected the connection request from {0}.', name),
    doneMany: (n: number, names: string) => vscode.l10n.t('Rejected {0} connection requests: {1}.', n, names),
    doneSome: (done: number, total: number, names: string, failed: number, reasons: string) => vscode.l10n.t('Rejected {0} of {1} connection requests ({2}); {3} failed. {4}.', done, total, names, failed, reasons),
  };
}

/**
 * A modal, not a toast: an admin reads who the person is and the connection's history, and may copy it (the modal's
 * Copy button); a document would outlive the question. A user with no connection still gets their card. Without a
 * user id (the command palette), it asks for one.
 */
export async function showInfo(context: CommandContext, podId: string, knownUserId?: string): Promise<void> {
  const userId = knownUserId ?? await askUserId(context, vscode.l10n.t('Show Connection Info'), vscode.l10n.t('User id'));
  const people = peopleOf(context.sessions, podId);
  const [person, connection] = await withProgress(vscode.l10n.t('Reading the connection with user {0}…', userId), () => Promise.all([
    people.resolve([userId]).then((found) => found.get(userId)),
    context.sessions.client(podId).connections.getConnection(userId).catch((error: unknown) => {
      if (error instanceof PodApiError && error.status === 404) return undefined;
      throw error;
    }),
  ]));
  const when = (ms?: number) => (ms ? vscode.l10n.t('{0} UTC', new Date(ms).toISOString().replace('T', ' ').slice(0, 16)) : vscode.l10n.t('unknown'));
  const history = connection
    ? [vscode.l10n.t('Connection: {0}', describeStatus(connection)), vscode.l10n.t('First requested: {0}', when(connection.firstRequestedAt)),
      vscode.l10n.t('Last changed: {0}', when(connection.updatedAt)), vscode.l10n.t('Requests sent: {0}', connection.requestCounter ?? 0)]
    : [vscode.l10n.t('Connection: none (no request was sent either way)')];
  const pod = context.store.get(podId)?.label ?? podId;
  await prompts(context).details(`${personLabel(person, userId)}${connection ? `: ${describeStatus(connection)}` : ''}`, [personTooltip(person, userId), '', ...history, '', vscode.l10n.t('Pod: {0}', pod)].join('\n'));
}

/** The id as typed (digits): Number() would round ids above 2^53 to a different user's id. */
async function askUserId(context: CommandContext, title: string, prompt: string): Promise<string> {
  return (await prompts(context).input({ title, prompt, placeHolder: vscode.l10n.t('e.g. {0}', '68719476737'), validate: (v) => validateUserId(v.trim()) })).trim();
}

function describeStatus(connection: UserConnection): string {
  return (connection.status ?? 'unknown').toLowerCase().replace('_', ' ');
}

function refreshStatuses(context: CommandContext, podId: string, ...statuses: (ConnectionStatus | undefined)[]): void {
  const connections = context.tree.podNode(podId)?.connections;
  if (!connections) return;
  for (const status of new Set(statuses)) if (status) context.tree.refresh(connections.statusNode(status));
}
