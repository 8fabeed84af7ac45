// The one HTTP layer: node-fetch over a keep-alive agent (the pod's CA bundle, an optional client certificate),
// a timeout per attempt, JSON in and out, a ceiling on request bodies, the shape check of every answer that
// declares one, retries of GETs where safe (throttling included), sharing of identical in-flight GETs, and one log
// line per attempt. It knows nothing about tokens beyond passing headers; the 401 rule lives in requester.ts.

import * as http from 'node:http';
import * as https from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import fetch from 'node-fetch';
import { ErrorContext, PodApiError, errorFromNetwork, errorFromResponse } from './errors';
import { l10n } from '../text/l10n';
import { MAX_RETRY_AFTER_MS, RetryOptions, RetryPolicy, backoffDelayMs, isRetryableStatus, isThrottled, parseRetryAfterMs, retryPolicy, sleep } from './retry';
import { RequestPacer } from './pacing';
import { ForegroundFirst, ForegroundFirstOptions } from './foregroundFirst';
import { Shape, describeValue, unexpectedAnswer } from './shapes';
import { formatBytes } from './validation';
import { TRACE_ID_HEADER } from './writeGate';

export type RequestLogLine = { method: string; path: string; status: number | 'network error' | 'timeout'; ms: number; attempt: number };
export type RequestLogger = (line: RequestLogLine) => void;

export interface TransportOptions {
  caPem?: string | Buffer;
  clientCertPem?: string;
  clientKeyPem?: string;
  clientKeyPassphrase?: string;
  timeoutMs?: number;
  retry?: RetryOptions;
  /** At most this many requests start in any second (pacing.ts; default DEFAULT_REQUESTS_PER_SECOND). */
  requestsPerSecond?: number;
  /** True while the caller's request is background work nobody waits for: it gives way (foregroundFirst.ts). */
  isBackground?: () => boolean;
  /** How background requests give way; the defaults suit people (tests shorten them). */
  foregroundFirst?: ForegroundFirstOptions;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * The largest request body we send. The biggest legitimate one is a group avatar (2 MB of image, about 2.8 MB as
 * base64 in JSON); anything beyond this is a paste gone wrong that no pod would accept, refused before sending.
 */
export const MAX_REQUEST_BODY_BYTES = 4 * 1024 * 1024;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** A JSON value; undefined sends no body and no Content-Type. bigint values are written as JSON integers. */
  body?: unknown;
  context: ErrorContext;
  /** What a 2xx answer must look like; checked before the caller sees it (see shapes.ts). */
  expect?: Shape;
  /** Shown the text of a 2xx answer as it arrives (see BodyWatcher). */
  watchBody?: BodyWatcher;
}

/**
 * Told the text of a 2xx answer received so far, after each chunk, until it returns true (it has seen what it
 * needed). A cursor list uses it to ask for the next page as soon as this page's cursor is in (paging.ts), before the
 * rest of the page has arrived and been parsed. Never told anything of an error answer; a watcher that throws is
 * not told more.
 */
export type BodyWatcher = (received: string) => boolean;

export interface HttpResponse<T> {
  status: number;
  headers: { get(name: string): string | null };
  body: T;
}

export class HttpTransport {
  private readonly httpsAgent: https.Agent;
  private readonly httpAgent: http.Agent;
  private timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly inFlight = new Map<string, Promise<HttpResponse<unknown>>>();
  /** A shared background GET that a foreground caller joined stops giving way (resolving its promotion). */
  private readonly promotions = new Map<string, () => void>();
  private readonly foregroundFirst: ForegroundFirst;
  private readonly isBackground: () => boolean;
  /** Every attempt of this client takes a turn here: the request rate, and the pod's Retry-After for everyone. */
  readonly pacer: RequestPacer;

