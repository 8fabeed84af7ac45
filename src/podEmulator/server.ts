// The request pipeline shared by the API server and the mutual-TLS session-auth server:
// read body → (API only) latency → injected fault → route → JSON reply → request log.
// The latency is how long the pod takes to answer, as a client sees it: a write waits it out before it is routed (the
// change lands when its answer is due), a read is routed and serialised first and answers when it is due, so the
// emulator's own work counts inside the latency instead of on top of it (a real pod's work is inside its answer time).
import type * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultSpec, Runtime } from './control';
import { Ctx, HttpError, Reply, Route, defaultMessage, errorBody, isProfileManager, match } from './router';

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) { reject(new HttpError(413, 'Request body too large')); req.resume(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface Answer { status: number; headers: Record<string, string>; payload: Buffer }

/** The reply as it goes on the wire: the JSON encoded once (measuring a string's UTF-8 length and writing it each encode it). */
function serialise(reply: Reply): Answer {
  const headers: Record<string, string> = { ...reply.headers };
  let payload = Buffer.alloc(0);
  if (reply.body !== undefined) { payload = Buffer.from(JSON.stringify(reply.body)); headers['Content-Type'] = 'application/json'; }
  headers['Content-Length'] = String(payload.length);
  return { status: reply.status, headers, payload };
}

function send(res: http.ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.payload);
}

/**
 * Waits until `due` (performance.now() time); at once when it has passed. A timer alone is off by up to a millisecond
 * either way (it counts whole milliseconds from a loop clock read before the wait: 40 waits of 50 ms ended 1.6 ms early
 * to 0.7 ms late, 0.5 ms early on average), which a sequential listing adds up page after page; so it sleeps to within
 * a millisecond or two of `due`, then yields turn by turn (I/O and other requests run in between) until `due`.
 */
async function until(due: number): Promise<void> {
  for (let left = due - performance.now(); left > 0; left = due - performance.now()) {
    await (left > 2 ? sleep(left - 1.5) : nextTurn());
  }
}

function context(rt: Runtime, req: http.IncomingMessage, path: string, url: URL, params: Record<string, string>, rawBody: Buffer): Ctx {
  let parsed: { value: unknown } | undefined;
  return {
    req, method: req.method ?? 'GET', path, query: url.searchParams, params, rawBody, env: rt.env, state: rt.env.state,
    header: (name) => { const v = req.headers[name.toLowerCase()]; return Array.isArray(v) ? v[0] : v; },
    json: () => {
      if (!parsed) {
        const text = rawBody.toString('utf8').trim();
        try { parsed = { value: text === '' ? undefined : JSON.parse(text) }; } catch { throw new HttpError(400, 'Invalid JSON body'); }
      }
      return parsed.value;
    },
  };
}

/** What an injected fault answers, if it answers at all (a delay-only fault does not). */
function answerOf(fault: FaultSpec | undefined): { status: number; retryAfterSeconds?: number; message?: string } | undefined {
  if (fault?.agentStyle) {
    return { status: 400, retryAfterSeconds: fault.retryAfterSeconds ?? 1, message: 'Too many requests: the pod is throttling this Agent; retry later' };
  }
  return fault?.status ? { status: fault.status, retryAfterSeconds: fault.retryAfterSeconds } : undefined;
}

async function dispatch(rt: Runtime, routes: Route[], req: http.IncomingMessage, path: string, url: URL, body: Buffer): Promise<Reply> {
  const method = req.method ?? 'GET';
  const found = match(routes, method, path);
  if (!found) { throw new HttpError(404, `No endpoint ${method} ${path}`); }
  if ('allowed' in found) { throw new HttpError(405, `Method ${method} not allowed; use ${found.allowed.join(', ')}`); }
  return found.route.handler(context(rt, req, path, url, found.params, body));
}

/** The request listener; `api` routes get latency, faults and logging, `control` routes none of them. */
export function requestListener(rt: Runtime, api: Route[], control: Route[]): http.RequestListener {
  return (req, res) => {
    void (async () => {
      const started = Date.now();
      const arrived = performance.now(); // the latency counts from here: reading the body is the emulator's own work too
      const url = new URL(req.url ?? '/', 'http://emulator');
      const path = url.pathname;
      const method = req.method ?? 'GET';
      const isControl = path.startsWith('/_emulator/');
      let status = 0;
      let due = 0; // when a read's answer is due (performance.now() time); 0: at once
      const answer = async (reply: Reply) => {
        const ready = serialise(reply);
        await until(due);
        status = ready.status;
        send(res, ready);
      };
      try {
        const body = await readBody(req);
        if (!isControl) {
          if (method === 'GET' || method === 'HEAD') { due = arrived + rt.latencyMs; } else if (rt.latencyMs > 0) { await until(arrived + rt.latencyMs); }
          const fault = rt.takeFault(method, path);
          if (fault?.delayMs) { await sleep(fault.delayMs); if (due) { due += fault.delayMs; } } // a delay comes on top of the latency
          if (fault?.until) { await fault.until.catch(() => undefined); }
          if (fault?.drop) { await until(due); req.socket.destroy(); return; }
          const refusal = rt.overRate() ? { status: 429, retryAfterSeconds: 1 } : answerOf(fault);
          if (refusal) {
            const headers: Record<string, string> = refusal.retryAfterSeconds !== undefined ? { 'Retry-After': String(refusal.retryAfterSeconds) } : {};
            await answer({ status: refusal.status, headers, body: errorBody(path, refusal.status, refusal.message ?? defaultMessage(refusal.status)) });
            return;
          }
        }
        await answer(await dispatch(rt, isControl ? control : api, req, path, url, body));
      } catch (e) {
        const err = e instanceof HttpError ? e : new HttpError(500, e instanceof Error ? e.message : String(e));
        if (!res.headersSent) { await answer({ status: err.status, body: errorBody(path, err.status, err.message, isProfileManager(path) ? err.code : undefined) }); }
      } finally {
        if (!isControl) { rt.log.push({ method, path, query: url.search.replace(/^\?/, ''), status, ms: Math.round((performance.now() - arrived) * 100) / 100, at: started }); }
      }
    })();
  };
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve((server.address() as AddressInfo).port); });
  });
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
