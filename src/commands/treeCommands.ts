// Refresh, load more, and the per-list filter of the Pods tree.
import * as vscode from 'vscode';
import { PagedListNode } from '../tree/pagedListNode';
import { FilterHeaderNode, TreeNode } from '../tree/treeNode';
import { CommandContext, prompts, registerCommand, requireNode } from './commandContext';

export function registerTreeCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'symphonyPodAdmin.tree.refresh', async () => context.tree.refresh()),
    registerCommand(context, 'symphonyPodAdmin.tree.refreshNode', async (node?: TreeNode) => context.tree.refresh(node)),
    registerCommand(context, 'symphonyPodAdmin.tree.loadMore', async (node?: PagedListNode<unknown>) => context.tree.loadMore(requireNode(node, PagedListNode, 'a list'))),
    registerCommand(context, 'symphonyPodAdmin.tree.filter', async (node?: TreeNode) => {
      const list = requireNode(node, PagedListNode, 'a list') as PagedListNode<unknown>;
      const filter = await prompts(context).input({
        title: 'Filter',
        prompt: 'Show only items whose name, id or status contains this text (empty clears the filter)',
        value: list.filter ?? '',
      });
      list.filter = filter.trim() || undefined;
      context.tree.repaint(list);
    }),
    registerCommand(context, 'symphonyPodAdmin.tree.clearFilter', async (node?: TreeNode) => {
      const header = requireNode(node, FilterHeaderNode, 'a filter');
      const list = header.parent as PagedListNode<unknown>;
      list.filter = undefined;
      context.tree.repaint(list);
    }),
    registerCommand(context, 'symphonyPodAdmin.showLog', async () => context.log.show()),
  ];
}
