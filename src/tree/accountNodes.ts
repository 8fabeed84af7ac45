// Service accounts and users in the Pods tree. "Service accounts" pages the pod's user list and keeps the SYSTEM
// accounts (the list has no type filter: see AccountsApi.pageServiceAccounts); "Users" never lists the pod (tens of
// thousands of people) but shows the matches of a server-side search the user typed. Both need the account's roles
// as the pod states them: without User Provisioning / Super Administrator the service accounts are not listed and the
// node says which role would be needed; the user search needs only a session.
import * as vscode from 'vscode';
import { UserV2, V2UserDetail, displayableText } from '../api';
import { knownAccountKeys } from '../credentials/appKeyCache';
import { keyDate } from '../credentials/keyRotation';
import { PodSessions } from '../pods/podSessions';
import { describeError } from '../ui/errors';
import { ContextValue } from './contextValues';
import { Page, PagedListNode } from './pagedListNode';
import { ErrorNode, MessageNode, TreeNode } from './treeNode';

type Skip = number;
const text = (value: string | undefined) => displayableText(value ?? '').text;

export class ServiceAccountsNode extends PagedListNode<V2UserDetail, Skip> {
  protected readonly emptyText = vscode.l10n.t('No service accounts');

  constructor(parent: TreeNode, private readonly sessions: PodSessions) {
    super(parent);
  }

  get writable(): boolean {
    return this.sessions.can(this.podId!, 'accounts');
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Service accounts'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.podId}/serviceAccounts`;
    item.iconPath = new vscode.ThemeIcon('robot');
    item.contextValue = this.writable ? ContextValue.serviceAccounts : ContextValue.serviceAccountsReadOnly;
    if (!this.writable) item.description = vscode.l10n.t('needs User Provisioning or Super Administrator');
    return item;
  }

  override async getChildren(): Promise<TreeNode[]> {
    // The pod answers 403 without the role: say which role, without a request.
    if (!this.writable) return [new MessageNode(this, vscode.l10n.t('Listing service accounts needs the User Provisioning or Super Administrator role.'), 'lock')];
    return super.getChildren();
  }

  protected async loadPage(skip: Skip | undefined, limit: number): Promise<Page<V2UserDetail, Skip>> {
    const page = await this.sessions.client(this.podId!).users.pageServiceAccounts(skip ?? 0, limit);
    for (const account of page.items) knownAccountKeys.remember(this.podId!, String(account.userSystemInfo?.id), account);
    return { items: page.items, next: page.next };
  }

  protected keyOf(item: V2UserDetail): string {
    return String(item.userSystemInfo?.id ?? '');
  }

  protected createNode(item: V2UserDetail): TreeNode {
    return new ServiceAccountNode(this, item);
  }

  protected matches(item: V2UserDetail, filter: string): boolean {
    const a = item.userAttributes;
    return [a?.userName, a?.displayName, a?.emailAddress, String(item.userSystemInfo?.id ?? ''), ...(item.roles ?? [])].some((field) => field?.toLowerCase().includes(filter));
  }
}

export class ServiceAccountNode extends TreeNode {
  constructor(parent: TreeNode, readonly item: V2UserDetail) {
    super(parent);
  }

  get uid(): number {
    return this.item.userSystemInfo!.id!;
  }

  get username(): string {
    return this.item.userAttributes?.userName ?? String(this.uid);
  }

