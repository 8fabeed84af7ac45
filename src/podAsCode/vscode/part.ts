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
  const folder = await chooseFolder(context, target.folder, `Folder to export ${pod.label} into (new, or a pod folder to refresh)`);
  const environment = await chooseEnvironment(context, folder, `Which environment of the folder is ${pod.label}?`);
  const result = await withEngineProgress(`Exporting ${pod.label} to ${folder}…`, (host) => exportPod(pod.client, folder, { environment, host }));
  const counts = Object.entries(result.counts).map(([kind, n]) => `${n} ${kind}`).join(', ');
  void context.promptHost.current.info(`Exported ${counts} from ${pod.label} to ${folder}: ${result.written.length} files written, ${result.removed.length} removed, ${result.unchanged} unchanged.`);
}

/** Shows the plan; each change opens a diff pod ↔ folder, and the list comes back until dismissed. */
export async function compareFolderWithPod(context: CommandContext, target: PodAsCodeTarget, services: PodAsCodeServices): Promise<Plan> {
  const { pod, plan } = await planFor(context, target, 'Pod folder to compare with');
  const shown = plan.changes.filter((c) => c.action !== 'unchanged');
  if (!hasWrites(plan)) {
    const unmanaged = shown.length ? ` (${shown.length} unmanaged on the pod)` : '';
    const choice = await context.promptHost.current.info(`${pod.label} matches the folder ${plan.folder}: nothing to change${unmanaged}.`, ...(shown.length ? ['Show Unmanaged'] : []));
    if (choice !== 'Show Unmanaged') return plan;
  }
  const items: Array<PickItem<PlannedChange>> = shown.map((c) => ({
    label: `${ICON[c.action]} ${c.action} ${c.kind}: ${c.label}`,
    description: c.fields.map((f) => f.field).join(', ') || c.reason,
    detail: c.file,
    value: c,
  }));
  for (;;) {
    const change = await context.promptHost.current.pick(items, { title: `Plan for ${pod.label}: ${summary(plan)}`, placeHolder: 'Choose a resource to see its diff (pod ↔ folder)' });
    await services.showDiff(
      { label: `${pod.label} (pod)`, text: change.current ? stableJson(change.current.value) : '' },
      { label: 'folder', text: change.desired ? stableJson(change.desired.value) : '' },
      `${change.kind}-${change.id.replace(/[/\\]/g, '_')}.json`,
      `${change.label}: ${pod.label} ↔ folder`,
    );
  }
}

export async function applyFolderToPod(context: CommandContext, target: PodAsCodeTarget): Promise<ApplyResult | undefined> {
  const { pod, plan } = await planFor(context, target, 'Pod folder to apply');
  if (!hasWrites(plan)) {
    void context.promptHost.current.info(`Nothing to apply: ${pod.label} already matches ${plan.folder}.`);
    return undefined;
  }
  const writes = writesOf(plan);
  const listed = writes.slice(0, 25).map((c) => `${c.action} ${c.kind} ${c.label}${c.fields.length ? ` (${c.fields.map((f) => f.field).join(', ')})` : ''}`);
  const ok = await confirmChange(context, target.podId, {
    message: `Apply ${writes.length} change${writes.length === 1 ? '' : 's'}?`,
    detail:
    `${summary(plan)}\n\n${listed.join('\n')}${writes.length > listed.length ? `\n… and ${writes.length - listed.length} more` : ''}\n\nEach resource is read again first; if the pod changed since this plan, nothing is written.`,
    action: 'Apply',
    destructive: writes.some((c) => c.action === 'delete'),
  });
  if (!ok) throw new UserCancelled();
  const result = await withEngineProgress(`Applying ${plan.folder} to ${pod.label}…`, (host) => applyPlan(pod.client, plan, {}, host));
  for (const kind of new Set(result.applied.map((c) => c.kind))) {
    const category = TREE_CATEGORY[kind];
    if (category) context.tree.refreshCategory(target.podId, category);
  }
  void showResult(context, pod.label, plan.folder, result);
  return result;
}

async function showResult(context: CommandContext, podLabel: string, folder: string, result: ApplyResult): Promise<void> {
  const ui = context.promptHost.current;
  const message = result.failed
    ? `Applied ${result.applied.length} change(s) to ${podLabel}; ${result.failed.change.action} ${result.failed.change.kind} ${result.failed.change.label} failed: ${result.failed.error} Not applied: ${result.notApplied.length}.`
    : `Applied ${result.applied.length} change(s) to ${podLabel}.`;
  const choice = await (result.failed ? ui.error(message, 'Show Result') : ui.info(message, 'Show Result'));
  if (choice !== 'Show Result') return;
  const rows = [
    ...result.applied.map((c) => ({ c, state: 'applied' })),
    ...(result.failed ? [{ c: result.failed.change, state: 'failed' }] : []),
    ...result.notApplied.map((c) => ({ c, state: 'not applied' })),
  ];
  const picked = await ui.pick(rows.map(({ c, state }) => ({ label: `${state}: ${c.action} ${c.kind} ${c.label}`, detail: c.file, value: c })), { title: `Result on ${podLabel}` });
  if (picked.file) await vscode.window.showTextDocument(vscode.Uri.file(`${folder}/${picked.file}`));
}

async function planFor(context: CommandContext, target: PodAsCodeTarget, title: string): Promise<{ pod: ReturnType<typeof podOf>; plan: Plan }> {
  const pod = podOf(context, target.podId);
  const folder = await chooseFolder(context, target.folder, title);
  const environment = await chooseEnvironment(context, folder, `Which environment's values apply to ${pod.label}?`);
  const plan = await withEngineProgress(`Comparing ${folder} with ${pod.label}…`, (host) => planFolder(pod.client, folder, { environment, host }));
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
  return `${n.create} to create, ${n.update} to update, ${n.delete} to delete, ${n.unmanaged} unmanaged`;
}

function withEngineProgress<T>(title: string, task: (host: EngineHost) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) => task({ progress: (message) => progress.report({ message }) }));
}
