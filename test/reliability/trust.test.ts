// Secrets and trust in plain Node: a token only goes to the origin that issued it (a redirect elsewhere is not
// followed with it), TLS verification is never turned off, each pod's CA bundle is its own, an untrusted pod
// certificate is explained with the CA bundle setting and NODE_EXTRA_CA_CERTS, and neither log lines nor error
// messages ever carry a token or key material.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PodApiError, PodClient, memoryTokenStore, rsaAuthenticator } from '../../src/api';
import { PodEmulator, makeTestCertificate, startPodEmulator } from '../../src/podEmulator';
import { json, startLocalServer } from '../unit/api/localServer';
import { adminClient } from './fixtures';

const REPO = path.resolve(__dirname, '..', '..', '..');

describe('Reliability: tokens go only to the origin that issued them', () => {
  it('does not follow a redirect to another host with the session token', async () => {
    const thief = await startLocalServer((_req, res) => json(res, 200, { id: 1, username: 'thief' }));
    const pod = await startLocalServer((req, res) => {
      res.writeHead(302, { Location: `${thief.url}${req.url}` });
      res.end();
    });
    const client = new PodClient({ podUrl: pod.url, authenticate: async () => 'session-token-for-pod-a', retry: { maxRetries: 0 } });
    try {
      await assert.rejects(client.session.getSessionInfo(), (error: unknown) => error instanceof PodApiError && /redirect \(302\).*never forwarded/.test(error.message));
      assert.equal(pod.seen.length, 1);
      assert.equal(pod.seen[0].headers.sessiontoken, 'session-token-for-pod-a', 'the pod itself got the token');
      assert.deepEqual(thief.seen, [], 'the other host saw nothing');
    } finally {
      client.dispose();
      await pod.close();
      await thief.close();
    }
  });

  it('does not follow a redirect of the sign-in with the signed JWT', async () => {
    const emulator = await startPodEmulator({ port: 0 });
    const thief = await startLocalServer((_req, res) => json(res, 200, { token: 'stolen' }));
    const pod = await startLocalServer((req, res) => {
      res.writeHead(307, { Location: `${thief.url}${req.url}` });
      res.end();
    });
    try {
      const authenticate = rsaAuthenticator({ podUrl: pod.url, username: 'demo-admin', privateKeyPem: emulator.admin.privateKeyPem });
      await assert.rejects(authenticate(), (error: unknown) => error instanceof PodApiError && /redirect \(307\)/.test(error.message));
      assert.equal(pod.seen.length, 1);
      assert.deepEqual(thief.seen, []);
    } finally {
      await pod.close();
      await thief.close();
      await emulator.close();
    }
  });

  it('never writes a token or key material into log lines or error messages', async () => {
    const emulator = await startPodEmulator({ port: 0 });
    const tokens = memoryTokenStore();
    const { client, logs } = adminClient(emulator, { tokens });
    const messages: string[] = [];
    try {
      await client.signIn();
      await client.groups.listTypes();
      emulator.control.expireSessions();
      await client.certs.listCompanyCertificates({ limit: 2 });
      emulator.control.injectFault({ status: 500, method: 'POST' });
      await client.connections.createConnection(18799999999001).catch((e: Error) => messages.push(e.message));
      emulator.control.injectFault({ status: 401, count: 4 });
      await client.session.getSessionInfo().catch((e: Error) => messages.push(e.message));
      const secrets = [await tokens.get('session'), await tokens.get('bearer'), ...emulator.control.state.sessions.keys(), ...emulator.control.state.bearers.keys()]
        .filter((s): s is string => !!s && s.length >= 8);
      assert.ok(secrets.length >= 2, 'the scan has tokens to look for');
      const written = JSON.stringify(logs) + messages.join('\n');
      for (const secret of [...secrets, '-----BEGIN', emulator.admin.privateKeyPem.split('\n')[1]]) {
        assert.ok(!written.includes(secret), `found ${secret.slice(0, 6)}… in logs or messages`);
      }
      assert.ok(logs.length > 4 && messages.length === 2);
    } finally {
      client.dispose();
      await emulator.close();
    }
  });
});

describe('Reliability: TLS is always verified, with a CA bundle per pod', () => {
  let first: PodEmulator;
  let second: PodEmulator;
  before(async () => {
    [first, second] = await Promise.all([startPodEmulator({ port: 0, tls: true }), startPodEmulator({ port: 0, tls: true })]);
  });
  after(async () => {
    await first.close();
    await second.close();
  });

  it('signs in to two TLS pods at once, each client with its own CA bundle', async () => {
    const a = adminClient(first).client;
    const b = adminClient(second).client;
    try {
      assert.equal((await a.signIn()).username, 'demo-admin');
      assert.equal((await b.signIn()).username, 'demo-admin');
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('refuses a pod whose certificate a CA outside its bundle signed, naming the CA bundle setting and NODE_EXTRA_CA_CERTS', async () => {
    first.control.clearRequests();
    const otherCa = makeTestCertificate({ commonName: 'Another Corp Root CA', isCA: true, keyType: 'ec' }).pem;
    const client = new PodClient({
      podUrl: first.url, caPem: otherCa, retry: { maxRetries: 0 },
      authenticate: rsaAuthenticator({ podUrl: first.url, username: 'demo-admin', privateKeyPem: first.admin.privateKeyPem, transport: { caPem: otherCa } }),
    });
    try {
      await assert.rejects(client.signIn(), (error: unknown) => error instanceof PodApiError && error.kind === 'tls' && /CA bundle/.test(error.message) && /NODE_EXTRA_CA_CERTS/.test(error.message));
      assert.deepEqual(first.control.requests(), [], 'no request got through the failed handshake');
    } finally {
      client.dispose();
    }
  });

  it('never disables certificate verification anywhere in the extension\'s code or bundle', () => {
    const files = [...walk(path.join(REPO, 'src')), path.join(REPO, 'dist', 'extension.js')].filter((f) => fs.existsSync(f) && /\.(ts|js)$/.test(f));
    assert.ok(files.length > 20);
    const forbidden = /rejectUnauthorized\s*:\s*(false|0)|NODE_TLS_REJECT_UNAUTHORIZED|checkServerIdentity\s*:|secureOptions|insecureHTTPParser/;
    // One exception, in the pod emulator only: its mutual-TLS session-auth *server* accepts a client certificate it does
    // not trust so that it answers 400 / 403 as a pod does (auth.ts checks socket.authorized itself). A server option,
    // not the extension verifying a pod; every other occurrence there still counts.
    const emulator = path.join(REPO, 'src', 'podEmulator') + path.sep;
    const text = (f: string) => {
      const source = fs.readFileSync(f, 'utf8');
      return f.startsWith(emulator) ? source.replace('requestCert: true, rejectUnauthorized: false,', '') : source;
    };
    const hits = files.filter((f) => forbidden.test(text(f))).map((f) => path.relative(REPO, f));
    assert.deepEqual(hits, []);
  });
});

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
