// The accounts part (dist/parts/accounts.js, loaded on first use, src/parts/README.md): Create Service Account,
// the account detail document, key commands and Verify key, attribute / status / role / feature / session changes.
// Callers pass plain data (`AccountTarget`), never tree nodes.
import * as vscode from 'vscode';
import { validateUserQuery } from '../../api';
import { renderAccount } from '../../editors/accountDocument';
import { describeError } from '../../ui/errors';
import { CommandContext, prompts } from '../commandContext';
import { AccountTarget, accountsOf } from './accountTarget';

export { createServiceAccount } from './createServiceAccount';
export { addRole, changeFeatures, logoutSessions, removeRole, setStatus, updateAttribute } from './accountEdits';
export { extendAccountPreviousKey, revokeAccountCurrentKey, revokeAccountPreviousKey, rotateAccountKey, verifyKey } from './accountKeys';

/** The Markdown of the account's detail view (three reads). */
export async function accountMarkdown(context: CommandContext, target: AccountTarget): Promise<string> {
  const accounts = accountsOf(context, target.podId);
  const [detail, features, sessions] = await Promise.all([accounts.getAccount(target.uid), accounts.getFeatures(target.uid), accounts.listSessions(target.uid)]);
  return renderAccount({ detail, features, sessions }, context.store.get(target.podId)?.label ?? target.podId);
}

/** The detail document's text: the account, or why it could not be read. */
export async function accountDocument(context: CommandContext, target: AccountTarget): Promise<string> {
  try {
    return await accountMarkdown(context, target);
  } catch (error) {
    return `# ${vscode.l10n.t('Account {0}', target.uid)}\n\n${vscode.l10n.t('Could not read it: {0}', describeError(error))}\n`;
  }
}

/** Users › Search…: asks for a name or email (checked before the pod is asked) and runs the search on the list. */
export async function searchUsers(context: CommandContext, users: { readonly query?: string; search(query: string): Promise<unknown> }): Promise<void> {
  const query = (await prompts(context).input({ title: vscode.l10n.t('Search Users'), prompt: vscode.l10n.t('Name or email (the pod searches; at least 2 characters)'), value: users.query, validate: (v) => validateUserQuery(v.trim()) })).trim();
  await users.search(query);
}
