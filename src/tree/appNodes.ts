// Applications in the Pods tree: the pod's app entitlement list (the only pod-wide list of apps; details are
// fetched per app when needed), with enable / listed / install at a glance.
import * as vscode from 'vscode';
import { PodAppEntitlement } from '../api';
import { knownAppKeys } from '../credentials/appKeyCache';
import { PodSessions } from '../pods/podSessions';
import { escapeMarkdown } from './certNodes';
import { ContextValue } from './contextValues';
import { Page, PagedListNode } from './pagedListNode';
import { TreeNode } from './treeNode';

export class ApplicationsNode extends PagedListNode<PodAppEntitlement, never> {
  protected readonly emptyText = 'No applications';

  constructor(parent: TreeNode, private readonly sessions: PodSessions) {
    super(parent);
  }

  get writable(): boolean {
    return this.sessions.can(this.podId!, 'applications');
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Applications', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.podId}/applications`;
    item.iconPath = new vscode.ThemeIcon('extensions');
    item.contextValue = this.writable ? ContextValue.applications : ContextValue.applicationsReadOnly;
    if (!this.writable) item.description = 'read-only: needs User Provisioning';
    return item;
  }

  /** The API returns every app in one response. */
  protected async loadPage(): Promise<Page<PodAppEntitlement, never>> {
    const items = await this.sessions.client(this.podId!).apps.listPodAppEntitlements();
    return { items: [...items].sort((a, b) => (a.appName ?? a.appId).localeCompare(b.appName ?? b.appId)) };
  }

  protected keyOf(item: PodAppEntitlement): string {
    return item.appId;
  }

  protected createNode(item: PodAppEntitlement): TreeNode {
    return new ApplicationNode(this, item, this.writable);
  }

  protected matches(item: PodAppEntitlement, filter: string): boolean {
    return [item.appId, item.appName].some((field) => field?.toLowerCase().includes(filter));
  }
}

export class ApplicationNode extends TreeNode {
  constructor(parent: TreeNode, readonly item: PodAppEntitlement, private readonly writable: boolean) {
    super(parent);
  }

  get appId(): string {
    return this.item.appId;
  }

  toTreeItem(): vscode.TreeItem {
    const { appId, appName, enable, listed, install } = this.item;
    const item = new vscode.TreeItem(appName || appId, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.podId}/application/${appId}`;
    item.description = [appId, enable ? 'enabled' : 'disabled', listed ? 'listed' : 'unlisted', install ? 'auto-install' : 'manual install'].join(' · ');
    item.iconPath = enable ? new vscode.ThemeIcon('package') : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    item.contextValue = this.writable ? ContextValue.application : ContextValue.applicationReadOnly;
    item.command = { command: 'symphonyPodAdmin.apps.open', title: 'Open Details', arguments: [this] };
    item.tooltip = new vscode.MarkdownString(
      [`**${escapeMarkdown(appName || appId)}**`, '', '| | |', '|---|---|', `| App id | \`${appId}\` |`, `| Enabled | ${enable ? 'yes' : 'no'} |`,
        `| Listed in the Symphony Market | ${listed ? 'yes' : 'no'} |`, `| Installed for everyone | ${install ? 'yes' : 'no'} |`, ...this.keyRows()].join('\n'),
    );
    return item;
  }

  /** The RSA keys as last read (details, key commands, expiry check); the entitlement list itself has none. */
  private keyRows(): string[] {
    const known = this.podId ? knownAppKeys.get(this.podId, this.appId) : undefined;
    if (!known) return ['| RSA keys | open the details to read them |'];
    if (known.keys.length === 0) return ['| RSA keys | none |'];
    return known.keys.map((k) => k.slot === 'current'
      ? `| Current key | \`${k.fingerprint}\` |`
      : `| Rotated key | \`${k.fingerprint}\`, valid until ${k.expirationDate ? new Date(k.expirationDate).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'unknown'} |`);
  }
}
