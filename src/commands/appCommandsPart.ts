// The application commands' bodies, bundled as the lazily loaded part `applications` (src/parts/README.md): a short
// create wizard (refusing at step 1 an id the view's app list holds, and any id the pod has before creating), the pod
// entitlement toggles, delete. appCommands.ts registers the commands and passes plain data (the applications as
// `ApplicationItem`): a part never checks instanceof on tree nodes.
import * as fs from 'node:fs/promises';
import { noteChange, withChange } from '../activity/changeContext';
import { ApplicationDetail, PodAppEntitlement, validateAppId, validateHttpsUrl, validateRequiredName } from '../api';
import { confirmChange } from '../ui/confirmChange';
import { runWizard } from '../ui/prompts';
import { nameLines, refuseInvalid, runOnItems } from './bulk';
import { CommandContext, prompts, withProgress } from './commandContext';
import { announceCreated } from './revealCreated';

/** An application as the tree shows it: its pod, its app id and its entitlement as the pod listed it. */
export interface ApplicationItem { podId: string; appId: string; item: PodAppEntitlement }

/** Create Application on a pod; `listedIds`: the app ids the view's list already holds (run from that list). */
export async function createApplication(context: CommandContext, podId: string, listedIds: readonly string[]): Promise<void> {
  const apps = context.sessions.client(podId).apps;
  const title = 'Create Application';
  const listed = new Set(listedIds);
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
  await announceCreated(context, context.tree.podNode(podId)?.applications, appId, undefined, `Created the application ${name} (${appId}).`);
}

type Entitlement = 'enable' | 'listed' | 'install';
const settings: { value: Entitlement; label: string; on: string; off: string; description: string }[] = [
  { value: 'enable', label: 'Enabled', on: 'Enable', off: 'Disable', description: 'the app can be used on this pod' },
  { value: 'listed', label: 'Listed', on: 'List in the Market', off: 'Hide from the Market', description: 'visible in the Symphony Market for everyone' },
  { value: 'install', label: 'Installed for everyone', on: 'Install for everyone', off: 'Stop installing for everyone', description: 'entitled automatically for the whole company' },
];

/**
 * One app: its three settings as checkboxes. Several: one change (a setting on or off) for all of them, confirmed
 * in a modal that lists them, since checkboxes cannot show settings that differ between the apps.
 */
export async function changeEntitlement(context: CommandContext, apps: ApplicationItem[]): Promise<void> {
  const podId = apps[0].podId;
  const nameOf = (app: ApplicationItem) => app.item.appName || app.appId;
  refuseInvalid(apps, (app) => validateAppId(app.appId), nameOf);
  let change: (app: ApplicationItem) => Record<Entitlement, boolean>;
  if (apps.length === 1) {
    const current = apps[0].item;
    const picked = await prompts(context).pickMany(
      settings.map((s) => ({ label: s.label, description: s.description, value: s.value, picked: current[s.value] })),
      { title: `Pod entitlement of ${nameOf(apps[0])}`, placeHolder: 'Check what should be on' },
    );
    change = () => ({ enable: picked.includes('enable'), listed: picked.includes('listed'), install: picked.includes('install') });
  } else {
    const picked = await prompts(context).pick(
      settings.flatMap((s) => [true, false].map((on) => ({ label: on ? s.on : s.off, description: countWith(apps, s.value, on), value: { setting: s, on } }))),
      { title: `Pod entitlement of ${apps.length} applications`, placeHolder: 'The change to make on every one of them' },
    );
    const what = `${picked.on ? picked.setting.on : picked.setting.off}`;
    const confirmed = await confirmChange(context, podId, {
      message: `${what}: ${apps.length} applications?`,
      detail: `${nameLines(apps.map((app) => `${nameOf(app)} (${picked.setting.label.toLowerCase()} now ${app.item[picked.setting.value] ? 'on' : 'off'})`))}\n\n${picked.setting.label}: ${picked.setting.description}.`,
      action: what,
      destructive: true,
    });
    if (!confirmed) return;
    change = (app) => ({ enable: app.item.enable, listed: app.item.listed, install: app.item.install, [picked.setting.value]: picked.on });
  }
  await runOnItems(context, {
    items: apps, nameOf, noun: { one: 'application', many: 'applications' }, done: 'Updated the entitlement of',
    progress: `Updating the entitlement of ${apps.length === 1 ? nameOf(apps[0]) : `${apps.length} applications`}…`,
    // Only the fields the operation defines: a pod may list its apps with newer fields, which it would refuse back.
    // Each app its own change scope: its log entry keeps the entitlement as it was, for Undo.
    write: (app) => withChange({ resource: { kind: 'entitlement', id: app.appId, name: app.item.appName }, before: { enable: app.item.enable, listed: app.item.listed, install: app.item.install } },
      () => context.sessions.client(podId).apps.updatePodAppEntitlements([{ appId: app.appId, appName: app.item.appName, ...change(app) }])),
    refresh: () => context.tree.refreshCategory(podId, 'applications'),
  });
}

/** "2 of 3 already on": how much of the selection the change leaves as it is. */
function countWith(apps: ApplicationItem[], setting: Entitlement, on: boolean): string {
  return `${apps.filter((app) => app.item[setting] === on).length} of ${apps.length} already ${on ? 'on' : 'off'}`;
}

export async function deleteApplication(context: CommandContext, app: ApplicationItem): Promise<void> {
  const confirmed = await confirmChange(context, app.podId, {
    message: `Delete the application "${app.item.appName || app.appId}"?`,
    detail: `App id ${app.appId}\n\nUsers lose the app and its entitlements. This cannot be undone.`,
    action: 'Delete Application',
    destructive: true,
  });
  if (!confirmed) return;
  const apps = context.sessions.client(app.podId).apps;
  // The manifest as deleted goes into the activity log, so Recreate can offer it back.
  noteChange({ resource: { kind: 'application', id: app.appId, name: app.item.appName }, before: await apps.getApplication(app.appId) });
  await withProgress(`Deleting ${app.item.appName}…`, () => apps.deleteApplication(app.appId));
  context.tree.refreshCategory(app.podId, 'applications');
}
