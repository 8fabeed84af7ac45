// The VS Code side of pod as code, loaded lazily (dist/parts/podAsCode.js, see src/parts/README.md): Export Pod to
// Folder…, Compare Folder with Pod… (the plan as a list, each resource opening a diff pod ↔ folder) and Apply Folder
// to Pod… (the plan, a modal confirmation naming the pod and the counts, progress, the result). Everything with
// state (sessions, prompts, the tree, the diff documents) comes from the extension through the arguments.
import * as vscode from 'vscode';
import { confirmChange } from '../../ui/confirmChange';
import type { CommandContext } from '../../commands/commandContext';
import type { showManifestDiff } from '../../editors/manifestSnapshots';
import { ApplyResult, EngineHost, KIND_NAMES, Plan, PlannedChange, applyPlan, countActions, exportPod, hasWrites, planFolder, readPodConfig, stableJson, writesOf } from '..';
import { UserCancelled } from '../../ui/prompts';
import type { PickItem } from '../../ui/prompts';

/** What the extension lends the part: the diff documents live in the extension's own provider. */
export interface PodAsCodeServices { showDiff: typeof showManifestDiff }

/** The pod (resolved by the caller) and, from the Explorer's context menu, the folder. */
export interface PodAsCodeTarget { podId: string; folder?: vscode.Uri }

const TREE_CATEGORY: Record<string, 'certificates' | 'applications' | 'groups' | 'serviceAccounts' | undefined> = {
  certificates: 'certificates', apps: 'applications', groups: 'groups', serviceAccounts: 'serviceAccounts',
};
const ICON: Record<string, string> = { create: '$(diff-added)', update: '$(diff-modified)', delete: '$(diff-removed)', unmanaged: '$(question)' };

export async function exportPodToFolder(context: CommandContext, target: PodAsCodeTarget): Promise<void> {
  const pod = podOf(context, target.podId);
  const folder = await chooseFolder(context, target.folder, vscode.l10n.t('Folder to export {0} into (new, or a pod folder to refresh)', pod.label));
  const environment = await chooseEnvironment(context, folder, vscode.l10n.t('Which environment of the folder is {0}?', pod.label));
  const result = await withEngineProgress(vscode.l10n.t('Exporting {0} to {1}…', pod.label, folder), (host) => exportPod(pod.client, folder, { environment, host }));
  // "3 apps": the count and the kind's folder name (pod.json's word for it), not a translated noun.
  const counts = Object.entries(result.counts).map(([kind, n]) => `${n} ${kind}`).join(', ');
  void context.promptHost.current.info(vscode.l10n.t('Exported {0} from {1} to {2}. Files written: {3}, removed: {4}, unchanged: {5}.',
    counts, pod.label, folder, result.written.length, result.removed.length, result.unchanged));
}

/** Shows the plan; each change opens a diff pod ↔ folder, and the list comes back until dismissed. */
export async function compareFolderWithPod(context: CommandContext, target: PodAsCodeTarget, services: PodAsCodeServices): Promise<Plan> {
  const { pod, plan } = await planFor(context, target, vscode.l10n.t('Pod folder to compare with'));
  const shown = plan.changes.filter((c) => c.action !== 'unchanged');
  if (!hasWrites(plan)) {
    const showUnmanaged = vscode.l10n.t('Show Unmanaged');
    const choice = await context.promptHost.current.info(shown.length
      ? vscode.l10n.t('{0} matches the folder {1}: nothing to change ({2} unmanaged on the pod).', pod.label, plan.folder, shown.length)
      : vscode.l10n.t('{0} matches the folder {1}: nothing to change.', pod.label, plan.folder), ...(shown.length ? [showUnmanaged] : []));
    if (choice !== showUnmanaged) return plan;
  }
  const items: Array<PickItem<PlannedChange>> = shown.map((c) => ({
    label: `${ICON[c.action]} ${c.action} ${c.kind}: ${c.label}`,
    description: c.fields.map((f) => f.field).join(', ') || c.reason,
    detail: c.file,
    value: c,
  }));
  for (;;) {
    const change = await context.promptHost.current.pick(items, {
      title: vscode.l10n.t('Plan for {0}: {1}', pod.label, summary(plan)), placeHolder: vscode.l10n.t('Choose a resource to see its diff (pod ↔ folder)'),
    });
    await services.showDiff(
      { label: vscode.l10n.t('{0} (pod)', pod.label), text: change.current ? stableJson(change.current.value) : '' },
      { label: vscode.l10n.t('folder'), text: change.desired ? stableJson(change.desired.value) : '' },
      `${change.kind}-${change.id.replace(/[/\\]/g, '_')}.json`,
      vscode.l10n.t('{0}: {1} ↔ folder', change.label, pod.label),
    );
  }
}

