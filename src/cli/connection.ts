// Where the CLI's pod connection comes from: flags for what is not secret, environment variables for everything,
// never a passphrase or token on the command line (it would land in shell history and process listings).
// RSA (service-account username + private key file) or a client certificate (mutual TLS). Read in this one file.
import * as fs from 'node:fs';
import {
  Authenticate, PodApiError, PodClient, PodClientOptions, certificateAuthenticator, memoryTokenStore, normalizePodUrl, rsaAuthenticator,
} from '../api';
import { l10n } from '../text/l10n';

export interface ConnectionFlags {
  podUrl?: string;
  username?: string;
  privateKeyFile?: string;
  caBundle?: string;
  clientCert?: string;
  clientKey?: string;
  sessionAuthUrl?: string;
}

export const CONNECTION_ENV = {
  podUrl: 'SYMPHONY_POD_URL',
  username: 'SYMPHONY_USERNAME',
  privateKeyFile: 'SYMPHONY_PRIVATE_KEY_FILE',
  passphrase: 'SYMPHONY_PRIVATE_KEY_PASSPHRASE',
  caBundle: 'SYMPHONY_CA_BUNDLE',
  clientCert: 'SYMPHONY_CLIENT_CERT_FILE',
  clientKey: 'SYMPHONY_CLIENT_KEY_FILE',
  sessionAuthUrl: 'SYMPHONY_SESSION_AUTH_URL',
  /** development, uat or production: production refuses writes without --unlock (production.ts). */
  environment: 'SYMPHONY_POD_ENVIRONMENT',
  /** The pod's name in messages, the activity log and --confirm-pod (default: its host name). */
  label: 'SYMPHONY_POD_LABEL',
} as const;

/**
 * A signed-out client for the pod the flags and environment name; `fallbackPodUrl` comes from pod.json's environment.
 * `writes` gives the client its write gate and observer for that pod (changes.ts).
 */
export function connect(flags: ConnectionFlags, env: NodeJS.ProcessEnv, fallbackPodUrl?: string, writes?: (podUrl: string) => Pick<PodClientOptions, 'writeGate' | 'onWrite'>): PodClient {
  const pick = (key: keyof ConnectionFlags & keyof typeof CONNECTION_ENV) => flags[key] ?? (env[CONNECTION_ENV[key]] || undefined);
  const rawUrl = pick('podUrl') ?? fallbackPodUrl;
  if (!rawUrl) throw usage(l10n.t('Which pod? Set {0} or pass --pod-url (or --env with a podUrl in pod.json).', CONNECTION_ENV.podUrl));
  const podUrl = normalizePodUrl(rawUrl);
  const caFile = pick('caBundle');
  const caPem = caFile ? readFile(caFile, l10n.t('the CA bundle')) : undefined;
  const passphrase = env[CONNECTION_ENV.passphrase] || undefined;
  const certFile = pick('clientCert');
  let authenticate: Authenticate;
  let transport = {};
  if (certFile) {
    const keyFile = pick('clientKey');
    if (!keyFile) throw usage(l10n.t('A client certificate needs its key: set {0} or pass --client-key.', CONNECTION_ENV.clientKey));
    const clientCertPem = readFile(certFile, l10n.t('the client certificate'));
    const clientKeyPem = readFile(keyFile, l10n.t('the client key'));
    authenticate = certificateAuthenticator({ sessionAuthUrl: pick('sessionAuthUrl') ?? podUrl, clientCertPem, clientKeyPem, passphrase, caPem });
    transport = { clientCertPem, clientKeyPem, clientKeyPassphrase: passphrase };
  } else {
    const username = pick('username');
    const keyFile = pick('privateKeyFile');
    if (!username || !keyFile) {
      throw usage(l10n.t('Sign-in needs a service account: set {0} and {1} (passphrase in {2}), or a client certificate ({3}, {4}).',
        CONNECTION_ENV.username, CONNECTION_ENV.privateKeyFile, CONNECTION_ENV.passphrase, CONNECTION_ENV.clientCert, CONNECTION_ENV.clientKey));
    }
    authenticate = rsaAuthenticator({ podUrl, username, privateKeyPem: readFile(keyFile, l10n.t('the private key')), passphrase, transport: { caPem } });
  }
  return new PodClient({ podUrl, caPem, ...transport, authenticate, tokens: memoryTokenStore(), ...writes?.(podUrl) });
}

function readFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw usage(l10n.t('Cannot read {0} at {1}: {2}.', what, file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}

const usage = (message: string) => new PodApiError(message, { kind: 'validation' });
