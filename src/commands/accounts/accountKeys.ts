// Key commands of a service account: the shared flows (Rotate / Extend / Revoke Previous / Revoke Current, with the
// SAVE refusal explained before anything is sent) plus what only accounts have: "Verify key", which signs in as the
// account with a private key file and says whether the pod accepts it, so an admin can check a deployment before
// revoking the old key.
import * as fs from 'node:fs/promises';
import { PodApiError, V2UserDetail, shortFingerprint, validatePrivateKey } from '../../api';
import { keyDate, publicKeyFingerprint } from '../../credentials/keyRotation';
import { createPublicKey } from 'node:crypto';
import { CommandContext, prompts, withProgress } from '../commandContext';
import { extendPreviousKey, revokeCurrentKey, revokePreviousKey, rotateKey } from '../keyRotationFlow';
import { AccountTarget, accountKeyTarget, accountsOf, usernameOf } from './accountTarget';

/** What revoking the current key does to running bots (rsa-authentication.md). */
const SESSIONS_END = 'The pod also ends every session the account opened with its RSA key: running bots must sign in again with the remaining key.';

export const rotateAccountKey = async (context: CommandContext, target: AccountTarget): Promise<V2UserDetail> => rotateKey(context, await accountKeyTarget(context, target));
export const extendAccountPreviousKey = async (context: CommandContext, target: AccountTarget): Promise<V2UserDetail> => extendPreviousKey(context, await accountKeyTarget(context, target));
export const revokeAccountPreviousKey = async (context: CommandContext, target: AccountTarget): Promise<V2UserDetail> => revokePreviousKey(context, await accountKeyTarget(context, target));
export const revokeAccountCurrentKey = async (context: CommandContext, target: AccountTarget): Promise<V2UserDetail> => revokeCurrentKey(context, await accountKeyTarget(context, target), SESSIONS_END);

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
  const file = await ui.openFile({ title: `Private key to verify for ${username} (PEM)`, filters: { 'PEM files': ['pem', 'key'], 'All files': ['*'] } });
  const pem = await fs.readFile(file.fsPath, 'utf8');
  const problem = validatePrivateKey(pem);
  if (problem) throw new Error(`${file.fsPath}: ${problem}`);
  const fingerprint = publicKeyFingerprint(createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString());
  const { currentKey, previousKey } = detail.userAttributes ?? {};
  const slot = fingerprint && fingerprint === publicKeyFingerprint(currentKey?.key ?? '') ? 'the current key'
    : fingerprint && fingerprint === publicKeyFingerprint(previousKey?.key ?? '') ? `the previous key (accepted until ${keyDate(previousKey?.expirationDate)})` : undefined;
  try {
    await withProgress(`Signing in as ${username}…`, () => accounts.authenticateServiceAccount(username, pem));
  } catch (error) {
    if (!(error instanceof PodApiError) || error.status !== 401) throw error;
    void ui.error(`The pod refused ${username} with this key (401): ${slot ? `it matches ${slot}, but the pod does not accept it now` : 'it matches neither the current nor the previous key'}. Bots using it cannot sign in.`);
    return false;
  }
  context.log.info(`Verify key: ${username} signed in with the key ${shortFingerprint(fingerprint)} (${slot ?? 'matching no key the pod returned'}).`);
  void ui.info(`The pod accepts this key for ${username}${slot ? `: it is ${slot}` : ''}.`);
  return true;
}
