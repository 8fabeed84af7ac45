import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import { PodEmulator, makeTestCertificate, startPodEmulator } from '../../../src/podEmulator';

interface Out { status: number; body: any }
function request(url: string, options: https.RequestOptions): Promise<Out> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', ...options }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('pod emulator: TLS and certificate session auth', () => {
  let emu: PodEmulator;
  before(async () => { emu = await startPodEmulator({ tls: true }); });
  after(() => emu.close());

  it('serves HTTPS with a certificate its CA signed, and writes the CA and client files', async () => {
    assert.match(emu.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(fs.readFileSync(emu.caPath!, 'utf8'), emu.caPem);
    assert.equal(fs.statSync(emu.admin.privateKeyPath).mode & 0o777, 0o600);
    assert.ok(fs.existsSync(emu.admin.clientCertPath!) && fs.existsSync(emu.admin.clientKeyPath!));
    const res = await request(`${emu.url}/pod/v1/podcert`, { method: 'GET', ca: emu.caPem });
    assert.equal(res.status, 200);
    await assert.rejects(request(`${emu.url}/pod/v1/podcert`, { method: 'GET' }), 'an untrusted CA fails the handshake');
  });

  it('opens a session for the client certificate of demo-admin', async () => {
    const res = await request(`${emu.sessionAuthUrl}/sessionauth/v1/authenticate`, {
      ca: emu.caPem, cert: fs.readFileSync(emu.admin.clientCertPath!), key: fs.readFileSync(emu.admin.clientKeyPath!),
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.name, 'sessionToken');
    const info = await new Promise<Out>((resolve, reject) => {
      https.get(`${emu.url}/pod/v2/sessioninfo`, { ca: emu.caPem, headers: { sessionToken: res.body.token } }, (r) => {
        let text = ''; r.on('data', (c: Buffer) => { text += c.toString(); }); r.on('end', () => resolve({ status: r.statusCode ?? 0, body: JSON.parse(text) }));
      }).on('error', reject);
    });
    assert.equal(info.body.username, 'demo-admin');
  });

  it('refuses no client certificate (400), a foreign CA or an unknown CN (403)', async () => {
    assert.equal((await request(`${emu.sessionAuthUrl}/sessionauth/v1/authenticate`, { ca: emu.caPem })).status, 400);
    const foreign = makeTestCertificate({ commonName: 'demo-admin', keyType: 'ec' });
    assert.equal((await request(`${emu.sessionAuthUrl}/sessionauth/v1/authenticate`, { ca: emu.caPem, cert: foreign.pem, key: foreign.keyPem })).status, 403);
  });
});
