// The one error type of the API client, and the functions that turn HTTP statuses, error bodies and socket
// errors into it. Every message is a sentence a pod administrator understands; tokens, keys and passphrases never
// appear in one (messages are built only from statuses, codes, the pod's message and request paths).
import { brand } from '../parts/branded';

export type PodApiErrorKind = 'validation' | 'network' | 'timeout' | 'http' | 'auth' | 'tls';

/** What a request is about, so an error can name the role needed and the thing not found. */
export type ApiArea = 'session' | 'auth' | 'certs' | 'apps' | 'connections' | 'groups' | 'users' | 'accounts';
export interface ErrorContext {
  area: ApiArea;
  /** e.g. "company certificate 3F2A…"; used by 404 messages. */
  thing?: string;
  /** A POST that changes nothing on the pod (a sign-in, a token, a search): a lost answer cannot have applied anything. */
  changesNothing?: boolean;
}

export interface PodApiErrorInit {
  kind: PodApiErrorKind;
  status?: number;
  code?: number | string;
  podMessage?: string;
  method?: string;
  path?: string;
  field?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class PodApiError extends Error {
  readonly kind: PodApiErrorKind;
  /** HTTP status; undefined for validation, network, TLS and timeout errors. */
  readonly status: number | undefined;
  /** Symphony error code: a number from the pod, a string from Profile Manager. */
  readonly code: number | string | undefined;
  /** The message from the pod's error body, as sent. */
  readonly podMessage: string | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  /** For validation errors: the input field to fix. */
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, init: PodApiErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PodApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.podMessage = init.podMessage;
    this.method = init.method;
    this.path = init.path;
    this.field = init.field;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}
brand(PodApiError, 'PodApiError');

export function validationError(field: string, message: string): PodApiError {
  return new PodApiError(message, { kind: 'validation', field });
}

const ROLE_NEEDED: Record<ApiArea, string> = {
  session: 'a valid Symphony account',
  auth: 'a service account allowed to sign in this way',
  certs: 'the USER_PROVISIONING or SUPER_ADMINISTRATOR role',
  apps: 'the SUPER_ADMINISTRATOR or USER_PROVISIONING role',
  connections: 'permission to manage connections for this account',
  groups: 'the Group Manager entitlement (CAN_CREATE_DISTRIBUTION_LIST)',
  users: 'permission to look up users for this account',
  accounts: 'the USER_PROVISIONING or SUPER_ADMINISTRATOR role',
};

const THING: Record<ApiArea, string> = {
  session: 'The session', auth: 'The sign-in endpoint', certs: 'The company certificate', apps: 'The application',
  connections: 'The connection', groups: 'The group', users: 'The user', accounts: 'The account',
};

export interface ResponseErrorInput {
  status: number;
  body: unknown;
  method: string;
  path: string;
  context: ErrorContext;
  retryAfterSeconds?: number;
  /** A 429, or a 400 with Retry-After (throttling behind an Agent). */
  throttled?: boolean;
  /** The request was already retried (GETs only). */
  retried?: boolean;
}

/** Maps a non-2xx response to a PodApiError whose message says what happened and what to do. */
export function errorFromResponse(input: ResponseErrorInput): PodApiError {
  const { status, method, path, context } = input;
  const { code, message: podMessage } = readErrorBody(input.body);
  const init: PodApiErrorInit = {
    kind: status === 401 ? 'auth' : 'http', status, code, podMessage, method, path,
    retryAfterSeconds: input.retryAfterSeconds,
  };
  const message = input.throttled ? throttledSentence(method, input.retryAfterSeconds, input.retried)
    : sentenceFor(status, podMessage, context, input.retryAfterSeconds);
  return new PodApiError(message, init);
}

/** Throttling: a GET was retried as far as allowed; any other request was never repeated, and says so. */
function throttledSentence(method: string, retryAfter: number | undefined, retried: boolean | undefined): string {
  const when = retryAfter ? `in ${retryAfter} s` : 'in a moment';
  if (method === 'GET') return `The pod is busy (throttled)${retried ? ' and still asked to wait after our retries' : ''}; try again ${when}.`;
  return `The pod is busy (throttled); nothing was retried. Try again ${when}.`;
}

function sentenceFor(status: number, podMessage: string | undefined, context: ErrorContext, retryAfter?: number): string {
  const thing = context.thing ?? THING[context.area].replace(/^The /, 'the ');
  const says = podMessage ? ` The pod says: ${podMessage}` : '';
  switch (status) {
    case 400: return podMessage ? `The pod rejected the request: ${podMessage}` : 'The pod rejected the request as invalid (400).';
    case 401: return context.area === 'auth'
      ? `The pod refused the sign-in (401): check the account name and that its key or certificate is registered on the pod.${says}`
      : 'Your session has expired or is not valid: sign in to the pod again.';
    case 403: return `You are not allowed to do this: it needs ${ROLE_NEEDED[context.area]}.${says}`;
    case 404: return `Not found: ${thing} does not exist on the pod (it may have been deleted).`;
    case 409: return `The pod reports a conflict: ${podMessage ?? 'the item already exists or is in use'}.`;
    case 413: return `The request is too large for the pod (413): shorten the longest field (a description, a certificate, an image) and try again.${says}`;
    case 412: return `${capitalize(thing)} was changed by someone else since you opened it; reload and reapply your changes.`;
    case 429: return `The pod is busy (too many requests); try again${retryAfter ? ` in ${retryAfter} s` : ' in a moment'}.`;
    case 452: return `An information barrier prevents this change.${says}`;
    default:
      if (status >= 300 && status < 400) {
        return `The pod answered with a redirect (${status}); requests that carry your session are never forwarded. Check the pod URL: use the address the pod redirects to.`;
      }
      if (status >= 500) return `The pod had an internal error (${status}); try again later.${says}`;
      return `The pod answered ${status}.${says}`;
  }
}

function capitalize(s: string): string { return s.charAt(0).toUpperCase() + s.slice(1); }

function readErrorBody(body: unknown): { code?: number | string; message?: string } {
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  const code = typeof b.code === 'number' || typeof b.code === 'string' ? b.code : undefined;
  const message = typeof b.message === 'string' && b.message.trim() ? b.message.trim() : undefined;
  return { code, message };
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED', 'CERT_REJECTED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH', 'EPROTO',
]);

