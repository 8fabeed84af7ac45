// Application commands: a short create wizard (refusing at step 1 an id the view's app list holds, and any id the
// pod has before creating), the pod entitlement toggles, delete.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { noteChange } from '../activity/changeContext';
import { ApplicationDetail, validateAppId, validateHttpsUrl, validateRequiredName } from '../api';
import { ApplicationNode, ApplicationsNode } from '../tree/appNodes';
import { TreeNode } from '../tree/treeNode';
import { confirmChange } from '../ui/confirmChange';
import { runWizard } from '../ui/prompts';
import { CommandContext, prompts, registerCommand, requireNode, targetPod, withProgress } from './commandContext';

export function registerAppCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'symphonyPodAdmin.apps.create', (node?: TreeNode) => createApplication(context, node)),
    registerCommand(context, 'symphonyPodAdmin.apps.toggleEntitlement', (node?: TreeNode) => changeEntitlement(context, requireNode(node, ApplicationNode, 'an application'))),
    registerCommand(context, 'symphonyPodAdmin.apps.delete', (node?: TreeNode) => deleteApplication(context, requireNode(node, ApplicationNode, 'an application'))),
  ];
}

async function createApplication(context: CommandContext, node?: TreeNode): Promise<void> {
  const podId = await targetPod(context, node);
  const apps = context.sessions.client(podId).apps;
  const title = 'Create Application';
  const listed = new Set(node instanceof ApplicationsNode ? node.loadedItems.map((app) => app.appId) : []);
  const alreadyThere = (appId: string) => `${context.store.get(podId)?.label ?? podId} already has an app "${appId}": choose another id, or edit that app (Edit Manifest).`;
  const answers = await runWizard(prompts(context), [
    {
      ask: async (ui, s) => {
        // The app list the view already holds refuses a known id as it is typed, without a request.
        s.appId = (await ui.input({ title, prompt: 'App id (unique on the pod)', value: s.appId, validate: (v) => validateAppId(v) ?? (listed.has(v.trim()) ? alreadyThere(v.trim()) : undefined) })).trim();
      },
    },
    { ask: async (ui, s) => void (s.name = (await ui.input({ title, prompt: 'Display name', value: s.name || s.appId, validate: (v) => validateRequiredName(v, 'The name') })).trim()) },
    { ask: async (ui, s) => void (s.appUrl = (await ui.input({ title, prompt: 'App URL (https://…)', value: s.appUrl, validate: (v) => validateHttpsUrl(v, 'The app URL') })).trim()) },
    { ask: async (ui, s) => void (s.publisher = (await ui.input({ title, prompt: 'Publisher', value: s.publisher, validate: (v) => validateRequiredName(v, 'The publisher') })).trim()) },
    {
      ask: async (ui, s) => {
        s.auth = await ui.pick<'rsa' | 'cert' | 'none'>(
          [
            { label: 'RSA public key file…', description: 'the app signs in with its RSA key (recommended)', value: 'rsa' },
            { label: 'Certificate file…', description: 'the app signs in with a certificate', value: 'cert' },
            { label: 'No authentication yet', description: 'add a key later by editing the manifest', value: 'none' },
          ],
          { title, placeHolder: 'How does the app authenticate?' },
        );
      },
    },
  ], { appId: '', name: '', appUrl: 'https://', publisher: '', auth: 'none' as 'rsa' | 'cert' | 'none' });
  const { appId, name, appUrl, publisher, auth } = answers;
  const ui = prompts(context);
  const detail: ApplicationDetail = { applicationInfo: { appId, name, appUrl, domain: new URL(appUrl).hostname, publisher } };
  if (auth === 'rsa') {
    const file = await ui.openFile({ title: 'RSA public key of the app (PEM)', filters: { 'PEM files': ['pem', 'pub'], 'All files': ['*'] } });
    detail.authenticationKeys = { current: { key: await fs.readFile(file.fsPath, 'utf8'), action: 'SAVE' } };
  } else if (auth === 'cert') {
    const file = await ui.openFile({ title: 'App certificate (PEM)', filters: { 'PEM files': ['pem', 'crt', 'cer'], 'All files': ['*'] } });
    detail.cert = await fs.readFile(file.fsPath, 'utf8');
  }
  // The pod's own list decides (one read, once every answer is valid, so bad input costs no request).
  if (await apps.applicationExists(appId)) throw new Error(alreadyThere(appId));
  await withProgress(`Creating ${name}…`, () => apps.createApplication(detail));
  context.tree.refreshCategory(podId, 'applications');
  void ui.info(`Created the application ${name} (${appId}).`);
}

async function changeEntitlement(context: CommandContext, app: ApplicationNode): Promise<void> {
  const current = app.item;
  const picked = await prompts(context).pickMany(
    [
      { label: 'Enabled', description: 'the app can be used on this pod', value: 'enable' as const, picked: current.enable },
      { label: 'Listed', description: 'visible in the Symphony Market for everyone', value: 'listed' as const, picked: current.listed },
      { label: 'Installed for everyone', description: 'entitled automatically for the whole company', value: 'install' as const, picked: current.install },
    ],
    { title: `Pod entitlement of ${current.appName || current.appId}`, placeHolder: 'Check what should be on' },
  );
  // Only the fields the operation defines: a pod may list its apps with newer fields, which it would refuse back.
  const updated = { appId: current.appId, appName: current.appName, enable: picked.includes('enable'), listed: picked.includes('listed'), install: picked.includes('install') };
  await withProgress(`Updating the entitlement of ${current.appName}…`, () => context.sessions.client(app.podId!).apps.updatePodAppEntitlements([updated]));
  context.tree.refreshCategory(app.podId!, 'applications');
}

async function deleteApplication(context: CommandContext, app: ApplicationNode): Promise<void> {
  const confirmed = await confirmChange(context, app.podId!, {
    message: `Delete the application "${app.item.appName || app.appId}"?`,
    detail: `App id ${app.appId}\n\nUsers lose the app and its entitlements. This cannot be undone.`,
    action: 'Delete Application',
    destructive: true,
  });
  if (!confirmed) return;
  const apps = context.sessions.client(app.podId!).apps;
  // The manifest as deleted goes into the activity log, so Recreate can offer it back.
  noteChange({ resource: { kind: 'application', id: app.appId, name: app.item.appName }, before: await apps.getApplication(app.appId) });
  await withProgress(`Deleting ${app.item.appName}…`, () => apps.deleteApplication(app.appId));
  context.tree.refreshCategory(app.podId!, 'applications');
}