  constructor(options: TransportOptions = {}, private readonly logger?: RequestLogger) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.pacer = new RequestPacer(options.requestsPerSecond);
    this.foregroundFirst = new ForegroundFirst(options.foregroundFirst);
    this.isBackground = options.isBackground ?? (() => false);
    this.policy = retryPolicy(options.retry);
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      ca: options.caPem,
      cert: options.clientCertPem,
      key: options.clientKeyPem,
      passphrase: options.clientKeyPassphrase,
    });
    this.httpAgent = new http.Agent({ keepAlive: true });
  }

  /** Sends the request; resolves with a 2xx response or rejects with a PodApiError. */
  request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const background = this.isBackground();
    if (req.method !== 'GET') return this.send<T>(req, false, background);
    const key = dedupeKey(req);
    const shared = this.inFlight.get(key);
    if (shared) {
      if (!background) this.promotions.get(key)?.();
      return shared as Promise<HttpResponse<T>>;
    }
    const promise = this.send<T>(req, true, background, key).finally(() => {
      this.inFlight.delete(key);
      this.promotions.delete(key);
    });
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Background work first gives way to the foreground (never inside the pacer's queue, which stays in order). */
  private async send<T>(req: HttpRequest, idempotent: boolean, background: boolean, key?: string): Promise<HttpResponse<T>> {
    if (background) {
      const promoted = key === undefined ? undefined : new Promise<void>((resolve) => this.promotions.set(key, resolve));
      await this.foregroundFirst.backgroundTurn(promoted);
    }
    return this.withRetries<T>(req, idempotent, background);
  }

  /** Applies a new per-attempt timeout to every later request (the setting changed; no need to sign in again). */
  setTimeoutMs(timeoutMs: number): void {
    this.timeoutMs = timeoutMs > 0 ? timeoutMs : DEFAULT_TIMEOUT_MS;
  }

  get currentTimeoutMs(): number {
    return this.timeoutMs;
  }

  dispose(): void {
    this.httpsAgent.destroy();
    this.httpAgent.destroy();
  }

  private async withRetries<T>(req: HttpRequest, idempotent: boolean, background: boolean): Promise<HttpResponse<T>> {
    const body = req.body === undefined ? undefined : toJson(req.body);
    if (body !== undefined) refuseOversizedBody(req.method, pathOf(req.url), Buffer.byteLength(body));
    for (let attempt = 1; ; attempt++) {
      const mayRetry = idempotent && attempt <= this.policy.maxRetries;
      let res: HttpResponse<unknown> & { text: string };
      try {
        res = await this.attempt(req, body, attempt, background);
      } catch (err) {
        if (mayRetry && err instanceof PodApiError && err.kind === 'network') {
          await sleep(backoffDelayMs(attempt, this.policy));
          continue;
        }
        throw err;
      }
      if (res.status >= 200 && res.status < 300) return res as HttpResponse<T>;
      const retryAfterMs = parseRetryAfterMs(res.headers.get('retry-after'));
      // Behind an Agent, throttling can arrive as a 400 that carries Retry-After: a GET waits and tries again.
      const retryable = isRetryableStatus(res.status) || isThrottled(res.status, retryAfterMs);
      const retrying = mayRetry && retryable && (retryAfterMs ?? 0) <= MAX_RETRY_AFTER_MS;
      // While a GET waits out the pod's Retry-After, the client's other requests wait too (the throttle is per
      // source IP); an answer nobody waits for (a write, a last attempt) only counts, so nothing hangs silently.
      if (isThrottled(res.status, retryAfterMs)) this.pacer.throttled(retrying ? retryAfterMs : undefined);
      if (retrying) {
        await sleep(retryAfterMs ?? backoffDelayMs(attempt, this.policy));
        continue;
      }
      throw errorFromResponse({
        status: res.status, body: res.body, method: req.method, path: pathOf(req.url), context: req.context,
        retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
        throttled: isThrottled(res.status, retryAfterMs), retried: idempotent && attempt > 1,
        traceId: res.headers.get(TRACE_ID_HEADER) ?? undefined,
      });
    }
  }

  private async attempt(req: HttpRequest, body: string | undefined, attempt: number, background: boolean): Promise<HttpResponse<unknown> & { text: string }> {
    const foregroundDone = background ? undefined : this.foregroundFirst.begin();
    try {
      return await this.attemptNow(req, body, attempt);
    } finally {
      foregroundDone?.();
    }
  }

  private async attemptNow(req: HttpRequest, body: string | undefined, attempt: number): Promise<HttpResponse<unknown> & { text: string }> {
    await this.pacer.turn();
    const url = new URL(req.url);
    const logPath = url.pathname + url.search;
    const started = Date.now();
    const controller = new AbortController();
    let timedOut = false;
    const timeoutMs = this.timeoutMs;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
    const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const res = await fetch(req.url, {
        // Never follow a redirect: it would carry the session token (a custom header) to wherever it points.
        method: req.method, headers, body, signal: controller.signal, redirect: 'manual',
        agent: (u: URL) => (u.protocol === 'http:' ? this.httpAgent : this.httpsAgent),
      });
      const text = await readText(res.body, res.ok ? req.watchBody : undefined);
      this.log({ method: req.method, path: logPath, status: res.status, ms: Date.now() - started, attempt });
      return { status: res.status, headers: res.headers, text, body: parseBody(text, res.status, req, res.headers.get('content-type')) };
    } catch (err) {
      if (err instanceof PodApiError) throw err;
      this.log({ method: req.method, path: logPath, status: timedOut ? 'timeout' : 'network error', ms: Date.now() - started, attempt });
      throw errorFromNetwork(err, req.method, url.pathname, url.host, timedOut, timeoutMs, req.context);
    } finally {
      clearTimeout(timer);
    }
  }

  private log(line: RequestLogLine): void {
    if (!this.logger) return;
    try { this.logger(line); } catch { /* a failing logger must not break a request */ }
  }
}

