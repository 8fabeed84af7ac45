// Add, edit, remove, sign in to, sign out of and switch between pods.
import * as vscode from 'vscode';
import { loadPart } from '../parts/loadPart';
import { PodProfile, readablePodId } from '../pods/podProfile';
import { PodNode } from '../tree/podNode';
import { TreeNode } from '../tree/treeNode';
import { PickItem } from '../ui/prompts';
import { CommandContext, prompts, registerCommand, withProgress } from './commandContext';

const wizard = () => loadPart<typeof import('./podWizardPart')>('podWizard');

export function registerPodCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'symphonyPodAdmin.pods.add', () => addPod(context)),
    registerCommand(context, 'symphonyPodAdmin.pods.edit', async (node?: TreeNode) => editPod(context, await pickPod(context, node, vscode.l10n.t('Edit which pod?')))),
    registerCommand(context, 'symphonyPodAdmin.pods.remove', async (node?: TreeNode) => removePod(context, await pickPod(context, node, vscode.l10n.t('Remove which pod?')))),
    registerCommand(context, 'symphonyPodAdmin.pods.signIn', async (node?: TreeNode) => signIn(context, await pickPod(context, node, vscode.l10n.t('Sign in to which pod?'), 'signedOut'))),
    registerCommand(context, 'symphonyPodAdmin.pods.signOut', async (node?: TreeNode) => signOut(context, await pickPod(context, node, vscode.l10n.t('Sign out of which pod?'), 'signedIn'))),
    registerCommand(context, 'symphonyPodAdmin.pods.switch', async () => switchPod(context)),
  ];
}

async function addPod(context: CommandContext): Promise<void> {
  const asked = await wizard().askProfile(context, { id: '', label: '', podUrl: 'https://', authMethod: 'rsa' }, vscode.l10n.t('Add Pod'));
  const profile: PodProfile = { ...asked, id: readablePodId(asked.label, context.store.list().map((p) => p.id)) };
  const previousCurrent = context.store.currentId;
  await context.store.save(profile);
  await context.store.setCurrent(profile.id);
  await signIn(context, profile.id);
  if (profile.authMethod === 'sessionToken') await refuseSameAccount(context, profile, previousCurrent);
}

/** A pasted token's account is known only once signed in: a second pasted-token pod for one account is taken back. */
async function refuseSameAccount(context: CommandContext, profile: PodProfile, previousCurrent: string | undefined): Promise<void> {
  const account = context.sessions.user(profile.id);
  const samePod = context.store.list().filter((p) => p.id !== profile.id && p.authMethod === 'sessionToken' && p.podUrl === profile.podUrl && context.sessions.state(p.id) === 'signedIn');
  for (const other of samePod) {
    const otherAccount = await context.sessions.whoAmI(other.id).catch(() => undefined);
    if (!account || otherAccount?.id !== account.id) continue;
    await context.sessions.signOut(profile.id);
    await context.store.remove(profile.id);
    await context.sessions.profileChanged(profile.id);
    if (previousCurrent) await context.store.setCurrent(previousCurrent);
    throw new Error(vscode.l10n.t('The pod "{0}" already signs in to {1} as {2}: use that pod instead of adding it twice. The new one was not kept.', other.label, profile.podUrl, String(account.username ?? account.id)));
  }
}

async function editPod(context: CommandContext, podId: string): Promise<void> {
  const existing = context.store.get(podId)!;
  const profile = await wizard().askProfile(context, existing, vscode.l10n.t('Edit {0}', existing.label));
  const connectionChanged = (['podUrl', 'authMethod', 'username', 'privateKeyPath', 'clientCertPath', 'clientKeyPath', 'sessionAuthUrl', 'caBundlePath'] as const).some(
    (key) => profile[key] !== existing[key],
  );
  await context.store.save(profile);
  if (connectionChanged) {
    // A token issued for the old URL or account must never be sent to the new one.
    await context.sessions.signOut(podId);
  }
  await context.sessions.profileChanged(podId);
}

async function removePod(context: CommandContext, podId: string): Promise<void> {
  const profile = context.store.get(podId)!;
  const confirmed = await prompts(context).confirm(
    vscode.l10n.t('Remove the pod "{0}"?', profile.label),
    vscode.l10n.t('{0}\n\nIts profile and every secret stored for it (session token, bearer token, key passphrase) are forgotten. Nothing changes on the pod.', profile.podUrl),
    vscode.l10n.t('Remove Pod'),
  );
  if (!confirmed) return;
  await context.sessions.signOut(podId);
  await context.store.remove(podId);
  await context.sessions.profileChanged(podId);
}

async function signIn(context: CommandContext, podId: string): Promise<void> {
  const profile = context.store.get(podId)!;
  const user = await withProgress(vscode.l10n.t('Signing in to {0}…', profile.label), () => context.sessions.signIn(podId));
  context.log.info(`Signed in to ${profile.label} as ${user.username ?? user.id}`);
  void prompts(context).info(vscode.l10n.t('Signed in to {0} as {1}.', profile.label, String(user.displayName ?? user.username ?? user.id)));
}

async function signOut(context: CommandContext, podId: string): Promise<void> {
  await context.sessions.signOut(podId);
  void prompts(context).info(vscode.l10n.t('Signed out of {0}; its secrets were removed from the keychain.', context.store.get(podId)?.label ?? podId));
}

async function switchPod(context: CommandContext): Promise<void> {
  const podId = await pickPod(context, undefined, vscode.l10n.t('Switch to which pod?'), undefined, true);
  await context.store.setCurrent(podId);
}

async function pickPod(context: CommandContext, node: TreeNode | undefined, title: string, state?: 'signedIn' | 'signedOut', alwaysAsk = false): Promise<string> {
  if (node instanceof PodNode || node?.podId) return node.podId!;
  const candidates = context.store.list().filter((p) => !state || (state === 'signedIn') === (context.sessions.state(p.id) === 'signedIn'));
  if (candidates.length === 0) throw new Error(context.store.list().length === 0 ? vscode.l10n.t('No pod is configured yet: run "Symphony: Add Pod…".') : vscode.l10n.t('No pod is in that state.'));
  if (candidates.length === 1 && !alwaysAsk) return candidates[0].id;
  const items: PickItem<string>[] = candidates.map((p) => ({
    label: p.label,
    description: p.id === context.store.currentId ? vscode.l10n.t('{0} · current', p.podUrl) : p.podUrl,
    detail: context.sessions.user(p.id)?.username ? vscode.l10n.t('signed in as {0}', context.sessions.user(p.id)!.username!) : context.sessions.state(p.id),
    value: p.id,
  }));
  return prompts(context).pick(items, { title });
}
