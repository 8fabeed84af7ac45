// Add, edit, remove, sign in to, sign out of and switch between pods.
import * as vscode from 'vscode';
import { normalizePodUrl, validatePodUrl, validateRequiredName } from '../api';
import { AuthMethod, authMethodLabels, describeDuplicatePod, describeProfileProblem, environmentLabels, environmentOf, PodEnvironment, PodProfile, readablePodId } from '../pods/podProfile';
import { PodNode } from '../tree/podNode';
import { TreeNode } from '../tree/treeNode';
import { PickItem, Prompts, runWizard } from '../ui/prompts';
import { CommandContext, prompts, registerCommand, withProgress } from './commandContext';

export function registerPodCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'symphonyPodAdmin.pods.add', () => addPod(context)),
    registerCommand(context, 'symphonyPodAdmin.pods.edit', async (node?: TreeNode) => editPod(context, await pickPod(context, node, 'Edit which pod?'))),
    registerCommand(context, 'symphonyPodAdmin.pods.remove', async (node?: TreeNode) => removePod(context, await pickPod(context, node, 'Remove which pod?'))),
    registerCommand(context, 'symphonyPodAdmin.pods.signIn', async (node?: TreeNode) => signIn(context, await pickPod(context, node, 'Sign in to which pod?', 'signedOut'))),
    registerCommand(context, 'symphonyPodAdmin.pods.signOut', async (node?: TreeNode) => signOut(context, await pickPod(context, node, 'Sign out of which pod?', 'signedIn'))),
    registerCommand(context, 'symphonyPodAdmin.pods.switch', async () => switchPod(context)),
  ];
}

async function addPod(context: CommandContext): Promise<void> {
  const asked = await askProfile(context, { id: '', label: '', podUrl: 'https://', authMethod: 'rsa' }, 'Add Pod');
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
    throw new Error(`The pod "${other.label}" already signs in to ${profile.podUrl} as ${account.username ?? account.id}: use that pod instead of adding it twice. The new one was not kept.`);
  }
}

async function editPod(context: CommandContext, podId: string): Promise<void> {
  const existing = context.store.get(podId)!;
  const profile = await askProfile(context, existing, `Edit ${existing.label}`);
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
    `Remove the pod "${profile.label}"?`,
    `${profile.podUrl}\n\nIts profile and every secret stored for it (session token, bearer token, key passphrase) are forgotten. Nothing changes on the pod.`,
    'Remove Pod',
  );
  if (!confirmed) return;
  await context.sessions.signOut(podId);
  await context.store.remove(podId);
  await context.sessions.profileChanged(podId);
}

async function signIn(context: CommandContext, podId: string): Promise<void> {
  const profile = context.store.get(podId)!;
  const user = await withProgress(`Signing in to ${profile.label}…`, () => context.sessions.signIn(podId));
  context.log.info(`Signed in to ${profile.label} as ${user.username ?? user.id}`);
  void prompts(context).info(`Signed in to ${profile.label} as ${user.displayName ?? user.username ?? user.id}.`);
}

async function signOut(context: CommandContext, podId: string): Promise<void> {
  await context.sessions.signOut(podId);
  void prompts(context).info(`Signed out of ${context.store.get(podId)?.label}; its secrets were removed from the keychain.`);
}

async function switchPod(context: CommandContext): Promise<void> {
  const podId = await pickPod(context, undefined, 'Switch to which pod?', undefined, true);
  await context.store.setCurrent(podId);
}

async function pickPod(context: CommandContext, node: TreeNode | undefined, title: string, state?: 'signedIn' | 'signedOut', alwaysAsk = false): Promise<string> {
  if (node instanceof PodNode || node?.podId) return node.podId!;
  const candidates = context.store.list().filter((p) => !state || (state === 'signedIn') === (context.sessions.state(p.id) === 'signedIn'));
  if (candidates.length === 0) throw new Error(context.store.list().length === 0 ? 'No pod is configured yet: run "Symphony: Add Pod…".' : 'No pod is in that state.');
  if (candidates.length === 1 && !alwaysAsk) return candidates[0].id;
  const items: PickItem<string>[] = candidates.map((p) => ({
    label: p.label,
    description: `${p.podUrl}${p.id === context.store.currentId ? ' · current' : ''}`,
    detail: context.sessions.user(p.id)?.username ? `signed in as ${context.sessions.user(p.id)?.username}` : context.sessions.state(p.id),
    value: p.id,
  }));
  return prompts(context).pick(items, { title });
}

