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
  item.description = `${entry.pod.label} · ${new Date(entry.time).toLocaleString()} · ${entry.result.ok ? entry.result.status : vscode.l10n.t('failed {0}', entry.result.status)}`;
  item.iconPath = new vscode.ThemeIcon(entry.result.ok ? 'pass' : 'error', new vscode.ThemeColor(entry.result.ok ? 'testing.iconPassed' : 'testing.iconFailed'));
  const noUndo = cannotUndo(entry);
  item.contextValue = !noUndo ? ENTRY_CONTEXT.update
    : entry.result.ok && entry.action === 'delete' && entry.resource.kind !== 'group' ? ENTRY_CONTEXT.delete : ENTRY_CONTEXT.other;
  item.tooltip = new vscode.MarkdownString([
    `**${entry.request.method} ${entry.request.path}**`, '', podLine(entry),
    entry.reason ? vscode.l10n.t('Reason: {0}', entry.reason) : '', entry.command ? vscode.l10n.t('Command: {0}', entry.command) : '',
    resultLine(entry.result),
    entry.result.ok && noUndo && entry.action !== 'create' ? vscode.l10n.t('No Undo: {0}', noUndo) : '',
  ].filter(Boolean).join('\n\n'));
  item.tooltip.supportHtml = false;
  item.command = { title: vscode.l10n.t('Show Changes'), command: 'symphonyPodAdmin.activity.showDiff', arguments: [entry] };
  return item;
}

/** The tooltip's pod line: the pod, its environment, the account and whether the CLI made the change. */
function podLine(entry: ActivityEntry): string {
  const values = { pod: entry.pod.label, environment: entry.pod.environment, account: entry.account ?? '' };
  if (entry.source === 'cli') {
    return entry.account ? vscode.l10n.t('Pod: {pod} ({environment}) as {account}, from the symphony-pod CLI', values) : vscode.l10n.t('Pod: {pod} ({environment}), from the symphony-pod CLI', values);
  }
  return entry.account ? vscode.l10n.t('Pod: {pod} ({environment}) as {account}', values) : vscode.l10n.t('Pod: {pod} ({environment})', values);
}

/** The tooltip's result line: the status, the pod's message and its trace id where there are. */
function resultLine(result: ActivityEntry['result']): string {
  const values = { status: String(result.status), message: result.message ?? '', traceId: result.traceId ?? '' };
  if (result.message) {
    return result.traceId ? vscode.l10n.t('Result: {status}, {message} (trace {traceId})', values) : vscode.l10n.t('Result: {status}, {message}', values);
  }
  return result.traceId ? vscode.l10n.t('Result: {status} (trace {traceId})', values) : vscode.l10n.t('Result: {status}', values);
}

/** Asks which dimension to filter by, then the value; the view shows the filter in its description. */
export async function askFilter(context: CommandContext, recorder: ActivityRecorder, view: vscode.TreeView<unknown>): Promise<void> {
  const ui = context.promptHost.current;
  const all = await recorder.log.read();
  const distinct = (values: string[]) => [...new Set(values)].sort();
  const dimension = await ui.pick([
    { label: vscode.l10n.t('Pod'), value: 'pod' as const }, { label: vscode.l10n.t('Resource'), value: 'kind' as const }, { label: vscode.l10n.t('Action'), value: 'action' as const },
    { label: vscode.l10n.t('Result'), value: 'result' as const }, { label: vscode.l10n.t('Time'), value: 'time' as const },
  ], { title: vscode.l10n.t('Filter the activity by') });
  if (dimension === 'pod') {
    const podId = await ui.pick(distinct(all.map((e) => e.pod.id)).map((id) => ({ label: all.find((e) => e.pod.id === id)!.pod.label, value: id })), { title: vscode.l10n.t('Which pod?') });
    viewState.filter = { ...viewState.filter, podId, label: undefined };
  } else if (dimension === 'kind' || dimension === 'action') {
    const value = await ui.pick(distinct(all.map((e) => (dimension === 'kind' ? e.resource.kind : e.action))).map((v) => ({ label: v, value: v })), { title: dimension === 'kind' ? vscode.l10n.t('Which resource?') : vscode.l10n.t('Which action?') });
    viewState.filter = { ...viewState.filter, [dimension]: value };
  } else if (dimension === 'result') {
    viewState.filter = { ...viewState.filter, ok: await ui.pick([{ label: vscode.l10n.t('Succeeded'), value: true }, { label: vscode.l10n.t('Failed'), value: false }], { title: vscode.l10n.t('Which result?') }) };
  } else {
    viewState.filter = { ...viewState.filter, sinceMs: await ui.pick([
      { label: vscode.l10n.t('Last hour'), value: 3_600_000 }, { label: vscode.l10n.t('Last day'), value: 86_400_000 }, { label: vscode.l10n.t('Last week'), value: 7 * 86_400_000 },
    ], { title: vscode.l10n.t('Since when?') }) };
  }
  view.description = describeFilter(all);
}

export function clearFilter(view: vscode.TreeView<unknown>): void {
  viewState.filter = {};
  view.description = undefined;
}

function describeFilter(all: ActivityEntry[]): string {
  return [
    viewState.filter.podId ? vscode.l10n.t('pod {0}', all.find((e) => e.pod.id === viewState.filter.podId)?.pod.label ?? viewState.filter.podId) : '', viewState.filter.kind ?? '', viewState.filter.action ?? '',
    viewState.filter.ok === undefined ? '' : viewState.filter.ok ? vscode.l10n.t('succeeded') : vscode.l10n.t('failed'), viewState.filter.sinceMs ? vscode.l10n.t('last {0} h', viewState.filter.sinceMs / 3_600_000) : '',
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
  await vscode.commands.executeCommand('vscode.diff', side('before', entry.before), side('after', after), vscode.l10n.t('{action} {kind} {name}: before ↔ after', { action: capitalize(entry.action), kind: entry.resource.kind, name: what }), { preview: true });
}

/** What the view shows, as CSV or Markdown for a change ticket, in a new editor. */
export async function exportEntries(recorder: ActivityRecorder, format: TableFormat): Promise<string> {
  const entries = await listEntries(recorder);
  const headers = [vscode.l10n.t('Time (UTC)'), vscode.l10n.t('Pod'), vscode.l10n.t('Environment'), vscode.l10n.t('Account'), vscode.l10n.t('Action'), vscode.l10n.t('Resource'),
    vscode.l10n.t('Id'), vscode.l10n.t('Name'), vscode.l10n.t('Result'), vscode.l10n.t('Pod message'), vscode.l10n.t('Trace id'), vscode.l10n.t('Reason')];
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
