// Company certificate commands: add from a PEM file (checked locally first; a chain asks which one certificate to
// upload), update attributes, change the status of one or several, delete one or several, copy the fingerprint,
// show the certificates a CA issued.
import { X509Certificate } from 'node:crypto';
import { knownPodManaged } from '../credentials/podManagedCertificates';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CompanyCertAttributes, CompanyCertStatusName, CompanyCertTypeName, certificateBlocks, countOf, formatFingerprint, validateCertificatePem, validateRequiredName, validateSegment } from '../api';
import { CertificateNode } from '../tree/certNodes';
import { TreeNode } from '../tree/treeNode';
import { PickItem } from '../ui/prompts';
import { counted, nameLines, nameSentence, refuseInvalid, runOnItems, selectedItems } from './bulk';
import { CommandContext, prompts, registerCommand, requireNode, targetPod, withProgress } from './commandContext';
import { announceCreated } from './revealCreated';

const types: CompanyCertTypeName[] = ['USER', 'USERSIGNING', 'OPERATIONSUSER', 'OPERATIONSSIGNING'];
const typeHelp: Record<CompanyCertTypeName, string> = {
  USER: 'authenticates a user or service account',
  USERSIGNING: 'a CA that signs user certificates',
  OPERATIONSUSER: 'authenticates an operations account',
  OPERATIONSSIGNING: 'a CA that signs operations certificates',
};
const statuses: CompanyCertStatusName[] = ['TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'];
const statusHelp: Record<CompanyCertStatusName, string> = {
  TRUSTED: 'accounts can authenticate with it',
  KNOWN: 'known to the pod, not trusted for authentication',
  REVOKED: 'revoked: not accepted for authentication',
  DISABLED: 'disabled: not accepted for authentication',
};
const certificates = { one: 'certificate', many: 'certificates' };

export function registerCertCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'symphonyPodAdmin.certs.create', (node?: TreeNode) => createCertificate(context, node)),
    registerCommand(context, 'symphonyPodAdmin.certs.update', (node?: TreeNode) => updateCertificate(context, requireNode(node, CertificateNode, 'a certificate'))),
    registerCommand(context, 'symphonyPodAdmin.certs.setStatus', (node?: TreeNode, nodes?: TreeNode[]) => setStatus(context, selectedItems(context, node, nodes, CertificateNode, certificates))),
    registerCommand(context, 'symphonyPodAdmin.certs.delete', (node?: TreeNode, nodes?: TreeNode[]) => deleteCertificates(context, selectedItems(context, node, nodes, CertificateNode, certificates))),
    registerCommand(context, 'symphonyPodAdmin.certs.copyFingerprint', async (node?: TreeNode) => {
      const cert = requireNode(node, CertificateNode, 'a certificate');
      await vscode.env.clipboard.writeText(cert.fingerPrint);
      void prompts(context).info(`Copied the fingerprint of ${cert.displayName}.`);
    }),
    registerCommand(context, 'symphonyPodAdmin.certs.showIssued', (node?: TreeNode) => showIssued(context, requireNode(node, CertificateNode, 'a certificate'))),
  ];
}

/** Subject, issuer and validity read locally, shown before anything is sent. */
export function describeCertificate(pem: string): { subject: string; issuer: string; validTo: Date; commonName: string } {
  const cert = new X509Certificate(pem);
  const commonName = /CN=([^\n,]+)/.exec(cert.subject)?.[1] ?? cert.subject;
  return { subject: cert.subject.replace(/\n/g, ', '), issuer: cert.issuer.replace(/\n/g, ', '), validTo: new Date(cert.validTo), commonName };
}