export async function applyFolderToPod(context: CommandContext, target: PodAsCodeTarget): Promise<ApplyResult | undefined> {
  const { pod, plan } = await planFor(context, target, vscode.l10n.t('Pod folder to apply'));
  if (!hasWrites(plan)) {
    void context.promptHost.current.info(vscode.l10n.t('Nothing to apply: {0} already matches {1}.', pod.label, plan.folder));
    return undefined;
  }
  const writes = writesOf(plan);
  const listed = writes.slice(0, 25).map((c) => `${c.action} ${c.kind} ${c.label}${c.fields.length ? ` (${c.fields.map((f) => f.field).join(', ')})` : ''}`);
  const ok = await confirmChange(context, target.podId, {
    message: writes.length === 1 ? vscode.l10n.t('Apply 1 change?') : vscode.l10n.t('Apply {0} changes?', writes.length),
    detail: [
      summary(plan),
      `${listed.join('\n')}${writes.length > listed.length ? `\n${vscode.l10n.t('… and {0} more', writes.length - listed.length)}` : ''}`,
      vscode.l10n.t('Each resource is read again first; if the pod changed since this plan, nothing is written.'),
    ].join('\n\n'),
    action: vscode.l10n.t('Apply'),
    destructive: writes.some((c) => c.action === 'delete'),
  });
  if (!ok) throw new UserCancelled();
  const result = await withEngineProgress(vscode.l10n.t('Applying {0} to {1}…', plan.folder, pod.label), (host) => applyPlan(pod.client, plan, {}, host));
  for (const kind of new Set(result.applied.map((c) => c.kind))) {
    const category = TREE_CATEGORY[kind];
    if (category) context.tree.refreshCategory(target.podId, category);
  }
  void showResult(context, pod.label, plan.folder, result);
  return result;
}

async function showResult(context: CommandContext, podLabel: string, folder: string, result: ApplyResult): Promise<void> {
  const ui = context.promptHost.current;
  const failed = result.failed;
  const applied = result.applied.length;
  const message = failed
    ? applied === 1
      ? vscode.l10n.t('Applied 1 change to {0}; {1} failed: {2} Not applied: {3}.', podLabel, `${failed.change.action} ${failed.change.kind} ${failed.change.label}`, failed.error, result.notApplied.length)
      : vscode.l10n.t('Applied {0} changes to {1}; {2} failed: {3} Not applied: {4}.', applied, podLabel, `${failed.change.action} ${failed.change.kind} ${failed.change.label}`, failed.error, result.notApplied.length)
    : applied === 1
      ? vscode.l10n.t('Applied 1 change to {0}.', podLabel)
      : vscode.l10n.t('Applied {0} changes to {1}.', applied, podLabel);
  const showButton = vscode.l10n.t('Show Result');
  const choice = await (failed ? ui.error(message, showButton) : ui.info(message, showButton));
  if (choice !== showButton) return;
  const rows = [
    ...result.applied.map((c) => ({ c, state: vscode.l10n.t('applied') })),
    ...(failed ? [{ c: failed.change, state: vscode.l10n.t('failed') }] : []),
    ...result.notApplied.map((c) => ({ c, state: vscode.l10n.t('not applied') })),
  ];
  const picked = await ui.pick(rows.map(({ c, state }) => ({ label: `${state}: ${c.action} ${c.kind} ${c.label}`, detail: c.file, value: c })), {
    title: vscode.l10n.t('Result on {0}', podLabel),
  });
  if (picked.file) await vscode.window.showTextDocument(vscode.Uri.file(`${folder}/${picked.file}`));
}

async function planFor(context: CommandContext, target: PodAsCodeTarget, title: string): Promise<{ pod: ReturnType<typeof podOf>; plan: Plan }> {
  const pod = podOf(context, target.podId);
  const folder = await chooseFolder(context, target.folder, title);
  const environment = await chooseEnvironment(context, folder, vscode.l10n.t("Which environment's values apply to {0}?", pod.label));
  const plan = await withEngineProgress(vscode.l10n.t('Comparing {0} with {1}…', folder, pod.label), (host) => planFolder(pod.client, folder, { environment, host }));
  return { pod, plan };
}

function podOf(context: CommandContext, podId: string) {
  return { label: context.store.get(podId)?.label ?? podId, client: context.sessions.client(podId) };
}

async function chooseFolder(context: CommandContext, given: vscode.Uri | undefined, title: string): Promise<string> {
  return (given ?? await context.promptHost.current.openFile({ title, folders: true })).fsPath;
}

/** The folder's environment for this pod, asked only when pod.json defines environments. */
async function chooseEnvironment(context: CommandContext, folder: string, title: string): Promise<string | undefined> {
  const environments = (await readPodConfig(folder, KIND_NAMES))?.environments ?? {};
  const names = Object.keys(environments);
  if (!names.length) return undefined;
  return context.promptHost.current.pick(names.map((name) => ({ label: name, description: environments[name].podUrl, value: name })), { title });
}

function summary(plan: Plan): string {
  const n = countActions(plan.changes);
  return vscode.l10n.t('{0} to create, {1} to update, {2} to delete, {3} unmanaged', n.create, n.update, n.delete, n.unmanaged);
}

function withEngineProgress<T>(title: string, task: (host: EngineHost) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) => task({ progress: (message) => progress.report({ message }) }));
}
