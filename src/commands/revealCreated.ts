// After a create (Add Certificate, Create Application, the first save of a manifest template, Create Group, Send
// Connection Request): the new item revealed and selected in the Pods tree, and a message that offers what a click on
// it does (Open Details; a connection's info), so nobody has to hunt for what they just made.
import * as vscode from 'vscode';
import { PagedListNode } from '../tree/pagedListNode';
import { describeError } from '../ui/errors';
import { CommandContext, prompts } from './commandContext';

/**
 * `key` is how the list knows the item (fingerprint, app id, group id, user id); `created` is the item as the create
 * answered it, shown when it is beyond the loaded pages (omit it when the list reads every item at once).
 */
export async function announceCreated<T>(context: CommandContext, list: PagedListNode<T> | undefined, key: string, created: T | undefined, message: string): Promise<void> {
  let open: vscode.Command | undefined;
  if (list) {
    try {
      open = (await context.tree.revealNew(list, key, created))?.toTreeItem().command;
    } catch (error) {
      // The item was created: not finding it in the tree is worth a log line, not a failed command.
      context.log.warn(`Could not show the new item ${key} in the Pods tree: ${describeError(error)}`);
    }
  }
  const action = open?.title;
  void prompts(context).info(message, ...(action ? [action] : [])).then((choice) => {
    if (open && choice === action) void vscode.commands.executeCommand(open.command, ...(open.arguments ?? []));
  });
}