async function createCertificate(context: CommandContext, node?: TreeNode): Promise<void> {
  const podId = await targetPod(context, node);
  const ui = prompts(context);
  const file = await ui.openFile({ title: 'Company certificate to add (PEM)', filters: { 'PEM certificates': ['pem', 'crt', 'cer'], 'All files': ['*'] } });
  const pem = await oneCertificate(context, await fs.readFile(file.fsPath, 'utf8'), file.fsPath);
  const problem = validateCertificatePem(pem);
  if (problem) throw new Error(`${file.fsPath}: ${problem}`);
  const info = describeCertificate(pem);
  const name = (await ui.input({ title: 'Add Company Certificate (1/3)', prompt: `Name for ${info.commonName}`, value: info.commonName, validate: (v) => validateRequiredName(v, 'The name') })).trim();
  const type = await pickType(context, undefined);
  const status = await pickStatus(context, undefined);
  const confirmed = await ui.confirm(
    `Add the certificate "${name}" to ${context.store.get(podId)?.label}?`,
    `Subject: ${info.subject}\nIssuer: ${info.issuer}\nExpires: ${info.validTo.toISOString().slice(0, 10)}\nType: ${type} · Status: ${status}`,
    'Add Certificate',
  );
  if (!confirmed) return;
  const attributes: CompanyCertAttributes = { name, type: { type }, status: { type: status } };
  const created = await withProgress(`Adding certificate ${name}…`, () => context.sessions.client(podId).certs.createCompanyCertificate(pem, attributes));
  const fingerPrint = created.companyCertInfo?.fingerPrint;
  const listed = fingerPrint ? { companyCertAttributes: created.companyCertAttributes ?? attributes, companyCertInfo: created.companyCertInfo } : undefined;
  await announceCreated(context, context.tree.podNode(podId)?.certificates, fingerPrint ?? '', listed, `Added the certificate ${name}.`);
}

/**
 * The certificate to upload from a file's text. The pod takes one certificate: a file holding a chain never goes up
 * whole; the user picks which certificate (each named by subject, issuer and expiry). Text around the PEM block
 * (a bundle's "subject=" lines) is left out.
 */
async function oneCertificate(context: CommandContext, text: string, filePath: string): Promise<string> {
  const blocks = certificateBlocks(text);
  if (blocks.length <= 1) return blocks[0] ?? text;
  const items: PickItem<string>[] = blocks.map((block, i) => {
    try {
      const info = describeCertificate(block);
      return { label: info.commonName, description: `${i + 1} of ${blocks.length}`, detail: `Subject: ${info.subject} · Issuer: ${info.issuer} · Expires ${info.validTo.toISOString().slice(0, 10)}`, value: block };
    } catch {
      return { label: `Certificate ${i + 1} (unreadable)`, description: `${i + 1} of ${blocks.length}`, value: block };
    }
  });
  return prompts(context).pick(items, {
    title: `${path.basename(filePath)} holds ${blocks.length} certificates (a chain); the pod takes one`,
    placeHolder: 'Pick the one certificate to upload',
  });
}

async function updateCertificate(context: CommandContext, cert: CertificateNode): Promise<void> {
  const current = cert.item.companyCertAttributes;
  const name = (await prompts(context).input({ title: `Update ${cert.displayName} (1/3)`, prompt: 'Name', value: current?.name ?? '', validate: (v) => validateRequiredName(v, 'The name') })).trim();
  const type = await pickType(context, current?.type?.type);
  const status = await pickStatus(context, current?.status?.type);
  await withProgress(`Updating ${cert.displayName}…`, () =>
    context.sessions.client(cert.podId!).certs.updateCompanyCertificate(cert.fingerPrint, { name, type: { type }, status: { type: status } }),
  );
  context.tree.refreshCategory(cert.podId!, 'certificates');
}

/**
 * The pod lets any certificate be deleted, its own included (the spec's delete has no exception, and the pod does
 * not refuse). Deleting a pod-managed certificate can break the pod, so every delete asks the pod which certificates
 * it manages (the tree does not read `podmanaged/list` when it expands, to keep that one request): alone, one wants
 * its name typed before the modal confirmation; in a selection of several it is refused, before anything is sent.
 */
async function deleteCertificates(context: CommandContext, certs: CertificateNode[]): Promise<void> {
  const podId = certs[0].podId!;
  refuseInvalid(certs, (cert) => validateSegment(cert.fingerPrint, 'fingerPrint'), (cert) => cert.displayName);
  const managed = await podManaged(context, certs);
  if (managed.length && certs.length > 1) {
    throw new Error(`${nameSentence(managed.map((c) => `"${c.displayName}"`))} ${managed.length === 1 ? "is the pod's own certificate" : "are the pod's own certificates"} (pod-managed) and ${managed.length === 1 ? 'is' : 'are'} never deleted with others. Nothing was deleted: deselect ${managed.length === 1 ? 'it' : 'them'}, or delete ${managed.length === 1 ? 'it' : 'each'} on its own, which asks for its name.`);
  }
  if (managed.length) await confirmPodManagedDelete(context, managed[0]);
  const cert = certs[0];
  const confirmed = await prompts(context).confirm(
    `Delete ${certs.length === 1 ? `the certificate "${cert.displayName}"` : `${certs.length} certificates`} from ${context.store.get(podId)?.label}?`,
    `${certs.length === 1 ? `Fingerprint ${formatFingerprint(cert.fingerPrint)}` : nameLines(certs.map((c) => c.displayName))}\n\nAccounts that authenticate with ${certs.length === 1 ? 'it' : 'them'}, or with certificates ${certs.length === 1 ? 'it' : 'they'} issued, can no longer sign in.`,
    certs.length === 1 ? 'Delete Certificate' : `Delete ${certs.length} Certificates`,
  );
  if (!confirmed) return;
  await runOnItems(context, {
    items: certs, nameOf: (c) => c.displayName, noun: certificates, done: 'Deleted',
    progress: `Deleting ${counted(certs.length, certificates)}…`,
    write: (c) => context.sessions.client(podId).certs.deleteCompanyCertificate(c.fingerPrint),
    refresh: () => context.tree.refreshCategory(podId, 'certificates'),
  });
}

