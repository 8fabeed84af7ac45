// Signing in: the RS512 JWT for RSA login, the login calls that trade it for a session token, and certificate
// login over mutual TLS. Each authenticator is an `Authenticate` (returns a fresh session token) so the client can
// re-run it on a 401 without knowing which kind it is. A bad key fails locally, before any request.

import { createPrivateKey, createSign } from 'node:crypto';
import { PodApiError } from './errors';
import { l10n } from '../text/l10n';
import { HttpTransport, RequestLogger, TransportOptions } from './http';
import { Authenticate } from './tokens';
import { Token } from './types';
import { assertValid, normalizePodUrl, validatePrivateKey, validateRequiredName } from './validation';

/** Lifetime of the login JWT: the pod accepts at most 5 minutes; stay under it for clock skew (as the BDKs do). */
export const JWT_LIFETIME_SECONDS = 240;

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** Signs the login JWT (`sub` = username or appId, `exp` = now + 240 s) with RS512. Throws a validation error for a bad key. */
export function signJwt(username: string, privateKeyPem: string, passphrase?: string, nowMs: number = Date.now()): string {
  assertValid('username', validateRequiredName(username, l10n.t('The account name')));
  assertValid('privateKey', validatePrivateKey(privateKeyPem, passphrase));
  const key = createPrivateKey({ key: privateKeyPem, format: 'pem', passphrase: passphrase ?? '' });
  const header = base64url(JSON.stringify({ alg: 'RS512', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub: username, exp: Math.floor(nowMs / 1000) + JWT_LIFETIME_SECONDS }));
  const signature = createSign('RSA-SHA512').update(`${header}.${payload}`).sign(key);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** POSTs a signed JWT to a login endpoint and returns the `Token`. */
export async function exchangeJwt(transport: HttpTransport, url: string, jwt: string): Promise<Token> {
  const res = await transport.request<Token>({ method: 'POST', url, body: { token: jwt }, context: { area: 'auth' } });
  return requireToken(res.body, url);
}

function requireToken(token: Token | undefined, url: string): Token {
  if (!token || typeof token.token !== 'string' || !token.token) {
    const path = new URL(url).pathname;
    throw new PodApiError(l10n.t('The pod answered the sign-in ({0}) without a session token.', path), { kind: 'auth', method: 'POST', path });
  }
  return token;
}

export interface RsaAuthenticatorOptions {
  podUrl: string;
  username: string;
  privateKeyPem: string;
  passphrase?: string;
  transport?: TransportOptions;
  logger?: RequestLogger;
}

/** RSA login: POST /login/pubkey/authenticate with a JWT signed by the service account's private key. */
export function rsaAuthenticator(options: RsaAuthenticatorOptions): Authenticate {
  const origin = normalizePodUrl(options.podUrl);
  let transport: HttpTransport | undefined;
  return async () => {
    const jwt = signJwt(options.username, options.privateKeyPem, options.passphrase);
    transport ??= new HttpTransport(options.transport, options.logger);
    const token = await exchangeJwt(transport, `${origin}/login/pubkey/authenticate`, jwt);
    return token.token as string;
  };
}

export interface CertificateAuthenticatorOptions {
  /** Origin of the session-auth service (often the pod's, sometimes a separate host:port). A trailing /sessionauth is accepted. */
  sessionAuthUrl: string;
  clientCertPem: string;
  clientKeyPem: string;
  passphrase?: string;
  caPem?: string | Buffer;
  timeoutMs?: number;
  logger?: RequestLogger;
}

/** Certificate login: POST /sessionauth/v1/authenticate over mutual TLS, with an empty body and no Content-Type. */
export function certificateAuthenticator(options: CertificateAuthenticatorOptions): Authenticate {
  const base = sessionAuthBase(options.sessionAuthUrl);
  let transport: HttpTransport | undefined;
  return async () => {
    assertValid('clientCertificate', options.clientCertPem?.includes('-----BEGIN CERTIFICATE-----')
      ? undefined : l10n.t('Choose the client certificate (PEM, -----BEGIN CERTIFICATE-----) for certificate sign-in.'));
    assertValid('clientKey', validatePrivateKey(options.clientKeyPem, options.passphrase));
    transport ??= new HttpTransport({
      caPem: options.caPem, clientCertPem: options.clientCertPem, clientKeyPem: options.clientKeyPem,
      clientKeyPassphrase: options.passphrase, timeoutMs: options.timeoutMs,
    }, options.logger);
    const url = `${base}/sessionauth/v1/authenticate`;
    const res = await transport.request<Token>({ method: 'POST', url, context: { area: 'auth' } });
    return requireToken(res.body, url).token as string;
  };
}

/** Accepts "https://host:8444" or "https://host:8444/sessionauth" and returns the origin. */
function sessionAuthBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PodApiError(l10n.t('The session-auth URL is not a valid URL (for example https://acme-api.symphony.com:8444).'), { kind: 'validation', field: 'sessionAuthUrl' });
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  if (path !== '' && path !== '/sessionauth') {
    throw new PodApiError(l10n.t('The session-auth URL must be just the address (optionally ending in /sessionauth), not {0}.', path), { kind: 'validation', field: 'sessionAuthUrl' });
  }
  if (parsed.protocol !== 'https:' && !/^(localhost|127\.0\.0\.1)$/.test(parsed.hostname)) {
    throw new PodApiError(l10n.t('The session-auth URL must start with https://.'), { kind: 'validation', field: 'sessionAuthUrl' });
  }
  return parsed.origin;
}
