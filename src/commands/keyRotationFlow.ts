// The RSA key commands of anything with a current and a previous key (an app, a service account): Rotate Key… (a
// generated 4096-bit pair whose private key goes only to the file the user chooses, or an existing public key),
// Extend / Revoke Previous Key, Revoke Current Key. A rotation the pod would refuse (a valid previous key, the same
// key again) is explained before anything is sent, with the way forward. Each change sends only the keys and reads
// the holder back, so the dates shown are the pod's. Loaded as the part `keyRotation` by keyCommands.ts (apps);
// the accounts part bundles its own copy.
import * as fs from 'node:fs/promises';
import { confirmChange } from '../ui/confirmChange';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { shortFingerprint, validatePublicKey } from '../api';
import {
  HeldKeys, KeyChange, KeyHolderKind, SaveRefusal, generateKeyPairToFile, generatedKeyBits, heldKeySaveRefusal, keyChanges, keyDate,
  publicKeyFingerprint, saveRefusalMessage,
} from '../credentials/keyRotation';
import { UserCancelled } from '../ui/prompts';
import { CommandContext, prompts, withProgress } from './commandContext';

/** One holder of keys on one pod, read and changed through the client. */
export interface KeyTarget<D> {
  podId: string;
  /** What the user types to confirm revoking the current key, and what messages name: an app id, a username. */
  id: string;
  kind: KeyHolderKind<D, unknown>;
  /** The display name from what the pod returned. */
  nameOf(detail: D): string;
  read(): Promise<D>;
  send(change: KeyChange): Promise<unknown>;
}

const podLabel = (context: CommandContext, podId: string) => context.store.get(podId)?.label ?? podId;
const fingerprintStart = (pem: string) => shortFingerprint(publicKeyFingerprint(pem));

/** Sends one key instruction, then reads the holder back: every date shown afterwards is the pod's. */
async function changeKeys<D>(target: KeyTarget<D>, change: KeyChange, progress: string): Promise<D> {
  await withProgress(progress, () => target.send(change));
  return target.read();
}

export async function rotateKey<D>(context: CommandContext, target: KeyTarget<D>): Promise<D> {
  const ui = prompts(context);
  const base = await target.read();
  const keys = target.kind.keysOf(base);
  const noun = target.kind.noun;
  const title = vscode.l10n.t('Rotate RSA Key of {0}', target.id);
  const refusal = heldKeySaveRefusal(keys);
  const revokeFirst = refusal?.reason === 'previousKeyValid' && await confirmRevokeFirst(context, target, target.nameOf(base), refusal);
  const source = await ui.pick<'generate' | 'file'>([
    { label: vscode.l10n.t('Generate a new {0}-bit key pair', generatedKeyBits), description: vscode.l10n.t('the private key is saved only to a file you choose'), value: 'generate' },
    { label: vscode.l10n.t('Use an existing public key file…'), description: 'PEM, -----BEGIN PUBLIC KEY-----', value: 'file' },
  ], { title, placeHolder: vscode.l10n.t('Where does the new key come from?') });

  let privateKeyPath: string | undefined;
  let publicKeyPem: string | undefined;
  if (source === 'file') {
    publicKeyPem = await readPublicKeyFile(context, vscode.l10n.t('New RSA public key for {0} (PEM)', target.id));
    const same = heldKeySaveRefusal({ current: keys.current }, publicKeyPem);
    if (same) throw new Error(saveRefusalMessage(same, target.id));
  } else {
    privateKeyPath = await choosePrivateKeyFile(context, target.id);
  }

  const { current, previous } = keys;
  const ok = await confirmChange(context, target.podId, {
    message: vscode.l10n.t('Rotate the RSA key of "{0}"?', target.nameOf(base)),
    detail: [
      revokeFirst ? vscode.l10n.t('First the previous key ({0}) is revoked: anything still signing in with it stops working.', fingerprintStart(previous!.key!)) : '',
      current?.key
        ? vscode.l10n.t('The current key ({0}) becomes the previous key: the {1} can still sign in with it until the pod\'s grace period ends.', fingerprintStart(current.key), noun)
        : vscode.l10n.t('The {0} has no current key yet.', noun),
      !revokeFirst && previous?.key ? vscode.l10n.t('The expired previous key ({0}) is replaced.', fingerprintStart(previous.key)) : '',
      privateKeyPath ? vscode.l10n.t('The new private key is written to {0} (mode 0600); it is never uploaded.', privateKeyPath) : '',
    ].filter(Boolean).join('\n'),
    action: vscode.l10n.t('Rotate Key'),
    destructive: revokeFirst,
  });
  if (!ok) throw new UserCancelled();

  if (privateKeyPath) publicKeyPem = await generateToFile(privateKeyPath);
  let revoked = false;
  try {
    if (revokeFirst) {
      await withProgress(vscode.l10n.t('Revoking the previous key of {0}…', target.id), () => target.send(keyChanges.revokePrevious(keys, noun)));
      revoked = true;
    }
    await withProgress(vscode.l10n.t('Rotating the key of {0}…', target.id), () => target.send(keyChanges.save(publicKeyPem!)));
  } catch (error) {
    if (privateKeyPath) context.log.warn(`Key rotation of ${target.id} failed; the private key written to ${privateKeyPath} was not installed on the pod.`);
    if (revoked) context.log.warn(`The previous key of ${target.id} was revoked before the rotation failed; the current key is unchanged.`);
    throw error;
  }
  const updated = await target.read();
  context.log.info(`Rotated the RSA key of ${target.id} on ${podLabel(context, target.podId)}: new key ${publicKeyFingerprint(publicKeyPem!)}.`);
  void ui.info([
    vscode.l10n.t('Rotated the RSA key of {0}.', target.id),
    privateKeyPath ? vscode.l10n.t('The new private key is in {0}: configure the {1} with it.', privateKeyPath, noun) : '',
    current?.key ? vscode.l10n.t('The pod accepts the previous key until {0}.', keyDate(target.kind.keysOf(updated).previous?.expirationDate)) : '',
  ].filter(Boolean).join(' '));
  return updated;
}

