// Key commands of a service account: the shared flows (Rotate / Extend / Revoke Previous / Revoke Current, with the
// SAVE refusal explained before anything is sent) plus what only accounts have: "Verify key", which signs in as the
// account with a private key file and says whether the pod accepts it, so an admin can check a deployment before
// revoking the old key.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { PodApiError, V2UserDetail, shortFingerprint, validatePrivateKey } from '../../api';
import { keyDate, publicKeyFingerprint } from '../../credentials/keyRotation';
import { createPublicKey } from 'node:crypto';
import { CommandContext, prompts, withProgress } from '../commandContext';
import { extendPreviousKey, revokeCurrentKey, revokePreviousKey, rotateKey } from '../keyRotationFlow';
import { AccountTarget, accountKeyTarget, accountsOf, usernameOf } from './accountTarget';

/** What revoking the current key does to running bots (rsa-authentication.md). */
const sessionsEnd = () => vscode.l10n.t('The pod also ends every session the account opened with its RSA key: running bots must sign in again with the remaining key.');

export const rotateAccountKey = async (context: CommandContext, target: AccountTarget): Promise<V2UserDetail> => rotateKey(context, await accountKeyTarget(context, target));
export const extendAccountPreviousKey = async (context: CommandContext, target: AccountTarget): Promise<V2UserDetail> => extendPreviousKey(context, await accountKeyTarget(context, target));
export const revokeAccountPreviousKey = async (context: CommandContext, target: AccountTarget): Promise<V2UserDetail> => revokePreviousKey(context, await accountKeyTarget(context, target));
export const revokeAccountCurrentKey = async (context: CommandContext, target: AccountTarget): Promise<V2UserDetail> => revokeCurrentKey(context, await accountKeyTarget(context, target), sessionsEnd());

/**
 * Signs in as the service account with a private key file the user picks (never stored, never logged) and says
 * whether the pod accepts it, and which of the account's keys it matches. The pod opens a session for the account,
 * as it does for any bot sign-in.
 */
export async function verifyKey(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const detail = await accounts.getAccount(target.uid);
  const username = usernameOf(detail, target.uid);
  const file = await ui.openFile({ title: vscode.l10n.t('Private key to verify for {0} (PEM)', username), filters: { [vscode.l10n.t('PEM files')]: ['pem', 'key'], [vscode.l10n.t('All files')]: ['*'] } });
  const pem = await fs.readFile(file.fsPath, 'utf8');
  const problem = validatePrivateKey(pem);
  if (problem) throw new Error(`${file.fsPath}: ${problem}`);
  const fingerprint = publicKeyFingerprint(createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString());
  const { currentKey, previousKey } = detail.userAttributes ?? {};
  const slot = fingerprint && fingerprint === publicKeyFingerprint(currentKey?.key ?? '') ? 'current'
    : fingerprint && fingerprint === publicKeyFingerprint(previousKey?.key ?? '') ? 'previous' : undefined;
  const until = keyDate(previousKey?.expirationDate);
  try {
    await withProgress(vscode.l10n.t('Signing in as {0}…', username), () => accounts.authenticateServiceAccount(username, pem));
  } catch (error) {
    if (!(error instanceof PodApiError) || error.status !== 401) throw error;
    void ui.error(slot === 'current'
      ? vscode.l10n.t('The pod refused {0} with this key (401): it matches the current key, but the pod does not accept it now. Bots using it cannot sign in.', username)
      : slot === 'previous'
        ? vscode.l10n.t('The pod refused {0} with this key (401): it matches the previous key (accepted until {1}), but the pod does not accept it now. Bots using it cannot sign in.', username, until)
        : vscode.l10n.t('The pod refused {0} with this key (401): it matches neither the current nor the previous key. Bots using it cannot sign in.', username));
    return false;
  }
  const logSlot = slot === 'current' ? 'the current key' : slot === 'previous' ? `the previous key (accepted until ${until})` : 'matching no key the pod returned';
  context.log.info(`Verify key: ${username} signed in with the key ${shortFingerprint(fingerprint)} (${logSlot}).`);
  void ui.info(slot === 'current' ? vscode.l10n.t('The pod accepts this key for {0}: it is the current key.', username)
    : slot === 'previous' ? vscode.l10n.t('The pod accepts this key for {0}: it is the previous key (accepted until {1}).', username, until)
      : vscode.l10n.t('The pod accepts this key for {0}.', username));
  return true;
}