/** The wizard behind Add Pod and Edit Pod: step counters, Back, and every step validates as the user types. */
async function askProfile(context: CommandContext, start: PodProfile, title: string): Promise<PodProfile> {
  const profile: PodProfile = { ...start };
  await runWizard(prompts(context), [
    { ask: async (ui, p) => void (p.label = (await ui.input({ title, prompt: 'A name for this pod, e.g. "UAT"', value: p.label, validate: (v) => validateRequiredName(v, 'The pod name') })).trim()) },
    { ask: async (ui, p) => void (p.podUrl = normalizePodUrl(await ui.input({ title, prompt: 'The pod URL, e.g. https://acme.symphony.com', value: p.podUrl, validate: validatePodUrl }))) },
    {
      ask: async (ui, p) => {
        const methods: PickItem<AuthMethod>[] = (Object.keys(authMethodLabels) as AuthMethod[]).map((m) => ({ label: authMethodLabels[m], value: m, picked: m === p.authMethod }));
        p.authMethod = await ui.pick(methods, { title, placeHolder: 'How does this account sign in?' });
      },
    },
    { when: (p) => p.authMethod === 'rsa', ask: (ui, p) => askRsaAccount(ui, p, title) },
    { when: (p) => p.authMethod === 'certificate', ask: (ui, p) => askCertificateAccount(ui, p, title) },
    {
      ask: async (ui, p) => {
        const caChoice = await ui.pick<'system' | 'file' | 'keep'>(
          [
            { label: 'Use the system certificate authorities', value: 'system' },
            { label: 'Choose a CA bundle file (PEM)…', description: 'for pods or proxies signed by a corporate CA', value: 'file' },
            ...(start.caBundlePath ? [{ label: `Keep ${start.caBundlePath}`, value: 'keep' as const }] : []),
          ],
          { title, placeHolder: 'Which certificate authorities sign the pod\'s TLS certificate?' },
        );
        p.caBundlePath = caChoice === 'file' ? (await ui.openFile({ title: 'CA bundle (PEM)', filters: { 'PEM files': ['pem', 'crt'], 'All files': ['*'] } })).fsPath : caChoice === 'keep' ? start.caBundlePath : undefined;
      },
    },
    { ask: async (ui, p) => void (p.environment = await ui.pick(environmentItems(environmentOf(p)), { title, placeHolder: 'Which environment is this pod?' })) },
  ], profile);
  const chosen: PodProfile = { id: start.id, label: profile.label, podUrl: profile.podUrl, authMethod: profile.authMethod, caBundlePath: profile.caBundlePath, environment: profile.environment };
  if (profile.authMethod === 'rsa') Object.assign(chosen, { username: profile.username, privateKeyPath: profile.privateKeyPath });
  if (profile.authMethod === 'certificate') Object.assign(chosen, { clientCertPath: profile.clientCertPath, clientKeyPath: profile.clientKeyPath, sessionAuthUrl: profile.sessionAuthUrl });
  const problem = describeProfileProblem(chosen) ?? describeDuplicatePod(chosen, context.store.list());
  if (problem) throw new Error(problem);
  return chosen;
}

const environmentHelp: Record<PodEnvironment, string> = {
  development: 'changes go through at once',
  uat: 'changes go through at once; confirmations name the environment',
  production: 'read-only in each window until you unlock it with a reason; deletes ask you to type the pod\'s name',
};

function environmentItems(current: PodEnvironment): PickItem<PodEnvironment>[] {
  return (Object.keys(environmentLabels) as PodEnvironment[]).map((e) => ({ label: environmentLabels[e], description: environmentHelp[e], value: e, picked: e === current }));
}

async function askRsaAccount(ui: Prompts, profile: PodProfile, title: string): Promise<void> {
  profile.username = (await ui.input({ title: `${title}: RSA`, prompt: 'Service account username', value: profile.username, validate: (v) => validateRequiredName(v, 'The service account username') })).trim();
  profile.privateKeyPath = (await ui.openFile({ title: 'RSA private key of the service account (PEM, PKCS#1 or PKCS#8)', filters: { 'PEM files': ['pem', 'key'], 'All files': ['*'] } })).fsPath;
}

async function askCertificateAccount(ui: Prompts, profile: PodProfile, title: string): Promise<void> {
  profile.clientCertPath = (await ui.openFile({ title: 'Client certificate (PEM)', filters: { 'PEM files': ['pem', 'crt', 'cer'], 'All files': ['*'] } })).fsPath;
  profile.clientKeyPath = (await ui.openFile({ title: 'Private key of the client certificate (PEM)', filters: { 'PEM files': ['pem', 'key'], 'All files': ['*'] } })).fsPath;
  const sessionAuth = (
    await ui.input({
      title: `${title}: certificate`,
      prompt: 'Session-auth URL, if it differs from the pod URL (leave empty otherwise)',
      value: profile.sessionAuthUrl ?? '',
      validate: (v) => (v.trim() ? validatePodUrl(v) : undefined),
    })
  ).trim();
  profile.sessionAuthUrl = sessionAuth ? normalizePodUrl(sessionAuth) : undefined;
}
