// The company certificate commands' bodies, bundled as the lazily loaded part `certificates` (src/parts/README.md):
// update attributes, change the status of one or several, delete one or several, show the certificates a CA issued.
// certCommands.ts registers the commands and passes plain data (the certificates as `CertificateItem`): a part never
// checks instanceof on tree nodes.
import * as vscode from 'vscode';
import { noteChange } from '../activity/changeContext';
import { CompanyCertInfoItem, formatFingerprint, validateRequiredName, validateSegment } from '../api';
import { knownPodManaged } from '../credentials/podManagedCertificates';
import { confirmChange } from '../ui/confirmChange';
import { PickItem } from '../ui/prompts';
import { pickStatus, pickType, statusHelp } from './certificatePicks';
import { nameLines, nameSentence, refuseInvalid, runOnItems } from './bulk';
import { CommandContext, prompts, withProgress } from './commandContext';

/** A certificate as the tree shows it: its pod, fingerprint, the name commands use, and the item as the pod listed it. */
export interface CertificateItem { podId: string; fingerPrint: string; displayName: string; item: CompanyCertInfoItem }

export async function updateCertificate(context: CommandContext, cert: CertificateItem): Promise<void> {
  const current = cert.item.companyCertAttributes;
  const name = (await prompts(context).input({
    title: vscode.l10n.t('Update {0} (1/3)', cert.displayName), prompt: vscode.l10n.t('Name'), value: current?.name ?? '', validate: (v) => validateRequiredName(v, vscode.l10n.t('The name')),
  })).trim();
  const type = await pickType(context, current?.type?.type);
  const status = await pickStatus(context, current?.status?.type);
  noteChange({ resource: { kind: 'certificate', id: cert.fingerPrint, name: cert.displayName }, before: current });
  await withProgress(vscode.l10n.t('Updating {0}…', cert.displayName), () =>
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
    const names = nameSentence(managed.map((c) => `"${c.displayName}"`));
    throw new Error(managed.length === 1
      ? vscode.l10n.t("{0} is the pod's own certificate (pod-managed) and is never deleted with others. Nothing was deleted: deselect it, or delete it on its own, which asks for its name.", names)
      : vscode.l10n.t("{0} are the pod's own certificates (pod-managed) and are never deleted with others. Nothing was deleted: deselect them, or delete each on its own, which asks for its name.", names));
  }
  if (managed.length) await confirmPodManagedDelete(context, managed[0]);
  const cert = certs[0];
  const one = certs.length === 1;
  const confirmed = await confirmChange(context, podId, {
    message: one ? vscode.l10n.t('Delete the certificate "{0}"?', cert.displayName) : vscode.l10n.t('Delete {0} certificates?', certs.length),
    detail: one
      ? `${vscode.l10n.t('Fingerprint {0}', formatFingerprint(cert.fingerPrint))}\n\n${vscode.l10n.t('Accounts that authenticate with it, or with certificates it issued, can no longer sign in.')}`
      : `${nameLines(certs.map((c) => c.displayName))}\n\n${vscode.l10n.t('Accounts that authenticate with them, or with certificates they issued, can no longer sign in.')}`,
    action: one ? vscode.l10n.t('Delete Certificate') : vscode.l10n.t('Delete {0} Certificates', certs.length),
    destructive: true,
  });
  if (!confirmed) return;
  for (const c of certs) noteChange({ resource: { kind: 'certificate', id: c.fingerPrint, name: c.displayName }, before: c.item });
  await runOnItems(context, {
    items: certs, nameOf: (c) => c.displayName,
    progress: one ? vscode.l10n.t('Deleting the certificate…') : vscode.l10n.t('Deleting {0} certificates…', certs.length.toLocaleString('en-US')),
    said: {
      all: (count, names) => (count === 1 ? vscode.l10n.t('Deleted the certificate {0}.', names) : vscode.l10n.t('Deleted {0} certificates: {1}.', count, names)),
      some: (done, total, names, failed, reasons) => vscode.l10n.t('Deleted {0} of {1} certificates ({2}); {3} failed. {4}.', done, total, names, failed, reasons),
    },
    log: { done: (name) => `Deleted the certificate ${name}.`, action: 'Deleting certificates' },
    write: (c) => context.sessions.client(podId).certs.deleteCompanyCertificate(c.fingerPrint),
    refresh: () => context.tree.refreshCategory(podId, 'certificates'),
  });
}