export function isTlsErrorCode(code: string | undefined): boolean {
  return !!code && (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'));
}

/** Maps a socket / TLS / abort error to a PodApiError. `timedOut` is set by the caller that aborted. */
export function errorFromNetwork(
  err: unknown, method: string, path: string, host: string, timedOut: boolean, timeoutMs: number, context?: ErrorContext,
): PodApiError {
  const code = networkCode(err);
  const base = { method, path, cause: err };
  // A write that was sent may have been carried out even though no answer came back: never invite a blind retry.
  // A sign-in or another POST that changes nothing is not a write.
  const isWrite = method !== 'GET' && context?.area !== 'auth' && !context?.changesNothing;
  const mayHaveApplied = isWrite && code !== 'ECONNREFUSED' && code !== 'ENOTFOUND' && code !== 'EAI_AGAIN'
    ? ' The change may still have been applied on the pod: refresh and check before trying again.' : '';
  if (timedOut) {
    const within = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    const what = context?.area === 'auth' ? `Signing in did not finish: the pod at ${host}` : `The pod at ${host}`;
    return new PodApiError(`${what} did not answer within ${within}; check the pod URL and your network, or raise the timeout.${mayHaveApplied}`, { ...base, kind: 'timeout' });
  }
  if (isTlsErrorCode(code)) {
    const why = code === 'CERT_HAS_EXPIRED' ? "the pod's TLS certificate has expired"
      : code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? "the pod's TLS certificate does not match its host name"
        : code === 'EPROTO' || code?.startsWith('ERR_SSL_') ? 'the TLS handshake failed (the pod may require a client certificate, or refused it)'
          : "the pod's TLS certificate is not signed by a certificate authority this computer trusts";
    return new PodApiError(`Could not open a secure connection to ${host}: ${why} (${code}). Set the pod's CA bundle in its settings, or start VS Code with NODE_EXTRA_CA_CERTS pointing at your company's CA file.`, { ...base, kind: 'tls', code });
  }
  const what = code === 'ECONNREFUSED' ? 'the connection was refused (is the pod URL and port right?)'
    : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'the host name could not be resolved'
      : code === 'ECONNRESET' || code === 'EPIPE' ? 'the connection was closed unexpectedly'
        : code === 'ETIMEDOUT' ? 'the connection timed out' : 'the network request failed';
  return new PodApiError(`Could not reach the pod at ${host}: ${what}${code ? ` (${code})` : ''}.${mayHaveApplied}`, { ...base, kind: 'network', code });
}

function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string' && c !== 'FETCH_ERROR') return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
