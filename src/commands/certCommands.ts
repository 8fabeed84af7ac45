// Company certificate commands: add from a PEM file (checked locally first; a chain asks which one certificate to
// upload), update attributes, change the status of one or several, delete one or several, copy the fingerprint,
// show the certificates a CA issued. Their bodies are the parts `certificateAdd` (certificateAddPart.ts) and
// `certificates` (certCommandsPart.ts), loaded on first use; here each command gets its certificates from the tree and
// passes them on as plain data.
import * as vscode from 'vscode';
import { loadPart } from '../parts/loadPart';
import { CertificateNode } from '../tree/certNodes';
import { TreeNode } from '../tree/treeNode';
import { selectedItems } from './bulk';
import { CommandContext, prompts, registerCommand, requireNode } from './commandContext';
import type { CertificateItem } from './certCommandsPart';

const part = () => loadPart<typeof import('./certCommandsPart')>('certificates');

export function registerCertCommands(context: CommandContext): vscode.Disposable[] {
  const cert = (node?: TreeNode) => certificateItem(requireNode(node, CertificateNode, vscode.l10n.t('a certificate')));
  const selected = (node?: TreeNode, nodes?: TreeNode[]) => selectedItems(context, node, nodes, CertificateNode, {
    one: vscode.l10n.t('a certificate'),
    mixed: (others) => vscode.l10n.t('This command acts on certificates only, and the selection also holds {0}. Select certificates only; nothing was changed.', others),
  }).map(certificateItem);
  return [
    registerCommand(context, 'symphonyPodAdmin.certs.create', (node?: TreeNode) => loadPart<typeof import('./certificateAddPart')>('certificateAdd').createCertificate(context, node)),
    registerCommand(context, 'symphonyPodAdmin.certs.update', (node?: TreeNode) => part().updateCertificate(context, cert(node))),
    registerCommand(context, 'symphonyPodAdmin.certs.setStatus', (node?: TreeNode, nodes?: TreeNode[]) => part().setStatus(context, selected(node, nodes))),
    registerCommand(context, 'symphonyPodAdmin.certs.delete', (node?: TreeNode, nodes?: TreeNode[]) => part().deleteCertificates(context, selected(node, nodes))),
    registerCommand(context, 'symphonyPodAdmin.certs.copyFingerprint', async (node?: TreeNode) => {
      const cert = requireNode(node, CertificateNode, vscode.l10n.t('a certificate'));
      await vscode.env.clipboard.writeText(cert.fingerPrint);
      void prompts(context).info(vscode.l10n.t('Copied the fingerprint of {0}.', cert.displayName));
    }),
    registerCommand(context, 'symphonyPodAdmin.certs.showIssued', (node?: TreeNode) => part().showIssued(context, cert(node))),
  ];
}

function certificateItem(node: CertificateNode): CertificateItem {
  return { podId: node.podId!, fingerPrint: node.fingerPrint, displayName: node.displayName, item: node.item };
}