/** An RSA public key from a file the user picks; a private key or anything else is refused before any request. */
export async function readPublicKeyFile(context: CommandContext, title: string): Promise<string> {
  const file = await prompts(context).openFile({ title, filters: { [vscode.l10n.t('PEM files')]: ['pem', 'pub'], [vscode.l10n.t('All files')]: ['*'] } });
  const pem = await fs.readFile(file.fsPath, 'utf8');
  const problem = validatePublicKey(pem);
  if (problem) throw new Error(`${file.fsPath}: ${problem}`);
  return pem;
}

/** Where the new private key goes (the save dialog asks before replacing a file). */
export async function choosePrivateKeyFile(context: CommandContext, id: string): Promise<string> {
  const defaultUri = vscode.Uri.file(path.join(os.homedir(), `${id.replace(/[^\w.-]+/g, '_')}-private-key.pem`));
  return (await prompts(context).saveFile({ title: vscode.l10n.t('Save the new private key of {0} (PKCS#8 PEM, readable only by you)', id), defaultUri, filters: { [vscode.l10n.t('PEM files')]: ['pem'] } })).fsPath;
}

/** Generates the pair; the private key goes only to `file` (0600); returns the public key. */
export async function generateToFile(file: string): Promise<string> {
  return (await withProgress(vscode.l10n.t('Generating a {0}-bit RSA key pair…', generatedKeyBits), () => generateKeyPairToFile(file))).publicKeyPem;
}

/**
 * The pod refuses SAVE while the previous key is valid: say so before anything is sent, and offer the way forward
 * (revoke it now as part of this rotation, or wait until it expires). Declining changes nothing.
 */
async function confirmRevokeFirst<D>(context: CommandContext, target: KeyTarget<D>, name: string, refusal: SaveRefusal & { reason: 'previousKeyValid' }): Promise<boolean> {
  const ui = prompts(context);
  const until = keyDate(refusal.previousExpires);
  const ok = await confirmChange(context, target.podId, {
    message: vscode.l10n.t('The pod refuses a new key for "{0}" while its previous key is still valid (until {1}). Revoke the previous key now, then rotate?', name, until),
    detail: vscode.l10n.t('Bots and services still signing in to {0} with the previous key ({1}) stop working as soon as it is revoked.\nTo keep them working, cancel and rotate after {2}, when the previous key has expired.', podLabel(context, target.podId), shortFingerprint(refusal.previousFingerprint), until),
    action: vscode.l10n.t('Revoke Previous Key and Rotate'),
    destructive: true,
  });
  if (!ok) {
    void ui.info(vscode.l10n.t('Nothing was changed on {0}: {1}', target.id, saveRefusalMessage(refusal, target.id)));
    throw new UserCancelled();
  }
  return true;
}

/** The holder as the pod has it now, and its rotated key; says so when there is none to act on. */
async function readPreviousKey<D>(target: KeyTarget<D>, verb: 'extend' | 'revoke'): Promise<{ base: D; keys: HeldKeys; previous: { key: string; expirationDate?: number } }> {
  const base = await target.read();
  const keys = target.kind.keysOf(base);
  if (!keys.previous?.key) {
    throw new Error(verb === 'extend'
      ? vscode.l10n.t('The {0} "{1}" has no rotated (previous) key to extend.', target.kind.noun, target.id)
      : vscode.l10n.t('The {0} "{1}" has no rotated (previous) key to revoke.', target.kind.noun, target.id));
  }
  return { base, keys, previous: { ...keys.previous, key: keys.previous.key } };
}

