// The application commands' bodies, bundled as the lazily loaded part `applications` (src/parts/README.md): a short
// create wizard (refusing at step 1 an id the view's app list holds, and any id the pod has before creating), the pod
// entitlement toggles, delete. appCommands.ts registers the commands and passes plain data (the applications as
// `ApplicationItem`): a part never checks instanceof on tree nodes.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
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
  const title = vscode.l10n.t('Create Application');
  const listed = new Set(listedIds);
  const alreadyThere = (appId: string) => vscode.l10n.t('{0} already has an app "{1}": choose another id, or edit that app (Edit Manifest).', context.store.get(podId)?.label ?? podId, appId);
  const answers = await runWizard(prompts(context), [
    {
      ask: async (ui, s) => {
        // The app list the view already holds refuses a known id as it is typed, without a request.
        s.appId = (await ui.input({ title, prompt: vscode.l10n.t('App id (unique on the pod)'), value: s.appId, validate: (v) => validateAppId(v) ?? (listed.has(v.trim()) ? alreadyThere(v.trim()) : undefined) })).trim();
      },
    },
    { ask: async (ui, s) => void (s.name = (await ui.input({ title, prompt: vscode.l10n.t('Display name'), value: s.name || s.appId, validate: (v) => validateRequiredName(v, vscode.l10n.t('The name')) })).trim()) },
    { ask: async (ui, s) => void (s.appUrl = (await ui.input({ title, prompt: vscode.l10n.t('App URL (https://…)'), value: s.appUrl, validate: (v) => validateHttpsUrl(v, vscode.l10n.t('The app URL')) })).trim()) },
    { ask: async (ui, s) => void (s.publisher = (await ui.input({ title, prompt: vscode.l10n.t('Publisher'), value: s.publisher, validate: (v) => validateRequiredName(v, vscode.l10n.t('The publisher')) })).trim()) },
    {
      ask: async (ui, s) => {
        s.auth = await ui.pick<'rsa' | 'cert' | 'none'>(
          [
            { label: vscode.l10n.t('RSA public key file…'), description: vscode.l10n.t('the app signs in with its RSA key (recommended)'), value: 'rsa' },
            { label: vscode.l10n.t('Certificate file…'), description: vscode.l10n.t('the app signs in with a certificate'), value: 'cert' },
            { label: vscode.l10n.t('No authentication yet'), description: vscode.l10n.t('add a key later by editing the manifest'), value: 'none' },
          ],
          { title, placeHolder: vscode.l10n.t('How does the app authenticate?') },
        );
      },
    },
  ], { appId: '', name: '', appUrl: 'https://', publisher: '', auth: 'none' as 'rsa' | 'cert' | 'none' });
  const { appId, name, appUrl, publisher, auth } = answers;
  const ui = prompts(context);
  const detail: ApplicationDetail = { applicationInfo: { appId, name, appUrl, domain: new URL(appUrl).hostname, publisher } };
  if (auth === 'rsa') {
    const file = await ui.openFile({ title: vscode.l10n.t('RSA public key of the app (PEM)'), filters: { [vscode.l10n.t('PEM files')]: ['pem', 'pub'], [vscode.l10n.t('All files')]: ['*'] } });
    detail.authenticationKeys = { current: { key: await fs.readFile(file.fsPath, 'utf8'), action: 'SAVE' } };
  } else if (auth === 'cert') {
    const file = await ui.openFile({ title: vscode.l10n.t('App certificate (PEM)'), filters: { [vscode.l10n.t('PEM files')]: ['pem', 'crt', 'cer'], [vscode.l10n.t('All files')]: ['*'] } });
    detail.cert = await fs.readFile(file.fsPath, 'utf8');
  }
  // The pod's own list decides (one read, once every answer is valid, so bad input costs no request).
  if (await apps.applicationExists(appId)) throw new Error(alreadyThere(appId));
  await withProgress(vscode.l10n.t('Creating {0}…', name), () => apps.createApplication(detail));
  await announceCreated(context, context.tree.podNode(podId)?.applications, appId, undefined, vscode.l10n.t('Created the application {0} ({1}).', name, appId));
}

