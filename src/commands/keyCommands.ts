// App RSA key commands: Rotate RSA Key… (a generated 4096-bit pair whose private key goes only to the file the
// user chooses, or an existing public key), Extend / Revoke Previous Key, Revoke Current Key, and Show Expiry
// Report. After every change the app's known keys, the expiry radar and the tree's app list are brought up to date.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ApplicationDetail, validatePublicKey } from '../api';
import { knownAppKeys } from '../credentials/appKeyCache';
import { ExpiryRadar } from '../credentials/expiryRadar';
import { showExpiryReportCommand } from '../credentials/expiryStatusBar';
import {
  extendPreviousKey, generateKeyPairToFile, generatedKeyBits, publicKeyFingerprint, revokeCurrentKey, revokePreviousKey, sameKey, saveCurrentKey,
} from '../credentials/keyRotation';
import { DetailPanels } from '../editors/detailPanels';
import { ApplicationNode } from '../tree/appNodes';
import { UserCancelled } from '../ui/prompts';
import { CommandContext, prompts, registerCommand, withProgress } from './commandContext';

/** An app a key command acts on: its tree node, or the pod and app id (from a detail view or the expiry report). */
export interface AppTarget {
  podId: string;
  appId: string;
}

export const expiryReportPanel = { podId: '', kind: 'expiryReport', id: 'Expiry report' } as const;

export function registerKeyCommands(context: CommandContext, radar: ExpiryRadar, panels: DetailPanels): vscode.Disposable[] {
  const changed = (target: AppTarget, detail: ApplicationDetail) => {
    knownAppKeys.remember(target.podId, target.appId, detail);
    radar.recompute();
    const list = context.tree.podNode(target.podId)?.applications;
    if (list) context.tree.refresh(list);
  };
  return [
    registerCommand(context, 'symphonyPodAdmin.apps.rotateKey', async (node?: unknown) => changed(appTarget(node), await rotateKey(context, appTarget(node)))),
    registerCommand(context, 'symphonyPodAdmin.apps.extendPreviousKey', async (node?: unknown) => changed(appTarget(node), await extendPrevious(context, appTarget(node)))),
    registerCommand(context, 'symphonyPodAdmin.apps.revokePreviousKey', async (node?: unknown) => changed(appTarget(node), await revokePrevious(context, appTarget(node)))),
    registerCommand(context, 'symphonyPodAdmin.apps.revokeCurrentKey', async (node?: unknown) => changed(appTarget(node), await revokeCurrent(context, appTarget(node)))),
    registerCommand(context, showExpiryReportCommand, async () => panels.open({ ...expiryReportPanel })),
  ];
}

export function appTarget(node: unknown): AppTarget {
  if (node instanceof ApplicationNode && node.podId) return { podId: node.podId, appId: node.appId };
  const candidate = node as Partial<AppTarget> | undefined;
  if (typeof candidate?.podId === 'string' && typeof candidate.appId === 'string') return { podId: candidate.podId, appId: candidate.appId };
  throw new Error('Select an application in the Pods tree (or open its details), then run this command from there.');
}

const date = (ms: number | undefined) => (ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'a date the pod sets');
const podLabel = (context: CommandContext, podId: string) => context.store.get(podId)?.label ?? podId;

async function rotateKey(context: CommandContext, target: AppTarget): Promise<ApplicationDetail> {
  const ui = prompts(context);
  const apps = context.sessions.client(target.podId).apps;
  const base = await apps.getApplication(target.appId);
  const title = `Rotate RSA Key of ${target.appId}`;
  const source = await ui.pick<'generate' | 'file'>([
    { label: `Generate a new ${generatedKeyBits}-bit key pair`, description: 'the private key is saved only to a file you choose', value: 'generate' },
    { label: 'Use an existing public key file…', description: 'PEM, -----BEGIN PUBLIC KEY-----', value: 'file' },
  ], { title, placeHolder: 'Where does the new key come from?' });

  let privateKeyPath: string | undefined;
  let publicKeyPem: string | undefined;
  if (source === 'file') {
    const file = await ui.openFile({ title: `New RSA public key for ${target.appId} (PEM)`, filters: { 'PEM files': ['pem', 'pub'], 'All files': ['*'] } });
    publicKeyPem = await fs.readFile(file.fsPath, 'utf8');
    const problem = validatePublicKey(publicKeyPem);
    if (problem) throw new Error(`${file.fsPath}: ${problem}`);
    if (sameKey(publicKeyPem, base.authenticationKeys?.current?.key)) throw new Error(`This is already the current key of ${target.appId}: choose a new public key.`);
  } else {
    const defaultUri = vscode.Uri.file(path.join(os.homedir(), `${target.appId.replace(/[^\w.-]+/g, '_')}-private-key.pem`));
    privateKeyPath = (await ui.saveFile({ title: `Save the new private key of ${target.appId} (PKCS#8 PEM, readable only by you)`, defaultUri, filters: { 'PEM files': ['pem'] } })).fsPath;
  }

  const previous = base.authenticationKeys?.previous;
  const current = base.authenticationKeys?.current;
  const ok = await ui.confirm(
    `Rotate the RSA key of "${base.applicationInfo?.name ?? target.appId}" on ${podLabel(context, target.podId)}?`,
    [
      current?.key ? `The current key (${publicKeyFingerprint(current.key).slice(0, 23)}…) becomes the previous key: the app can still sign in with it until the pod's grace period ends.` : 'The app has no current key yet.',
      previous?.key ? `The existing previous key (expires ${date(previous.expirationDate)}) is replaced and stops working now.` : '',
      privateKeyPath ? `The new private key is written to ${privateKeyPath} (mode 0600); it is never uploaded.` : '',
    ].filter(Boolean).join('\n'),
    'Rotate Key',
  );
  if (!ok) throw new UserCancelled();

  if (privateKeyPath) {
    const file = privateKeyPath;
    publicKeyPem = (await withProgress(`Generating a ${generatedKeyBits}-bit RSA key pair…`, () => generateKeyPairToFile(file))).publicKeyPem;
  }
  let updated: ApplicationDetail;
  try {
    updated = await withProgress(`Rotating the key of ${target.appId}…`, () => apps.updateApplication(target.appId, saveCurrentKey(base, publicKeyPem!)));
  } catch (error) {
    if (privateKeyPath) context.log.warn(`Key rotation of ${target.appId} failed; the private key written to ${privateKeyPath} was not installed on the pod.`);
    throw error;
  }
  context.log.info(`Rotated the RSA key of ${target.appId} on ${podLabel(context, target.podId)}: new key ${publicKeyFingerprint(publicKeyPem!)}.`);
  const grace = updated.authenticationKeys?.previous?.expirationDate;
  void ui.info([
    `Rotated the RSA key of ${target.appId}.`,
    privateKeyPath ? `The new private key is in ${privateKeyPath}: configure the app with it.` : '',
    current?.key ? `The previous key keeps working until ${date(grace)}.` : '',
  ].filter(Boolean).join(' '));
  return updated;
}

