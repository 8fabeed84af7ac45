// Pod as code in VS Code: the registrations only. The commands' code is the lazily loaded part `podAsCode`
// (src/podAsCode/vscode/part.ts), so the extension bundle does not grow with it. A folder comes from the Explorer's
// context menu (a Uri) or a dialog; the pod from a tree node or the current pod.
import * as vscode from 'vscode';
import { showManifestDiff } from '../editors/manifestSnapshots';
import { loadPart } from '../parts/loadPart';
import { TreeNode } from '../tree/treeNode';
import { CommandContext, registerCommand, targetPod } from './commandContext';

type Part = typeof import('../podAsCode/vscode/part');

export function registerPodAsCodeCommands(context: CommandContext): vscode.Disposable[] {
  const part = () => loadPart<Part>('podAsCode');
  const target = async (arg: unknown) => ({
    podId: await targetPod(context, arg instanceof TreeNode ? arg : undefined),
    folder: arg instanceof vscode.Uri ? arg : undefined,
  });
  return [
    registerCommand(context, 'symphonyPodAdmin.podAsCode.export', async (arg?: unknown) => part().exportPodToFolder(context, await target(arg))),
    registerCommand(context, 'symphonyPodAdmin.podAsCode.compare', async (arg?: unknown) => part().compareFolderWithPod(context, await target(arg), { showDiff: showManifestDiff })),
    registerCommand(context, 'symphonyPodAdmin.podAsCode.apply', async (arg?: unknown) => part().applyFolderToPod(context, await target(arg))),
  ];
}
