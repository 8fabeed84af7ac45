// Add Company Certificate, bundled as a lazily loaded part (src/parts/README.md): read a PEM file (a chain asks which
// one certificate to upload), show subject, issuer and expiry before anything is sent, then add and reveal it.
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CompanyCertAttributes, certificateBlocks, validateCertificatePem, validateRequiredName } from '../api';
import { TreeNode } from '../tree/treeNode';
import { confirmChange } from '../ui/confirmChange';
import { PickItem } from '../ui/prompts';
import { pickStatus, pickType } from './certificatePicks';
import { CommandContext, prompts, targetPod, withProgress } from './commandContext';
import { announceCreated } from './revealCreated';

/** Subject, issuer and validity read locally, shown before anything is sent. */
export function describeCertificate(pem: string): { subject: string; issuer: string; validTo: Date; commonName: string } {
  const cert = new X509Certificate(pem);
  const commonName = /CN=([^\n,]+)/.exec(cert.subject)?.[1] ?? cert.subject;
  return { subject: cert.subject.replace(/\n/g, ', '), issuer: cert.issuer.replace(/\n/g, ', '), validTo: new Date(cert.validTo), commonName };
}

export async function createCertificate(context: CommandContext, node?: TreeNode): Promise<void> {
  const podId = await targetPod(context, node);
  const ui = prompts(context);
  const file = await ui.openFile({ title: vscode.l10n.t('Company certificate to add (PEM)'), filters: { [vscode.l10n.t('PEM certificates')]: ['pem', 'crt', 'cer'], [vscode.l10n.t('All files')]: ['*'] } });
  const pem = await oneCertificate(context, await fs.readFile(file.fsPath, 'utf8'), file.fsPath);
  const problem = validateCertificatePem(pem);
  if (problem) throw new Error(`${file.fsPath}: ${problem}`);
  const info = describeCertificate(pem);
  const name = (await ui.input({
    title: vscode.l10n.t('Add Company Certificate (1/3)'), prompt: vscode.l10n.t('Name for {0}', info.commonName), value: info.commonName, validate: (v) => validateRequiredName(v, vscode.l10n.t('The name')),
  })).trim();
  const type = await pickType(context, undefined);
  const status = await pickStatus(context, undefined);
  const confirmed = await confirmChange(context, podId, {
    message: vscode.l10n.t('Add the certificate "{0}"?', name),
    detail: [
      vscode.l10n.t('Subject: {0}', info.subject), vscode.l10n.t('Issuer: {0}', info.issuer), vscode.l10n.t('Expires: {0}', info.validTo.toISOString().slice(0, 10)),
      vscode.l10n.t('Type: {0} · Status: {1}', type, status),
    ].join('\n'),
    action: vscode.l10n.t('Add Certificate'),
  });
  if (!confirmed) return;
  const attributes: CompanyCertAttributes = { name, type: { type }, status: { type: status } };
  const created = await withProgress(vscode.l10n.t('Adding certificate {0}…', name), () => context.sessions.client(podId).certs.createCompanyCertificate(pem, attributes));
  const fingerPrint = created.companyCertInfo?.fingerPrint;
  const listed = fingerPrint ? { companyCertAttributes: created.companyCertAttributes ?? attributes, companyCertInfo: created.companyCertInfo } : undefined;
  await announceCreated(context, context.tree.podNode(podId)?.certificates, fingerPrint ?? '', listed, vscode.l10n.t('Added the certificate {0}.', name));
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
      return {
        label: info.commonName, description: vscode.l10n.t('{0} of {1}', i + 1, blocks.length),
        detail: vscode.l10n.t('Subject: {0} · Issuer: {1} · Expires {2}', info.subject, info.issuer, info.validTo.toISOString().slice(0, 10)), value: block,
      };
    } catch {
      return { label: vscode.l10n.t('Certificate {0} (unreadable)', i + 1), description: vscode.l10n.t('{0} of {1}', i + 1, blocks.length), value: block };
    }
  });
  return prompts(context).pick(items, {
    title: vscode.l10n.t('{0} holds {1} certificates (a chain); the pod takes one', path.basename(filePath), blocks.length),
    placeHolder: vscode.l10n.t('Pick the one certificate to upload'),
  });
}