/** The app as the pod has it now, and its rotated key; says so when there is none to act on. */
async function readPreviousKey(context: CommandContext, target: AppTarget, verb: string) {
  const apps = context.sessions.client(target.podId).apps;
  const base = await apps.getApplication(target.appId);
  const previous = base.authenticationKeys?.previous;
  if (!previous?.key) throw new Error(`The app "${target.appId}" has no rotated (previous) key to ${verb}.`);
  return { apps, base, previous: { ...previous, key: previous.key } };
}

async function extendPrevious(context: CommandContext, target: AppTarget): Promise<ApplicationDetail> {
  const ui = prompts(context);
  const { apps, base, previous } = await readPreviousKey(context, target, 'extend');
  const answer = (await ui.input({
    title: `Extend Previous Key of ${target.appId}`,
    prompt: `It expires ${date(previous.expirationDate)}. New expiration date (YYYY-MM-DD, UTC), or empty to let the pod extend it by its default`,
    placeHolder: 'YYYY-MM-DD',
    validate: (value) => (value.trim() === '' || futureDay(value) ? undefined : 'Enter a future date as YYYY-MM-DD, or leave it empty.'),
  })).trim();
  const until = answer ? futureDay(answer) : undefined;
  const updated = await withProgress(`Extending the previous key of ${target.appId}…`, () => apps.updateApplication(target.appId, extendPreviousKey(base, until)));
  void ui.info(`The previous key of ${target.appId} now expires ${date(updated.authenticationKeys?.previous?.expirationDate)}.`);
  return updated;
}

async function revokePrevious(context: CommandContext, target: AppTarget): Promise<ApplicationDetail> {
  const ui = prompts(context);
  const { apps, base, previous } = await readPreviousKey(context, target, 'revoke');
  const ok = await ui.confirm(`Revoke the previous RSA key of "${target.appId}" on ${podLabel(context, target.podId)}?`,
    `Key ${publicKeyFingerprint(previous.key).slice(0, 23)}… stops working now instead of ${date(previous.expirationDate)}. Anything still signing in with it will fail.`, 'Revoke Previous Key');
  if (!ok) throw new UserCancelled();
  const updated = await withProgress(`Revoking the previous key of ${target.appId}…`, () => apps.updateApplication(target.appId, revokePreviousKey(base)));
  void ui.info(`Revoked the previous key of ${target.appId}.`);
  return updated;
}

async function revokeCurrent(context: CommandContext, target: AppTarget): Promise<ApplicationDetail> {
  const ui = prompts(context);
  const apps = context.sessions.client(target.podId).apps;
  const base = await apps.getApplication(target.appId);
  const current = base.authenticationKeys?.current;
  if (!current?.key) throw new Error(`The app "${target.appId}" has no current RSA key to revoke.`);
  const previous = base.authenticationKeys?.previous;
  const ok = await ui.confirm(
    `Revoke the CURRENT RSA key of "${target.appId}" on ${podLabel(context, target.podId)}? The app will stop authenticating with it.`,
    `Key ${publicKeyFingerprint(current.key).slice(0, 23)}… is removed now. ${previous?.key ? `Only the previous key (until ${date(previous.expirationDate)}) will still work.` : 'The app has no other key: it will not be able to authenticate until a new key is saved.'}`,
    'Revoke Current Key',
  );
  if (!ok) throw new UserCancelled();
  await ui.input({
    title: `Revoke Current Key of ${target.appId}`,
    prompt: `Type the app id "${target.appId}" to confirm that the app will stop authenticating with this key`,
    validate: (value) => (value.trim() === target.appId ? undefined : `Type ${target.appId} exactly.`),
  });
  const updated = await withProgress(`Revoking the current key of ${target.appId}…`, () => apps.updateApplication(target.appId, revokeCurrentKey(base)));
  void ui.info(`Revoked the current key of ${target.appId}. It can no longer authenticate with that key.`);
  return updated;
}

/** A YYYY-MM-DD day in the future, as the end of that day UTC; undefined otherwise. */
export function futureDay(value: string, now = Date.now()): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  const valid = new Date(ms).getUTCDate() === Number(m[3]);
  return valid && ms > now ? ms : undefined;
}
