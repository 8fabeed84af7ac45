// Authenticated requests and the 401 rule. Pod calls carry `sessionToken`; Profile Manager calls carry a bearer
// from /login/idm/tokens. On a 401 the token is renewed once (single-flight: concurrent 401s share one renewal) and
// the request is repeated once; a second 401 is a clear "session expired" error, never a loop. Repeating a write
// after a 401 is safe: the pod changes nothing on a 40x.

import { ErrorContext, PodApiError } from './errors';
import { l10n } from '../text/l10n';
import { BodyWatcher, HttpRequest, HttpResponse, HttpTransport, refuseOversizedBody, toJson } from './http';
import { RequestPacer } from './pacing';
import { Authenticate, TokenName, TokenStore } from './tokens';
import { Shape } from './shapes';
import { JwtToken } from './types';
import { isWrite, TRACE_ID_HEADER, WriteGate, WriteObserver, WriteOutcome } from './writeGate';

/** The write hooks of a client (writeGate.ts); the client's owner may replace them at any time. */
export interface WriteHooks {
  gate?: WriteGate;
  observe?: WriteObserver;
}

export type Query = Record<string, string | number | undefined>;

export interface ApiCall {
  method: HttpRequest['method'];
  /** Path from the pod origin, e.g. /pod/v2/sessioninfo. Segments must already be encoded. */
  path: string;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  context: ErrorContext;
  /** What a 2xx answer must look like (see shapes.ts); every read declares one. */
  expect?: Shape;
  /** Shown a 2xx answer's text as it arrives (http.ts BodyWatcher): a cursor list's early look at the next cursor. */
  watchBody?: BodyWatcher;
}

export class Requester {
  private readonly renewals = new Map<TokenName, Promise<string>>();
  /** The pod's host name (no port), sent as X-Symphony-Host on Profile Manager calls. */
  private readonly host: string;

  constructor(
    private readonly transport: HttpTransport,
    private readonly origin: string,
    private readonly tokens: TokenStore,
    private readonly authenticate: Authenticate,
    private readonly writes: WriteHooks = {},
  ) {
    this.host = new URL(origin).hostname;
  }

  /** The transport's pacer (pacing.ts): listings read its throttle count to size their window. */
  get pacer(): RequestPacer {
    return this.transport.pacer;
  }

  /** A call with no credentials (login endpoints, /pod/v1/podcert). */
  anonymous<T>(call: ApiCall): Promise<HttpResponse<T>> {
    return this.transport.request<T>(this.toRequest(call, {}));
  }

  /** A Pod / Login call authenticated with the session token. */
  withSession<T>(call: ApiCall): Promise<HttpResponse<T>> {
    return this.withToken<T>('session', call, token => ({ sessionToken: token }));
  }

  /**
   * A Profile Manager call authenticated with the bearer. X-Symphony-Host carries the pod's host name: the spec
   * requires a non-empty value (the SDKs send "", which real pods accept; a strict gateway would not).
   */
  withBearer<T>(call: ApiCall): Promise<HttpResponse<T>> {
    return this.withToken<T>('bearer', call, token => ({ Authorization: `Bearer ${token}`, 'X-Symphony-Host': this.host }));
  }

  /** Runs authenticate() (shared with any renewal in flight) and stores the new session token. */
  async signIn(): Promise<string> {
    return this.renew('session', undefined, true);
  }

  /**
   * Every authenticated call passes here: a write is put to the gate first (a refusal sends nothing, not even a
   * sign-in), and its outcome is told to the observer, whether the pod accepted it or not.
   */
  private async withToken<T>(name: TokenName, call: ApiCall, headers: (token: string) => Record<string, string>): Promise<HttpResponse<T>> {
    if (!isWrite(call.method, call.path)) return this.send<T>(name, call, headers);
    const write = { method: call.method as WriteOutcome['method'], path: call.path, body: call.body };
    this.writes.gate?.(write);
    const started = Date.now();
    const tell = (outcome: Omit<WriteOutcome, 'method' | 'path' | 'body' | 'at' | 'ms'>) => {
      try {
        this.writes.observe?.({ ...write, ...outcome, at: new Date(started), ms: Date.now() - started });
      } catch { /* the observer (the activity log) must never change what the caller sees */ }
    };
    try {
      const res = await this.send<T>(name, call, headers);
      tell({ status: res.status, ok: true, traceId: res.headers.get(TRACE_ID_HEADER) ?? undefined, response: res.body });
      return res;
    } catch (err) {
      // A refusal before sending (validation, oversized body) reached nothing: only what was sent is told.
      if (err instanceof PodApiError && err.kind !== 'validation') {
        tell({ status: err.status ?? (err.kind === 'timeout' ? 'timeout' : 'network error'), ok: false, podMessage: err.podMessage ?? err.message, traceId: err.traceId });
      }
      throw err;
    }
  }

