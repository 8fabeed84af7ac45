// Company certificates: the 8 Pod endpoints, and turning a PEM into a stored record.
// fingerPrint = lowercase hex SHA-256 of the DER. Unknown fingerprints → 400 (the spec documents no 404), or 404 when configured.
import * as crypto from 'node:crypto';
import { requireAdmin } from './auth';
import { Ctx, Route, notFound, ok, route, success } from './router';
import { CERT_ATTRIBUTES, CERT_TYPE, COMPANY_CERT, STRING_ID, bodyOf } from './shapes';
import { CERT_STATUSES, CERT_TYPES, CertRecord, CertStatus, CertType, EmulatorState } from './state';
import { array, bad, object, oneOf, optString, page } from './validate';

/** Java `Date.toString()` style, as the pod shows in certInfo: "Thu Jan 15 20:56:05 UTC 2026". */
export function javaDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function cnOf(dn: string): string {
  const line = dn.split('\n').find((l) => l.startsWith('CN='));
  return line ? line.slice(3) : dn;
}

export interface NewCert { name?: string; type: CertType; status: CertStatus; podManaged?: boolean; updatedBy: number; lastSeen?: number }

/** Parses a PEM into a record (malformed → 400). Does not store it. */
export function certRecordFromPem(state: EmulatorState, pem: string, attrs: NewCert): CertRecord {
  let x509: crypto.X509Certificate;
  try { x509 = new crypto.X509Certificate(pem); } catch { bad('Invalid certificate: the PEM could not be parsed as an X.509 certificate'); }
  const fingerPrint = crypto.createHash('sha256').update(x509.raw).digest('hex');
  const commonName = cnOf(x509.subject);
  const notAfter = Date.parse(x509.validTo);
  const key = x509.publicKey;
  const issuer = [...state.certs.values()].find((c) => c.pem && c.fingerPrint !== fingerPrint && issuedBy(x509, c.pem));
  return {
    fingerPrint,
    pem,
    attributes: { name: attrs.name ?? commonName, type: { type: attrs.type }, status: { type: attrs.status } },
    info: { fingerPrint, issuerFingerPrint: issuer?.fingerPrint, lastSeen: attrs.lastSeen, updatedAt: Date.now(), updatedBy: attrs.updatedBy, commonName, expiryDate: notAfter },
    podManaged: attrs.podManaged ?? false,
    details: {
      subject: x509.subject.split('\n').reverse().join(', '), issuer: x509.issuer.split('\n').reverse().join(', '),
      serialNumber: x509.serialNumber.toLowerCase(), notBefore: Date.parse(x509.validFrom), notAfter,
      keyAlgorithm: (key.asymmetricKeyType ?? 'unknown').toUpperCase(), keySize: key.asymmetricKeyDetails?.modulusLength ?? 256,
      sha256: fingerPrint,
    },
  };
}

function issuedBy(cert: crypto.X509Certificate, issuerPem: string): boolean {
  try { const issuer = new crypto.X509Certificate(issuerPem); return cert.checkIssued(issuer) && cert.verify(issuer.publicKey); } catch { return false; }
}

const listItem = (c: CertRecord): unknown => ({ companyCertAttributes: c.attributes, companyCertInfo: c.info });

function certInfo(c: CertRecord): unknown {
  const d = c.details;
  const nv = (name: string, value: string): { name: string; value: string } => ({ name, value });
  return [
    { name: 'General', attributes: [nv('Subject', d.subject), nv('Issuer', d.issuer), nv('Serial Number', d.serialNumber), nv('SHA-256 Fingerprint', d.sha256)] },
    { name: 'Validity', attributes: [nv('Not Before', javaDate(d.notBefore)), nv('Not After', javaDate(d.notAfter))] },
    { name: 'Public Key', attributes: [nv('Algorithm', d.keyAlgorithm), nv('Key Size', `${d.keySize} bits`)] },
  ];
}

const detail = (c: CertRecord): unknown => ({ companyCertAttributes: c.attributes, companyCertInfo: c.info, certInfo: certInfo(c) });

function find(ctx: Ctx): CertRecord {
  const c = ctx.state.certs.get(ctx.params.fingerPrint.toLowerCase());
  if (!c) { throw notFound(ctx, `Certificate with fingerprint ${ctx.params.fingerPrint} not found`); }
  return c;
}

