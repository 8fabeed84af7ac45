// "Copy as CLI command" for a logged change or a tree item. The symphony-pod CLI has pod-as-code verbs, not one-off
// writes, so the honest equivalent of a change to an app, a certificate or a group is the pod-as-code round trip:
// export the pod to a folder, edit that resource's file, plan, apply (with --unlock on production). A pod gets its
// plan / expiry commands. A service account's attributes and roles are a pod-folder kind too. Connections and other
// kinds have no CLI equivalent: that is said, not papered over. The connection is set as the CLI's SYMPHONY_*
// variables; no secret is ever in the text (the key's passphrase is left to the user's own secret store, and a pod
// signed in with a pasted token gets a note). Plain Node.
import type { PodProfile } from '../pods/podProfile';
import { quote } from './curl';

/** What the CLI needs of a pod: the profile's public facts (no secret is in a profile). */
export type CliPodFacts = Pick<PodProfile, 'label' | 'username' | 'privateKeyPath' | 'clientCertPath' | 'clientKeyPath' | 'sessionAuthUrl' | 'caBundlePath'>
  & { url: string; environment: string; authMethod?: PodProfile['authMethod'] };

export interface CliResourceFacts { kind: string; id: string; name?: string }

/** Where a resource lives in a pod folder (README, "Pod as code"); absent: the CLI has no way to change it. */
const FOLDER_FILES: Record<string, (r: CliResourceFacts) => string> = {
  application: (r) => `apps/${r.id}.json (its manifest)`,
  entitlement: (r) => `apps/${r.id}.json (its "entitlement": enable, listed, install)`,
  certificate: (r) => `the file under certificates/ whose "fingerPrint" is ${r.id}${r.name ? ` (${r.name})` : ''}`,
  group: (r) => `the file of the group ${r.name ? `"${r.name}" ` : ''}under groups/<type>/ (profile, lists and members)`,
  member: (r) => `the file of the group ${r.id} under groups/<type>/ ("members")`,
  account: (r) => `serviceAccounts/<userName>.json of the service account ${r.name || r.id} (attributes and roles; its key changes with Rotate RSA Key, never in the folder)`,
};

/** The shell lines, or an Error whose message says why the CLI cannot make this change. */
export function cliCommand(pod: CliPodFacts, resource: CliResourceFacts | undefined, reason?: string): string {
  if (resource && !FOLDER_FILES[resource.kind]) {
    throw new Error(`The symphony-pod CLI has no equivalent for ${/^[aeiou]/.test(resource.kind) ? 'an' : 'a'} ${resource.kind} change: it manages apps, certificates, groups and service accounts as files (pod as code). Use Copy as curl for the request itself.`);
  }
  const folder = `${pod.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'pod'}.symphony-pod`;
  const production = pod.environment === 'production';
  const lines = [`# ${resource ? `${resource.kind} ${resource.name || resource.id}` : 'The pod'} on ${pod.label} (${pod.environment}) with the symphony-pod CLI (README, "Pod as code").`, ...connectionLines(pod)];
  if (!resource) {
    lines.push(`symphony-pod export ${folder}            # the pod as files`, `symphony-pod plan ${folder}              # 0 no change, 2 drift, 1 error`,
      `symphony-pod expiry --days 30           # what expires soon`);
  } else {
    lines.push(`symphony-pod export ${folder}`, `# edit ${folder}/${FOLDER_FILES[resource.kind](resource)}, then:`, `symphony-pod plan ${folder}`);
  }
  lines.push(`symphony-pod apply ${folder}${production ? ` --unlock ${quote(reason ?? 'why you are changing it')}` : ''}`);
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
    if (pod.authMethod === 'sessionToken') lines.push('# The CLI signs in with a service account\'s RSA key (or a client certificate), not a pasted session token:');
    lines.push('export SYMPHONY_USERNAME=… SYMPHONY_PRIVATE_KEY_FILE=…');
  }
  if (pod.authMethod !== 'sessionToken') lines.push('# If the key has a passphrase: export SYMPHONY_PRIVATE_KEY_PASSPHRASE from your secret store (never on the command line).');
  return lines;
}
