// The connection commands' bodies, bundled as the lazily loaded part `connections` (src/parts/README.md): send a
// request, accept or reject one or several, remove, show info. connectionCommands.ts registers the commands and passes
// plain data (the pod, the connections as `ConnectionItem`): a part never checks instanceof on tree nodes.
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
  const user = await pickUser(prompts(context), client, { title: 'Send Connection Request', local: false });
  const connection = await withProgress(`Sending a connection request to ${describePickedUser(user)}…`, () => client.connections.createConnection(user.id));
  // Sent to a user of the same pod, a request is accepted at once: it shows under its status, whichever it is.
  refreshStatuses(context, podId, 'PENDING_OUTGOING');
  const list = connection.status && connection.userId !== undefined ? context.tree.podNode(podId)?.connections.statusNode(connection.status) : undefined;
  await announceCreated(context, list, String(connection.userId), connection, `Connection with ${describePickedUser(user)}: ${describeStatus(connection)}.`);
}

export async function removeConnection(context: CommandContext, connection: ConnectionItem): Promise<void> {
  const confirmed = await confirmChange(context, connection.podId, {
    message: `Remove the connection with user ${connection.userId}?`, detail: 'You will no longer be able to chat with this user until a new request is accepted.', action: 'Remove Connection', destructive: true,
  });
  if (!confirmed) return;
  await withProgress(`Removing the connection with ${connection.userId}…`, () => context.sessions.client(connection.podId).connections.removeConnection(connection.userId));
  refreshStatuses(context, connection.podId, connection.item.status);
}

/**
 * Accepts or rejects one or several incoming requests. Rejecting always asks first; accepting asks when there are
 * several (one click must not connect the account with a whole list of people unseen).
 */
export async function answerRequests(context: CommandContext, requests: ConnectionItem[], answer: 'accept' | 'reject'): Promise<void> {
  const podId = requests[0].podId;
  const nameOf = (r: ConnectionItem) => r.displayName;
  refuseInvalid(requests, (r) => (r.item.status === 'PENDING_INCOMING' ? validateUserId(String(r.userId)) : `not an incoming request (it is ${describeStatus(r.item)})`), nameOf);
  const who = requests.length === 1 ? nameOf(requests[0]) : `${requests.length} people`;
  if (answer === 'reject' || requests.length > 1) {
    const confirmed = await confirmChange(context, podId, {
      message: `${answer === 'accept' ? 'Accept' : 'Reject'} the connection request${requests.length === 1 ? '' : 's'} from ${who}?`,
      detail: `${requests.length === 1 ? '' : `${nameLines(requests.map(nameOf))}\n\n`}${answer === 'accept' ? 'They can chat with the signed-in account once accepted.' : 'The user is not told; they can send a new request later.'}`,
      action: answer === 'accept' ? (requests.length === 1 ? 'Accept' : `Accept ${requests.length}`) : requests.length === 1 ? 'Reject' : `Reject ${requests.length}`,
      destructive: answer === 'reject' || requests.length > 1,
    });
    if (!confirmed) return;
  }
  const client = context.sessions.client(podId).connections;
  await runOnItems(context, {
    items: requests, nameOf, noun: { one: 'connection request from', many: 'connection requests' }, done: answer === 'accept' ? 'Accepted' : 'Rejected',
    progress: `${answer === 'accept' ? 'Accepting' : 'Rejecting'} ${requests.length === 1 ? `the request from ${who}` : `${requests.length} connection requests`}…`,
    write: (r) => (answer === 'accept' ? client.acceptConnection(r.userId) : client.rejectConnection(r.userId)),
    refresh: () => refreshStatuses(context, podId, 'PENDING_INCOMING', answer === 'accept' ? 'ACCEPTED' : 'REJECTED'),
  });
}

/**
 * A modal, not a toast: an admin reads who the person is and the connection's history, and may copy it (the modal's
 * Copy button); a document would outlive the question. A user with no connection still gets their card. Without a
 * user id (the command palette), it asks for one.
 */
export async function showInfo(context: CommandContext, podId: string, knownUserId?: string): Promise<void> {
  const userId = knownUserId ?? await askUserId(context, 'Show Connection Info', 'User id');
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
