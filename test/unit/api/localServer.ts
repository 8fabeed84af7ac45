// A tiny HTTP server for tests of the HTTP layer, where the pod emulator cannot produce the case (HTML pages,
// hanging responses, exact request counts per URL).

import * as http from 'node:http';
import { AddressInfo } from 'node:net';

export interface SeenRequest { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }
export type Handler = (req: SeenRequest, res: http.ServerResponse) => void;

export interface LocalServer { url: string; seen: SeenRequest[]; close(): Promise<void> }

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c as Buffer));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(entry);
      handler(entry, res);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>(resolve => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
