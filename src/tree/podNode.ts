// A configured pod: its categories once signed in, otherwise a "Sign in" node.
import * as vscode from 'vscode';
import { environmentLabels, environmentOf, PodProfile } from '../pods/podProfile';
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
    const environment = environmentOf(this.profile);
    const lock = environment === 'production' ? (this.sessions.lock.isLocked(this.profile) ? 'locked' : 'unlocked') : undefined;
    const lockText = lock === 'locked' ? vscode.l10n.t('locked') : lock === 'unlocked' ? vscode.l10n.t('unlocked') : undefined;
    item.description = [environment === 'development' ? undefined : `${environmentLabels[environment]}${lockText ? ` (${lockText})` : ''}`,
      state === 'signedIn' ? user?.username ?? vscode.l10n.t('signed in') : state === 'needsSignIn' ? vscode.l10n.t('session expired') : vscode.l10n.t('signed out'), host, this.isCurrent() ? vscode.l10n.t('current') : undefined]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = podIcon(environment, lock, state === 'signedIn');
    item.contextValue = state === 'signedIn' ? ContextValue.podSignedIn : ContextValue.podSignedOut;
    item.tooltip = new vscode.MarkdownString(
      [`**${this.profile.label}**`, '', vscode.l10n.t('Environment: {0}', `${environmentLabels[environment]}${lockText ? `, ${lockText}${lock === 'unlocked' ? `: ${this.sessions.lock.reason(this.podId)}` : ''}` : ''}`), '', `${this.profile.podUrl}`, '', this.profile.username ? vscode.l10n.t('Sign-in: {0} as {1}', this.profile.authMethod, `\`${this.profile.username}\``) : vscode.l10n.t('Sign-in: {0}', this.profile.authMethod),
        user?.roles?.length ? `\n\n${vscode.l10n.t('Roles: {0}', user.roles.join(', '))}` : ''].join('\n'),
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

/** Production is red with a lock (open while unlocked), UAT yellow; signed out shows the disconnected plug. */
function podIcon(environment: string, lock: string | undefined, signedIn: boolean): vscode.ThemeIcon {
  const colour = environment === 'production' ? new vscode.ThemeColor('charts.red') : environment === 'uat' ? new vscode.ThemeColor('charts.yellow') : undefined;
  if (!signedIn) return new vscode.ThemeIcon('debug-disconnect', colour);
  return new vscode.ThemeIcon(lock === 'locked' ? 'lock' : lock === 'unlocked' ? 'unlock' : 'server-environment', colour);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