/** The new status of one or several certificates (the rest of their attributes is not sent, so it stays as it is). */
export async function setStatus(context: CommandContext, certs: CertificateItem[]): Promise<void> {
  const podId = certs[0].podId;
  refuseInvalid(certs, (cert) => validateSegment(cert.fingerPrint, 'fingerPrint'), (cert) => cert.displayName);
  const current = new Set(certs.map((c) => c.item.companyCertAttributes?.status?.type));
  const one = certs.length === 1;
  const status = await pickStatus(context, current.size === 1 ? [...current][0] : undefined,
    one ? vscode.l10n.t('Status of {0}', certs[0].displayName) : vscode.l10n.t('Status of {0} certificates', certs.length));
  const confirmed = await confirmChange(context, podId, {
    message: one ? vscode.l10n.t('Set the status of the certificate "{0}" to {1}?', certs[0].displayName, status) : vscode.l10n.t('Set the status of {0} certificates to {1}?', certs.length, status),
    detail: `${nameLines(certs.map((c) => vscode.l10n.t('{0} (now {1})', c.displayName, c.item.companyCertAttributes?.status?.type ?? vscode.l10n.t('unknown'))))}\n\n${statusHelp(status)}`,
    action: vscode.l10n.t('Set {0}', status),
    destructive: certs.length > 1,
  });
  if (!confirmed) return;
  await runOnItems(context, {
    items: certs, nameOf: (c) => c.displayName,
    progress: one ? vscode.l10n.t('Setting the certificate to {0}…', status) : vscode.l10n.t('Setting {0} certificates to {1}…', certs.length.toLocaleString('en-US'), status),
    said: {
      all: (count, names) => (count === 1 ? vscode.l10n.t('Set {0} on the certificate {1}.', status, names) : vscode.l10n.t('Set {0} on {1} certificates: {2}.', status, count, names)),
      some: (done, total, names, failed, reasons) => vscode.l10n.t('Set {0} on {1} of {2} certificates ({3}); {4} failed. {5}.', status, done, total, names, failed, reasons),
    },
    log: { done: (name) => `Set ${status} on the certificate ${name}.`, action: `Setting certificates to ${status}` },
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
    title: vscode.l10n.t('"{0}" is the pod\'s own certificate (pod-managed)', cert.displayName),
    prompt: vscode.l10n.t('Deleting it can stop the pod from working. Type its name, {0}, to go on; Escape keeps it.', cert.displayName),
    placeHolder: cert.displayName,
    validate: (v) => (v.trim() === cert.displayName ? undefined : vscode.l10n.t('Type {0} exactly to delete the pod-managed certificate.', cert.displayName)),
  });
}

export async function showIssued(context: CommandContext, cert: CertificateItem): Promise<void> {
  const issued = await withProgress(vscode.l10n.t('Reading certificates issued by {0}…', cert.displayName), () => context.sessions.client(cert.podId).certs.listIssuedBy(cert.fingerPrint));
  if (issued.length === 0) {
    void prompts(context).info(vscode.l10n.t('No certificate on the pod was issued by {0}.', cert.displayName));
    return;
  }
  const items: PickItem<string>[] = issued.map((c) => ({
    label: c.companyCertAttributes?.name || c.companyCertInfo?.commonName || c.companyCertInfo?.fingerPrint || '',
    description: [c.companyCertAttributes?.type?.type, c.companyCertAttributes?.status?.type].join(' · '),
    detail: c.companyCertInfo?.fingerPrint,
    value: c.companyCertInfo?.fingerPrint ?? '',
  }));
  const title = issued.length === 1 ? vscode.l10n.t('1 certificate issued by {0}', cert.displayName) : vscode.l10n.t('{0} certificates issued by {1}', issued.length.toLocaleString('en-US'), cert.displayName);
  const fingerPrint = await prompts(context).pick(items, { title, placeHolder: vscode.l10n.t('Pick one to copy its fingerprint') });
  await vscode.env.clipboard.writeText(fingerPrint);
}
