// Key material generated once per process (RSA 2048 for speed; real pods ask for 4096), in parallel, and shared
// by every emulator started in the process: the demo accounts' keys, the seed data's CA and leaf keys, the pod
// certificate, and (for TLS) the emulator CA with its server certificate.
import * as crypto from 'node:crypto';
import { promisify } from 'node:util';
import { TestCertificate, makeCertificate } from './x509';

const generate = promisify(crypto.generateKeyPair);

export interface KeyPair { privateKeyPem: string; publicKeyPem: string }

async function rsa(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generate('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

export interface ProcessKeys {
  admin: KeyPair;
  user: KeyPair;
  /** Subject key shared by every seeded leaf certificate (only the certificates have to differ). */
  leaf: KeyPair;
  /** "Acme Issuing CA", the seeded company CA that issued several seeded certificates. */
  seedCa: TestCertificate;
  podCert: TestCertificate;
}

export interface TlsKeys { ca: TestCertificate; server: TestCertificate; adminClient: TestCertificate; userClient: TestCertificate }

let processKeys: Promise<ProcessKeys> | undefined;
let tlsKeys: Promise<TlsKeys> | undefined;

const YEAR = 365 * 86400_000;

export function getProcessKeys(): Promise<ProcessKeys> {
  processKeys ??= (async () => {
    const [admin, user, leaf, caKey] = await Promise.all([rsa(), rsa(), rsa(), rsa()]);
    const now = Date.now();
    const seedCa = makeCertificate({
      commonName: 'Acme Issuing CA', organization: 'Acme Capital Markets', country: 'US', isCA: true, keyPem: caKey.privateKeyPem,
      notBefore: new Date(now - 2 * YEAR), notAfter: new Date(now + 8 * YEAR), serial: Buffer.from('0a11ce', 'hex'),
    });
    const podCert = makeCertificate({
      commonName: 'acme.symphony.com', organization: 'Acme Capital Markets', issuer: seedCa, keyPem: leaf.privateKeyPem,
      notBefore: new Date(now - YEAR), notAfter: new Date(now + 2 * YEAR), serial: Buffer.from('0b0d', 'hex'),
    });
    return { admin, user, leaf, seedCa, podCert };
  })();
  return processKeys;
}

/** The emulator CA, a server certificate for 127.0.0.1/localhost and client certificates for the demo accounts. */
export function getTlsKeys(): Promise<TlsKeys> {
  tlsKeys ??= (async () => {
    const [caKey, serverKey] = await Promise.all([rsa(), rsa()]);
    const { admin, user } = await getProcessKeys();
    const ca = makeCertificate({ commonName: 'Symphony Pod Emulator CA', organization: 'Pod Emulator', isCA: true, keyPem: caKey.privateKeyPem, notAfter: new Date(Date.now() + 10 * YEAR) });
    const server = makeCertificate({
      commonName: 'localhost', issuer: ca, keyPem: serverKey.privateKeyPem,
      altNames: { dns: ['localhost'], ips: ['127.0.0.1', '::1'] },
    });
    const adminClient = makeCertificate({ commonName: 'demo-admin', issuer: ca, keyPem: admin.privateKeyPem });
    const userClient = makeCertificate({ commonName: 'demo-user', issuer: ca, keyPem: user.privateKeyPem });
    return { ca, server, adminClient, userClient };
  })();
  return tlsKeys;
}
