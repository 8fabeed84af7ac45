// The Activity view's content (loaded with the part): entries newest first, a filter by pod, resource, action,
// result and time, the before/after diff as two read-only documents, and the export of what the view shows.
import * as vscode from 'vscode';
import { processWide } from '../../parts/processWide';
import type { CommandContext } from '../../commands/commandContext';
import { tableText, TableFormat } from '../../text/tables';
import type { ActivityEntry } from '../activityEntry';
import type { ActivityRecorder } from '../recorder';
import { cannotUndo } from './revert';

export interface ActivityFilter {
  podId?: string;
  kind?: string;
  action?: string;
  ok?: boolean;
  sinceMs?: number;
  /** What the view's description says, e.g. "pod Prod · failed". */
  label?: string;
}

/** The view's filter, as long as the window: process-wide (src/parts/processWide.ts), like every state a part shares. */
const viewState = processWide('activity.viewFilter', () => ({ filter: {} as ActivityFilter }));
export const ENTRY_CONTEXT = { update: 'activity.update', delete: 'activity.delete', other: 'activity.other' } as const;
const SNAPSHOT_SCHEME = 'symphony-activity';
const snapshots = new Map<string, string>();
let snapshotProvider: vscode.Disposable | undefined;

export async function listEntries(recorder: ActivityRecorder): Promise<ActivityEntry[]> {
  const now = Date.now();
  return (await recorder.log.read()).filter((e) =>
    (!viewState.filter.podId || e.pod.id === viewState.filter.podId) && (!viewState.filter.kind || e.resource.kind === viewState.filter.kind) && (!viewState.filter.action || e.action === viewState.filter.action)
    && (viewState.filter.ok === undefined || e.result.ok === viewState.filter.ok) && (!viewState.filter.sinceMs || now - Date.parse(e.time) <= viewState.filter.sinceMs));
}

export function treeItem(entry: ActivityEntry): vscode.TreeItem {
  const what = entry.resource.name || entry.resource.id || entry.request.path;
  const item = new vscode.TreeItem(`${capitalize(entry.action)} ${entry.resource.kind} ${what}`);
  item.id = entry.id;
  item.description = `${entry.pod.label} · ${new Date(entry.time).toLocaleString()} · ${entry.result.ok ? entry.result.status : `failed ${entry.result.status}`}`;
  item.iconPath = new vscode.ThemeIcon(entry.result.ok ? 'pass' : 'error', new vscode.ThemeColor(entry.result.ok ? 'testing.iconPassed' : 'testing.iconFailed'));
  const noUndo = cannotUndo(entry);
  item.contextValue = !noUndo ? ENTRY_CONTEXT.update
    : entry.result.ok && entry.action === 'delete' && entry.resource.kind !== 'group' ? ENTRY_CONTEXT.delete : ENTRY_CONTEXT.other;
  item.tooltip = new vscode.MarkdownString([
    `**${entry.request.method} ${entry.request.path}**`, '', `Pod: ${entry.pod.label} (${entry.pod.environment})${entry.account ? ` as ${entry.account}` : ''}${entry.source === 'cli' ? ', from the symphony-pod CLI' : ''}`,
    entry.reason ? `Reason: ${entry.reason}` : '', entry.command ? `Command: ${entry.command}` : '',
    `Result: ${entry.result.status}${entry.result.message ? `, ${entry.result.message}` : ''}${entry.result.traceId ? ` (trace ${entry.result.traceId})` : ''}`,
    entry.result.ok && noUndo && entry.action !== 'create' ? `No Undo: ${noUndo}` : '',
  ].filter(Boolean).join('\n\n'));
  item.tooltip.supportHtml = false;
  item.command = { title: 'Show Changes', command: 'symphonyPodAdmin.activity.showDiff', arguments: [entry] };
  return item;
}