  private async send<T>(name: TokenName, call: ApiCall, headers: (token: string) => Record<string, string>): Promise<HttpResponse<T>> {
    // An oversized body is refused before any sign-in or token request, not only before the call itself.
    if (call.body !== undefined) refuseOversizedBody(call.method, call.path, Buffer.byteLength(toJson(call.body)));
    const first = (await this.tokens.get(name)) ?? (await this.renew(name, undefined));
    try {
      return await this.transport.request<T>(this.toRequest(call, headers(first)));
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
    }
    const second = await this.renew(name, first);
    try {
      return await this.transport.request<T>(this.toRequest(call, headers(second)));
    } catch (err) {
      if (isUnauthorized(err)) throw sessionExpired(err as PodApiError, name);
      throw err;
    }
  }

  /**
   * Returns a fresh token. Single-flight per token name; if the stored token already differs from the stale one
   * (another request renewed it meanwhile), that one is used without signing in again.
   */
  private renew(name: TokenName, stale: string | undefined, force = false): Promise<string> {
    const inFlight = this.renewals.get(name);
    if (inFlight) return inFlight;
    const renewal = (async () => {
      const current = await this.tokens.get(name);
      if (!force && current && current !== stale) return current;
      const fresh = name === 'session' ? await this.newSessionToken() : await this.newBearer();
      await this.tokens.set(name, fresh);
      return fresh;
    })().finally(() => this.renewals.delete(name));
    this.renewals.set(name, renewal);
    return renewal;
  }

  private async newSessionToken(): Promise<string> {
    const token = await this.authenticate();
    if (typeof token !== 'string' || !token) {
      throw new PodApiError(l10n.t('Signing in did not produce a session token; sign in again.'), { kind: 'auth' });
    }
    return token;
  }

  /** POST /login/idm/tokens?scope=profile-manager with the session token (its own 401 renews the session). */
  private async newBearer(): Promise<string> {
    const res = await this.withSession<JwtToken>({
      method: 'POST', path: '/login/idm/tokens', query: { scope: 'profile-manager' }, context: { area: 'groups', changesNothing: true },
    });
    const bearer = res.body?.access_token;
    if (!bearer) {
      throw new PodApiError(l10n.t('The pod did not return a Profile Manager token (/login/idm/tokens); groups cannot be managed on this pod.'), {
        kind: 'auth', status: res.status, method: 'POST', path: '/login/idm/tokens',
      });
    }
    return bearer;
  }

  private toRequest(call: ApiCall, auth: Record<string, string>): HttpRequest {
    const url = new URL(this.origin + call.path);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    return { method: call.method, url: url.toString(), headers: { ...call.headers, ...auth }, body: call.body, context: call.context, expect: call.expect,
      watchBody: call.watchBody };
  }
}

function isUnauthorized(err: unknown): boolean {
  return err instanceof PodApiError && err.status === 401;
}

function sessionExpired(err: PodApiError, name: TokenName): PodApiError {
  return new PodApiError(
    name === 'session'
      ? l10n.t('Your session expired and signing in again did not help: the pod still refuses it. Sign in to the pod again, and check the account is still enabled.')
      : l10n.t('Your Profile Manager token expired and signing in again did not help: the pod still refuses it. Sign in to the pod again, and check the account is still enabled.'),
    { kind: 'auth', status: 401, code: err.code, podMessage: err.podMessage, method: err.method, path: err.path, cause: err },
  );
}
