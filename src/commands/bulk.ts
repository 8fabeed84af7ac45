// What every command on several selected items shares: the selection as one list (a click, a keybinding or the
// palette's picker give a list of one, so single and several are one code path), refusing a mixed selection before
// anything is sent, the names a confirmation lists, and the run: the writes through `runBulk` (a few at a time,
// throttling honoured), the affected lists refreshed once, one message naming what succeeded and what failed.
import { BulkOutcome, countOf, runBulk } from '../api';
import { TreeNode } from '../tree/treeNode';
import { describeError } from '../ui/errors';
import { CommandContext, prompts, requireNode, withProgress } from './commandContext';

type NodeType<T> = abstract new (...args: any[]) => T;

/**
 * The items a command acts on. From the tree with several items selected, VS Code passes (the clicked node, every
 * selected node); otherwise one node. Every item must be of the command's kind and of one pod: a mixed selection is
 * refused, naming what does not fit, before any request.
 */
export function selectedItems<T extends TreeNode>(context: CommandContext, node: unknown, nodes: unknown, type: NodeType<T>, what: { one: string; many: string }): T[] {
  const list: unknown[] = Array.isArray(nodes) && nodes.length > 1 && nodes.includes(node) ? nodes : [node];
  if (list.length === 1) return [requireNode(list[0], type, what.one)];
  const others = list.filter((n): n is TreeNode => !(n instanceof type));
  if (others.length) {
    throw new Error(`This command acts on ${what.many} only, and the selection also holds ${nameSentence(others.map(nodeLabel))}. Select ${what.many} only; nothing was changed.`);
  }
  const pods = [...new Set(list.map((n) => (n as T).podId!))];
  if (pods.length > 1) {
    const labels = pods.map((id) => context.store.get(id)?.label ?? id);
    throw new Error(`The selection holds items of ${pods.length} pods (${nameSentence(labels)}). Select the items of one pod; nothing was changed.`);
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
  const intro = items.length === 1 ? '' : `${problems.length} of the ${items.length} selected items cannot be changed, so nothing was sent. `;
  throw new Error(`${intro}${shortList(problems, 5, '; ')}`);
}

/** "the certificate" for one, "3 certificates" for more (what a bulk message says of its items). */
export function counted(count: number, noun: { one: string; many: string }): string {
  return count === 1 ? `the ${noun.one}` : countOf(count, noun.one, noun.many);
}

/** Names as the lines of a modal's detail: up to 12 (a taller modal pushes its buttons off small screens), then "… and N more". */
export function nameLines(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((name) => `• ${name}`);
  if (names.length > 12) shown.push(`… and ${names.length - 12} more`);
  return shown.join('\n');
}

/** Names in a sentence: "A, B and C", or "A, B, C, D, E and 7 more". */
export function nameSentence(names: readonly string[]): string {
  return shortList(names, 5, ', ');
}

function shortList(names: readonly string[], max: number, separator: string): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return `${names.slice(0, -1).join(separator)} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(separator)} and ${names.length - max} more`;
}

export interface BulkRun<T> {
  items: readonly T[];
  nameOf(item: T): string;
  noun: { one: string; many: string };
  /** The notification while it runs, e.g. "Deleting 3 certificates…". */
  progress: string;
  /** The result's verb in the past tense, e.g. "Deleted", "Set the status of". */
  done: string;
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
  for (const name of succeeded) context.log.info(`${run.done} the ${run.noun.one} ${name}.`);
  for (const f of failed) context.log.error(`${f.name}: failed (${run.progress.replace(/…$/, '')}). ${f.reason}`);
  if (run.items.length === 1 && outcome.failed.length === 1) throw outcome.failed[0].error;
  if (failed.length === 0) {
    const what = succeeded.length === 1 ? `the ${run.noun.one} ${succeeded[0]}` : `${succeeded.length} ${run.noun.many}: ${nameSentence(succeeded)}`;
    void prompts(context).info(`${run.done} ${what}.`);
  } else {
    const done = succeeded.length ? `${run.done} ${succeeded.length} of ${run.items.length} ${run.noun.many} (${nameSentence(succeeded)}); ` : `Nothing changed: `;
    const reasons = shortList(failed.map((f) => `${f.name}: ${f.reason.replace(/\.$/, '')}`), 3, '; ');
    void prompts(context).error(`${done}${failed.length} failed. ${reasons}.`, 'Show Log').then((choice) => choice === 'Show Log' && context.log.show());
  }
  return outcome;
}

function nodeLabel(node: TreeNode): string {
  const label = node.toTreeItem().label;
  return `"${typeof label === 'string' ? label : label?.label ?? ''}"`;
}
