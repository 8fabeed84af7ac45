// What a pod profile is, and the rules a profile must follow before it is saved.
// Profiles hold no secret: tokens and passphrases live in SecretStorage (see podSecrets.ts).
import { randomBytes } from 'node:crypto';
import { validatePodUrl } from '../api';
import { l10n } from '../text/l10n';

export type AuthMethod = 'rsa' | 'certificate' | 'sessionToken';
/** Where the pod sits: a production pod is read-only in each window until unlocked with a reason (productionLock.ts). */
export type PodEnvironment = 'development' | 'uat' | 'production';

export interface PodProfile {
  readonly id: string;
  label: string;
  /** Origin of the pod, e.g. https://acme.symphony.com (no path). */
  podUrl: string;
  authMethod: AuthMethod;
  /** Service-account username (RSA). */
  username?: string;
  /** RSA private key file (PKCS#1 or PKCS#8 PEM). */
  privateKeyPath?: string;
  /** Client certificate and key files (certificate authentication). */
  clientCertPath?: string;
  clientKeyPath?: string;
  /** Origin of the session-auth host when it differs from the pod's (certificate authentication). */
  sessionAuthUrl?: string;
  /** PEM bundle of CA certificates that signed the pod's TLS certificate (corporate CAs). */
  caBundlePath?: string;
  /** Absent on profiles saved before environments existed: read it with `environmentOf`. */
  environment?: PodEnvironment;
}

export const environmentLabels: Record<PodEnvironment, string> = {
  get development() { return l10n.t('development'); },
  get uat() { return l10n.t('UAT'); },
  get production() { return l10n.t('production'); },
};

/** A profile saved before environments existed is a development pod until the user says otherwise (Edit Pod). */
export function environmentOf(profile: PodProfile): PodEnvironment {
  return profile.environment ?? 'development';
}

/** "Prod EU (production)": how confirmations and messages name a pod. */
export function podTitle(profile: PodProfile): string {
  return `${profile.label} (${environmentLabels[environmentOf(profile)]})`;
}

export const authMethodLabels: Record<AuthMethod, string> = {
  get rsa() { return l10n.t('RSA key (service account)'); },
  get certificate() { return l10n.t('Client certificate'); },
  get sessionToken() { return l10n.t('Session token (pasted)'); },
};

/** Returns why the profile cannot be used, or undefined when it is complete. */
export function describeProfileProblem(profile: PodProfile): string | undefined {
  if (!profile.label.trim()) return l10n.t('Give the pod a name.');
  const urlProblem = validatePodUrl(profile.podUrl);
  if (urlProblem) return urlProblem;
  switch (profile.authMethod) {
    case 'rsa':
      if (!profile.username?.trim()) return l10n.t('RSA sign-in needs the service account username.');
      if (!profile.privateKeyPath) return l10n.t('RSA sign-in needs the private key file.');
      return undefined;
    case 'certificate':
      if (!profile.clientCertPath || !profile.clientKeyPath) return l10n.t('Certificate sign-in needs the client certificate and its key file.');
      return profile.sessionAuthUrl ? validatePodUrl(profile.sessionAuthUrl) : undefined;
    case 'sessionToken':
      return undefined;
  }
}

/**
 * Who a profile signs in as, when it is known before sign-in: two profiles that sign in as the same account to the
 * same URL are one pod doubled, whatever key file each names (a new key for the account belongs in Edit Pod). A
 * pasted token's account is known only once signed in (see podCommands).
 */
function accountOf(profile: PodProfile): string | undefined {
  if (profile.authMethod === 'rsa') return profile.username?.trim() ? l10n.t('the service account {0}', profile.username.trim().toLowerCase()) : undefined;
  if (profile.authMethod === 'certificate') return profile.clientCertPath ? l10n.t('the client certificate {0}', profile.clientCertPath) : undefined;
  return undefined;
}

/** Why `profile` would double another pod (same URL, same account), or undefined when it does not. */
export function describeDuplicatePod(profile: PodProfile, others: readonly PodProfile[]): string | undefined {
  const account = accountOf(profile);
  if (!account) return undefined;
  const same = others.find((other) => other.id !== profile.id && other.podUrl === profile.podUrl && accountOf(other) === account);
  return same
    ? l10n.t('The pod "{0}" already signs in to {1} as {2}: use that pod (Sign In, or Edit Pod to change its key or certificate) instead of adding it twice.', same.label, profile.podUrl, account)
    : undefined;
}

/**
 * The id of a new pod: its name made safe for a URI segment, then four random hex digits (`acme-prod-3f9a`), shown
 * in `symphony-pod:/acme-prod-3f9a/apps/…json` tabs and the Problems view. Chosen once, when the pod is added, and
 * kept on rename, so open manifests, stored secrets and restored panels stay attached to it. The random part means a
 * pod removed and added again never takes over what is still keyed by the old one (caches, the activity log).
 */
export function readablePodId(label: string, taken: readonly string[]): string {
  const base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '') || 'pod';
  const used = new Set(taken);
  let id: string;
  do id = `${base}-${randomBytes(2).toString('hex')}`; while (used.has(id));
  return id;
}
