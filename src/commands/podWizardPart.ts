// The wizard behind Add Pod and Edit Pod, bundled as a lazily loaded part (src/parts/README.md): it runs when a pod is
// added or edited, not at start-up.
import { normalizePodUrl, validatePodUrl, validateRequiredName } from '../api';
import { AuthMethod, authMethodLabels, describeDuplicatePod, describeProfileProblem, environmentLabels, environmentOf, PodEnvironment, PodProfile } from '../pods/podProfile';
import { l10n } from '../text/l10n';
import { PickItem, Prompts, runWizard } from '../ui/prompts';
import { CommandContext, prompts } from './commandContext';

/** The wizard behind Add Pod and Edit Pod: step counters, Back, and every step validates as the user types. */
export async function askProfile(context: CommandContext, start: PodProfile, title: string): Promise<PodProfile> {
  const profile: PodProfile = { ...start };
  await runWizard(prompts(context), [
    { ask: async (ui, p) => void (p.label = (await ui.input({ title, prompt: l10n.t('A name for this pod, e.g. "UAT"'), value: p.label, validate: (v) => validateRequiredName(v, l10n.t('The pod name')) })).trim()) },
    { ask: async (ui, p) => void (p.podUrl = normalizePodUrl(await ui.input({ title, prompt: l10n.t('The pod URL, e.g. https://acme.symphony.com'), value: p.podUrl, validate: validatePodUrl }))) },
    {
      ask: async (ui, p) => {
        const methods: PickItem<AuthMethod>[] = (Object.keys(authMethodLabels) as AuthMethod[]).map((m) => ({ label: authMethodLabels[m], value: m, picked: m === p.authMethod }));
        p.authMethod = await ui.pick(methods, { title, placeHolder: l10n.t('How does this account sign in?') });
      },
    },
    { when: (p) => p.authMethod === 'rsa', ask: (ui, p) => askRsaAccount(ui, p, title) },
    { when: (p) => p.authMethod === 'certificate', ask: (ui, p) => askCertificateAccount(ui, p, title) },
    {
      ask: async (ui, p) => {
        const caChoice = await ui.pick<'system' | 'file' | 'keep'>(
          [
            { label: l10n.t('Use the system certificate authorities'), value: 'system' },
            { label: l10n.t('Choose a CA bundle file (PEM)…'), description: l10n.t('for pods or proxies signed by a corporate CA'), value: 'file' },
            ...(start.caBundlePath ? [{ label: l10n.t('Keep {0}', start.caBundlePath), value: 'keep' as const }] : []),
          ],
          { title, placeHolder: l10n.t('Which certificate authorities sign the pod\'s TLS certificate?') },
        );
        p.caBundlePath = caChoice === 'file' ? (await ui.openFile({ title: l10n.t('CA bundle (PEM)'), filters: { [l10n.t('PEM files')]: ['pem', 'crt'], [l10n.t('All files')]: ['*'] } })).fsPath : caChoice === 'keep' ? start.caBundlePath : undefined;
      },
    },
    { ask: async (ui, p) => void (p.environment = await ui.pick(environmentItems(environmentOf(p)), { title, placeHolder: l10n.t('Which environment is this pod?') })) },
  ], profile);
  const chosen: PodProfile = { id: start.id, label: profile.label, podUrl: profile.podUrl, authMethod: profile.authMethod, caBundlePath: profile.caBundlePath, environment: profile.environment };
  if (profile.authMethod === 'rsa') Object.assign(chosen, { username: profile.username, privateKeyPath: profile.privateKeyPath });
  if (profile.authMethod === 'certificate') Object.assign(chosen, { clientCertPath: profile.clientCertPath, clientKeyPath: profile.clientKeyPath, sessionAuthUrl: profile.sessionAuthUrl });
  const problem = describeProfileProblem(chosen) ?? describeDuplicatePod(chosen, context.store.list());
  if (problem) throw new Error(problem);
  return chosen;
}

const environmentHelp: Record<PodEnvironment, string> = {
  get development() { return l10n.t('changes go through at once'); },
  get uat() { return l10n.t('changes go through at once; confirmations name the environment'); },
  get production() { return l10n.t('read-only in each window until you unlock it with a reason; deletes ask you to type the pod\'s name'); },
};

function environmentItems(current: PodEnvironment): PickItem<PodEnvironment>[] {
  return (Object.keys(environmentLabels) as PodEnvironment[]).map((e) => ({ label: environmentLabels[e], description: environmentHelp[e], value: e, picked: e === current }));
}

async function askRsaAccount(ui: Prompts, profile: PodProfile, title: string): Promise<void> {
  profile.username = (await ui.input({ title: l10n.t('{0}: RSA', title), prompt: l10n.t('Service account username'), value: profile.username, validate: (v) => validateRequiredName(v, l10n.t('The service account username')) })).trim();
  profile.privateKeyPath = (await ui.openFile({ title: l10n.t('RSA private key of the service account (PEM, PKCS#1 or PKCS#8)'), filters: { [l10n.t('PEM files')]: ['pem', 'key'], [l10n.t('All files')]: ['*'] } })).fsPath;
}

async function askCertificateAccount(ui: Prompts, profile: PodProfile, title: string): Promise<void> {
  profile.clientCertPath = (await ui.openFile({ title: l10n.t('Client certificate (PEM)'), filters: { [l10n.t('PEM files')]: ['pem', 'crt', 'cer'], [l10n.t('All files')]: ['*'] } })).fsPath;
  profile.clientKeyPath = (await ui.openFile({ title: l10n.t('Private key of the client certificate (PEM)'), filters: { [l10n.t('PEM files')]: ['pem', 'key'], [l10n.t('All files')]: ['*'] } })).fsPath;
  const sessionAuth = (
    await ui.input({
      title: l10n.t('{0}: certificate', title),
      prompt: l10n.t('Session-auth URL, if it differs from the pod URL (leave empty otherwise)'),
      value: profile.sessionAuthUrl ?? '',
      validate: (v) => (v.trim() ? validatePodUrl(v) : undefined),
    })
  ).trim();
  profile.sessionAuthUrl = sessionAuth ? normalizePodUrl(sessionAuth) : undefined;
}
