// Service account and user commands, as small stubs in the extension bundle: each turns its tree node into plain
// data and runs the accounts part (dist/parts/accounts.js, loaded on first use: the wizard, key commands, edits
// and the detail document live there). Also the account detail view: a read-only Markdown document
// (`symphony-account:`) shown in the Markdown preview, refreshed after every change; and the Users search (its
// prompt is in the part too).
import * as vscode from 'vscode';
import { V2UserDetail } from '../api';
import { knownAccountKeys } from '../credentials/appKeyCache';
import { ExpiryRadar } from '../credentials/expiryRadar';
import { loadPart } from '../parts/loadPart';
import { ServiceAccountNode, ServiceAccountsNode, UsersNode } from '../tree/accountNodes';
import { TreeNode } from '../tree/treeNode';
import type { AccountTarget } from './accounts/accountTarget';
import { CommandContext, registerCommand, targetPod } from './commandContext';

type AccountsPart = typeof import('./accounts/part');
const part = () => loadPart<AccountsPart>('accounts');

export const accountScheme = 'symphony-account';

export function registerAccountCommands(context: CommandContext, radar: ExpiryRadar): vscode.Disposable[] {
  const documents = new AccountDocuments(context);
  /** After a change: the open detail view, the tree's list, and (after a key change, read back) the radar. */
  const changed = (target: AccountTarget, readBack?: unknown) => {
    documents.refresh(target);
    context.tree.refreshCategory(target.podId, 'serviceAccounts');
    if (isAccount(readBack)) {
      knownAccountKeys.remember(target.podId, target.uid, readBack);
      radar.recompute();
    }
  };
  const command = (id: string, run: (p: AccountsPart, target: AccountTarget) => Promise<unknown>) =>
    registerCommand(context, `symphonyPodAdmin.accounts.${id}`, async (node?: unknown) => {
      const target = accountTarget(node);
      const result = await run(part(), target);
      if (result !== false) changed(target, result);
      return result;
    });
  return [
    vscode.workspace.registerTextDocumentContentProvider(accountScheme, documents),
    registerCommand(context, 'symphonyPodAdmin.accounts.create', async (node?: TreeNode) => {
      const podId = await targetPod(context, node);
      const listed = node instanceof ServiceAccountsNode ? node.loadedItems.map((a) => a.userAttributes?.userName ?? '') : [];
      const created = await part().createServiceAccount(context, podId, listed);
      changed(created);
      return created;
    }),
    registerCommand(context, 'symphonyPodAdmin.accounts.open', async (node?: unknown) => documents.open(accountTarget(node))),
    // Verify key changes nothing, so it refreshes nothing.
    command('verifyKey', async (p, t) => (await p.verifyKey(context, t), false)),
    ...([['rotateKey', 'rotateAccountKey'], ['extendPreviousKey', 'extendAccountPreviousKey'], ['revokePreviousKey', 'revokeAccountPreviousKey'],
      ['revokeCurrentKey', 'revokeAccountCurrentKey'], ['updateAttribute', 'updateAttribute'], ['setStatus', 'setStatus'], ['addRole', 'addRole'],
      ['removeRole', 'removeRole'], ['changeFeatures', 'changeFeatures'], ['logoutSessions', 'logoutSessions']] as const)
      .map(([id, name]) => command(id, (p, t) => p[name](context, t))),
    registerCommand(context, 'symphonyPodAdmin.users.search', async (node?: TreeNode) => {
      const users = node instanceof UsersNode ? node : context.tree.podNode(await targetPod(context, node))?.users;
      if (!users) throw new Error(vscode.l10n.t('Sign in to the pod first.'));
      await part().searchUsers(context, users);
      context.tree.repaint(users);
      return users;
    }),
  ];
}

const isAccount = (value: unknown): value is V2UserDetail => typeof value === 'object' && value !== null && 'userAttributes' in value;

/** A service account node, or `{ podId, uid }` from the detail view, the expiry report or a test. */
export function accountTarget(node: unknown): AccountTarget {
  if (node instanceof ServiceAccountNode && node.podId) return { podId: node.podId, uid: String(node.uid), username: node.username };
  const candidate = node as { podId?: unknown; uid?: unknown; username?: unknown } | undefined;
  if (typeof candidate?.podId === 'string' && (typeof candidate.uid === 'string' || typeof candidate.uid === 'number')) {
    return { podId: candidate.podId, uid: String(candidate.uid), ...(typeof candidate.username === 'string' ? { username: candidate.username } : {}) };
  }
  throw new Error(vscode.l10n.t('Select a service account in the Pods tree (or open its details), then run this command from there.'));
}

/** The detail documents: `symphony-account:/<uid>/<username>.md?pod=<podId>` (the preview's title is the file name), rendered by the part on each read. */
class AccountDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: CommandContext) {}

  uri(target: AccountTarget): vscode.Uri {
    const name = (target.username ?? 'account').replace(/[^\w.-]+/g, '_');
    return vscode.Uri.from({ scheme: accountScheme, path: `/${target.uid}/${name}.md`, query: new URLSearchParams({ pod: target.podId }).toString() });
  }

  async open(target: AccountTarget): Promise<vscode.Uri> {
    const uri = this.uri(target);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  }

  /** Every open document of the account, whatever name it was opened under. */
  refresh(target: AccountTarget): void {
    const open = vscode.workspace.textDocuments.map((d) => d.uri).filter((uri) => uri.scheme === accountScheme && uri.path.split('/')[1] === target.uid);
    for (const uri of open.length ? open : [this.uri(target)]) this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const podId = new URLSearchParams(uri.query).get('pod') ?? '';
    const uid = uri.path.split('/')[1] ?? '';
    return part().accountDocument(this.context, { podId, uid });
  }
}
