// Connections of the signed-in account, grouped by status. Each status is fetched only when it is expanded.
import * as vscode from 'vscode';
import { ConnectionStatus, UserConnection } from '../api';
import { PodSessions } from '../pods/podSessions';
import { ContextValue } from './contextValues';
import { Page, PagedListNode } from './pagedListNode';
import { People, peopleOf, personLabel, personMatches, personTooltip } from './people';
import { TreeNode } from './treeNode';

const statuses: { status: ConnectionStatus; label: string; icon: string; context: string }[] = [
  { status: 'PENDING_INCOMING', get label() { return vscode.l10n.t('Incoming requests'); }, icon: 'mail', context: ContextValue.connectionIncoming },
  { status: 'PENDING_OUTGOING', get label() { return vscode.l10n.t('Outgoing requests'); }, icon: 'send', context: ContextValue.connectionOutgoing },
  { status: 'ACCEPTED', get label() { return vscode.l10n.t('Accepted'); }, icon: 'pass', context: ContextValue.connectionAccepted },
  { status: 'REJECTED', get label() { return vscode.l10n.t('Rejected'); }, icon: 'close', context: ContextValue.connectionRejected },
];

export class ConnectionsNode extends TreeNode {
  private readonly children: ConnectionStatusNode[];

  constructor(parent: TreeNode, sessions: PodSessions) {
    super(parent);
    this.children = statuses.map((s) => new ConnectionStatusNode(this, sessions, s.status));
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Connections'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.podId}/connections`;
    item.iconPath = new vscode.ThemeIcon('link');
    item.tooltip = vscode.l10n.t('Connections of the signed-in service account');
    item.contextValue = ContextValue.connections;
    return item;
  }

  override async getChildren(): Promise<TreeNode[]> {
    return this.children;
  }

  refresh(): void {
    for (const child of this.children) child.refresh();
  }

  /** The status node that lists connections in `status`. */
  statusNode(status: ConnectionStatus): ConnectionStatusNode {
    return this.children.find((child) => child.status === status)!;
  }
}

export class ConnectionStatusNode extends PagedListNode<UserConnection, never> {
  protected readonly emptyText = vscode.l10n.t('None');

  constructor(parent: TreeNode, private readonly sessions: PodSessions, readonly status: ConnectionStatus) {
    super(parent);
  }

  toTreeItem(): vscode.TreeItem {
    const meta = statuses.find((s) => s.status === this.status)!;
    const item = new vscode.TreeItem(meta.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.podId}/connections/${this.status}`;
    item.iconPath = new vscode.ThemeIcon(meta.icon);
    item.contextValue = ContextValue.connectionStatus;
    if (this.status === 'ACCEPTED') item.tooltip = vscode.l10n.t('Connections with users of other pods. Users of your own pod are connected implicitly and are not listed.');
    return item;
  }

  get people(): People {
    return peopleOf(this.sessions, this.podId!);
  }

  protected async loadPage(): Promise<Page<UserConnection, never>> {
    const items = await this.sessions.client(this.podId!).connections.listConnections({ status: this.status });
    // Loading the list is when names are asked again: a refreshed node shows current names.
    await this.people.resolve(items.map((c) => c.userId!), { fresh: true });
    return { items };
  }

  protected keyOf(item: UserConnection): string {
    return String(item.userId);
  }

  protected createNode(item: UserConnection): TreeNode {
    return new ConnectionNode(this, item);
  }

  protected matches(item: UserConnection, filter: string): boolean {
    return String(item.userId).includes(filter) || personMatches(this.people.get(item.userId!), filter);
  }
}

export class ConnectionNode extends TreeNode {
  constructor(private readonly list: ConnectionStatusNode, readonly item: UserConnection) {
    super(list);
  }

  get userId(): number {
    return this.item.userId!;
  }

  /** The person as commands name them: "Ada Lovelace (12345)", or "User 12345" while the pod has not named them. */
  get displayName(): string {
    const person = this.list.people.get(this.userId);
    return person?.name ? `${person.name} (${this.userId})` : personLabel(person, this.userId);
  }

  toTreeItem(): vscode.TreeItem {
    const meta = statuses.find((s) => s.status === this.item.status) ?? statuses[0];
    const person = this.list.people.get(this.userId);
    const item = new vscode.TreeItem(personLabel(person, this.userId), vscode.TreeItemCollapsibleState.None);
    item.id = `${this.podId}/connection/${this.item.userId}`;
    const updated = this.item.updatedAt ? new Date(this.item.updatedAt).toISOString().slice(0, 10) : undefined;
    const requests = this.item.requestCounter ? (this.item.requestCounter === 1 ? vscode.l10n.t('1 request') : vscode.l10n.t('{0} requests', this.item.requestCounter)) : undefined;
    item.description = [person?.name ? String(this.userId) : undefined, meta.label.toLowerCase(), updated && vscode.l10n.t('updated {0}', updated), requests]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = personTooltip(person, this.userId, [vscode.l10n.t('Connection: {0}', meta.label.toLowerCase())]);
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = meta.context;
    item.command = { command: 'symphonyPodAdmin.connections.showInfo', title: 'Show Connection Info', arguments: [this] };
    return item;
  }
}
