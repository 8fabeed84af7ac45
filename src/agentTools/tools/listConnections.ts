// list_connections: the connections of the signed-in account, on one pod or on every signed-in pod, by status as the
// tree's Connections show them (incoming and outgoing requests, accepted, rejected), each person named (one users
// lookup per pod and page, agentTools/people.ts), 50 a page. One list request per pod: status ALL, or the one asked
// for. Users of the same pod are connected implicitly and the pod does not list them. A pod that fails is reported
// beside the others, as the search does.
import { ConnectionStatus, UserConnection } from '../../api';
import { l10n } from '../../text/l10n';
import { describeFailure } from '../errors';
import { answer, isoDate, pageLine, pageOf } from '../format';
import { cursorOf, fieldsOf, idText, oneOf, optionalText, SCHEMA, signedInPod } from '../input';
import { namesOf, PersonName } from '../people';
import type { AgentTool, PodRef, ToolHost } from '../tool';

/** The statuses in the tree's order, as the input names them, with the pod's name for each. */
const STATUSES = { pending_incoming: 'PENDING_INCOMING', pending_outgoing: 'PENDING_OUTGOING', accepted: 'ACCEPTED', rejected: 'REJECTED' } as const;
type Status = keyof typeof STATUSES;
const ORDER = Object.keys(STATUSES) as Status[];
const statusOf = (status: ConnectionStatus | undefined) => ORDER.find((s) => STATUSES[s] === status);

interface Listed { pod: PodRef; connection: UserConnection; status: Status }
interface Failure { pod: string; area: 'connections' | 'names'; error: string }

export const listConnections: AgentTool<{ podId?: string; status?: Status; cursor: number }> = {
  name: 'symphony_list_connections',
  get title() {
    return l10n.t('List connections');
  },
  description: 'Lists the connections of the signed-in service account in every signed-in pod (or one pod): connection requests it received ("pending_incoming") and sent ("pending_outgoing"), accepted and rejected connections, each with the person\'s user id, name and email, when it was first requested and last updated, and how many requests were sent; 50 at a time ("cursor" pages on). Users of the same pod are connected implicitly and are not listed. Read-only.',
  access: 'read',
  inputSchema: {
    type: 'object',
    properties: {
      podId: SCHEMA.somePod,
      status: { type: 'string', enum: [...ORDER], description: 'Only connections in this status; all four when absent.' },
      cursor: SCHEMA.cursor,
    },
    additionalProperties: false,
  },
  parse(input) {
    const fields = fieldsOf(input ?? {}, ['podId', 'status', 'cursor']);
    return {
      podId: optionalText(fields, 'podId', idText('pod id')),
      status: fields.status === undefined ? undefined : oneOf(fields, 'status', ORDER),
      cursor: cursorOf(fields),
    };
  },
  async invoke({ podId, status, cursor }, host) {
    const pods = podId ? [signedInPod(host, podId)] : host.pods().filter((p) => p.signedIn);
    if (pods.length === 0) throw new Error('No pod is signed in: the user must sign in to a pod first (Symphony: Sign In).');
    const failures: Failure[] = [];
    const lists = await Promise.all(pods.map((pod) => connectionsOf(host, pod, status).catch((error: unknown) => {
      if (podId) throw error; // one pod asked for: its failure is the answer
      failures.push({ pod: pod.label, area: 'connections', error: describeFailure(error) });
      return [];
    })));
    const page = pageOf(lists.flat(), cursor);
    const names = await Promise.all(pods.map((pod) => namesOnPage(host, pod, page.items, failures)));
    const nameOf = (item: Listed) => names[pods.indexOf(item.pod)].get(String(item.connection.userId));
    const which = status ? `${status.replace('_', ' ')} connections` : 'connections';
    const summary = `Connections of the signed-in account in ${pods.length} pod${pods.length === 1 ? '' : 's'}: ${pageLine(page, cursor, which)}` +
      (failures.length ? ` ${failures.length} ${failures.length === 1 ? 'lookup' : 'lookups'} failed (see "failures").` : '');
    const connections = page.items.map((item) => {
      const c = item.connection;
      const person = nameOf(item);
      return {
        pod: item.pod.label, podId: item.pod.id, userId: c.userId, name: person?.name, email: person?.email, status: item.status,
        firstRequested: isoDate(c.firstRequestedAt), updated: isoDate(c.updatedAt), requests: c.requestCounter,
      };
    });
    return answer(summary, failures.length ? { connections, failures } : { connections });
  },
};

/** One pod's connections in the tree's status order (the pod's own order within a status); statuses we do not know are left out. */
async function connectionsOf(host: ToolHost, pod: PodRef, status: Status | undefined): Promise<Listed[]> {
  const listed = await host.client(pod.id).connections.listConnections({ status: status ? STATUSES[status] : 'ALL' });
  return listed.flatMap((connection) => {
    const known = statusOf(connection.status);
    return known && (!status || known === status) ? [{ pod, connection, status: known }] : [];
  }).sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
}

/** The names of the people of this pod on the page: one lookup; a failed lookup leaves them unnamed and is reported. */
async function namesOnPage(host: ToolHost, pod: PodRef, items: Listed[], failures: Failure[]): Promise<Map<string, PersonName>> {
  const ids = items.filter((item) => item.pod === pod).map((item) => item.connection.userId);
  if (ids.length === 0) return new Map();
  return namesOf(host.client(pod.id), ids).catch((error: unknown) => {
    failures.push({ pod: pod.label, area: 'names', error: describeFailure(error) });
    return new Map();
  });
}
