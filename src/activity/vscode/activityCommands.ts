// The activity log, the Activity view and their commands (and Unlock / Lock Now), as registered at start-up.
// Everything they do lives in the lazily loaded `activity` part (part.ts), loaded at the first change recorded or
// command run; this file only wires, so the extension bundle stays small.
import * as vscode from 'vscode';
import type { WriteOutcome } from '../../api';
import { CommandContext, prompts, registerCommand } from '../../commands/commandContext';
import { saveApplication } from '../../editors/applicationSave';
import type { DetailPanels } from '../../editors/detailPanels';
import { showManifestDiff } from '../../editors/manifestSnapshots';
import { loadPart } from '../../parts/loadPart';
import type { ActivityEntry, EntryPod } from '../activityEntry';
import type { ActivityRecorder } from '../recorder';

type Part = typeof import('./part');
const part = (): Part => loadPart<Part>('activity');
const detailKinds: Record<string, 'certificate' | 'application' | 'group' | undefined> = { certificate: 'certificate', application: 'application', group: 'group' };

/** The window's activity log: the part's recorder, created at the first change recorded or read. */
export class Activity {
  private instance: ActivityRecorder | undefined;
  private readonly appended = new vscode.EventEmitter<void>();
  readonly onDidAppend = this.appended.event;

  constructor(private readonly dir: string, private readonly onError: (error: unknown) => void) {}

  get recorder(): ActivityRecorder {
    if (!this.instance) {
      const { ActivityLog, ActivityRecorder } = part();
      this.instance = new ActivityRecorder(new ActivityLog(this.dir, { onError: this.onError }));
      this.instance.onDidAppend(() => this.appended.fire());
    }
    return this.instance;
  }

  get log(): ActivityRecorder['log'] {
    return this.recorder.log;
  }

  record(outcome: WriteOutcome, pod: EntryPod): void {
    this.recorder.record(outcome, pod);
  }
}

export function registerActivity(context: CommandContext, activity: Activity, panels: DetailPanels): vscode.Disposable[] {
  const recorder = () => activity.recorder;
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.TreeDataProvider<ActivityEntry> = {
    onDidChangeTreeData: changed.event,
    getTreeItem: (entry) => part().treeItem(entry),
    getChildren: (entry) => (entry ? [] : part().listEntries(recorder())),
  };
  const view = vscode.window.createTreeView('symphonyPodAdmin.activity', { treeDataProvider: provider });
  const refresh = () => changed.fire();
  const host = { saveApplication, showManifestDiff };
  const entryCommand = (id: string, run: (entry: ActivityEntry) => Promise<unknown>) =>
    registerCommand(context, `symphonyPodAdmin.activity.${id}`, async (entry?: ActivityEntry) => run(entry ?? (await pickEntry(context, recorder()))));
  return [
    changed,
    view,
    activity.onDidAppend(refresh),
    registerCommand(context, 'symphonyPodAdmin.pods.unlock', async (target?: { podId?: string }) => part().unlock(context, target)),
    registerCommand(context, 'symphonyPodAdmin.pods.lock', async (target?: { podId?: string }) => part().lockNow(context, target)),
    registerCommand(context, 'symphonyPodAdmin.activity.refresh', async () => refresh()),
    registerCommand(context, 'symphonyPodAdmin.activity.filter', async () => { await part().askFilter(context, recorder(), view); refresh(); }),
    registerCommand(context, 'symphonyPodAdmin.activity.clearFilter', async () => { part().clearFilter(view); refresh(); }),
    registerCommand(context, 'symphonyPodAdmin.activity.export', async () => part().exportEntries(recorder(), await prompts(context).pick([{ label: 'CSV', value: 'csv' as const }, { label: 'Markdown', value: 'markdown' as const }], { title: vscode.l10n.t('Export the activity shown as') }))),
    entryCommand('showDiff', (entry) => part().showDiff(entry)),
    entryCommand('undo', (entry) => part().undo(context, host, entry)),
    entryCommand('recreate', (entry) => part().recreate(context, host, entry)),
    entryCommand('copyCurl', async (entry) => {
      await vscode.env.clipboard.writeText(part().curlCommand(entry));
      void prompts(context).info(vscode.l10n.t('Copied the change as a curl command; it reads the session token from {0}.', '$SYMPHONY_SESSION_TOKEN'));
    }),
    // From a log entry, or from a tree item: the item's plain facts (a pod, an app, a certificate, a group).
    registerCommand(context, 'symphonyPodAdmin.activity.copyCli', async (n?: Record<string, any>) => part().copyCli(context, !n ? await pickEntry(context, recorder()) : 'request' in n ? n as ActivityEntry
      : { podId: n.podId, kind: n.appId ? 'application' : n.fingerPrint ? 'certificate' : n.groupId ? 'group' : undefined, id: n.appId ?? n.fingerPrint ?? n.groupId, name: n.displayName ?? n.item?.appName ?? n.item?.name })),
    entryCommand('openResource', async (entry) => {
      const kind = detailKinds[entry.resource.kind];
      if (!kind || !entry.resource.id) throw new Error(vscode.l10n.t('A {0} has no details to open.', entry.resource.kind));
      return panels.open({ podId: entry.pod.id, kind, id: entry.resource.id });
    }),
  ];
}

/** From the command palette: which logged change (newest first)? */
async function pickEntry(context: CommandContext, recorder: ActivityRecorder): Promise<ActivityEntry> {
  const entries = await part().listEntries(recorder);
  if (entries.length === 0) throw new Error(vscode.l10n.t('The activity log is empty: no change was made to a pod yet.'));
  return prompts(context).pick(entries.map((e) => ({ label: `${e.action} ${e.resource.kind} ${e.resource.name || e.resource.id}`, description: `${e.pod.label} · ${e.time}`, value: e })), { title: vscode.l10n.t('Which change?') });
}
