import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PodClient, certificateAuthenticator, rsaAuthenticator } from '../../../src/api';
import { makeTestCertificate } from '../../../src/podEmulator';
import { FAST_RETRY, clientFor, isApiError, usePod } from './podFixture';

describe('PodClient over TLS (emulator with its own CA)', () => {
  const pod = usePod({ tls: true });

  function certAuth(who: 'admin' | 'user', extra: { passphrase?: string; clientCertPem?: string; clientKeyPem?: string } = {}) {
    const emu = pod();
    const account = emu[who];
    return certificateAuthenticator({
      sessionAuthUrl: emu.sessionAuthUrl as string, caPem: emu.caPem,
      clientCertPem: extra.clientCertPem ?? readFileSync(account.clientCertPath as string, 'utf8'),
      clientKeyPem: extra.clientKeyPem ?? readFileSync(account.clientKeyPath as string, 'utf8'),
      passphrase: extra.passphrase,
    });
  }

  it('signs in with RSA when the pod\'s CA bundle is configured', async () => {
    const { client } = clientFor(pod());
    assert.equal((await client.signIn()).username, 'demo-admin');
    client.dispose();
  });

  it('explains a pod certificate this computer does not trust, pointing at the CA bundle and NODE_EXTRA_CA_CERTS', async () => {
    const emu = pod();
    const authenticate = rsaAuthenticator({ podUrl: emu.url, username: emu.admin.username, privateKeyPem: emu.admin.privateKeyPem });
    await assert.rejects(authenticate(), isApiError(/CA bundle.*NODE_EXTRA_CA_CERTS/, { kind: 'tls' }));
    const client = new PodClient({ podUrl: emu.url, authenticate: async () => 'token', retry: FAST_RETRY });
    await assert.rejects(client.session.getSessionInfo(), isApiError(/not signed by a certificate authority this computer trusts/, { kind: 'tls', status: undefined }));
    assert.equal(emu.control.requests().length, 0, 'nothing reached the API');
    client.dispose();
  });

  it('signs in with a client certificate over mutual TLS', async () => {
    const emu = pod();
    const client = new PodClient({ podUrl: emu.url, sessionAuthUrl: emu.sessionAuthUrl, caPem: emu.caPem, authenticate: certAuth('admin') });
    assert.equal((await client.signIn()).username, 'demo-admin');
    const user = new PodClient({ podUrl: emu.url, caPem: emu.caPem, authenticate: certAuth('user') });
    assert.equal((await user.signIn()).username, 'demo-user');
    client.dispose();
    user.dispose();
  });

  it('accepts a session-auth URL that ends in /sessionauth', async () => {
    const emu = pod();
    const token = await certificateAuthenticator({
      sessionAuthUrl: `${emu.sessionAuthUrl}/sessionauth`, caPem: emu.caPem,
      clientCertPem: readFileSync(emu.admin.clientCertPath as string, 'utf8'), clientKeyPem: readFileSync(emu.admin.clientKeyPath as string, 'utf8'),
    })();
    assert.ok(token);
  });

  it('reports a client certificate the pod does not trust with the pod\'s reason', async () => {
    const stranger = makeTestCertificate({ commonName: 'demo-admin', notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 86_400_000) });
    await assert.rejects(certAuth('admin', { clientCertPem: stranger.pem, clientKeyPem: stranger.keyPem })(),
      isApiError(/not trusted by this pod/, { kind: 'http', status: 403 }));
  });

  it('refuses an unreadable client key before any request', async () => {
    const emu = pod();
    await assert.rejects(certAuth('admin', { clientKeyPem: 'not a key' })(), isApiError(/not an RSA private key/, { kind: 'validation', field: 'clientKey' }));
    assert.equal(emu.control.requests().length, 0);
  });
});
