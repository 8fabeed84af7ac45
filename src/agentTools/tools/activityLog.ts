// activity_log: the changes sent to pods (src/activity/), newest first, filtered by pod, resource, action, result and
// time range, 50 a page. Each entry says who ran what on which resource and what the pod answered; the before / sent
// / after values stay in the log (already redacted there, and long): the answer is compact and redacted again.
import { validateNoInvisible } from '../../api';
import type { ActivityAction, ActivityEntry } from '../../activity/activityEntry';
import { l10n } from '../../text/l10n';
import { answer, pageLine, pageOf } from '../format';
import { Fields, cursorOf, fieldsOf, idText, oneOf, optionalText, refuse, SCHEMA } from '../input';
import type { AgentTool, PodRef, ToolHost } from '../tool';

const ACTIONS: readonly ActivityAction[] = ['create', 'update', 'delete', 'other'];
const RESULTS = ['succeeded', 'failed'] as const;

interface ActivityInput {
  podId?: string;
  resource?: string;
  action?: ActivityAction;
  result?: (typeof RESULTS)[number];
  since?: number;
  until?: number;
  cursor: number;
}

export const activityLog: AgentTool<ActivityInput> = {
  name: 'symphony_activity_log',
  get title() {
    return l10n.t('Read the activity log');
  },
  description: 'Lists the changes this client sent to pods (the activity log), newest first, 50 at a time ("cursor" pages on): when, pod and environment, account, action, the resource (kind, id, name), the request, and whether the pod accepted it. Filters: "podId", "resource" (text in its kind, id or name), "action", "result", "since" / "until" (ISO 8601 dates or times, UTC).',
  access: 'read',
  inputSchema: {
    type: 'object',
    properties: {
      podId: { type: 'string', description: 'Only changes to this pod (from symphony_list_pods).' },
      resource: { type: 'string', description: 'Only changes whose resource kind, id or name contains this text (e.g. "application", an app id, a certificate fingerprint).' },
      action: { type: 'string', enum: [...ACTIONS], description: 'Only this kind of change.' },
      result: { type: 'string', enum: [...RESULTS], description: 'Only changes the pod accepted ("succeeded") or refused / that failed ("failed").' },
      since: { type: 'string', description: 'Only changes at or after this time, ISO 8601 (e.g. 2026-11-30 or 2026-11-30T14:00Z).' },
      until: { type: 'string', description: 'Only changes before this time, ISO 8601 (a date alone means up to the end of that day).' },
      cursor: SCHEMA.cursor,
    },
    additionalProperties: false,
  },
  parse(input) {
    const fields = fieldsOf(input ?? {}, ['podId', 'resource', 'action', 'result', 'since', 'until', 'cursor']);
    const since = timeOf(fields, 'since');
    const until = timeOf(fields, 'until');
    if (since !== undefined && until !== undefined && since >= until) refuse('until', '"until" must be later than "since".');
    return {
      podId: optionalText(fields, 'podId', idText('pod id')),
      resource: optionalText(fields, 'resource', (v) => validateNoInvisible(v, 'The resource')),
      action: fields.action === undefined ? undefined : oneOf(fields, 'action', ACTIONS),
      result: fields.result === undefined ? undefined : oneOf(fields, 'result', RESULTS),
      since, until, cursor: cursorOf(fields),
    };
  },
  async invoke(input, host) {
    if (!host.activityLog) throw new Error('This client keeps no activity log (the MCP server reads one with --activity-log <dir> or SYMPHONY_ACTIVITY_LOG).');
    const pod = input.podId ? knownPod(host, input.podId) : undefined;
    const entries = (await host.activityLog()).filter(matching(input, pod));
    const page = pageOf(entries, input.cursor);
    return answer(`Activity log: ${pageLine(page, input.cursor, 'changes')}`, page.items.map(entryLine));
  },
};

/** A date (start of that day, UTC) or a date and time; a date alone as `until` runs to the end of that day. */
function timeOf(fields: Fields, field: 'since' | 'until'): number | undefined {
  const value = fields[field];
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? Date.parse(dateOnly ? `${text}T00:00Z` : text) : NaN;
  if (!Number.isFinite(ms)) refuse(field, `"${field}" must be an ISO 8601 date or time, such as 2026-11-30 or 2026-11-30T14:00Z.`);
  return dateOnly && field === 'until' ? ms + 24 * 3600_000 : ms;
}

/** A configured pod (signed in or not: the log is local). */
function knownPod(host: ToolHost, podId: string): PodRef {
  const pods = host.pods();
  const pod = pods.find((p) => p.id === podId);
  if (!pod) refuse('podId', `No pod has the id "${podId}". Pods: ${pods.map((p) => `"${p.id}" (${p.label})`).join(', ') || 'none configured'}. Call symphony_list_pods.`);
  return pod;
}

function matching(input: ActivityInput, pod: PodRef | undefined): (entry: ActivityEntry) => boolean {
  const text = input.resource?.toLowerCase();
  return (entry) => {
    const time = Date.parse(entry.time);
    // A pod is its profile id in the extension's log; the CLI and the MCP server name it by URL.
    if (pod && entry.pod.id !== pod.id && entry.pod.url !== pod.podUrl) return false;
    if (input.action && entry.action !== input.action) return false;
    if (input.result && entry.result?.ok !== (input.result === 'succeeded')) return false;
    if (input.since !== undefined && !(time >= input.since)) return false;
    if (input.until !== undefined && !(time < input.until)) return false;
    return !text || [entry.resource?.kind, entry.resource?.id, entry.resource?.name].some((f) => f !== undefined && String(f).toLowerCase().includes(text));
  };
}

/** One entry as an agent sees it (no before / sent / after). */
function entryLine(entry: ActivityEntry) {
  return {
    entryId: entry.id, time: entry.time, pod: entry.pod.label, environment: entry.pod.environment || undefined, account: entry.account,
    action: entry.action, command: entry.command, resource: entry.resource, request: `${entry.request.method} ${entry.request.path}`,
    result: { ok: entry.result?.ok, status: entry.result?.status, message: entry.result?.message, traceId: entry.result?.traceId },
    reason: entry.reason, reverts: entry.reverts,
  };
}
