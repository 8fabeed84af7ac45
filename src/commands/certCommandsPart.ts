// The company certificate commands' bodies, bundled as the lazily loaded part `certificates` (src/parts/README.md):
// update attributes, change the status of one or several, delete one or several, show the certificates a CA issued.
// certCommands.ts registers the commands and passes plain data (the certificates as `CertificateItem`): a part never
// checks instanceof on tree nodes.
import * as vscode from 'vscode';
import { noteChange } from '../activity/changeContext';
import { CompanyCertInfoItem, countOf, formatFingerprint, validateRequiredName, validateSegment } from '../api';
import { knownPodManaged } from '../credentials/podManagedCertificates';
import { confirmChange } from '../ui/confirmChange';
import { PickItem } from '../ui/prompts';
import { pickStatus, pickType, statusHelp } from './certificatePicks';
import { counted, nameLines, nameSentence, refuseInvalid, runOnItems } from './bulk';
import { CommandContext, prompts, withProgress } from './commandContext';

/** A certificate as the tree shows it: its pod, fingerprint, the name commands use, and the item as the pod listed it. */
export interface CertificateItem { podId: string; fingerPrint: string; displayName: string; item: CompanyCertInfoItem }

const certificates = { one: 'certificate', many: 'certificates' };

export async function updateCertificate(context: CommandContext, cert: CertificateItem): Promise<void> {
  const current = cert.item.companyCertAttributes;
  const name = (await prompts(context).input({ title: `Update ${cert.displayName} (1/3)`, prompt: 'Name', value: current?.name ?? '', validate: (v) => validateRequiredName(v, 'The name') })).trim();
  const type = await pickType(context, current?.type?.type);
  const status = await pickStatus(context, current?.status?.type);
  noteChange({ resource: { kind: 'certificate', id: cert.fingerPrint, name: cert.displayName }, before: current });
  await withProgress(`Updating ${cert.displayName}…`, () =>
    context.sessions.client(cert.podId).certs.updateCompanyCertificate(cert.fingerPrint, { name, type: { type }, status: { type: status } }),
  );
  context.tree.refreshCategory(cert.podId, 'certificates');
}

/**
 * The pod lets any certificate be deleted, its own included (the spec's delete has no exception, and the pod does
 * not refuse). Deleting a pod-managed certificate can break the pod, so every delete asks the pod which certificates
 * it manages (the tree does not read `podmanaged/list` when it expands, to keep that one request): alone, one wants
 * its name typed before the modal confirmation; in a selection of several it is refused, before anything is sent.
 */
export async function deleteCertificates(context: CommandContext, certs: CertificateItem[]): Promise<void> {
  const podId = certs[0].podId;
  refuseInvalid(certs, (cert) => validateSegment(cert.fingerPrint, 'fingerPrint'), (cert) => cert.displayName);
  const managed = await podManaged(context, certs);
  if (managed.length && certs.length > 1) {
    throw new Error(`${nameSentence(managed.map((c) => `"${c.displayName}"`))} ${managed.length === 1 ? "is the pod's own certificate" : "are the pod's own certificates"} (pod-managed) and ${managed.length === 1 ? 'is' : 'are'} never deleted with others. Nothing was deleted: deselect ${managed.length === 1 ? 'it' : 'them'}, or delete ${managed.length === 1 ? 'it' : 'each'} on its own, which asks for its name.`);
  }
  if (managed.length) await confirmPodManagedDelete(context, managed[0]);
  const cert = certs[0];
  const confirmed = await confirmChange(context, podId, {
    message: `Delete ${certs.length === 1 ? `the certificate "${cert.displayName}"` : `${certs.length} certificates`}?`,
    detail: `${certs.length === 1 ? `Fingerprint ${formatFingerprint(cert.fingerPrint)}` : nameLines(certs.map((c) => c.displayName))}\n\nAccounts that authenticate with ${certs.length === 1 ? 'it' : 'them'}, or with certificates ${certs.length === 1 ? 'it' : 'they'} issued, can no longer sign in.`,
    action: certs.length === 1 ? 'Delete Certificate' : `Delete ${certs.length} Certificates`,
    destructive: true,
  });
  if (!confirmed) return;
  for (const c of certs) noteChange({ resource: { kind: 'certificate', id: c.fingerPrint, name: c.displayName }, before: c.item });
  await runOnItems(context, {
    items: certs, nameOf: (c) => c.displayName, noun: certificates, done: 'Deleted',
    progress: `Deleting ${counted(certs.length, certificates)}…`,
    write: (c) => context.sessions.client(podId).certs.deleteCompanyCertificate(c.fingerPrint),
    refresh: () => context.tree.refreshCategory(podId, 'certificates'),
  });
}

