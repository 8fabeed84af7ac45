// The one error type of the API client, and the functions that turn HTTP statuses, error bodies and socket
// errors into it. Every message is a sentence a pod administrator understands; tokens, keys and passphrases never
// appear in one (messages are built only from statuses, codes, the pod's message and request paths).
import { brand } from '../parts/branded';
import { l10n } from '../text/l10n';

/** `locked`: a write refused by the client's write gate (a locked production pod) before anything was sent. */
export type PodApiErrorKind = 'validation' | 'network' | 'timeout' | 'http' | 'auth' | 'tls' | 'locked';

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
  /** The pod's trace id header on an error answer, if it sent one. */
  traceId?: string;
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
  readonly traceId: string | undefined;

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
    this.traceId = init.traceId;
  }
}
brand(PodApiError, 'PodApiError');

export function validationError(field: string, message: string): PodApiError {
  return new PodApiError(message, { kind: 'validation', field });
}

// Getters: the text is asked for when an error is made, after the process has set its translator (src/text/l10n.ts).
const ROLE_NEEDED: Record<ApiArea, string> = {
  get session() { return l10n.t('a valid Symphony account'); },
  get auth() { return l10n.t('a service account allowed to sign in this way'); },
  get certs() { return l10n.t('the USER_PROVISIONING or SUPER_ADMINISTRATOR role'); },
  get apps() { return l10n.t('the SUPER_ADMINISTRATOR or USER_PROVISIONING role'); },
  get connections() { return l10n.t('permission to manage connections for this account'); },
  get groups() { return l10n.t('the Group Manager entitlement (CAN_CREATE_DISTRIBUTION_LIST)'); },
  get users() { return l10n.t('permission to look up users for this account'); },
  get accounts() { return l10n.t('the USER_PROVISIONING or SUPER_ADMINISTRATOR role'); },
};

const THING: Record<ApiArea, string> = {
  get session() { return l10n.t('the session'); }, get auth() { return l10n.t('the sign-in endpoint'); },
  get certs() { return l10n.t('the company certificate'); }, get apps() { return l10n.t('the application'); },
  get connections() { return l10n.t('the connection'); }, get groups() { return l10n.t('the group'); },
  get users() { return l10n.t('the user'); }, get accounts() { return l10n.t('the account'); },
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
  traceId?: string;
}

/** Maps a non-2xx response to a PodApiError whose message says what happened and what to do. */
export function errorFromResponse(input: ResponseErrorInput): PodApiError {
  const { status, method, path, context } = input;
  const { code, message: podMessage } = readErrorBody(input.body);
  const init: PodApiErrorInit = {
    kind: status === 401 ? 'auth' : 'http', status, code, podMessage, method, path,
    retryAfterSeconds: input.retryAfterSeconds, traceId: input.traceId,
  };
  const message = input.throttled ? throttledSentence(method, input.retryAfterSeconds, input.retried)
    : sentenceFor(status, podMessage, context, input.retryAfterSeconds);
  return new PodApiError(message, init);
}

/** Throttling: a GET was retried as far as allowed; any other request was never repeated, and says so. */
function throttledSentence(method: string, retryAfter: number | undefined, retried: boolean | undefined): string {
  const when = retryAfter ? l10n.t('in {0} s', retryAfter) : l10n.t('in a moment');
  if (method === 'GET') return retried ? l10n.t('The pod is busy (throttled) and still asked to wait after our retries; try again {0}.', when) : l10n.t('The pod is busy (throttled); try again {0}.', when);
  return l10n.t('The pod is busy (throttled); nothing was retried. Try again {0}.', when);
}

function sentenceFor(status: number, podMessage: string | undefined, context: ErrorContext, retryAfter?: number): string {
  const thing = context.thing ?? THING[context.area];
  const says = podMessage ? ` ${l10n.t('The pod says: {0}', podMessage)}` : '';
  switch (status) {
    case 400: return podMessage ? l10n.t('The pod rejected the request: {0}', podMessage) : l10n.t('The pod rejected the request as invalid (400).');
    case 401: return context.area === 'auth'
      ? `${l10n.t('The pod refused the sign-in (401): check the account name and that its key or certificate is registered on the pod.')}${says}`
      : l10n.t('Your session has expired or is not valid: sign in to the pod again.');
    case 403: return `${l10n.t('You are not allowed to do this: it needs {0}.', ROLE_NEEDED[context.area])}${says}`;
    case 404: return l10n.t('Not found: {0} does not exist on the pod (it may have been deleted).', thing);
    case 409: return l10n.t('The pod reports a conflict: {0}.', podMessage ?? l10n.t('the item already exists or is in use'));
    case 413: return `${l10n.t('The request is too large for the pod (413): shorten the longest field (a description, a certificate, an image) and try again.')}${says}`;
    case 412: return capitalize(l10n.t('{0} was changed by someone else since you opened it; reload and reapply your changes.', thing));
    case 429: return l10n.t('The pod is busy (too many requests); try again {0}.', retryAfter ? l10n.t('in {0} s', retryAfter) : l10n.t('in a moment'));
    case 452: return `${l10n.t('An information barrier prevents this change.')}${says}`;
    default:
      if (status >= 300 && status < 400) {
        return l10n.t('The pod answered with a redirect ({0}); requests that carry your session are never forwarded. Check the pod URL: use the address the pod redirects to.', status);
      }
      if (status >= 500) return `${l10n.t('The pod had an internal error ({0}); try again later.', status)}${says}`;
      return `${l10n.t('The pod answered {0}.', status)}${says}`;
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
    ? ` ${l10n.t('The change may still have been applied on the pod: refresh and check before trying again.')}` : '';
  if (timedOut) {
    const within = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    const sentence = context?.area === 'auth'
      ? l10n.t('Signing in did not finish: the pod at {0} did not answer within {1}; check the pod URL and your network, or raise the timeout.', host, within)
      : l10n.t('The pod at {0} did not answer within {1}; check the pod URL and your network, or raise the timeout.', host, within);
    return new PodApiError(`${sentence}${mayHaveApplied}`, { ...base, kind: 'timeout' });
  }
  if (isTlsErrorCode(code)) {
    const why = code === 'CERT_HAS_EXPIRED' ? l10n.t("the pod's TLS certificate has expired")
      : code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? l10n.t("the pod's TLS certificate does not match its host name")
        : code === 'EPROTO' || code?.startsWith('ERR_SSL_') ? l10n.t('the TLS handshake failed (the pod may require a client certificate, or refused it)')
          : l10n.t("the pod's TLS certificate is not signed by a certificate authority this computer trusts");
    return new PodApiError(l10n.t("Could not open a secure connection to {0}: {1} ({2}). Set the pod's CA bundle in its settings, or start VS Code with NODE_EXTRA_CA_CERTS pointing at your company's CA file.", host, why, code ?? ''), { ...base, kind: 'tls', code });
  }
  const what = code === 'ECONNREFUSED' ? l10n.t('the connection was refused (is the pod URL and port right?)')
    : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? l10n.t('the host name could not be resolved')
      : code === 'ECONNRESET' || code === 'EPIPE' ? l10n.t('the connection was closed unexpectedly')
        : code === 'ETIMEDOUT' ? l10n.t('the connection timed out') : l10n.t('the network request failed');
  const reason = code ? `${what} (${code})` : what;
  return new PodApiError(`${l10n.t('Could not reach the pod at {0}: {1}.', host, reason)}${mayHaveApplied}`, { ...base, kind: 'network', code });
}

function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string' && c !== 'FETCH_ERROR') return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
