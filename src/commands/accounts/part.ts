// The accounts part (dist/parts/accounts.js, loaded on first use, src/parts/README.md): Create Service Account,
// the account detail document, key commands and Verify key, attribute / status / role / feature / session changes.
// Callers pass plain data (`AccountTarget`), never tree nodes.
import { renderAccount } from '../../editors/accountDocument';
import { CommandContext } from '../commandContext';
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