/** Asks which dimension to filter by, then the value; the view shows the filter in its description. */
export async function askFilter(context: CommandContext, recorder: ActivityRecorder, view: vscode.TreeView<unknown>): Promise<void> {
  const ui = context.promptHost.current;
  const all = await recorder.log.read();
  const distinct = (values: string[]) => [...new Set(values)].sort();
  const dimension = await ui.pick([
    { label: 'Pod', value: 'pod' as const }, { label: 'Resource', value: 'kind' as const }, { label: 'Action', value: 'action' as const },
    { label: 'Result', value: 'result' as const }, { label: 'Time', value: 'time' as const },
  ], { title: 'Filter the activity by' });
  if (dimension === 'pod') {
    const podId = await ui.pick(distinct(all.map((e) => e.pod.id)).map((id) => ({ label: all.find((e) => e.pod.id === id)!.pod.label, value: id })), { title: 'Which pod?' });
    viewState.filter = { ...viewState.filter, podId, label: undefined };
  } else if (dimension === 'kind' || dimension === 'action') {
    const value = await ui.pick(distinct(all.map((e) => (dimension === 'kind' ? e.resource.kind : e.action))).map((v) => ({ label: v, value: v })), { title: dimension === 'kind' ? 'Which resource?' : 'Which action?' });
    viewState.filter = { ...viewState.filter, [dimension]: value };
  } else if (dimension === 'result') {
    viewState.filter = { ...viewState.filter, ok: await ui.pick([{ label: 'Succeeded', value: true }, { label: 'Failed', value: false }], { title: 'Which result?' }) };
  } else {
    viewState.filter = { ...viewState.filter, sinceMs: await ui.pick([{ label: 'Last hour', value: 3_600_000 }, { label: 'Last day', value: 86_400_000 }, { label: 'Last week', value: 7 * 86_400_000 }], { title: 'Since when?' }) };
  }
  view.description = describeFilter(all);
}

export function clearFilter(view: vscode.TreeView<unknown>): void {
  viewState.filter = {};
  view.description = undefined;
}

function describeFilter(all: ActivityEntry[]): string {
  return [
    viewState.filter.podId ? `pod ${all.find((e) => e.pod.id === viewState.filter.podId)?.pod.label ?? viewState.filter.podId}` : '', viewState.filter.kind ?? '', viewState.filter.action ?? '',
    viewState.filter.ok === undefined ? '' : viewState.filter.ok ? 'succeeded' : 'failed', viewState.filter.sinceMs ? `last ${viewState.filter.sinceMs / 3_600_000} h` : '',
  ].filter(Boolean).join(' · ');
}

/** Before ↔ after of one entry in VS Code's diff editor, as two read-only documents. */
export async function showDiff(entry: ActivityEntry): Promise<void> {
  snapshotProvider ??= vscode.workspace.registerTextDocumentContentProvider(SNAPSHOT_SCHEME, { provideTextDocumentContent: (uri) => snapshots.get(uri.toString()) ?? '' });
  const side = (name: string, value: unknown) => {
    const uri = vscode.Uri.from({ scheme: SNAPSHOT_SCHEME, path: `/${entry.id}/${name}.json` });
    snapshots.set(uri.toString(), value === undefined ? '' : `${JSON.stringify(value, null, 2)}\n`);
    return uri;
  };
  const after = entry.after ?? (entry.action === 'delete' ? undefined : { ...(entry.before as object | undefined), ...(entry.sent as object | undefined) });
  const what = entry.resource.name || entry.resource.id;
  await vscode.commands.executeCommand('vscode.diff', side('before', entry.before), side('after', after), `${capitalize(entry.action)} ${entry.resource.kind} ${what}: before ↔ after`, { preview: true });
}

/** What the view shows, as CSV or Markdown for a change ticket, in a new editor. */
export async function exportEntries(recorder: ActivityRecorder, format: TableFormat): Promise<string> {
  const entries = await listEntries(recorder);
  const headers = ['Time (UTC)', 'Pod', 'Environment', 'Account', 'Action', 'Resource', 'Id', 'Name', 'Result', 'Pod message', 'Trace id', 'Reason'];
  const rows = entries.map((e) => [e.time, e.pod.label, e.pod.environment, e.account ?? '', e.action, e.resource.kind, e.resource.id, e.resource.name ?? '',
    String(e.result.status), e.result.message ?? '', e.result.traceId ?? '', e.reason ?? '']);
  const content = tableText(headers, rows, format);
  const document = await vscode.workspace.openTextDocument({ language: format === 'csv' ? 'csv' : 'markdown', content });
  await vscode.window.showTextDocument(document, { preview: false });
  return content;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