export async function extendPreviousKey<D>(context: CommandContext, target: KeyTarget<D>): Promise<D> {
  const ui = prompts(context);
  const { keys, previous } = await readPreviousKey(target, 'extend');
  const answer = (await ui.input({
    title: vscode.l10n.t('Extend Previous Key of {0}', target.id),
    prompt: vscode.l10n.t('It expires {0}. New expiration date (YYYY-MM-DD, UTC), or empty to let the pod extend it by its own step (72 hours for accounts)', keyDate(previous.expirationDate)),
    placeHolder: vscode.l10n.t({ message: 'YYYY-MM-DD', comment: ['The date format the box reads: year, month and day as digits, in this order, with dashes. Translate only the letters.'] }),
    validate: (value) => (value.trim() === '' || futureDay(value) ? undefined : vscode.l10n.t('Enter a future date as YYYY-MM-DD, or leave it empty.')),
  })).trim();
  const until = answer ? futureDay(answer) : undefined;
  const updated = await changeKeys(target, keyChanges.extendPrevious(keys, target.kind.noun, until), vscode.l10n.t('Extending the previous key of {0}…', target.id));
  void ui.info(vscode.l10n.t('The previous key of {0} now expires {1}.', target.id, keyDate(target.kind.keysOf(updated).previous?.expirationDate)));
  return updated;
}

export async function revokePreviousKey<D>(context: CommandContext, target: KeyTarget<D>): Promise<D> {
  const ui = prompts(context);
  const { keys, previous } = await readPreviousKey(target, 'revoke');
  const ok = await confirmChange(context, target.podId, {
    message: vscode.l10n.t('Revoke the previous RSA key of "{0}"?', target.id),
    detail: vscode.l10n.t('Key {0} stops working now instead of {1}. Anything still signing in with it will fail.', fingerprintStart(previous.key), keyDate(previous.expirationDate)),
    action: vscode.l10n.t('Revoke Previous Key'),
    destructive: true,
  });
  if (!ok) throw new UserCancelled();
  const updated = await changeKeys(target, keyChanges.revokePrevious(keys, target.kind.noun), vscode.l10n.t('Revoking the previous key of {0}…', target.id));
  void ui.info(vscode.l10n.t('Revoked the previous key of {0}.', target.id));
  return updated;
}

/** `sessionsEnd`: what revoking the current key does to signed-in bots (the pod ends a service account's RSA sessions). */
export async function revokeCurrentKey<D>(context: CommandContext, target: KeyTarget<D>, sessionsEnd = ''): Promise<D> {
  const ui = prompts(context);
  const base = await target.read();
  const keys = target.kind.keysOf(base);
  const noun = target.kind.noun;
  if (!keys.current?.key) throw new Error(vscode.l10n.t('The {0} "{1}" has no current RSA key to revoke.', noun, target.id));
  const previous = keys.previous;
  const ok = await confirmChange(context, target.podId, {
    message: vscode.l10n.t('Revoke the CURRENT RSA key of "{0}"? The {1} will stop authenticating with it.', target.id, noun),
    detail: [
      vscode.l10n.t('Key {0} is removed now.', fingerprintStart(keys.current.key)),
      previous?.key
        ? vscode.l10n.t('The previous key ({0}) becomes the current key: only it will still work.', fingerprintStart(previous.key))
        : vscode.l10n.t('The {0} has no other key: it will not be able to authenticate until a new key is saved.', noun),
      sessionsEnd,
    ].filter(Boolean).join(' '),
    action: vscode.l10n.t('Revoke Current Key'),
    destructive: true,
  });
  if (!ok) throw new UserCancelled();
  await ui.input({
    title: vscode.l10n.t('Revoke Current Key of {0}', target.id),
    prompt: vscode.l10n.t('Type "{0}" to confirm that the {1} will stop authenticating with this key', target.id, noun),
    validate: (value) => (value.trim() === target.id ? undefined : vscode.l10n.t('Type {0} exactly.', target.id)),
  });
  const updated = await changeKeys(target, keyChanges.revokeCurrent(keys, noun), vscode.l10n.t('Revoking the current key of {0}…', target.id));
  void ui.info(vscode.l10n.t('Revoked the current key of {0}. It can no longer authenticate with that key.', target.id));
  return updated;
}

/** A YYYY-MM-DD day in the future, as the end of that day UTC; undefined otherwise. */
export function futureDay(value: string, now = Date.now()): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  const valid = new Date(ms).getUTCDate() === Number(m[3]);
  return valid && ms > now ? ms : undefined;
}
