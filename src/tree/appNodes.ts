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
  protected readonly emptyText = vscode.l10n.t('No applications');

  constructor(parent: TreeNode, private readonly sessions: PodSessions) {
    super(parent);
  }

  get writable(): boolean {
    return this.sessions.can(this.podId!, 'applications');
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Applications'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.podId}/applications`;
    item.iconPath = new vscode.ThemeIcon('extensions');
    item.contextValue = this.writable ? ContextValue.applications : ContextValue.applicationsReadOnly;
    if (!this.writable) item.description = vscode.l10n.t('read-only: needs User Provisioning');
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
    item.description = [appId, enable ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled'), listed ? vscode.l10n.t('listed') : vscode.l10n.t('unlisted'), install ? vscode.l10n.t('auto-install') : vscode.l10n.t('manual install')].join(' · ');
    item.iconPath = enable ? new vscode.ThemeIcon('package') : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    item.contextValue = this.writable ? ContextValue.application : ContextValue.applicationReadOnly;
    item.command = { command: 'symphonyPodAdmin.apps.open', title: vscode.l10n.t('Open Details'), arguments: [this] };
    const yes = (value: boolean | undefined) => (value ? vscode.l10n.t('yes') : vscode.l10n.t('no'));
    item.tooltip = new vscode.MarkdownString(
      [`**${escapeMarkdown(appName || appId)}**`, '', '| | |', '|---|---|', `| ${vscode.l10n.t('App id')} | \`${appId}\` |`, `| ${vscode.l10n.t('Enabled')} | ${yes(enable)} |`,
        `| ${vscode.l10n.t('Listed in the Symphony Market')} | ${yes(listed)} |`, `| ${vscode.l10n.t('Installed for everyone')} | ${yes(install)} |`, ...this.keyRows()].join('\n'),
    );
    return item;
  }

  /** The RSA keys as last read (details, key commands, expiry check); the entitlement list itself has none. */
  private keyRows(): string[] {
    const known = this.podId ? knownAppKeys.get(this.podId, this.appId) : undefined;
    if (!known) return [`| ${vscode.l10n.t('RSA keys')} | ${vscode.l10n.t('open the details to read them')} |`];
    if (known.keys.length === 0) return [`| ${vscode.l10n.t('RSA keys')} | ${vscode.l10n.t('none')} |`];
    return known.keys.map((k) => k.slot === 'current'
      ? `| ${vscode.l10n.t('Current key')} | \`${k.fingerprint}\` |`
      : `| ${vscode.l10n.t('Rotated key')} | ${vscode.l10n.t('{0}, valid until {1}', `\`${k.fingerprint}\``, k.expirationDate ? new Date(k.expirationDate).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : vscode.l10n.t('unknown'))} |`);
  }
}
