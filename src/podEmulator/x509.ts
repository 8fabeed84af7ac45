// A tiny DER/X.509 v3 builder signed with node:crypto, so the emulator and the tests can make real, parseable
// certificates (CA, server, client, expired, not-yet-valid) without openssl.
import * as crypto from 'node:crypto';

export interface CertificateOptions {
  commonName: string;
  organization?: string;
  country?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** The certificate and key that sign this one; omitted = self-signed. */
  issuer?: { pem: string; keyPem: string };
  /** Mark as a CA (basicConstraints cA=TRUE, keyCertSign). */
  isCA?: boolean;
  /** DNS names and IP addresses for subjectAltName. */
  altNames?: { dns?: string[]; ips?: string[] };
  /** The subject key pair; omitted = a fresh one of `keyType` (default 'rsa', 2048 bits). */
  keyPem?: string;
  keyType?: 'rsa' | 'ec';
  serial?: Buffer;
}

export interface TestCertificate { pem: string; keyPem: string; fingerPrint: string }

// ---- DER encoding -------------------------------------------------------------------------------------------
function len(n: number): Buffer {
  if (n < 0x80) { return Buffer.from([n]); }
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) { bytes.unshift(v & 0xff); }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
function tlv(tag: number, content: Buffer): Buffer { return Buffer.concat([Buffer.from([tag]), len(content.length), content]); }
const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 + n, inner);
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const bitString = (b: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const NULL = Buffer.from([0x05, 0x00]);

function integer(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) { i++; }
  let v = b.subarray(i);
  if (v[0] & 0x80) { v = Buffer.concat([Buffer.from([0]), v]); }
  return tlv(0x02, v);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) { chunk.unshift((v & 0x7f) | 0x80); }
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'; // YYYYMMDDHHMMSSZ
  const year = d.getUTCFullYear();
  return year >= 1950 && year < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
}

function name(cn: string, o?: string, c?: string): Buffer {
  const rdns: Buffer[] = [];
  if (c) { rdns.push(set(seq(oid('2.5.4.6'), tlv(0x13, Buffer.from(c, 'ascii'))))); }
  if (o) { rdns.push(set(seq(oid('2.5.4.10'), tlv(0x0c, Buffer.from(o, 'utf8'))))); }
  rdns.push(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));
  return seq(...rdns);
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

function ipBytes(ip: string): Buffer {
  if (ip.includes(':')) {
    const [head, tail = ''] = ip.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
    return Buffer.from(groups.flatMap((g) => { const n = parseInt(g || '0', 16); return [n >> 8, n & 0xff]; }));
  }
  return Buffer.from(ip.split('.').map(Number));
}

// ---- certificate ----------------------------------------------------------------------------------------------
function signatureAlgorithm(key: crypto.KeyObject): Buffer {
  return key.asymmetricKeyType === 'ec' ? seq(oid('1.2.840.10045.4.3.2')) : seq(oid('1.2.840.113549.1.1.11'), NULL);
}

function newKeyPem(type: 'rsa' | 'ec'): string {
  const { privateKey } = type === 'ec'
    ? crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Lowercase hex SHA-256 of the certificate's DER: the emulator's company-certificate fingerprint. */
export function fingerPrintOf(pem: string): string {
  return crypto.createHash('sha256').update(new crypto.X509Certificate(pem).raw).digest('hex');
}

/** Builds and signs an X.509 v3 certificate. Defaults: valid from 1 hour ago for 1 year, self-signed, RSA 2048. */
export function makeCertificate(options: CertificateOptions): TestCertificate {
  const keyPem = options.keyPem ?? newKeyPem(options.keyType ?? 'rsa');
  const subjectKey = crypto.createPrivateKey(keyPem);
  const spki = crypto.createPublicKey(subjectKey).export({ type: 'spki', format: 'der' });
  const ski = crypto.createHash('sha1').update(spki).digest();
  const notBefore = options.notBefore ?? new Date(Date.now() - 3600_000);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 365 * 86400_000);
  const subject = name(options.commonName, options.organization, options.country);

  let issuerName = subject;
  let issuerKey = subjectKey;
  let aki = ski;
  if (options.issuer) {
    const issuerCert = new crypto.X509Certificate(options.issuer.pem);
    issuerName = extractSubject(issuerCert.raw);
    issuerKey = crypto.createPrivateKey(options.issuer.keyPem);
    aki = crypto.createHash('sha1').update(issuerCert.publicKey.export({ type: 'spki', format: 'der' })).digest();
  }

  const exts: Buffer[] = [
    extension('2.5.29.19', true, options.isCA ? seq(bool(true)) : seq()),
    // keyUsage: CA → keyCertSign|cRLSign; leaf → digitalSignature|keyEncipherment
    extension('2.5.29.15', true, options.isCA ? tlv(0x03, Buffer.from([1, 0x06])) : tlv(0x03, Buffer.from([5, 0xa0]))),
    extension('2.5.29.14', false, octets(ski)),
    extension('2.5.29.35', false, seq(tlv(0x80, aki))),
  ];
  const dns = options.altNames?.dns ?? [];
  const ips = options.altNames?.ips ?? [];
  if (dns.length + ips.length > 0) {
    const general = [...dns.map((d) => tlv(0x82, Buffer.from(d, 'ascii'))), ...ips.map((ip) => tlv(0x87, ipBytes(ip)))];
    exts.push(extension('2.5.29.17', false, seq(...general)));
  }

  const serial = options.serial ?? Buffer.concat([Buffer.from([0x01]), crypto.randomBytes(15)]);
  const algorithm = signatureAlgorithm(issuerKey);
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    issuerName,
    seq(time(notBefore), time(notAfter)),
    subject,
    Buffer.from(spki),
    explicit(3, seq(...exts)),
  );
  const signature = crypto.sign('sha256', tbs, issuerKey);
  const der = seq(tbs, algorithm, bitString(signature));
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  return { pem, keyPem, fingerPrint: crypto.createHash('sha256').update(der).digest('hex') };
}

/** Test helper named in the contract: a certificate for `commonName`, signed by `issuer` when given. */
export function makeTestCertificate(options: CertificateOptions): TestCertificate {
  return makeCertificate(options);
}

// ---- DER reading (just enough to copy the subject Name of an issuer) --------------------------------------------
function readTlv(buf: Buffer, at: number): { start: number; end: number; contentStart: number } {
  let lenByte = buf[at + 1];
  let contentStart = at + 2;
  let length = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    length = 0;
    for (let i = 0; i < n; i++) { length = length * 256 + buf[at + 2 + i]; }
    contentStart += n;
    lenByte = 0;
  }
  return { start: at, end: contentStart + length, contentStart };
}

function extractSubject(der: Buffer): Buffer {
  const cert = readTlv(der, 0);
  const tbs = readTlv(der, cert.contentStart);
  let at = tbs.contentStart;
  const fields: Array<{ start: number; end: number }> = [];
  while (at < tbs.end && fields.length < 6) { const f = readTlv(der, at); fields.push(f); at = f.end; }
  // [0] version, serial, signature, issuer, validity, subject
  const subject = der[tbs.contentStart] === 0xa0 ? fields[5] : fields[4];
  return Buffer.from(der.subarray(subject.start, subject.end));
}
