// The demo pod of "Symphony: Try the Demo Pod" (startLocalDemoPod): HTTPS on the loopback address only, so nothing
// else on the network can reach the made-up pod or sign in with its demo keys.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { PodEmulator } from '../../../src/podEmulator';
import { startLocalDemoPod } from '../../../src/podEmulator/localDemo';

/** Resolves with 'connected' or the connection error's code. */
function connect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => { socket.destroy(); resolve('connected'); });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('pod emulator: the local demo pod', () => {
  let pod: PodEmulator;
  let dataDir: string;
  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-demo-'));
    pod = await startLocalDemoPod(path.join(dataDir, 'demoPod'));
  });
  after(async () => {
    await pod.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only, for its API and its session-auth server, on ports the OS picked', () => {
    const listening = pod.listening();
    assert.equal(listening.length, 2, 'the API and the mutual-TLS session-auth server');
    for (const { address, port } of listening) {
      assert.equal(address, '127.0.0.1');
      assert.ok(port > 0);
    }
    assert.equal(pod.url, `https://127.0.0.1:${listening[0].port}`);
    assert.equal(pod.sessionAuthUrl, `https://127.0.0.1:${listening[1].port}`);
  });

  it('cannot be reached through any other address of this machine', async () => {
    // Every non-loopback address of every interface (a link-local IPv6 address with its interface as the zone).
    const others = Object.entries(os.networkInterfaces()).flatMap(([name, infos]) =>
      (infos ?? []).filter((i) => !i.internal).map((i) => (i.family === 'IPv6' && i.scopeid ? `${i.address}%${name}` : i.address)));
    for (const { port } of pod.listening()) {
      assert.equal(await connect('127.0.0.1', port), 'connected');
      for (const address of others) assert.equal(await connect(address, port), 'ECONNREFUSED', `${address}:${port}`);
    }
  });

  it('serves HTTPS with the CA it generated, and keeps the demo keys private in the folder it was given', async () => {
    assert.equal(path.dirname(pod.admin.privateKeyPath), path.join(dataDir, 'demoPod'));
    assert.equal(fs.statSync(pod.admin.privateKeyPath).mode & 0o777, 0o600);
    assert.equal(fs.readFileSync(pod.caPath!, 'utf8'), pod.caPem);
    const status = await new Promise<number>((resolve, reject) => {
      https.get(`${pod.url}/pod/v1/podcert`, { ca: pod.caPem }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
    });
    assert.equal(status, 200);
  });
});
