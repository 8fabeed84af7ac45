// Groups (Profile Manager distribution lists): types, then the groups of a type by cursor, then members.
import * as vscode from 'vscode';
import { BaseType, ReadGroup, tenantOfUserId } from '../api';
import { PodSessions } from '../pods/podSessions';
import { escapeMarkdown } from './certNodes';
import { ContextValue } from './contextValues';
import { Page, PagedListNode } from './pagedListNode';
import { ListNames, People, namesOfList, peopleOf, personInline, personLabel, personTooltip } from './people';
import { MessageNode, TreeNode } from './treeNode';

export class GroupsNode extends PagedListNode<BaseType, never> {
  protected readonly emptyText = vscode.l10n.t('No group types');

  constructor(parent: TreeNode, private readonly sessions: PodSessions) {
    super(parent);
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Groups'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.podId}/groups`;
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = ContextValue.groups;
    return item;
  }

  protected async loadPage(): Promise<Page<BaseType, never>> {
    return { items: await this.sessions.client(this.podId!).groups.listTypes() };
  }

  protected keyOf(item: BaseType): string {
    return item.id ?? '';
  }

  protected createNode(item: BaseType): TreeNode {
    return new GroupTypeNode(this, this.sessions, item);
  }

  protected matches(item: BaseType, filter: string): boolean {
    return [item.id, item.name].some((field) => field?.toLowerCase().includes(filter));
  }

  /** Owners and editors of the loaded groups, by name: asked on the first hover (see GroupNode.resolveTooltip). */
  get names(): ListNames {
    return namesOfList(this, this.sessions);
  }

  override refresh(): void {
    super.refresh();
    this.names.reset();
  }

  /** "tenant 190 (this pod: Acme)" when the tenant is the signed-in account's own (read at sign-in: no request). */
  describeTenant(tenant: number): string {
    const me = this.sessions.user(this.podId!);
    if (me?.id === undefined || tenantOfUserId(me.id) !== tenant) return vscode.l10n.t('tenant {0}', tenant);
    return me.company ? vscode.l10n.t('tenant {0} (this pod: {1})', tenant, me.company) : vscode.l10n.t('tenant {0} (this pod)', tenant);
  }
}

export class GroupTypeNode extends PagedListNode<ReadGroup, string> {
  protected readonly emptyText = vscode.l10n.t('No groups of this type');

  constructor(parent: TreeNode, private readonly sessions: PodSessions, readonly item: BaseType) {
    super(parent);
  }

  get typeId(): string {
    return this.item.id ?? '';
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.item.name || this.typeId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${this.podId}/groupType/${this.typeId}`;
    item.description = this.item.name && this.item.name !== this.typeId ? this.typeId : undefined;
    item.iconPath = new vscode.ThemeIcon('symbol-class');
    item.contextValue = ContextValue.groupType;
    return item;
  }

  protected async loadPage(after: string | undefined, limit: number): Promise<Page<ReadGroup, string>> {
    const page = await this.sessions.client(this.podId!).groups.listGroups(this.typeId, { after, limit: Math.min(limit, 100) });
    return { items: page.data ?? [], next: page.pagination?.cursors?.after ?? undefined };
  }

  protected keyOf(item: ReadGroup): string {
    return item.id ?? '';
  }

  protected createNode(item: ReadGroup): TreeNode {
    return new GroupNode(this, item, peopleOf(this.sessions, this.podId!));
  }

  protected matches(item: ReadGroup, filter: string): boolean {
    return [item.name, item.id, item.profile?.displayName, item.status].some((field) => field?.toLowerCase().includes(filter));
  }

  override refresh(): void {
    super.refresh();
    (this.parent as GroupsNode).names.reset();
  }
}

export class GroupNode extends TreeNode {
  /** The first expand of this node asks the pod for the members' names; later repaints use the cache. */
  private namesAsked = false;

  constructor(parent: TreeNode, readonly item: ReadGroup, readonly people: People) {
    super(parent);
  }

  get groupId(): string {
    return this.item.id ?? '';
  }

  toTreeItem(): vscode.TreeItem {
    const group = this.item;
    const deleted = group.status === 'DELETED';
    const members = group.members?.length ?? 0;
    const item = new vscode.TreeItem(group.name, members > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${this.podId}/group/${group.id}`;
    item.description = [group.profile?.displayName !== group.name ? group.profile?.displayName : undefined, members === 1 ? vscode.l10n.t('1 member') : vscode.l10n.t('{0} members', members), deleted ? 'DELETED' : undefined]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = deleted ? new vscode.ThemeIcon('trash', new vscode.ThemeColor('disabledForeground')) : new vscode.ThemeIcon('organization');
    item.contextValue = deleted ? ContextValue.groupDeleted : ContextValue.groupActive;
    item.command = { command: 'symphonyPodAdmin.groups.open', title: 'Open Details', arguments: [this] };
    // No tooltip here: VS Code asks `resolveTooltip` on hover, so expanding a type costs no name lookup.
    return item;
  }

