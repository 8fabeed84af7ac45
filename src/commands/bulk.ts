// What every command on several selected items shares: the selection as one list (a click, a keybinding or the
// palette's picker give a list of one, so single and several are one code path), refusing a mixed selection before
// anything is sent, the names a confirmation lists, and the run: the writes through `runBulk` (a few at a time,
// throttling honoured), the affected lists refreshed once, one message naming what succeeded and what failed.
import * as vscode from 'vscode';
import { BulkOutcome, runBulk } from '../api';
import { TreeNode } from '../tree/treeNode';
import { describeError } from '../ui/errors';
import { CommandContext, prompts, requireNode, withProgress } from './commandContext';

type NodeType<T> = abstract new (...args: any[]) => T;

/** What a command on several items is said to act on (translated: each a whole phrase or sentence). */
export interface SelectionWords {
  /** The item with its article, for "Select {0} in the Pods tree…": "a certificate". */
  one: string;
  /** The refusal of a selection that also holds `others` (other kinds of items, named): the whole sentence. */
  mixed(others: string): string;
}

/**
 * The items a command acts on. From the tree with several items selected, VS Code passes (the clicked node, every
 * selected node); otherwise one node. Every item must be of the command's kind and of one pod: a mixed selection is
 * refused, naming what does not fit, before any request.
 */
export function selectedItems<T extends TreeNode>(context: CommandContext, node: unknown, nodes: unknown, type: NodeType<T>, what: SelectionWords): T[] {
  const list: unknown[] = Array.isArray(nodes) && nodes.length > 1 && nodes.includes(node) ? nodes : [node];
  if (list.length === 1) return [requireNode(list[0], type, what.one)];
  const others = list.filter((n): n is TreeNode => !(n instanceof type));
  if (others.length) throw new Error(what.mixed(nameSentence(others.map(nodeLabel))));
  const pods = [...new Set(list.map((n) => (n as T).podId!))];
  if (pods.length > 1) {
    const labels = pods.map((id) => context.store.get(id)?.label ?? id);
    throw new Error(vscode.l10n.t('The selection holds items of {0} pods ({1}). Select the items of one pod; nothing was changed.', pods.length, nameSentence(labels)));
  }
  return list as T[];
}

/** Refuses the selection when one item cannot be acted on, naming each one, before any request is sent. */
export function refuseInvalid<T>(items: readonly T[], problemOf: (item: T) => string | undefined, nameOf: (item: T) => string): void {
  const problems = items.flatMap((item) => {
    const problem = problemOf(item);
    return problem ? [`${nameOf(item)}: ${problem}`] : [];
  });
  if (problems.length === 0) return;
  const list = shortList(problems, 5, '; ');
  if (items.length === 1) throw new Error(list);
  throw new Error(vscode.l10n.t('{0} of the {1} selected items cannot be changed, so nothing was sent. {2}', problems.length, items.length, list));
}

/** Names as the lines of a modal's detail: up to 12 (a taller modal pushes its buttons off small screens), then "… and N more". */
export function nameLines(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((name) => `• ${name}`);
  if (names.length > 12) shown.push(vscode.l10n.t('… and {0} more', names.length - 12));
  return shown.join('\n');
}

/** Names in a sentence: "A, B and C", or "A, B, C, D, E and 7 more". */
export function nameSentence(names: readonly string[]): string {
  return shortList(names, 5, ', ');
}

function shortList(names: readonly string[], max: number, separator: string): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return vscode.l10n.t('{0} and {1}', names.slice(0, -1).join(separator), names[names.length - 1]);
  return vscode.l10n.t('{0} and {1} more', names.slice(0, max).join(separator), names.length - max);
}

export interface BulkRun<T> {
  items: readonly T[];
  nameOf(item: T): string;
  /** The notification while it runs (translated), e.g. "Deleting 3 certificates…". */
  progress: string;
  /**
   * What the user is told (translated, each a whole sentence). `all`: every write succeeded, `count` of them,
   * `names` as a sentence ("Deleted the certificate A." for one, "Deleted 3 certificates: A, B and C." for more).
   * `some`: `done` of `total` succeeded (`names`), `failed` failed for `reasons`
   * ("Deleted 2 of 3 certificates (A and B); 1 failed. C: …."). When none succeeded, bulk says "Nothing changed: …".
   */
  said: {
    all(count: number, names: string): string;
    some(done: number, total: number, names: string, failed: number, reasons: string): string;
  };
  /**
   * The output channel's lines, in English (read by us, pasted into tickets): one write that succeeded
   * ("Deleted the certificate A.") and what the writes were, for a failure ("Deleting certificates").
   */
  log: { done(name: string): string; action: string };
  write(item: T): Promise<unknown>;
  /** Reloads the affected lists once, after every write, whatever the outcome. */
  refresh(): void;
}

/**
 * Sends the writes and reports once. One item that fails is thrown as it is (the command wrapper shows the pod's
 * sentence, as for any single command); with several, one message names what succeeded and, by name with the pod's
 * reason, what failed; every outcome is in the log.
 */
export async function runOnItems<T>(context: CommandContext, run: BulkRun<T>): Promise<BulkOutcome<T, unknown>> {
  let outcome: BulkOutcome<T, unknown>;
  try {
    outcome = await withProgress(run.progress, () => runBulk(run.items, (item) => run.write(item)));
  } finally {
    run.refresh();
  }
  const succeeded = outcome.succeeded.map((s) => run.nameOf(s.item));
  const failed = outcome.failed.map((f) => ({ name: run.nameOf(f.item), reason: describeError(f.error) }));
  for (const name of succeeded) context.log.info(run.log.done(name));
  for (const f of failed) context.log.error(`${f.name}: failed (${run.log.action}). ${f.reason}`);
  if (run.items.length === 1 && outcome.failed.length === 1) throw outcome.failed[0].error;
  if (failed.length === 0) {
    void prompts(context).info(run.said.all(succeeded.length, nameSentence(succeeded)));
  } else {
    const reasons = shortList(failed.map((f) => `${f.name}: ${f.reason.replace(/\.$/, '')}`), 3, '; ');
    const message = succeeded.length
      ? run.said.some(succeeded.length, run.items.length, nameSentence(succeeded), failed.length, reasons)
      : vscode.l10n.t('Nothing changed: {0} failed. {1}.', failed.length, reasons);
    const showLog = vscode.l10n.t('Show Log');
    void prompts(context).error(message, showLog).then((choice) => choice === showLog && context.log.show());
  }
  return outcome;
}

function nodeLabel(node: TreeNode): string {
  const label = node.toTreeItem().label;
  return `"${typeof label === 'string' ? label : label?.label ?? ''}"`;
}
