// Wires the detail webviews: the one panel host with a view per resource kind, and the "Open Details" commands
// (context menu, inline, and the tree item's own command: a click or Enter on a certificate, application or group
// runs Open Details, at the same cost in requests).
import * as vscode from 'vscode';
import { CommandContext, registerCommand, requireNode } from '../commands/commandContext';
import { ApplicationNode } from '../tree/appNodes';
import { CertificateNode } from '../tree/certNodes';
import { GroupNode } from '../tree/groupNodes';
import { TreeNode } from '../tree/treeNode';
import { ExpiryRadar } from '../credentials/expiryRadar';
import { DetailPanels } from './detailPanels';
import { loadPart } from '../parts/loadPart';

const views = () => loadPart<typeof import('./detailViewsPart')>('detailViews');

export function registerDetailPanels(context: CommandContext, extensionUri: vscode.Uri, radar: ExpiryRadar): { panels: DetailPanels; disposables: vscode.Disposable[] } {
  const panels: DetailPanels = new DetailPanels(context, extensionUri, {
    certificate: (ctx, state) => views().createView('certificate', ctx, state),
    group: (ctx, state) => views().createView('group', ctx, state),
    application: (ctx, state) => views().createView('application', ctx, state),
    expiryReport: (ctx) => views().createExpiryReportView(ctx, radar, (state) => panels.open(state)),
  });
  const open = (kind: 'certificate' | 'group' | 'application', podId: string | undefined, id: string) => panels.open({ podId: podId!, kind, id });
  return {
    panels,
    disposables: [
      panels,
      registerCommand(context, 'symphonyPodAdmin.certs.open', async (node?: TreeNode) => {
        const cert = requireNode(node, CertificateNode, vscode.l10n.t('a certificate'));
        return open('certificate', cert.podId, cert.fingerPrint);
      }),
      registerCommand(context, 'symphonyPodAdmin.groups.open', async (node?: TreeNode) => {
        const group = requireNode(node, GroupNode, vscode.l10n.t('a group'));
        return open('group', group.podId, group.groupId);
      }),
      registerCommand(context, 'symphonyPodAdmin.apps.open', async (node?: TreeNode) => {
        const app = requireNode(node, ApplicationNode, vscode.l10n.t('an application'));
        return open('application', app.podId, app.appId);
      }),
    ],
  };
}
