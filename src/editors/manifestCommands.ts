// Commands of the manifest documents: "Edit Manifest" (an app as JSON), "New App Manifest" (a template whose first
// save creates the app) and "Apply Manifest to Pod…" (promote a manifest saved as a workspace file to any pod, after
// a diff and a confirmation). Also registers the `symphony-pod:` file system and the read-only diff snapshots.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ApplicationDetail, applicationChanges, assertNoIssues, assertValid, validateAppId, validateApplicationDetail } from '../api';
import { CommandContext, prompts, registerCommand, targetPod, withProgress } from '../commands/commandContext';
import { ApplicationNode } from '../tree/appNodes';
import { TreeNode } from '../tree/treeNode';
import { PickItem, UserCancelled } from '../ui/prompts';
import { saveApplication } from './applicationSave';
import { formatManifest, parseManifest } from './manifestFormat';
import { MANIFEST_SCHEME, ManifestFileSystem, openManifestDocument } from './manifestFileSystem';
import { registerManifestSnapshots, showManifestDiff } from './manifestSnapshots';
import { confirmChange } from '../ui/confirmChange';

export function registerManifestEditors(context: CommandContext): vscode.Disposable[] {
  const files = new ManifestFileSystem(context);
  return [
    files,
    vscode.workspace.registerFileSystemProvider(MANIFEST_SCHEME, files, { isCaseSensitive: true }),
    registerManifestSnapshots(),
    registerCommand(context, 'symphonyPodAdmin.apps.editManifest', (node?: TreeNode) => editManifest(context, files, node)),
    registerCommand(context, 'symphonyPodAdmin.apps.newManifest', (node?: TreeNode) => newManifest(context, files, node)),
    registerCommand(context, 'symphonyPodAdmin.apps.applyManifest', (uri?: vscode.Uri) => applyManifest(context, uri)),
    registerCommand(context, 'symphonyPodAdmin.apps.saveManifest', (uri?: vscode.Uri) => saveManifest(files, uri)),
  ];
}

async function editManifest(context: CommandContext, files: ManifestFileSystem, node?: TreeNode): Promise<vscode.TextEditor> {
  const podId = await targetPod(context, node);
  const appId = node instanceof ApplicationNode ? node.appId : await pickApplication(context, podId);
  const uri = await withProgress(vscode.l10n.t('Opening the manifest of {0}…', appId), () => files.openApplication(podId, appId));
  return vscode.window.showTextDocument(await openManifestDocument(uri), { preview: false });
}

async function pickApplication(context: CommandContext, podId: string): Promise<string> {
  const apps = await context.sessions.client(podId).apps.listPodAppEntitlements();
  if (apps.length === 0) throw new Error(vscode.l10n.t('{0} has no applications yet: use "New App Manifest" to create one.', context.store.get(podId)?.label ?? podId));
  const items: PickItem<string>[] = apps.map((app) => ({ label: app.appName || app.appId, description: app.appId, value: app.appId }));
  return prompts(context).pick(items, { title: vscode.l10n.t('Edit the manifest of which application?') });
}

async function newManifest(context: CommandContext, files: ManifestFileSystem, node?: TreeNode): Promise<vscode.TextEditor> {
  const podId = await targetPod(context, node);
  return vscode.window.showTextDocument(await openManifestDocument(files.openTemplate(podId)), { preview: false });
}

/** Ctrl+S / Cmd+S on a manifest (keybinding in package.json): checks and sends before the workbench writes. */
async function saveManifest(files: ManifestFileSystem, uri?: vscode.Uri): Promise<boolean> {
  const active = vscode.window.activeTextEditor?.document;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : active;
  if (document?.uri.scheme !== MANIFEST_SCHEME) return vscode.commands.executeCommand<boolean>('workbench.action.files.save');
  return files.saveManifest(document);
}

