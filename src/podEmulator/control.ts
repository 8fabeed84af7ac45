// Test control: latency, a queue of injected faults, the request log, session expiry, reset — both as the
// in-process `EmulatorControl` and as the HTTP API under /_emulator/ (which is never logged, delayed or faulted).
import { Env, Route, ok, route } from './router';
import type { Scale } from './seed';
import type { EmulatorState } from './state';
import { bad, object, optBool, optString } from './validate';

export interface LoggedRequest {
  method: string; path: string; query: string; status: number;
  /** From the request's arrival to its answer written (0.01 ms steps), the latency included. */
  ms: number;
  /** When it arrived (Date.now()). */
  at: number;
}
export interface FaultSpec {
  status?: number; retryAfterSeconds?: number; drop?: boolean; delayMs?: number; count?: number; method?: string; pathPrefix?: string;
  /** A throttled call as an Agent answers it: 400 with `Retry-After` (default 1 s) instead of 429 (agent 20.12 notes). */
  agentStyle?: boolean;
  /** In-process only: the request is held until this settles, then handled as usual (a test orders events without a timer). */
  until?: Promise<unknown>;
}
export interface ThrottleSpec {
  perSecond: number;
  /** In-process only: the clock the one-second windows follow (tests freeze it). */
  now?: () => number;
}
export interface EmulatorControl {
  reset(scale?: Scale): void;
  setLatency(ms: number): void;
  injectFault(fault: FaultSpec): void;
  expireSessions(): void;
  /** Serve at most `perSecond` API requests per second, answering 429 with Retry-After beyond; `undefined` = off. */
  throttle(spec: ThrottleSpec | undefined): void;
  requests(): LoggedRequest[];
  clearRequests(): void;
  connectionsOpened(): number;
  state: EmulatorState;
}

/** Mutable runtime shared by the servers and the control. */
export class Runtime {
  latencyMs = 0;
  faults: Array<FaultSpec & { remaining: number }> = [];
  log: LoggedRequest[] = [];
  connections = 0;
  rate: { perSecond: number; windowStart: number; used: number; now: () => number } | undefined;
  /** The start-up throttle (option `throttle`), which a reset restores. */
  startThrottle: ThrottleSpec | undefined;
  constructor(public readonly env: Env, private readonly reseed: (scale?: Scale) => EmulatorState) {}

  /** Takes one use of the first queued fault matching the request, if any. */
  takeFault(method: string, path: string): FaultSpec | undefined {
    const i = this.faults.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && (!f.pathPrefix || path.startsWith(f.pathPrefix)));
    if (i < 0) { return undefined; }
    const fault = this.faults[i];
    fault.remaining -= 1;
    if (fault.remaining <= 0) { this.faults.splice(i, 1); }
    return fault;
  }

  setRate(spec: ThrottleSpec | undefined): void {
    if (spec && (!Number.isInteger(spec.perSecond) || spec.perSecond < 1)) { bad('perSecond must be a positive integer'); }
    this.rate = spec ? { perSecond: spec.perSecond, windowStart: 0, used: 0, now: spec.now ?? Date.now } : undefined;
  }

  /** True when a request is over the throttle's budget for the current one-second window. */
  overRate(): boolean {
    if (!this.rate) { return false; }
    const now = this.rate.now();
    if (now - this.rate.windowStart >= 1000) { this.rate.windowStart = now; this.rate.used = 0; }
    this.rate.used += 1;
    return this.rate.used > this.rate.perSecond;
  }

  control(): EmulatorControl {
    const rt = this;
    return {
      reset(scale) {
        const { sessions, appSessions, bearers } = rt.env.state;
        rt.env.state = Object.assign(rt.reseed(scale), { sessions, appSessions, bearers });
        rt.faults = []; rt.log = []; rt.latencyMs = 0;
        rt.setRate(rt.startThrottle);
      },
      setLatency(ms) { rt.latencyMs = Math.max(0, ms); },
      injectFault(fault) { rt.faults.push({ ...validateFault(fault), remaining: fault.count ?? 1 }); },
      throttle(spec) { rt.setRate(spec); },
      expireSessions() { rt.env.state.sessions.clear(); rt.env.state.appSessions.clear(); rt.env.state.bearers.clear(); },
      requests() { return rt.log.map((r) => ({ ...r })); },
      clearRequests() { rt.log = []; },
      connectionsOpened() { return rt.connections; },
      get state() { return rt.env.state; },
    };
  }
}

function validateFault(f: FaultSpec): FaultSpec {
  if (f.status !== undefined && (!Number.isInteger(f.status) || f.status < 100 || f.status > 599)) { bad('status must be an HTTP status code'); }
  if (f.status === undefined && !f.drop && !f.delayMs && !f.agentStyle && !f.until) { bad('A fault needs status, drop, delayMs or agentStyle'); }
  if (f.count !== undefined && (!Number.isInteger(f.count) || f.count < 1)) { bad('count must be a positive integer'); }
  return f;
}

const num = (v: unknown, what: string): number | undefined => {
  if (v === undefined || v === null) { return undefined; }
  if (typeof v !== 'number' || !Number.isFinite(v)) { bad(`${what} must be a number`); }
  return v;
};

export function controlRoutes(control: EmulatorControl): Route[] {
  return [
    route('POST', '/_emulator/reset', (ctx) => {
      const body = ctx.rawBody.length ? object(ctx.json(), 'body') : {};
      const scale = body.scale === undefined ? undefined : object(body.scale, 'scale');
      const s = scale && { certs: num(scale.certs, 'certs'), apps: num(scale.apps, 'apps'), groups: num(scale.groups, 'groups'), connections: num(scale.connections, 'connections') };
      control.reset(s);
      return ok({ ok: true });
    }),
    route('POST', '/_emulator/latency', (ctx) => { control.setLatency(num(object(ctx.json(), 'body').ms, 'ms') ?? 0); return ok({ ok: true }); }),
    route('POST', '/_emulator/faults', (ctx) => {
      const b = object(ctx.json(), 'body');
      control.injectFault({
        status: num(b.status, 'status'), retryAfterSeconds: num(b.retryAfterSeconds, 'retryAfterSeconds'), drop: optBool(b.drop, 'drop'),
        delayMs: num(b.delayMs, 'delayMs'), count: num(b.count, 'count'), method: optString(b.method, 'method'), pathPrefix: optString(b.pathPrefix, 'pathPrefix'),
        agentStyle: optBool(b.agentStyle, 'agentStyle'),
      });
      return ok({ ok: true });
    }),
    route('POST', '/_emulator/throttle', (ctx) => {
      const perSecond = num(object(ctx.json(), 'body').perSecond, 'perSecond');
      control.throttle(perSecond ? { perSecond } : undefined);
      return ok({ ok: true });
    }),
    route('POST', '/_emulator/expire-sessions', () => { control.expireSessions(); return ok({ ok: true }); }),
    route('GET', '/_emulator/requests', () => ok(control.requests())),
    route('DELETE', '/_emulator/requests', () => { control.clearRequests(); return ok({ ok: true }); }),
    route('GET', '/_emulator/connections', () => ok({ opened: control.connectionsOpened() })),
  ];
}
