// Request context, route table and error shapes shared by every area. Pod errors are `{code: <int>, message}`,
// Profile Manager errors `{code: "<STRING>", message}`; the path decides which.
import type * as http from 'node:http';
import type { EmulatorState } from './state';

export interface EmulatorConfig {
  sessionTtlMs: number;
  bearerTtlMs: number;
  /** Refuse request bodies with a field the operation does not define (a real pod does). */
  strictFields: boolean;
  /** Status for an unknown app id or certificate fingerprint: 400 as the spec documents, or 404. */
  notFoundStatus: 400 | 404;
}

/** What handlers can reach: the current state (replaced on reset) and the configuration. */
export interface Env { state: EmulatorState; config: EmulatorConfig }

export class HttpError extends Error {
  constructor(public readonly status: number, message: string, public readonly code?: string) { super(message); }
}

export interface Reply { status: number; body?: unknown; headers?: Record<string, string> }

export interface Ctx {
  req: http.IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  rawBody: Buffer;
  env: Env;
  state: EmulatorState;
  header(name: string): string | undefined;
  /** The parsed JSON body; invalid JSON → 400, empty body → undefined. */
  json(): unknown;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;
export interface Route { method: string; pattern: RegExp; keys: string[]; handler: Handler }

/** `route('GET', '/pod/v1/companycert/:fingerPrint/get', h)`; a `:param` matches one path segment. */
export function route(method: string, path: string, handler: Handler): Route {
  const keys: string[] = [];
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, k: string) => { keys.push(k); return '([^/]+)'; });
  return { method, pattern: new RegExp(`^${source}$`), keys, handler };
}

/** Unknown app / certificate: the spec documents no 404 for these operations, so a pod answers 400 by default. */
export function notFound(ctx: Ctx, message: string): HttpError { return new HttpError(ctx.env.config.notFoundStatus, message); }

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });
export const success = (message = 'OK'): Reply => ok({ format: 'TEXT', message });

const PM_CODES: Record<number, string> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED',
  412: 'PRECONDITION_FAILED', 429: 'TOO_MANY_REQUESTS', 500: 'INTERNAL_SERVER_ERROR', 503: 'SERVICE_UNAVAILABLE',
};

export function isProfileManager(path: string): boolean { return path.startsWith('/profile-manager/'); }

export function errorBody(path: string, status: number, message: string, code?: string): unknown {
  return isProfileManager(path) ? { code: code ?? PM_CODES[status] ?? String(status), message } : { code: status, message };
}

export function defaultMessage(status: number): string {
  switch (status) {
    case 429: return 'Too many requests';
    case 500: return 'Internal server error';
    case 502: return 'Bad gateway';
    case 503: return 'Service unavailable';
    default: return `Injected fault ${status}`;
  }
}

export type Match = { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined;

export function match(routes: Route[], method: string, path: string): Match {
  const allowed: string[] = [];
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) { continue; }
    if (r.method !== method) { allowed.push(r.method); continue; }
    const params: Record<string, string> = {};
    r.keys.forEach((k, i) => { params[k] = decodeURIComponent(m[i + 1]); });
    return { route: r, params };
  }
  return allowed.length > 0 ? { allowed } : undefined;
}
