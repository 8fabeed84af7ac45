// How the MCP server (and later the `symphony-pod` CLI) reaches a pod: environment variables only, read here and
// nowhere else, so no token, key or passphrase ever appears in a command line, a process list or a client's config
// arguments. RSA sign-in with the service account's private key file; the session lives in memory.
import { readFileSync } from 'node:fs';
import { PodApiError, PodClient, memoryTokenStore, rsaAuthenticator, validatePodUrl } from '../api';

export interface PodConnection {
  podUrl: string;
  username: string;
  privateKeyPem: string;
  passphrase?: string;
  caPem?: string;
  /** A name for answers and confirmations (default: the pod's host name). */
  label: string;
  /** "production", "uat", …: a production pod is never written to without its unlock. */
  environment?: string;
}

export const CONNECTION_VARIABLES = {
  SYMPHONY_POD_URL: 'the pod, e.g. https://acme.symphony.com (required)',
  SYMPHONY_USERNAME: 'the service account (required)',
  SYMPHONY_PRIVATE_KEY_FILE: 'its RSA private key, PEM (required)',
  SYMPHONY_PRIVATE_KEY_PASSPHRASE: 'the key\'s passphrase, when it is encrypted',
  SYMPHONY_CA_BUNDLE: 'a PEM file of CA certificates for the pod\'s TLS certificate',
  SYMPHONY_POD_ENVIRONMENT: 'production, uat, dev, …: production is never written to without its unlock',
  SYMPHONY_POD_LABEL: 'a name for the pod in answers (default: its host name)',
} as const;

function missing(name: keyof typeof CONNECTION_VARIABLES): never {
  throw new PodApiError(`Set ${name}: ${CONNECTION_VARIABLES[name]}.`, { kind: 'validation', field: name });
}

function readFile(name: keyof typeof CONNECTION_VARIABLES, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new PodApiError(`Cannot read ${name} (${file}): ${(error as Error).message}`, { kind: 'validation', field: name });
  }
}

export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): PodConnection {
  const podUrl = env.SYMPHONY_POD_URL?.trim() || missing('SYMPHONY_POD_URL');
  const urlProblem = validatePodUrl(podUrl);
  if (urlProblem) throw new PodApiError(`SYMPHONY_POD_URL: ${urlProblem}`, { kind: 'validation', field: 'SYMPHONY_POD_URL' });
  const keyFile = env.SYMPHONY_PRIVATE_KEY_FILE?.trim() || missing('SYMPHONY_PRIVATE_KEY_FILE');
  return {
    podUrl,
    username: env.SYMPHONY_USERNAME?.trim() || missing('SYMPHONY_USERNAME'),
    privateKeyPem: readFile('SYMPHONY_PRIVATE_KEY_FILE', keyFile),
    passphrase: env.SYMPHONY_PRIVATE_KEY_PASSPHRASE || undefined,
    caPem: env.SYMPHONY_CA_BUNDLE ? readFile('SYMPHONY_CA_BUNDLE', env.SYMPHONY_CA_BUNDLE) : undefined,
    label: env.SYMPHONY_POD_LABEL?.trim() || new URL(podUrl).hostname,
    environment: env.SYMPHONY_POD_ENVIRONMENT?.trim() || undefined,
  };
}

/** A client that signs in on its first request; `logger` gets one line per request (never a token). */
export function clientOf(connection: PodConnection, logger?: (line: string) => void): PodClient {
  const { podUrl, username, privateKeyPem, passphrase, caPem } = connection;
  return new PodClient({
    podUrl, caPem, tokens: memoryTokenStore(),
    authenticate: rsaAuthenticator({ podUrl, username, privateKeyPem, passphrase, transport: { caPem } }),
    logger: logger && ((line) => logger(`${line.method} ${line.path} → ${line.status} (${line.ms} ms)`)),
  });
}
