// "Symphony: Try the Demo Pod" and "Symphony: Stop Demo Pod" (the lazily loaded part `demoPod`, src/parts/README.md).
// Try starts the pod emulator (src/podEmulator) inside the extension host, on 127.0.0.1 and a port the OS picks,
// with its demo data, adds it as "Demo pod (local)", signs in and shows it in the Pods view. Its TLS CA and the demo
// accounts' private keys are generated in this process and written to the extension's global storage (never the
// workspace); the profile trusts that CA and nothing else does. Stop (or closing the window: deactivate) stops the
// emulator and removes the profile, its secrets and those files. A "Demo pod (local)" left behind by a window that
// crashed is removed by the next Try, which then starts a new one.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PodEmulator } from '../podEmulator';
import { startLocalDemoPod } from '../podEmulator/localDemo';
import { showDemoPod } from '../pods/demoPod';
import { PodProfile } from '../pods/podProfile';
import { CommandContext, prompts, withProgress } from './commandContext';

export const localDemoPodId = 'demo-local';
/** The profile's name, in the user's language when it is added (the profile is found by its id, never by this). */
export const localDemoPodLabel = () => vscode.l10n.t('Demo pod (local)');

/** The emulator this window runs, if any: one per extension host. */
let running: PodEmulator | undefined;

/** Where the demo pod's keys and CA live: a folder of the extension's global storage that only the demo pod uses. */
const dataDirOf = (globalStorage: string): string => path.join(globalStorage, 'demoPod');

export async function tryDemoPod(context: CommandContext, globalStorage: string): Promise<void> {
  if (!running || context.store.get(localDemoPodId)?.podUrl !== running.url) {
    // Nothing runs here, or the profile is not this window's (left by a crashed window, or removed by hand): start afresh.
    await stopDemoPod(context, globalStorage, true);
    running = await withProgress(vscode.l10n.t('Starting the demo pod…'), () => startLocalDemoPod(dataDirOf(globalStorage)));
  }
  const emulator = running;
  const label = localDemoPodLabel();
  const profile: PodProfile = {
    id: localDemoPodId,
    label,
    podUrl: emulator.url,
    authMethod: 'rsa',
    username: emulator.admin.username,
    privateKeyPath: emulator.admin.privateKeyPath,
    caBundlePath: emulator.caPath,
    environment: 'development',
  };
  await withProgress(vscode.l10n.t('Signing in to {0}…', label), () => showDemoPod(context.store, context.sessions, profile, true, (line) => context.log.info(line)));
  await revealDemoPod(context);
  void prompts(context).info(vscode.l10n.t(
    '{0} runs in this window at {1} (this computer only), signed in as {2}. Its data is made up and nothing you change leaves this window; "Symphony: Stop Demo Pod" removes it.',
    label, emulator.url, emulator.admin.username,
  ));
}

/**
 * Stops this window's demo pod, if any, and removes the "Demo pod (local)" profile, its secrets and its key files.
 * `ownOnly` (closing the window): profiles live in global state, which every window shares, so a profile another
 * window's Try made since (with its files in the same folder) is left to that window.
 */
export async function stopDemoPod(context: CommandContext, globalStorage: string, quiet = false, ownOnly = false): Promise<void> {
  const stopped = running;
  running = undefined;
  const profile = context.store.get(localDemoPodId);
  if (ownOnly && profile && profile.podUrl !== stopped?.url) {
    await stopped?.close();
    return;
  }
  const hadProfile = profile !== undefined;
  try {
    await stopped?.close();
  } finally {
    if (hadProfile) {
      await context.sessions.signOut(localDemoPodId);
      await context.store.remove(localDemoPodId);
      await context.sessions.profileChanged(localDemoPodId);
    }
    await fs.rm(dataDirOf(globalStorage), { recursive: true, force: true });
  }
  if (stopped || hadProfile) context.log.info('Demo pod (local) stopped and removed, with its secrets and key files');
  if (!quiet) void prompts(context).info(stopped || hadProfile ? vscode.l10n.t('{0} was stopped and removed.', profile?.label ?? localDemoPodLabel()) : vscode.l10n.t('No demo pod is running in this window.'));
}

async function revealDemoPod(context: CommandContext): Promise<void> {
  await vscode.commands.executeCommand('symphonyPodAdmin.pods.focus');
  await context.tree.getChildren();
  const node = context.tree.podNode(localDemoPodId);
  if (node) await context.tree.treeView?.reveal(node, { select: true, focus: false, expand: true });
}
