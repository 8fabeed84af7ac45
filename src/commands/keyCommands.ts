// App RSA key commands: Rotate RSA Key… (a generated 4096-bit pair whose private key goes only to the file the
// user chooses, or an existing public key), Extend / Revoke Previous Key, Revoke Current Key, and Show Expiry
// Report. A rotation the pod would refuse (a valid previous key, the same key again) is explained before anything is
// sent, with the way forward. Each change sends only `authenticationKeys` and reads the app back, so the dates shown
// are the pod's. After every change the app's known keys, the expiry radar and the tree's app list are brought up to
// date.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ApplicationDetail, AppsApi, shortFingerprint, validatePublicKey } from '../api';
import { knownAppKeys } from '../credentials/appKeyCache';
import { ExpiryRadar } from '../credentials/expiryRadar';
import { showExpiryReportCommand } from '../credentials/expiryStatusBar';
import {
  SaveRefusal, extendPreviousKey, generateKeyPairToFile, generatedKeyBits, keyDate, keySaveRefusal, publicKeyFingerprint, revokeCurrentKey,
  revokePreviousKey, saveCurrentKey, saveRefusalMessage,
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

/** After any change of an app's keys (a key command, an agent tool): its known keys, the expiry radar and the tree's app list. */
export function keysChanged(context: CommandContext, radar: ExpiryRadar, target: AppTarget, detail: ApplicationDetail): void {
  knownAppKeys.remember(target.podId, target.appId, detail);
  radar.recompute();
  const list = context.tree.podNode(target.podId)?.applications;
  if (list) context.tree.refresh(list);
}

export function registerKeyCommands(context: CommandContext, radar: ExpiryRadar, panels: DetailPanels): vscode.Disposable[] {
  const changed = (target: AppTarget, detail: ApplicationDetail) => keysChanged(context, radar, target, detail);
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

const podLabel = (context: CommandContext, podId: string) => context.store.get(podId)?.label ?? podId;
const fingerprintStart = (pem: string) => shortFingerprint(publicKeyFingerprint(pem));

/**
 * Sends one key instruction, then reads the app back: every date shown afterwards (detail view, messages, expiry
 * report) is the one the pod reports, never one computed here.
 */
async function changeKeys(apps: AppsApi, appId: string, body: ApplicationDetail, progress: string): Promise<ApplicationDetail> {
  await withProgress(progress, () => apps.updateApplication(appId, body));
  return apps.getApplication(appId);
}

async function rotateKey(context: CommandContext, target: AppTarget): Promise<ApplicationDetail> {
  const ui = prompts(context);
  const apps = context.sessions.client(target.podId).apps;
  const base = await apps.getApplication(target.appId);
  const title = `Rotate RSA Key of ${target.appId}`;
  const refusal = keySaveRefusal(base);
  const revokeFirst = refusal?.reason === 'previousKeyValid' && await confirmRevokeFirst(context, target, base, refusal);
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
    const same = keySaveRefusal({ authenticationKeys: { current: base.authenticationKeys?.current } }, publicKeyPem);
    if (same) throw new Error(saveRefusalMessage(same, target.appId));
  } else {
    const defaultUri = vscode.Uri.file(path.join(os.homedir(), `${target.appId.replace(/[^\w.-]+/g, '_')}-private-key.pem`));
    privateKeyPath = (await ui.saveFile({ title: `Save the new private key of ${target.appId} (PKCS#8 PEM, readable only by you)`, defaultUri, filters: { 'PEM files': ['pem'] } })).fsPath;
  }

  const { current, previous } = base.authenticationKeys ?? {};
  const ok = await ui.confirm(
    `Rotate the RSA key of "${base.applicationInfo?.name ?? target.appId}" on ${podLabel(context, target.podId)}?`,
    [
      revokeFirst ? `First the previous key (${fingerprintStart(previous!.key!)}) is revoked: anything still signing in with it stops working.` : '',
      current?.key ? `The current key (${fingerprintStart(current.key)}) becomes the previous key: the app can still sign in with it until the pod's grace period ends.` : 'The app has no current key yet.',
      !revokeFirst && previous?.key ? `The expired previous key (${fingerprintStart(previous.key)}) is replaced.` : '',
      privateKeyPath ? `The new private key is written to ${privateKeyPath} (mode 0600); it is never uploaded.` : '',
    ].filter(Boolean).join('\n'),
    'Rotate Key',
  );
  if (!ok) throw new UserCancelled();

  if (privateKeyPath) {
    const file = privateKeyPath;
    publicKeyPem = (await withProgress(`Generating a ${generatedKeyBits}-bit RSA key pair…`, () => generateKeyPairToFile(file))).publicKeyPem;
  }
  let revoked = false;
  try {
    if (revokeFirst) {
      await withProgress(`Revoking the previous key of ${target.appId}…`, () => apps.updateApplication(target.appId, revokePreviousKey(base)));
      revoked = true;
    }
    await withProgress(`Rotating the key of ${target.appId}…`, () => apps.updateApplication(target.appId, saveCurrentKey(publicKeyPem!)));
  } catch (error) {
    if (privateKeyPath) context.log.warn(`Key rotation of ${target.appId} failed; the private key written to ${privateKeyPath} was not installed on the pod.`);
    if (revoked) context.log.warn(`The previous key of ${target.appId} was revoked before the rotation failed; the current key is unchanged.`);
    throw error;
  }
  const updated = await apps.getApplication(target.appId);
  context.log.info(`Rotated the RSA key of ${target.appId} on ${podLabel(context, target.podId)}: new key ${publicKeyFingerprint(publicKeyPem!)}.`);
  void ui.info([
    `Rotated the RSA key of ${target.appId}.`,
    privateKeyPath ? `The new private key is in ${privateKeyPath}: configure the app with it.` : '',
    current?.key ? `The pod accepts the previous key until ${keyDate(updated.authenticationKeys?.previous?.expirationDate)}.` : '',
  ].filter(Boolean).join(' '));
  return updated;
}

/**
 * The pod refuses SAVE while the previous key is valid: say so before anything is sent, and offer the way forward
 * (revoke it now as part of this rotation, or wait until it expires). Declining changes nothing.
 */
async function confirmRevokeFirst(context: CommandContext, target: AppTarget, base: ApplicationDetail, refusal: SaveRefusal & { reason: 'previousKeyValid' }): Promise<boolean> {
  const ui = prompts(context);
  const until = keyDate(refusal.previousExpires);
  const ok = await ui.confirm(
    `The pod refuses a new key for "${base.applicationInfo?.name ?? target.appId}" while its previous key is still valid (until ${until}). Revoke the previous key now, then rotate?`,
    `Bots and services still signing in to ${podLabel(context, target.podId)} with the previous key (${shortFingerprint(refusal.previousFingerprint)}) stop working as soon as it is revoked.\nTo keep them working, cancel and rotate after ${until}, when the previous key has expired.`,
    'Revoke Previous Key and Rotate',
  );
  if (!ok) {
    void ui.info(`Nothing was changed on ${target.appId}: ${saveRefusalMessage(refusal, target.appId)}`);
    throw new UserCancelled();
  }
  return true;
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
    prompt: `It expires ${keyDate(previous.expirationDate)}. New expiration date (YYYY-MM-DD, UTC), or empty to let the pod extend it by its own step (72 hours for accounts)`,
    placeHolder: 'YYYY-MM-DD',
    validate: (value) => (value.trim() === '' || futureDay(value) ? undefined : 'Enter a future date as YYYY-MM-DD, or leave it empty.'),
  })).trim();
  const until = answer ? futureDay(answer) : undefined;
  const updated = await changeKeys(apps, target.appId, extendPreviousKey(base, until), `Extending the previous key of ${target.appId}…`);
  void ui.info(`The previous key of ${target.appId} now expires ${keyDate(updated.authenticationKeys?.previous?.expirationDate)}.`);
  return updated;
}

