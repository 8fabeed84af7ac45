// What the account commands act on, as plain data (a part never checks `instanceof` on tree nodes): the pod and the
// user id, and the key target that lets the shared key flows (keyRotationFlow.ts) read and change its keys.
import * as vscode from 'vscode';
import { AccountsApi, V2UserDetail } from '../../api';
import { serviceAccountKeyHolder } from '../../credentials/keyRotation';
import { CommandContext } from '../commandContext';
import { KeyTarget } from '../keyRotationFlow';

export interface AccountTarget {
  podId: string;
  /** The user id, digits. */
  uid: string;
  /** When the caller knows it (the tree): names the detail document. */
  username?: string;
}

export const accountsOf = (context: CommandContext, podId: string) => context.sessions.client(podId).area(AccountsApi);

export const usernameOf = (detail: V2UserDetail, uid: string) => detail.userAttributes?.userName ?? uid;
export const nameOf = (detail: V2UserDetail, uid: string) => detail.userAttributes?.displayName || usernameOf(detail, uid);

/** The key target of a service account, named by its username (what its bots sign in with). */
export async function accountKeyTarget(context: CommandContext, target: AccountTarget): Promise<KeyTarget<V2UserDetail>> {
  const accounts = accountsOf(context, target.podId);
  const detail = await accounts.getAccount(target.uid);
  if (detail.userAttributes?.accountType !== 'SYSTEM') throw new Error(vscode.l10n.t('{0} is a person, not a service account: people have no RSA keys.', nameOf(detail, target.uid)));
  let first: V2UserDetail | undefined = detail;
  return {
    podId: target.podId, id: usernameOf(detail, target.uid), kind: serviceAccountKeyHolder,
    nameOf: (d) => nameOf(d, target.uid),
    // The first read reuses the one made to check the account type.
    read: async () => {
      const d = first ?? await accounts.getAccount(target.uid);
      first = undefined;
      return d;
    },
    send: (change) => accounts.updateAccount(target.uid, serviceAccountKeyHolder.body(change)),
  };
}