function attributes(value: unknown, partial: boolean): { name?: string; type?: CertType; status?: CertStatus } {
  const a = object(value ?? (partial ? {} : undefined), 'attributes');
  const name = optString(a.name, 'attributes.name');
  // null = absent, as the Python SDK 2.x sends every unset optional field.
  const typeObj = a.type == null ? undefined : object(a.type, 'attributes.type');
  const statusObj = a.status == null ? undefined : object(a.status, 'attributes.status');
  if (!partial && (!typeObj || !statusObj)) { bad('attributes.type and attributes.status are required'); }
  return {
    name: name?.trim() === '' ? bad('attributes.name must not be blank') : name,
    type: typeObj ? oneOf(typeObj.type, CERT_TYPES, 'attributes.type.type') : undefined,
    status: statusObj ? oneOf(statusObj.type, CERT_STATUSES, 'attributes.status.type') : undefined,
  };
}

export function certRoutes(): Route[] {
  const all = (ctx: Ctx): CertRecord[] => [...ctx.state.certs.values()];
  return [
    route('GET', '/pod/v1/companycert/list', (ctx) => {
      requireAdmin(ctx);
      return ok(page(all(ctx), ctx.query.get('skip'), ctx.query.get('limit')).map(listItem));
    }),
    route('GET', '/pod/v1/companycert/podmanaged/list', (ctx) => {
      requireAdmin(ctx);
      return ok(page(all(ctx).filter((c) => c.podManaged), ctx.query.get('skip'), ctx.query.get('limit')).map(listItem));
    }),
    route('POST', '/pod/v1/companycert/type/list', (ctx) => {
      requireAdmin(ctx);
      const types = array(bodyOf(ctx, CERT_TYPE, true), 'body').map((t, i) => oneOf(object(t, `body[${i}]`).type, CERT_TYPES, `body[${i}].type`));
      return ok(page(all(ctx).filter((c) => types.includes(c.attributes.type.type)), ctx.query.get('skip'), ctx.query.get('limit')).map(listItem));
    }),
    route('POST', '/pod/v2/companycert/create', (ctx) => {
      const admin = requireAdmin(ctx);
      const body = object(bodyOf(ctx, COMPANY_CERT), 'body');
      const pem = optString(body.pem, 'pem');
      if (!pem) { bad('pem is required'); }
      const a = attributes(body.attributes, false);
      const record = certRecordFromPem(ctx.state, pem, { name: a.name, type: a.type as CertType, status: a.status as CertStatus, updatedBy: admin.id });
      if (record.details.notAfter < Date.now()) { bad(`Certificate has expired (Not After ${javaDate(record.details.notAfter)})`); }
      if (ctx.state.certs.has(record.fingerPrint)) { bad(`Certificate with fingerprint ${record.fingerPrint} already exists`); }
      ctx.state.certs.set(record.fingerPrint, record);
      return ok(detail(record));
    }),
    route('POST', '/pod/v1/companycert/delete', (ctx) => {
      requireAdmin(ctx);
      const id = optString(object(bodyOf(ctx, STRING_ID), 'body').id, 'id');
      if (!id) { bad('id is required'); }
      if (!ctx.state.certs.delete(id.toLowerCase())) { throw notFound(ctx, `Certificate with fingerprint ${id} not found`); }
      return success('Certificate deleted');
    }),
    route('GET', '/pod/v1/companycert/:fingerPrint/get', (ctx) => { requireAdmin(ctx); return ok(detail(find(ctx))); }),
    route('POST', '/pod/v1/companycert/:fingerPrint/update', (ctx) => {
      const admin = requireAdmin(ctx);
      const cert = find(ctx);
      const a = attributes(bodyOf(ctx, CERT_ATTRIBUTES), true);
      cert.attributes = {
        name: a.name ?? cert.attributes.name,
        type: a.type ? { type: a.type } : cert.attributes.type,
        status: a.status ? { type: a.status } : cert.attributes.status,
      };
      cert.info = { ...cert.info, updatedAt: Date.now(), updatedBy: admin.id };
      return success('Certificate updated');
    }),
    route('GET', '/pod/v1/companycert/:fingerPrint/issuedBy', (ctx) => {
      requireAdmin(ctx);
      const issuer = find(ctx);
      return ok(all(ctx).filter((c) => c.info.issuerFingerPrint === issuer.fingerPrint).map(listItem));
    }),
  ];
}
