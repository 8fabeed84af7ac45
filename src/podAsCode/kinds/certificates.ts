// Company certificates: `certificates/<name>.json` (fingerPrint, name, type, status) and, beside it, the
// certificate itself in `<name>.pem` (public: fine in version control). The pod never returns a certificate's PEM,
// so an export writes the attributes with the fingerprint; a PEM the user adds is what a create on another pod
// needs. The fingerprint is the identity: the SHA-256 of the certificate's DER, as the pod (and the emulator) uses.
// Pod-managed certificates (the pod's own) are never part of the folder.
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { CompanyCertAttributes, CompanyCertInfoItem, certificateBlocks, issuesOf, validateCertificatePem } from '../../api';
import { l10n } from '../../text/l10n';
import { READ_CONCURRENCY, mapConcurrently } from '../concurrency';
import { JsonObject, PodFolderError, fileSlug, isObject, listFiles, readText } from '../folderFiles';
import { PodResource, ResourceKind } from './kind';

const TYPES = ['USER', 'USERSIGNING', 'OPERATIONSSIGNING', 'OPERATIONSUSER'];
const STATUSES = ['TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'];
const FIELDS = ['fingerPrint', 'name', 'type', 'status', '$schema'];

export const certificatesKind: ResourceKind = {
  name: 'certificates',
  order: 1,
  keyOrder: ['fingerPrint', 'name', 'type', 'status'],

  async list(client) {
    const [all, podManaged] = await Promise.all([client.certs.listAllCompanyCertificates(), client.certs.listAllPodManagedCertificates()]);
    const skip = new Set(podManaged.map(fingerPrintOf));
    return all.filter((c) => !skip.has(fingerPrintOf(c))).map(podCertificate);
  },

  files: (root) => listFiles(root, 'certificates', '.json'),

  async fromFile(file, value, root) {
    if (!isObject(value)) throw file.error([], l10n.t('a certificate file is one JSON object: { "name", "type", "status" }.'));
    for (const key of Object.keys(value)) if (!FIELDS.includes(key)) throw file.error([key], l10n.t('unknown field "{0}" (fingerPrint, name, type, status).', key));
    if (typeof value.name !== 'string' || !value.name.trim()) throw file.error(['name'], l10n.t('name is required.'));
    if (!TYPES.includes(value.type as string)) throw file.error(['type'], l10n.t('type must be one of {0}.', TYPES.join(', ')));
    if (!STATUSES.includes(value.status as string)) throw file.error(['status'], l10n.t('status must be one of {0}.', STATUSES.join(', ')));
    const pemFile = file.file.replace(/\.json$/, '.pem');
    const pem = existsSync(path.join(root, pemFile)) ? await readText(path.join(root, pemFile)) : undefined;
    const fromPem = pem === undefined ? undefined : pemFingerPrint(pem, pemFile);
    const stated = typeof value.fingerPrint === 'string' ? value.fingerPrint.toLowerCase() : undefined;
    if (value.fingerPrint !== undefined && !stated) throw file.error(['fingerPrint'], l10n.t('fingerPrint must be text (the SHA-256 of the certificate).'));
    if (stated && fromPem && stated !== fromPem) throw file.error(['fingerPrint'], l10n.t('does not match {0} (its fingerprint is {1}).', pemFile, fromPem));
    const id = stated ?? fromPem;
    if (!id) throw file.error([], l10n.t('the certificate needs its fingerPrint, or its PEM in {0}.', pemFile));
    return {
      id, label: value.name, source: file, extra: pem === undefined ? undefined : { pem },
      value: { name: value.name, type: value.type as string, status: value.status as string },
    };
  },

  toFiles(resource, taken) {
    let file = `certificates/${fileSlug(resource.label)}.json`;
    if (taken.has(file)) file = `certificates/${fileSlug(resource.label)}-${resource.id.slice(0, 12)}.json`;
    return [{ file, value: { fingerPrint: resource.id, ...resource.value } }];
  },

  validate(desired, current) {
    if (current) return [];
    const pem = desired.extra?.pem;
    return issuesOf([['pem', pem === undefined
      ? l10n.t('The certificate {0} is not on the pod, and the folder has no {1} to create it from.', desired.id, desired.source.file.replace(/\.json$/, '.pem'))
      : validateCertificatePem(pem)]]);
  },

  async reread(client, ids) {
    const out = new Map<string, PodResource | undefined>();
    await mapConcurrently(ids.filter((i) => i.current), READ_CONCURRENCY, async ({ id }) => {
      const detail = await client.certs.getCompanyCertificate(id);
      out.set(id, podCertificate({ companyCertAttributes: detail.companyCertAttributes, companyCertInfo: { ...detail.companyCertInfo, fingerPrint: id } }));
    });
    return out;
  },

  async create({ client }, desired) {
    await client.certs.createCompanyCertificate(desired.extra!.pem, attributes(desired.value));
  },

  async update({ client }, current, desired) {
    const changed = Object.fromEntries(Object.entries(desired.value).filter(([k, v]) => current.value[k] !== v));
    await client.certs.updateCompanyCertificate(current.id, attributes(changed));
  },

  async remove({ client }, current) {
    await client.certs.deleteCompanyCertificate(current.id);
  },
};

function attributes(value: JsonObject): CompanyCertAttributes {
  return {
    ...(value.name !== undefined ? { name: value.name as string } : {}),
    ...(value.type !== undefined ? { type: { type: value.type as never } } : {}),
    ...(value.status !== undefined ? { status: { type: value.status as never } } : {}),
  };
}

const fingerPrintOf = (c: CompanyCertInfoItem) => (c.companyCertInfo?.fingerPrint ?? '').toLowerCase();

function podCertificate(c: CompanyCertInfoItem): PodResource {
  const a = c.companyCertAttributes ?? {};
  const name = a.name ?? c.companyCertInfo?.commonName ?? fingerPrintOf(c);
  return { id: fingerPrintOf(c), label: name, value: { name, type: a.type?.type ?? '', status: a.status?.type ?? '' }, pod: c };
}

/** The fingerprint of the one certificate in a PEM file (a chain is refused, as the pod takes one certificate). */
function pemFingerPrint(pem: string, file: string): string {
  const blocks = certificateBlocks(pem);
  if (blocks.length !== 1) {
    throw new PodFolderError(file, undefined, undefined, blocks.length ? l10n.t('holds {0} certificates; the pod takes one.', blocks.length) : l10n.t('holds no certificate.'));
  }
  try {
    return new X509Certificate(blocks[0]).fingerprint256.replace(/:/g, '').toLowerCase();
  } catch (error) {
    throw new PodFolderError(file, undefined, undefined, l10n.t('is not a readable certificate ({0}).', (error as Error).message));
  }
}

