// A pass-through HTTP proxy in front of the pod emulator that keeps every request body the pod received, and can
// add to the pod's answers what a real pod returns and the emulator does not (fields newer than our types). The
// emulator's own request log has methods and paths only.
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import type { PodEmulator } from '../../../src/podEmulator';

export interface ReceivedRequest { method: string; path: string; body: unknown }
export type AnswerRewrite = (method: string, path: string, body: unknown) => unknown;

export interface CapturingProxy {
  url: string;
  /** Requests to /pod/ endpoints, in order, with their parsed JSON bodies (undefined when empty). */
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startCapturingProxy(emu: PodEmulator, rewrite?: AnswerRewrite): Promise<CapturingProxy> {
  const received: ReceivedRequest[] = [];
  const target = new URL(emu.url);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      if (path.startsWith('/pod/')) received.push({ method, path, body: raw.length ? JSON.parse(raw.toString()) : undefined });
      const upstream = http.request({ host: target.hostname, port: target.port, method, path, headers: { ...req.headers, host: target.host } }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          let text = Buffer.concat(parts).toString();
          if (rewrite && answer.statusCode === 200 && text) text = JSON.stringify(rewrite(method, path.split('?')[0], JSON.parse(text)));
          const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(text);
        });
      });
      upstream.on('error', () => { res.writeHead(502); res.end(); });
      upstream.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