/** Applies a manifest file (or any open manifest) to a pod the user picks: diff against that pod's version, confirm, save. */
async function applyManifest(context: CommandContext, resource?: vscode.Uri): Promise<ApplicationDetail> {
  const source = resource ?? activeJsonDocument() ?? await prompts(context).openFile({ title: vscode.l10n.t('Manifest to apply (JSON)'), filters: { [vscode.l10n.t('Manifests (JSON)')]: ['json'] } });
  const document = await vscode.workspace.openTextDocument(source);
  const edited = parseManifest(document.getText());
  const appId = edited?.applicationInfo?.appId as string;
  assertValid('applicationInfo.appId', validateAppId(appId));
  const name = edited.applicationInfo?.name || appId;
  const podId = await pickSignedInPod(context, vscode.l10n.t('Apply "{0}" to which pod?', name));
  const podLabel = context.store.get(podId)?.label ?? podId;
  // A locked production pod is refused before the diff is read and shown.
  context.sessions.lock.refuseIfLocked(context.store.get(podId)!, 'Apply Manifest');
  const current = await withProgress(vscode.l10n.t('Reading {0} on {1}…', appId, podLabel), () => currentApplication(context, podId, appId));
  // What the pod would be sent is checked before the diff: the whole manifest for a new app, only what differs from
  // the pod's version for an update (a manifest promoted from another pod may hold what this pod holds too, such as
  // a field newer than our schema: that is not a change and is not sent).
  assertNoIssues(current ? validateApplicationDetail(applicationChanges(current, edited), false) : validateApplicationDetail(edited, true));
  const fileName = path.posix.basename(source.path);
  const diff = await showManifestDiff(
    { label: current ? vscode.l10n.t('{0} (pod)', podLabel) : vscode.l10n.t('{0} (new app)', podLabel), text: current ? formatManifest(current) : '' },
    { label: fileName.replace(/\.json$/, ''), text: formatManifest(edited) },
    `${appId}.json`,
    `${name}: ${podLabel} ↔ ${fileName}`,
  );
  try {
    const from = vscode.workspace.asRelativePath(source);
    const confirmed = await confirmChange(context, podId, {
      message: current ? vscode.l10n.t('Apply the manifest of "{0}"?', name) : vscode.l10n.t('Create "{0}"?', name),
      detail: current
        ? vscode.l10n.t('App id {0}\nFrom {1}\n\nThe diff shows {2}\'s current version (left) and the manifest (right). Apply replaces the pod\'s version.', appId, from, podLabel)
        : vscode.l10n.t('App id {0}\nCreated from {1}\n\nThe diff shows {2}\'s current version (left) and the manifest (right).', appId, from, podLabel),
      action: current ? vscode.l10n.t('Apply') : vscode.l10n.t('Create App'),
    });
    if (!confirmed) throw new UserCancelled();
  } finally {
    await diff.close();
  }
  const saved = await saveApplication(context, { podId, appId: current ? appId : undefined, edited, base: current });
  void prompts(context).info(current ? vscode.l10n.t('Applied {0} ({1}) on {2}.', name, appId, podLabel) : vscode.l10n.t('Created {0} ({1}) on {2}.', name, appId, podLabel));
  return saved;
}

function activeJsonDocument(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && (document.languageId === 'json' || document.uri.path.endsWith('.json')) ? document.uri : undefined;
}

/**
 * The app as the pod has it, or undefined when the pod has no app with this id. Existence comes from the pod's app
 * list, not from a 404: a real pod answers an unknown app id with 400.
 */
async function currentApplication(context: CommandContext, podId: string, appId: string): Promise<ApplicationDetail | undefined> {
  const apps = context.sessions.client(podId).apps;
  return await apps.applicationExists(appId) ? apps.getApplication(appId) : undefined;
}

async function pickSignedInPod(context: CommandContext, title: string): Promise<string> {
  const pods = context.store.list().filter((p) => context.sessions.state(p.id) === 'signedIn');
  if (pods.length === 0) throw new Error(vscode.l10n.t('Sign in to a pod first (Symphony: Sign In).'));
  return prompts(context).pick(pods.map((p) => ({ label: p.label, description: p.podUrl, value: p.id })), { title });
}