  toTreeItem(): vscode.TreeItem {
    const a = this.item.userAttributes ?? {};
    const disabled = this.item.userSystemInfo?.status === 'DISABLED';
    const item = new vscode.TreeItem(text(a.displayName) || this.username, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.podId}/serviceAccount/${this.uid}`;
    const previous = a.previousKey?.expirationDate;
    item.description = [text(this.username), disabled ? vscode.l10n.t('disabled') : undefined, !a.currentKey?.key ? vscode.l10n.t('no key') : undefined,
      previous && previous > Date.now() ? vscode.l10n.t('previous key: {0} h left', Math.ceil((previous - Date.now()) / 3600_000)) : undefined].filter(Boolean).join(' · ');
    item.iconPath = disabled ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')) : new vscode.ThemeIcon('robot');
    item.contextValue = ContextValue.serviceAccount;
    item.command = { command: 'symphonyPodAdmin.accounts.open', title: vscode.l10n.t('Open Details'), arguments: [this] };
    item.tooltip = [text(a.displayName) || this.username, vscode.l10n.t('Username: {0} · user id {1}', text(this.username), String(this.uid)), disabled ? vscode.l10n.t('Status: disabled') : vscode.l10n.t('Status: enabled'),
      vscode.l10n.t('Roles: {0}', text((this.item.roles ?? []).join(', ')) || vscode.l10n.t('none')), a.currentKey?.key ? vscode.l10n.t('Current key: set') : vscode.l10n.t('Current key: none'),
      a.previousKey?.key ? vscode.l10n.t('Previous key: accepted until {0}', keyDate(previous)) : ''].filter(Boolean).join('\n');
    return item;
  }
}

/** "Users": a search, not a listing. Its children are the matches of the last search typed (first page). */
export class UsersNode extends TreeNode {
  query: string | undefined;
  private results: { users: UserV2[]; count: number } | undefined;
  private error: string | undefined;

  constructor(parent: TreeNode, private readonly sessions: PodSessions) {
    super(parent);
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Users'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.podId}/users`;
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = ContextValue.users;
    item.description = this.query ? vscode.l10n.t('search: {0}', this.query) : vscode.l10n.t('search by name or email');
    return item;
  }

  /** Runs the search once (one request); `refresh()` forgets the results so the next expand asks again. */
  async search(query: string): Promise<void> {
    this.query = query;
    this.results = undefined;
    this.error = undefined;
    try {
      const found = await this.sessions.client(this.podId!).users.searchUsers(query, { local: true });
      this.results = { users: found.users ?? [], count: found.count ?? found.users?.length ?? 0 };
    } catch (error) {
      this.error = describeError(error);
    }
  }

  override async getChildren(): Promise<TreeNode[]> {
    const searchNode = new MessageNode(this, this.query ? 'Search again…' : 'Search users…', 'search', { command: 'symphonyPodAdmin.users.search', title: 'Search Users', arguments: [this] });
    if (this.query && !this.results && !this.error) await this.search(this.query);
    if (this.error) return [searchNode, new ErrorNode(this, this.error, this)];
    if (!this.results) return [searchNode];
    const { users, count } = this.results;
    const nodes: TreeNode[] = [searchNode, ...users.map((u) => new UserNode(this, u))];
    if (users.length === 0) nodes.push(new MessageNode(this, vscode.l10n.t('No user matches "{0}".', this.query ?? '')));
    else if (count > users.length) nodes.push(new MessageNode(this, vscode.l10n.t('{0} more match: narrow the search.', count - users.length)));
    return nodes;
  }

  refresh(): void {
    this.results = undefined;
    this.error = undefined;
  }
}

export class UserNode extends TreeNode {
  constructor(parent: TreeNode, readonly user: UserV2) {
    super(parent);
  }

  toTreeItem(): vscode.TreeItem {
    const u = this.user;
    const item = new vscode.TreeItem(text(u.displayName) || text(u.username) || vscode.l10n.t('User {0}', String(u.id)), vscode.TreeItemCollapsibleState.None);
    item.id = `${this.podId}/user/${u.id}`;
    item.description = [text(u.emailAddress), String(u.id)].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(u.accountType === 'SYSTEM' ? 'robot' : 'person');
    item.contextValue = ContextValue.user;
    item.tooltip = [text(u.displayName), text(u.emailAddress), text(u.username), text(u.company), text(u.title)].filter(Boolean).join('\n');
    return item;
  }
}