/** The new status of one or several certificates (the rest of their attributes is not sent, so it stays as it is). */
export async function setStatus(context: CommandContext, certs: CertificateItem[]): Promise<void> {
  const podId = certs[0].podId;
  refuseInvalid(certs, (cert) => validateSegment(cert.fingerPrint, 'fingerPrint'), (cert) => cert.displayName);
  const current = new Set(certs.map((c) => c.item.companyCertAttributes?.status?.type));
  const status = await pickStatus(context, current.size === 1 ? [...current][0] : undefined, `Status of ${certs.length === 1 ? certs[0].displayName : `${certs.length} certificates`}`);
  const confirmed = await confirmChange(context, podId, {
    message: `Set the status of ${certs.length === 1 ? `the certificate "${certs[0].displayName}"` : `${certs.length} certificates`} to ${status}?`,
    detail: `${nameLines(certs.map((c) => `${c.displayName} (now ${c.item.companyCertAttributes?.status?.type ?? 'unknown'})`))}\n\n${statusHelp[status]}`,
    action: `Set ${status}`,
    destructive: certs.length > 1,
  });
  if (!confirmed) return;
  await runOnItems(context, {
    items: certs, nameOf: (c) => c.displayName, noun: certificates, done: `Set ${status} on`,
    progress: `Setting ${counted(certs.length, certificates)} to ${status}…`,
    write: (c) => context.sessions.client(podId).certs.updateCompanyCertificate(c.fingerPrint, { status: { type: status } }),
    refresh: () => context.tree.refreshCategory(podId, 'certificates'),
  });
}

/** The pod-managed certificates among these, as the pod lists them (one read, whatever the number). */
async function podManaged(context: CommandContext, certs: CertificateItem[]): Promise<CertificateItem[]> {
  const isManaged = (c: CertificateItem) => knownPodManaged.has(c.podId, c.fingerPrint);
  if (certs.every(isManaged)) return certs;
  knownPodManaged.remember(certs[0].podId, await context.sessions.client(certs[0].podId).certs.listAllPodManagedCertificates());
  return certs.filter(isManaged);
}

async function confirmPodManagedDelete(context: CommandContext, cert: CertificateItem): Promise<void> {
  await prompts(context).input({
    title: `"${cert.displayName}" is the pod's own certificate (pod-managed)`,
    prompt: `Deleting it can stop the pod from working. Type its name, ${cert.displayName}, to go on; Escape keeps it.`,
    placeHolder: cert.displayName,
    validate: (v) => (v.trim() === cert.displayName ? undefined : `Type ${cert.displayName} exactly to delete the pod-managed certificate.`),
  });
}

export async function showIssued(context: CommandContext, cert: CertificateItem): Promise<void> {
  const issued = await withProgress(`Reading certificates issued by ${cert.displayName}…`, () => context.sessions.client(cert.podId).certs.listIssuedBy(cert.fingerPrint));
  if (issued.length === 0) {
    void prompts(context).info(`No certificate on the pod was issued by ${cert.displayName}.`);
    return;
  }
  const items: PickItem<string>[] = issued.map((c) => ({
    label: c.companyCertAttributes?.name || c.companyCertInfo?.commonName || c.companyCertInfo?.fingerPrint || '',
    description: [c.companyCertAttributes?.type?.type, c.companyCertAttributes?.status?.type].join(' · '),
    detail: c.companyCertInfo?.fingerPrint,
    value: c.companyCertInfo?.fingerPrint ?? '',
  }));
  const fingerPrint = await prompts(context).pick(items, { title: `${countOf(issued.length, 'certificate')} issued by ${cert.displayName}`, placeHolder: 'Pick one to copy its fingerprint' });
  await vscode.env.clipboard.writeText(fingerPrint);
}
