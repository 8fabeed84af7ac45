// "Copy as CLI command" for a logged change or a tree item. The symphony-pod CLI has pod-as-code verbs, not one-off
// writes, so the honest equivalent of a change to an app, a certificate or a group is the pod-as-code round trip:
// export the pod to a folder, edit that resource's file, plan, apply (with --unlock on production). A pod gets its
// plan / expiry commands. A service account's attributes and roles are a pod-folder kind too. Connections and other
// kinds have no CLI equivalent: that is said, not papered over. The connection is set as the CLI's SYMPHONY_*
// variables; no secret is ever in the text (the key's passphrase is left to the user's own secret store, and a pod
// signed in with a pasted token gets a note). Plain Node.
import type { PodProfile } from '../pods/podProfile';
import { l10n } from '../text/l10n';
import { quote } from './curl';

/** What the CLI needs of a pod: the profile's public facts (no secret is in a profile). */
export type CliPodFacts = Pick<PodProfile, 'label' | 'username' | 'privateKeyPath' | 'clientCertPath' | 'clientKeyPath' | 'sessionAuthUrl' | 'caBundlePath'>
  & { url: string; environment: string; authMethod?: PodProfile['authMethod'] };

export interface CliResourceFacts { kind: string; id: string; name?: string }

/** Where a resource lives in a pod folder (README, "Pod as code"); absent: the CLI has no way to change it. */
const FOLDER_FILES: Record<string, (r: CliResourceFacts) => string> = {
  application: (r) => l10n.t('apps/{0}.json (its manifest)', r.id),
  entitlement: (r) => l10n.t('apps/{0}.json (its "entitlement": enable, listed, install)', r.id),
  certificate: (r) => (r.name ? l10n.t('the file under certificates/ whose "fingerPrint" is {0} ({1})', r.id, r.name) : l10n.t('the file under certificates/ whose "fingerPrint" is {0}', r.id)),
  group: (r) => (r.name ? l10n.t('the file of the group "{0}" under groups/<type>/ (profile, lists and members)', r.name) : l10n.t('the file of the group under groups/<type>/ (profile, lists and members)')),
  member: (r) => l10n.t('the file of the group {0} under groups/<type>/ ("members")', r.id),
  account: (r) => l10n.t('serviceAccounts/<userName>.json of the service account {0} (attributes and roles; its key changes with Rotate RSA Key, never in the folder)', r.name || r.id),
};

/** The shell lines, or an Error whose message says why the CLI cannot make this change. */
export function cliCommand(pod: CliPodFacts, resource: CliResourceFacts | undefined, reason?: string): string {
  if (resource && !FOLDER_FILES[resource.kind]) {
    throw new Error(/^[aeiou]/.test(resource.kind)
      ? l10n.t('The symphony-pod CLI has no equivalent for an {0} change: it manages apps, certificates, groups and service accounts as files (pod as code). Use Copy as curl for the request itself.', resource.kind)
      : l10n.t('The symphony-pod CLI has no equivalent for a {0} change: it manages apps, certificates, groups and service accounts as files (pod as code). Use Copy as curl for the request itself.', resource.kind));
  }
  const folder = `${pod.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'pod'}.symphony-pod`;
  const production = pod.environment === 'production';
  const heading = resource
    ? l10n.t('{kind} {name} on {pod} ({environment}) with the symphony-pod CLI (README, "Pod as code").', { kind: resource.kind, name: resource.name || resource.id, pod: pod.label, environment: pod.environment })
    : l10n.t('The pod on {pod} ({environment}) with the symphony-pod CLI (README, "Pod as code").', { pod: pod.label, environment: pod.environment });
  const lines = [`# ${heading}`, ...connectionLines(pod)];
  if (!resource) {
    lines.push(`symphony-pod export ${folder}            # ${l10n.t('the pod as files')}`, `symphony-pod plan ${folder}              # ${l10n.t('0 no change, 2 drift, 1 error')}`,
      `symphony-pod expiry --days 30           # ${l10n.t('what expires soon')}`);
  } else {
    lines.push(`symphony-pod export ${folder}`, `# ${l10n.t('edit {0}, then:', `${folder}/${FOLDER_FILES[resource.kind](resource)}`)}`, `symphony-pod plan ${folder}`);
  }
  lines.push(`symphony-pod apply ${folder}${production ? ` --unlock ${quote(reason ?? l10n.t('why you are changing it'))}` : ''}`);
  return `${lines.join('\n')}\n`;
}

function connectionLines(pod: CliPodFacts): string[] {
  const set = (name: string, value: string | undefined) => (value ? [`export ${name}=${quote(value)}`] : []);
  const lines = [...set('SYMPHONY_POD_URL', pod.url), ...set('SYMPHONY_POD_LABEL', pod.label), ...set('SYMPHONY_POD_ENVIRONMENT', pod.environment), ...set('SYMPHONY_CA_BUNDLE', pod.caBundlePath)];
  if (pod.authMethod === 'certificate') {
    lines.push(...set('SYMPHONY_CLIENT_CERT_FILE', pod.clientCertPath), ...set('SYMPHONY_CLIENT_KEY_FILE', pod.clientKeyPath), ...set('SYMPHONY_SESSION_AUTH_URL', pod.sessionAuthUrl));
  } else if (pod.authMethod === 'rsa') {
    lines.push(...set('SYMPHONY_USERNAME', pod.username), ...set('SYMPHONY_PRIVATE_KEY_FILE', pod.privateKeyPath));
  } else {
    if (pod.authMethod === 'sessionToken') lines.push(`# ${l10n.t('The CLI signs in with a service account\'s RSA key (or a client certificate), not a pasted session token:')}`);
    lines.push('export SYMPHONY_USERNAME=… SYMPHONY_PRIVATE_KEY_FILE=…');
  }
  if (pod.authMethod !== 'sessionToken') lines.push(`# ${l10n.t('If the key has a passphrase: export {0} from your secret store (never on the command line).', 'SYMPHONY_PRIVATE_KEY_PASSPHRASE')}`);
  return lines;
}