async function revokePrevious(context: CommandContext, target: AppTarget): Promise<ApplicationDetail> {
  const ui = prompts(context);
  const { apps, base, previous } = await readPreviousKey(context, target, 'revoke');
  const ok = await ui.confirm(`Revoke the previous RSA key of "${target.appId}" on ${podLabel(context, target.podId)}?`,
    `Key ${fingerprintStart(previous.key)} stops working now instead of ${keyDate(previous.expirationDate)}. Anything still signing in with it will fail.`, 'Revoke Previous Key');
  if (!ok) throw new UserCancelled();
  const updated = await changeKeys(apps, target.appId, revokePreviousKey(base), `Revoking the previous key of ${target.appId}…`);
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
    `Key ${fingerprintStart(current.key)} is removed now. ${previous?.key
      ? `The previous key (${fingerprintStart(previous.key)}) becomes the current key: only it will still work.`
      : 'The app has no other key: it will not be able to authenticate until a new key is saved.'}`,
    'Revoke Current Key',
  );
  if (!ok) throw new UserCancelled();
  await ui.input({
    title: `Revoke Current Key of ${target.appId}`,
    prompt: `Type the app id "${target.appId}" to confirm that the app will stop authenticating with this key`,
    validate: (value) => (value.trim() === target.appId ? undefined : `Type ${target.appId} exactly.`),
  });
  const updated = await changeKeys(apps, target.appId, revokeCurrentKey(base), `Revoking the current key of ${target.appId}…`);
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