/** The new status of one or several certificates (the rest of their attributes is not sent, so it stays as it is). */
async function setStatus(context: CommandContext, certs: CertificateNode[]): Promise<void> {
  const podId = certs[0].podId!;
  refuseInvalid(certs, (cert) => validateSegment(cert.fingerPrint, 'fingerPrint'), (cert) => cert.displayName);
  const current = new Set(certs.map((c) => c.item.companyCertAttributes?.status?.type));
  const status = await pickStatus(context, current.size === 1 ? [...current][0] : undefined, `Status of ${certs.length === 1 ? certs[0].displayName : `${certs.length} certificates`}`);
  const confirmed = await prompts(context).confirm(
    `Set the status of ${certs.length === 1 ? `the certificate "${certs[0].displayName}"` : `${certs.length} certificates`} on ${context.store.get(podId)?.label} to ${status}?`,
    `${nameLines(certs.map((c) => `${c.displayName} (now ${c.item.companyCertAttributes?.status?.type ?? 'unknown'})`))}\n\n${statusHelp[status]}`,
    `Set ${status}`,
  );
  if (!confirmed) return;
  await runOnItems(context, {
    items: certs, nameOf: (c) => c.displayName, noun: certificates, done: `Set ${status} on`,
    progress: `Setting ${counted(certs.length, certificates)} to ${status}…`,
    write: (c) => context.sessions.client(podId).certs.updateCompanyCertificate(c.fingerPrint, { status: { type: status } }),
    refresh: () => context.tree.refreshCategory(podId, 'certificates'),
  });
}

/** The pod-managed certificates among these, as the pod lists them (one read, whatever the number). */
async function podManaged(context: CommandContext, certs: CertificateNode[]): Promise<CertificateNode[]> {
  if (certs.every((c) => c.podManaged)) return certs;
  knownPodManaged.remember(certs[0].podId!, await context.sessions.client(certs[0].podId!).certs.listAllPodManagedCertificates());
  return certs.filter((c) => c.podManaged);
}

async function confirmPodManagedDelete(context: CommandContext, cert: CertificateNode): Promise<void> {
  await prompts(context).input({
    title: `"${cert.displayName}" is the pod's own certificate (pod-managed)`,
    prompt: `Deleting it can stop the pod from working. Type its name, ${cert.displayName}, to go on; Escape keeps it.`,
    placeHolder: cert.displayName,
    validate: (v) => (v.trim() === cert.displayName ? undefined : `Type ${cert.displayName} exactly to delete the pod-managed certificate.`),
  });
}

async function showIssued(context: CommandContext, cert: CertificateNode): Promise<void> {
  const issued = await withProgress(`Reading certificates issued by ${cert.displayName}…`, () => context.sessions.client(cert.podId!).certs.listIssuedBy(cert.fingerPrint));
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

function pickType(context: CommandContext, current: CompanyCertTypeName | undefined): Promise<CompanyCertTypeName> {
  const items = types.map((t) => ({ label: t, description: `${typeHelp[t]}${t === current ? ' · current' : ''}`, value: t }));
  return prompts(context).pick(moveFirst(items, current), { title: 'Certificate type' });
}

function pickStatus(context: CommandContext, current: CompanyCertStatusName | undefined, title = 'Certificate status'): Promise<CompanyCertStatusName> {
  const items = statuses.map((s) => ({ label: s, description: [statusHelp[s], s === current ? 'current' : undefined].filter(Boolean).join(' · '), value: s }));
  return prompts(context).pick(moveFirst(items, current), { title });
}

function moveFirst<T>(items: PickItem<T>[], value: T | undefined): PickItem<T>[] {
  return [...items.filter((i) => i.value === value), ...items.filter((i) => i.value !== value)];
}
