// Entry point: `startPodEmulator(options)` starts the API server (HTTP or HTTPS) and, with TLS, the mutual-TLS
// session-auth server, writes the demo keys into `dataDir`, and returns URLs, accounts and the control.
import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { accountRoutes } from './accounts';
import { appRoutes } from './apps';
import { authRoutes, sessionAuthRoutes } from './auth';
import { certRoutes } from './certs';
import { connectionRoutes } from './connections';
import { EmulatorControl, Runtime, ThrottleSpec, controlRoutes } from './control';
import { groupRoutes } from './groups';
import { userRoutes } from './users';
import { getProcessKeys, getTlsKeys } from './keys';
import type { Env } from './router';
import { Scale, createAccounts, seedState } from './seed';
import { closeServer, listen, requestListener } from './server';

export type { EmulatorControl, FaultSpec, LoggedRequest, ThrottleSpec } from './control';
export type { EmulatorState } from './state';
export { POD_ID, externalUserId, tenantOf, userIdOf } from './seed';
export { makeTestCertificate, makeCertificate, fingerPrintOf } from './x509';
export type { CertificateOptions, TestCertificate } from './x509';

export interface EmulatorOptions {
  port?: number; host?: string; tls?: boolean; dataDir?: string; scale?: Scale; sessionTtlMs?: number; bearerTtlMs?: number;
  /** Default true: a body field the operation does not define → 400 naming it, as a real pod. `false` = the old leniency. */
  strictFields?: boolean;
  /** Status for an unknown app id or certificate fingerprint; default 400, as the spec documents. */
  notFoundStatus?: 400 | 404;
  /** Default true: seed the data real pods hold that the spec does not promise (see README). `false` = the old tidy seed. */
  realPodData?: boolean;
  /** Requests per second the pod serves before answering 429 with Retry-After (off by default); a reset keeps it. */
  throttle?: ThrottleSpec;
}
export interface DemoAccount {
  username: string; privateKeyPath: string; privateKeyPem: string; publicKeyPem: string; clientCertPath?: string; clientKeyPath?: string;
}
export interface PodEmulator {
  url: string; sessionAuthUrl?: string; caPem?: string; caPath?: string; dataDir: string;
  admin: DemoAccount; user: DemoAccount; control: EmulatorControl; close(): Promise<void>;
  /** Where each of its servers (API, then session auth with TLS) actually listens, as the OS reports it. */
  listening(): { address: string; port: number }[];
}

const DEFAULT_SESSION_TTL_MS = 60 * 60_000;
const DEFAULT_BEARER_TTL_MS = 10 * 60_000;

async function writeFile(dir: string, name: string, content: string, secret = false): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content, { mode: secret ? 0o600 : 0o644 });
  if (secret) { await fs.chmod(file, 0o600); }
  return file;
}

const hostForUrl = (host: string): string => (host.includes(':') ? `[${host}]` : host);

export async function startPodEmulator(options: EmulatorOptions = {}): Promise<PodEmulator> {
  const host = options.host ?? '127.0.0.1';
  const [keys, tlsKeys] = await Promise.all([getProcessKeys(), options.tls ? getTlsKeys() : Promise.resolve(undefined)]);
  const dataDir = options.dataDir ?? await fs.mkdtemp(path.join(os.tmpdir(), 'pod-emulator-'));
  await fs.mkdir(dataDir, { recursive: true });

  const account = async (username: string, pair: { privateKeyPem: string; publicKeyPem: string }, client?: { pem: string; keyPem: string }): Promise<DemoAccount> => ({
    username, privateKeyPem: pair.privateKeyPem, publicKeyPem: pair.publicKeyPem,
    privateKeyPath: await writeFile(dataDir, `${username}-private-key.pem`, pair.privateKeyPem, true),
    ...(client ? {
      clientCertPath: await writeFile(dataDir, `${username}-client-cert.pem`, client.pem),
      clientKeyPath: await writeFile(dataDir, `${username}-client-key.pem`, client.keyPem, true),
    } : {}),
  });
  const admin = await account('demo-admin', keys.admin, tlsKeys?.adminClient);
  const user = await account('demo-user', keys.user, tlsKeys?.userClient);
  const caPath = tlsKeys ? await writeFile(dataDir, 'ca.pem', tlsKeys.ca.pem) : undefined;

  const accounts = createAccounts(keys);
  const initialScale = options.scale;
  const env: Env = {
    state: seedState(keys, accounts, initialScale, options.realPodData ?? true),
    config: {
      sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS, bearerTtlMs: options.bearerTtlMs ?? DEFAULT_BEARER_TTL_MS,
      strictFields: options.strictFields ?? true, notFoundStatus: options.notFoundStatus ?? 400,
    },
  };
  // A reset scale overrides the start-up scale field by field.
  const rt = new Runtime(env, (scale) => seedState(keys, accounts, { ...initialScale, ...scale }, options.realPodData ?? true));
  const control = rt.control();
  rt.startThrottle = options.throttle;
  rt.setRate(rt.startThrottle);
  const api = [...authRoutes(), ...certRoutes(), ...appRoutes(), ...connectionRoutes(), ...groupRoutes(), ...userRoutes(), ...accountRoutes()];

  const listener = requestListener(rt, api, controlRoutes(control));
  const server = tlsKeys
    ? https.createServer({ key: tlsKeys.server.keyPem, cert: tlsKeys.server.pem }, listener)
    : http.createServer(listener);
  server.on('connection', () => { rt.connections += 1; });
  // Longer than typical client agents' idle timeout, so a reused keep-alive socket is not closed under a request.
  server.keepAliveTimeout = 30_000;
  const servers: http.Server[] = [server];
  const port = await listen(server, options.port ?? 0, host);
  const scheme = tlsKeys ? 'https' : 'http';

  let sessionAuthUrl: string | undefined;
  if (tlsKeys) {
    const mtls = https.createServer({
      key: tlsKeys.server.keyPem, cert: tlsKeys.server.pem, ca: [tlsKeys.ca.pem], requestCert: true, rejectUnauthorized: false,
    }, requestListener(rt, sessionAuthRoutes(), []));
    mtls.on('connection', () => { rt.connections += 1; });
    servers.push(mtls);
    // A fixed API port gets the next port for session auth, so the CLI prints stable URLs.
    sessionAuthUrl = `https://${hostForUrl(host)}:${await listen(mtls, options.port ? port + 1 : 0, host)}`;
  }

  return {
    url: `${scheme}://${hostForUrl(host)}:${port}`,
    sessionAuthUrl, caPem: tlsKeys?.ca.pem, caPath, dataDir, admin, user, control,
    close: async () => { await Promise.all(servers.map(closeServer)); },
    listening: () => servers.map((s) => s.address()).filter((a): a is AddressInfo => typeof a === 'object' && a !== null).map(({ address, port }) => ({ address, port })),
  };
}
