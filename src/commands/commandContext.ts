// What every command needs, and the one wrapper that gives every command the same error handling:
// the client's sentence with a "Show Log" action, quiet cancellation, and a log line. An item command run without a
// tree node (command palette) first asks which item, so no command says "select it in the tree".
import * as vscode from 'vscode';
import { withChange } from '../activity/changeContext';
import { PodSessions } from '../pods/podSessions';
import { PodStore } from '../pods/podStore';
import { PodsTreeProvider } from '../tree/podsTreeProvider';
import { TreeNode } from '../tree/treeNode';
import { describeError } from '../ui/errors';
import { PickItem, PromptHost, Prompts, UserCancelled } from '../ui/prompts';
import { itemCommands, pickItemNode } from './itemPicker';

export interface CommandContext {
  readonly store: PodStore;
  readonly sessions: PodSessions;
  readonly tree: PodsTreeProvider;
  readonly promptHost: PromptHost;
  readonly log: vscode.LogOutputChannel;
}

export type CommandHandler = (...args: any[]) => Promise<unknown>;

/** The action a refusal by the production lock offers (runs symphonyPodAdmin.pods.unlock for that pod). */
export const unlockAction = () => vscode.l10n.t('Unlock for Changes…');

/**
 * Every command runs as one change (activity/changeContext.ts: what the activity log records and where a typed
 * confirmation is kept). A write refused by the production lock is said with an "Unlock for Changes…" action.
 */
export function registerCommand(context: CommandContext, id: string, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, (...args: unknown[]) => withChange({ action: id }, async () => {
    try {
      const kind = itemCommands[id];
      if (kind && !kind.many && Array.isArray(args[1]) && args[1].length > 1) {
        throw new Error(vscode.l10n.t('This command acts on one item and {0} are selected: select one item, then run it again.', args[1].length));
      }
      if (kind && !(args[0] instanceof TreeNode) && !isItemTarget(args[0])) args = [await pickItemNode(context, kind, await targetPod(context)), ...args.slice(1)];
      return await handler(...args);
    } catch (error) {
      if (error instanceof UserCancelled) return undefined;
      reportError(context, id, error);
      return undefined;
    }
  }));
}

/** The one way a failed change is shown: the sentence, "Show Log", and "Unlock for Changes…" when the lock refused it. */
export function reportError(context: CommandContext, where: string, error: unknown): void {
  const message = describeError(error);
  context.log.error(`${where}: ${message}`);
  const lockedPod = context.sessions.lock.refusedPod(error);
  const showLog = vscode.l10n.t('Show Log');
  const unlock = unlockAction();
  const actions = lockedPod ? [unlock, showLog] : [showLog];
  void context.promptHost.current.error(message, ...actions).then((choice) => {
    if (choice === showLog) context.log.show();
    if (choice === unlock) void vscode.commands.executeCommand('symphonyPodAdmin.pods.unlock', { podId: lockedPod });
  });
}

/** Other callers pass an item by ids (the detail panels pass `{ podId, appId }`): that is a target too. */
function isItemTarget(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && typeof (arg as { podId?: unknown }).podId === 'string';
}

export function prompts(context: CommandContext): Prompts {
  return context.promptHost.current;
}

/** Runs a mutation with a progress notification. */
export function withProgress<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
}

/**
 * The pod a command acts on: the node's pod, else the current pod when signed in, else one the user picks among
 * the signed-in pods.
 */
export async function targetPod(context: CommandContext, node?: TreeNode): Promise<string> {
  if (node?.podId) return node.podId;
  const signedIn = context.store.list().filter((p) => context.sessions.state(p.id) === 'signedIn');
  const current = context.store.currentId;
  if (current && signedIn.some((p) => p.id === current)) return current;
  if (signedIn.length === 0) throw new Error(vscode.l10n.t('Sign in to a pod first (Symphony: Sign In).'));
  if (signedIn.length === 1) return signedIn[0].id;
  const items: PickItem<string>[] = signedIn.map((p) => ({ label: p.label, description: p.podUrl, value: p.id }));
  return prompts(context).pick(items, { title: vscode.l10n.t('Which pod?') });
}

/** The node a command acts on; item commands run from the tree's menus. `what`: translated, with its article ("a certificate"). */
export function requireNode<T extends TreeNode>(node: unknown, type: abstract new (...args: any[]) => T, what: string): T {
  if (node instanceof type) return node;
  throw new Error(vscode.l10n.t('Select {0} in the Pods tree, then run this command from its context menu.', what));
}