type Entitlement = 'enable' | 'listed' | 'install';
interface Setting {
  value: Entitlement;
  label: string;
  /** The label as a list line says it of one app: "(enabled now on)". */
  lower: string;
  on: string;
  off: string;
  description: string;
}
/** The three settings, in the user's language (read when shown). */
const settings = (): Setting[] => [
  {
    value: 'enable', label: vscode.l10n.t('Enabled'), lower: vscode.l10n.t('enabled'), on: vscode.l10n.t('Enable'), off: vscode.l10n.t('Disable'),
    description: vscode.l10n.t('the app can be used on this pod'),
  },
  {
    value: 'listed', label: vscode.l10n.t('Listed'), lower: vscode.l10n.t('listed'), on: vscode.l10n.t('List in the Market'), off: vscode.l10n.t('Hide from the Market'),
    description: vscode.l10n.t('visible in the Symphony Market for everyone'),
  },
  {
    value: 'install', label: vscode.l10n.t('Installed for everyone'), lower: vscode.l10n.t('installed for everyone'), on: vscode.l10n.t('Install for everyone'),
    off: vscode.l10n.t('Stop installing for everyone'), description: vscode.l10n.t('entitled automatically for the whole company'),
  },
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
      settings().map((s) => ({ label: s.label, description: s.description, value: s.value, picked: current[s.value] })),
      { title: vscode.l10n.t('Pod entitlement of {0}', nameOf(apps[0])), placeHolder: vscode.l10n.t('Check what should be on') },
    );
    change = () => ({ enable: picked.includes('enable'), listed: picked.includes('listed'), install: picked.includes('install') });
  } else {
    const picked = await prompts(context).pick(
      settings().flatMap((s) => [true, false].map((on) => ({ label: on ? s.on : s.off, description: countWith(apps, s.value, on), value: { setting: s, on } }))),
      { title: vscode.l10n.t('Pod entitlement of {0} applications', apps.length), placeHolder: vscode.l10n.t('The change to make on every one of them') },
    );
    const what = picked.on ? picked.setting.on : picked.setting.off;
    const { lower } = picked.setting;
    const line = (app: ApplicationItem) => (app.item[picked.setting.value] ? vscode.l10n.t('{0} ({1} now on)', nameOf(app), lower) : vscode.l10n.t('{0} ({1} now off)', nameOf(app), lower));
    const confirmed = await confirmChange(context, podId, {
      message: vscode.l10n.t('{0}: {1} applications?', what, apps.length),
      detail: `${nameLines(apps.map(line))}\n\n${vscode.l10n.t('{0}: {1}.', picked.setting.label, picked.setting.description)}`,
      action: what,
      destructive: true,
    });
    if (!confirmed) return;
    change = (app) => ({ enable: app.item.enable, listed: app.item.listed, install: app.item.install, [picked.setting.value]: picked.on });
  }
  await runOnItems(context, {
    items: apps, nameOf,
    progress: apps.length === 1 ? vscode.l10n.t('Updating the entitlement of {0}…', nameOf(apps[0])) : vscode.l10n.t('Updating the entitlement of {0} applications…', apps.length),
    said: {
      all: (count, names) => (count === 1 ? vscode.l10n.t('Updated the entitlement of the application {0}.', names) : vscode.l10n.t('Updated the entitlement of {0} applications: {1}.', count, names)),
      some: (done, total, names, failed, reasons) => vscode.l10n.t('Updated the entitlement of {0} of {1} applications ({2}); {3} failed. {4}.', done, total, names, failed, reasons),
    },
    log: { done: (name) => `Updated the entitlement of the application ${name}.`, action: 'Updating the entitlement of applications' },
    // Only the fields the operation defines: a pod may list its apps with newer fields, which it would refuse back.
    // Each app its own change scope: its log entry keeps the entitlement as it was, for Undo.
    write: (app) => withChange({ resource: { kind: 'entitlement', id: app.appId, name: app.item.appName }, before: { enable: app.item.enable, listed: app.item.listed, install: app.item.install } },
      () => context.sessions.client(podId).apps.updatePodAppEntitlements([{ appId: app.appId, appName: app.item.appName, ...change(app) }])),
    refresh: () => context.tree.refreshCategory(podId, 'applications'),
  });
}

/** "2 of 3 already on": how much of the selection the change leaves as it is. */
function countWith(apps: ApplicationItem[], setting: Entitlement, on: boolean): string {
  const already = apps.filter((app) => app.item[setting] === on).length;
  return on ? vscode.l10n.t('{0} of {1} already on', already, apps.length) : vscode.l10n.t('{0} of {1} already off', already, apps.length);
}

export async function deleteApplication(context: CommandContext, app: ApplicationItem): Promise<void> {
  const confirmed = await confirmChange(context, app.podId, {
    message: vscode.l10n.t('Delete the application "{0}"?', app.item.appName || app.appId),
    detail: `${vscode.l10n.t('App id {0}', app.appId)}\n\n${vscode.l10n.t('Users lose the app and its entitlements. This cannot be undone.')}`,
    action: vscode.l10n.t('Delete Application'),
    destructive: true,
  });
  if (!confirmed) return;
  const apps = context.sessions.client(app.podId).apps;
  // The manifest as deleted goes into the activity log, so Recreate can offer it back.
  noteChange({ resource: { kind: 'application', id: app.appId, name: app.item.appName }, before: await apps.getApplication(app.appId) });
  await withProgress(vscode.l10n.t('Deleting {0}…', app.item.appName || app.appId), () => apps.deleteApplication(app.appId));
  context.tree.refreshCategory(app.podId, 'applications');
}
