// Application commands: a short create wizard (refusing at step 1 an id the view's app list holds, and any id the
// pod has before creating), the pod entitlement toggles, delete. Their bodies are the part `applications`
// (appCommandsPart.ts, loaded on first use); here each command gets its applications from the tree and passes them on
// as plain data.
import * as vscode from 'vscode';
import { loadPart } from '../parts/loadPart';
import { ApplicationNode, ApplicationsNode } from '../tree/appNodes';
import { TreeNode } from '../tree/treeNode';
import { selectedItems } from './bulk';
import { CommandContext, registerCommand, requireNode, targetPod } from './commandContext';
import type { ApplicationItem } from './appCommandsPart';

const part = () => loadPart<typeof import('./appCommandsPart')>('applications');

export function registerAppCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'symphonyPodAdmin.apps.create', async (node?: TreeNode) =>
      part().createApplication(context, await targetPod(context, node), node instanceof ApplicationsNode ? node.loadedItems.map((app) => app.appId) : [])),
    registerCommand(context, 'symphonyPodAdmin.apps.toggleEntitlement', (node?: TreeNode, nodes?: TreeNode[]) =>
      part().changeEntitlement(context, selectedItems(context, node, nodes, ApplicationNode, {
        one: vscode.l10n.t('an application'),
        mixed: (others) => vscode.l10n.t('This command acts on applications only, and the selection also holds {0}. Select applications only; nothing was changed.', others),
      }).map(applicationItem))),
    registerCommand(context, 'symphonyPodAdmin.apps.delete', (node?: TreeNode) => part().deleteApplication(context, applicationItem(requireNode(node, ApplicationNode, vscode.l10n.t('an application'))))),
  ];
}

function applicationItem(node: ApplicationNode): ApplicationItem {
  return { podId: node.podId!, appId: node.appId, item: node.item };
}
