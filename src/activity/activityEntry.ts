// One activity-log entry: a change the extension (or the CLI) sent to a pod, built from the client's write outcome
// (api/writeGate.ts) and what the code that started it knew (changeContext.ts). Everything in it is redacted.
import { randomUUID } from 'node:crypto';
import type { WriteOutcome } from '../api';
import type { ChangeContext, ChangeResource } from './changeContext';
import { redact } from './redact';

export type ActivityAction = 'create' | 'update' | 'delete' | 'other';

export interface ActivityEntry {
  id: string;
  /** ISO 8601, when the request was sent. */
  time: string;
  pod: { id: string; label: string; url: string; environment: string };
  account?: string;
  action: ActivityAction;
  /** What the user ran (a command id, a panel action, "manifest save"). */
  command?: string;
  resource: ChangeResource;
  request: { method: string; path: string };
  /** The resource before, where the caller read it; the change sent; the pod's answer where it returned the resource. */
  before?: unknown;
  sent?: unknown;
  after?: unknown;
  result: { ok: boolean; status: number | string; message?: string; traceId?: string };
  /** Why, as given when the production pod was unlocked. */
  reason?: string;
  /** The entry this one undid or recreated. */
  reverts?: string;
  /** Where the change came from when not from the extension: "cli" (symphony-pod, its MCP server included). */
  source?: 'cli';
}

export interface EntryPod {
  id: string;
  label: string;
  url: string;
  environment: string;
  account?: string;
  reason?: string;
  source?: 'cli';
}

/** Builds the entry of one write; `change` is the change context the write ran in, if any. */
export function activityEntry(outcome: WriteOutcome, pod: EntryPod, change: ChangeContext | undefined): ActivityEntry {
  const described = describeWrite(outcome.method, outcome.path, outcome.body);
  const answer = outcome.response && typeof outcome.response === 'object' && !isBareSuccess(outcome.response) ? outcome.response : undefined;
  return {
    id: randomUUID(),
    time: outcome.at.toISOString(),
    pod: { id: pod.id, label: pod.label, url: pod.url, environment: pod.environment },
    ...(pod.account ? { account: pod.account } : {}),
    action: described.action,
    ...(change?.action ? { command: change.action } : {}),
    resource: { ...described.resource, ...(!described.resource.id || (change?.resource?.id === described.resource.id && change.resource.kind === described.resource.kind) ? change?.resource : {}) },
    request: { method: outcome.method, path: outcome.path },
    ...(change?.before !== undefined ? { before: redact(change.before) } : {}),
    ...(outcome.body !== undefined ? { sent: redact(outcome.body) } : {}),
    ...(answer ? { after: redact(answer) } : {}),
    result: { ok: outcome.ok, status: outcome.status, ...(outcome.podMessage ? { message: outcome.podMessage } : {}), ...(outcome.traceId ? { traceId: outcome.traceId } : {}) },
    ...(pod.reason ? { reason: pod.reason } : {}),
    ...(change?.reverts ? { reverts: change.reverts } : {}),
    ...(pod.source ? { source: pod.source } : {}),
  };
}

function isBareSuccess(value: object): boolean {
  const keys = Object.keys(value);
  return keys.every((k) => k === 'format' || k === 'message');
}

/** The action and resource a write is about, from its path (and body where the path does not say). */
export function describeWrite(method: string, path: string, body: unknown): { action: ActivityAction; resource: ChangeResource } {
  const b = (body ?? {}) as Record<string, unknown>;
  let m: RegExpExecArray | null;
  if (path === '/pod/v2/companycert/create') return { action: 'create', resource: { kind: 'certificate', id: '', name: (b.attributes as { name?: string } | undefined)?.name } };
  if ((m = /^\/pod\/v1\/companycert\/([^/]+)\/update$/.exec(path))) return { action: 'update', resource: { kind: 'certificate', id: decodeURIComponent(m[1]), name: b.name as string | undefined } };
  if (path === '/pod/v1/companycert/delete') return { action: 'delete', resource: { kind: 'certificate', id: String(b.id ?? '') } };
  if (path === '/pod/v1/admin/app/create') return { action: 'create', resource: { kind: 'application', id: String((b.applicationInfo as { appId?: string } | undefined)?.appId ?? ''), name: (b.applicationInfo as { name?: string } | undefined)?.name } };
  if ((m = /^\/pod\/v1\/admin\/app\/([^/]+)\/(update|delete)$/.exec(path))) return { action: m[2] as ActivityAction, resource: { kind: 'application', id: decodeURIComponent(m[1]) } };
  if (path === '/pod/v1/admin/app/entitlement/list') {
    const first = Array.isArray(body) ? (body[0] as { appId?: string } | undefined) : undefined;
    return { action: 'update', resource: { kind: 'entitlement', id: first?.appId ?? '' } };
  }
  if ((m = /^\/pod\/v1\/connection\/(create|accept|reject)$/.exec(path))) return { action: m[1] === 'create' ? 'create' : 'update', resource: { kind: 'connection', id: String(b.userId ?? '') } };
  if ((m = /^\/pod\/v1\/connection\/user\/([^/]+)\/remove$/.exec(path))) return { action: 'delete', resource: { kind: 'connection', id: m[1] } };
  if (path === '/pod/v2/admin/user/create') return { action: 'create', resource: { kind: 'account', id: '', name: (b.userAttributes as { userName?: string } | undefined)?.userName } };
  if ((m = /^\/pod\/v[12]\/admin\/user\/(\d+)\//.exec(path))) return { action: 'update', resource: { kind: 'account', id: m[1] } };
  if (path === '/profile-manager/v1/groups') return { action: 'create', resource: { kind: 'group', id: '', name: b.name as string | undefined } };
  if ((m = /^\/profile-manager\/v1\/groups\/([^/]+)$/.exec(path))) return { action: b.status === 'DELETED' ? 'delete' : 'update', resource: { kind: 'group', id: decodeURIComponent(m[1]), name: b.name as string | undefined } };
  if ((m = /^\/profile-manager\/v1\/groups\/([^/]+)\/(member|avatar)/.exec(path))) return { action: 'update', resource: { kind: 'group', id: decodeURIComponent(m[1]) } };
  return { action: method === 'DELETE' ? 'delete' : 'other', resource: { kind: 'request', id: path } };
}
