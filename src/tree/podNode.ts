// A configured pod: its categories once signed in, otherwise a "Sign in" node.
import * as vscode from 'vscode';
import { PodProfile } from '../pods/podProfile';
import { PodSessions } from '../pods/podSessions';
import { describeError } from '../ui/errors';
import { ServiceAccountsNode, UsersNode } from './accountNodes';
import { ApplicationsNode } from './appNodes';
import { CertificatesNode } from './certNodes';
import { ConnectionsNode } from './connectionNodes';
import { ContextValue } from './contextValues';
import { GroupsNode } from './groupNodes';
import { ErrorNode, MessageNode, TreeNode } from './treeNode';

export class PodNode extends TreeNode {
  readonly certificates: CertificatesNode;
  readonly applications: ApplicationsNode;
  readonly connections: ConnectionsNode;
  readonly groups: GroupsNode;
  readonly serviceAccounts: ServiceAccountsNode;
  readonly users: UsersNode;

  constructor(
    public profile: PodProfile,
    private readonly sessions: PodSessions,
    private readonly isCurrent: () => boolean,
  ) {
    super(undefined);
    this.certificates = new CertificatesNode(this, sessions);
    this.applications = new ApplicationsNode(this, sessions);
    this.connections = new ConnectionsNode(this, sessions);
    this.groups = new GroupsNode(this, sessions);
    this.serviceAccounts = new ServiceAccountsNode(this, sessions);
    this.users = new UsersNode(this, sessions);
  }

  override get podId(): string {
    return this.profile.id;
  }

  toTreeItem(): vscode.TreeItem {
    const state = this.sessions.state(this.podId);
    const user = this.sessions.user(this.podId);
    const item = new vscode.TreeItem(this.profile.label, state === 'signedIn' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${this.podId}`;
    const host = safeHost(this.profile.podUrl);
    item.description = [state === 'signedIn' ? user?.username ?? 'signed in' : state === 'needsSignIn' ? 'session expired' : 'signed out', host, this.isCurrent() ? 'current' : undefined]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(state === 'signedIn' ? 'server-environment' : 'debug-disconnect');
    item.contextValue = state === 'signedIn' ? ContextValue.podSignedIn : ContextValue.podSignedOut;
    item.tooltip = new vscode.MarkdownString(
      [`**${this.profile.label}**`, '', `${this.profile.podUrl}`, '', `Sign-in: ${this.profile.authMethod}${this.profile.username ? ` as \`${this.profile.username}\`` : ''}`,
        user?.roles?.length ? `\n\nRoles: ${user.roles.join(', ')}` : ''].join('\n'),
    );
    return item;
  }

  override async getChildren(): Promise<TreeNode[]> {
    if (this.sessions.state(this.podId) !== 'signedIn') {
      return [new MessageNode(this, 'Sign in…', 'sign-in', { command: 'symphonyPodAdmin.pods.signIn', title: 'Sign In', arguments: [this] })];
    }
    try {
      await this.sessions.whoAmI(this.podId);
    } catch (error) {
      if (this.sessions.state(this.podId) !== 'signedIn') {
        return [new MessageNode(this, 'Sign in…', 'sign-in', { command: 'symphonyPodAdmin.pods.signIn', title: 'Sign In', arguments: [this] })];
      }
      return [new ErrorNode(this, describeError(error), this)];
    }
    return [this.certificates, this.applications, this.connections, this.groups, this.serviceAccounts, this.users];
  }

  refresh(): void {
    this.certificates.refresh();
    this.applications.refresh();
    this.connections.refresh();
    this.groups.refresh();
    this.serviceAccounts.refresh();
    this.users.refresh();
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
