// The shape of every node in the Pods tree, and the small nodes every list shares: messages, errors with Retry,
// "Load more…", and the header that shows an active filter.
import * as vscode from 'vscode';
import { ContextValue } from './contextValues';

export abstract class TreeNode {
  constructor(readonly parent: TreeNode | undefined) {}
  abstract toTreeItem(): vscode.TreeItem;
  getChildren(): Promise<TreeNode[]> {
    return Promise.resolve([]);
  }
  /** The pod this node belongs to; every node below a pod knows it. */
  get podId(): string | undefined {
    return this.parent?.podId;
  }
}

export class MessageNode extends TreeNode {
  constructor(parent: TreeNode | undefined, private readonly text: string, private readonly icon = 'info', private readonly command?: vscode.Command) {
    super(parent);
  }
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = ContextValue.message;
    item.command = this.command;
    return item;
  }
}

/** Shown instead of an empty list when loading failed; clicking it retries. */
export class ErrorNode extends TreeNode {
  constructor(parent: TreeNode, readonly message: string, private readonly retryTarget: TreeNode) {
    super(parent);
  }
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.tooltip = vscode.l10n.t('{0}\n\nClick to retry.', this.message);
    item.description = vscode.l10n.t('Retry');
    item.contextValue = ContextValue.error;
    item.command = { command: 'symphonyPodAdmin.tree.refreshNode', title: vscode.l10n.t('Retry'), arguments: [this.retryTarget] };
    return item;
  }
}

export class LoadMoreNode extends TreeNode {
  constructor(parent: TreeNode, private readonly loaded: number) {
    super(parent);
  }
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.description = vscode.l10n.t('{0} loaded', this.loaded);
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = ContextValue.loadMore;
    item.command = { command: 'symphonyPodAdmin.tree.loadMore', title: vscode.l10n.t('Load More'), arguments: [this.parent] };
    return item;
  }
}

export class FilterHeaderNode extends TreeNode {
  constructor(parent: TreeNode, private readonly filter: string, private readonly matches: number) {
    super(parent);
  }
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Filter: "{0}"', this.filter), vscode.TreeItemCollapsibleState.None);
    item.description = this.matches === 1 ? vscode.l10n.t('1 match') : vscode.l10n.t('{0} matches', this.matches);
    item.iconPath = new vscode.ThemeIcon('filter-filled');
    item.tooltip = vscode.l10n.t('Click the clear button to show everything again.');
    item.contextValue = ContextValue.filterHeader;
    return item;
  }
}