  /** The hover: the group's facts, its owner and who created and last changed it, by name (one lookup per list). */
  async resolveTooltip(): Promise<vscode.MarkdownString> {
    const group = this.item;
    const groups = this.groupsNode();
    const loaded = this.parent instanceof GroupTypeNode ? this.parent.loadedItems : [];
    await groups.names.resolve([group, ...loaded].flatMap((g) => [g.ownerType === 'USER' ? g.ownerId : undefined, g.createdBy, g.updatedBy]));
    const when = (date: string | undefined, id: string | number | undefined) => (id === undefined || id === '' ? date ?? ''
      : vscode.l10n.t('{0} by {1}', date ?? '', escapeMarkdown(/^\d+$/.test(String(id)) ? personInline(this.people.get(id), id) : String(id))).trim());
    const owner = group.ownerType === 'USER' ? personInline(this.people.get(group.ownerId), group.ownerId)
      : group.ownerType === 'TENANT' ? groups.describeTenant(group.ownerId) : `${group.ownerType} ${group.ownerId}`;
    return new vscode.MarkdownString(
      [`**${escapeMarkdown(group.name)}**`, '', '| | |', '|---|---|', `| ${vscode.l10n.t('Id')} | \`${group.id}\` |`, `| ${vscode.l10n.t('Type')} | ${group.type} |`, `| ${vscode.l10n.t('Status')} | ${group.status ?? ''} |`,
        `| ${vscode.l10n.t('Members')} | ${group.members?.length ?? 0} |`, `| ${vscode.l10n.t('Owner')} | ${escapeMarkdown(owner)} |`,
        group.createdDate || group.createdBy ? `| ${vscode.l10n.t('Created')} | ${when(group.createdDate, group.createdBy)} |` : '',
        group.updatedDate || group.updatedBy ? `| ${vscode.l10n.t('Updated')} | ${when(group.updatedDate, group.updatedBy)} |` : ''].filter(Boolean).join('\n'),
    );
  }

  private groupsNode(): GroupsNode {
    let node = this.parent;
    while (node && !(node instanceof GroupsNode)) node = node.parent;
    return node as GroupsNode;
  }

  override async getChildren(): Promise<TreeNode[]> {
    const members = this.item.members ?? [];
    if (members.length === 0) return [new MessageNode(this, vscode.l10n.t('No members'))];
    await this.people.resolve(members.map((m) => m.memberId ?? 0), { fresh: !this.namesAsked });
    this.namesAsked = true;
    return members.map((member) => new GroupMemberNode(this, member.memberId ?? 0, member.memberTenant, member.status));
  }
}

export class GroupMemberNode extends TreeNode {
  constructor(parent: GroupNode, readonly memberId: number, readonly tenant: number | undefined, readonly status: string | undefined) {
    super(parent);
  }

  toTreeItem(): vscode.TreeItem {
    const person = (this.parent as GroupNode).people.get(this.memberId);
    const item = new vscode.TreeItem(personLabel(person, this.memberId), vscode.TreeItemCollapsibleState.None);
    item.description = [person?.name ? String(this.memberId) : undefined, this.tenant !== undefined ? vscode.l10n.t('tenant {0}', this.tenant) : undefined, this.status].filter(Boolean).join(' · ');
    item.tooltip = personTooltip(person, this.memberId, [this.tenant !== undefined ? vscode.l10n.t('Tenant: {0}', this.tenant) : '', this.status ? vscode.l10n.t('Membership: {0}', this.status.toLowerCase()) : '']);
    item.iconPath = new vscode.ThemeIcon(this.status === 'DISABLED' ? 'person' : 'account');
    item.contextValue = ContextValue.groupMember;
    return item;
  }
}