/**
 * The body as UTF-8 text, decoded chunk by chunk as it arrives: `res.text()` starts decoding only once the last byte
 * is in, which adds a page's whole decoding time to every sequential (cursor) page; `watch` sees the text so far
 * after each chunk. An abort or a broken connection rejects, as `res.text()` does.
 */
function readText(body: NodeJS.ReadableStream | null, watch?: BodyWatcher): Promise<string> {
  if (!body) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let text = '';
    let watching = watch;
    body.on('data', (chunk: Buffer) => {
      text += decoder.write(chunk);
      if (!watching) return;
      try {
        if (watching(text)) watching = undefined;
      } catch {
        watching = undefined; // a watcher only ever speeds things up: its failure changes nothing for the answer
      }
    });
    body.on('end', () => resolve(text + decoder.end()));
    // `on`, not `once`: node-fetch emits 'error' on the body itself (an abort after a broken connection), and a second
    // 'error' with no listener left would be thrown in the extension host.
    body.on('error', reject);
  });
}

function dedupeKey(req: HttpRequest): string {
  const h = req.headers ?? {};
  return [req.method, req.url, h.sessionToken ?? '', h.Authorization ?? ''].join('\n');
}

export function pathOf(url: string): string {
  return new URL(url).pathname;
}

/** JSON.stringify that writes bigint values (int64 user ids beyond 2^53) as bare JSON integers. */
export function toJson(value: unknown): string {
  const marker = '\u0000int64:';
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${marker}${v.toString()}` : v))
    .replace(/"\\u0000int64:(-?\d+)"/g, '$1');
}

/**
 * Parses a response body. On an error status a body that is not JSON is ignored, so the status decides the message.
 * On a success, a request that declares its `expect`ed shape gets one "Unexpected answer" error for an empty body,
 * a page that is not JSON (usually HTML from a proxy or a sign-in portal in front of the pod) or JSON of the wrong
 * shape; a request without one gets undefined for an empty body and an error for one that is not JSON.
 */
function parseBody(text: string, status: number, req: HttpRequest, contentType: string | null): unknown {
  const ok = status >= 200 && status < 300;
  const url = new URL(req.url);
  const unexpected = (got: string) => new PodApiError(unexpectedAnswer(req.method, url.pathname, req.expect?.what ?? l10n.t('JSON data'), got), {
    kind: 'http', status, method: req.method, path: url.pathname,
  });
  let body: unknown;
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      if (!ok) return undefined;
      const looksHtml = /html/i.test(contentType ?? '') || /^\s*</.test(text);
      throw unexpected(looksHtml ? l10n.t('a web page instead of data (a proxy or sign-in page may be in front of the pod; check the pod URL)')
        : l10n.t('text that is not JSON'));
    }
  }
  if (!ok || !req.expect) return body;
  if (body === undefined) {
    if (req.expect.mayBeEmpty) return undefined;
    throw unexpected(describeValue(undefined));
  }
  const problem = req.expect.problem(body);
  if (problem) throw unexpected(problem);
  return body;
}

/** Refuses, before anything is sent, a body larger than any pod would accept, naming the operation. */
export function refuseOversizedBody(method: string, path: string, bytes: number): void {
  if (bytes <= MAX_REQUEST_BODY_BYTES) return;
  throw new PodApiError(
    l10n.t('The request {0} {1} would send {2}; the largest request sent to a pod is {3} (4 MiB). Nothing was sent: shorten the longest field.',
      method, path, formatBytes(bytes), formatBytes(MAX_REQUEST_BODY_BYTES)),
    { kind: 'validation', field: 'body', method, path },
  );
}
