// The RSA key commands of anything with a current and a previous key (an app, a service account): Rotate Key… (a
// generated 4096-bit pair whose private key goes only to the file the user chooses, or an existing public key),
// Extend / Revoke Previous Key, Revoke Current Key. A rotation the pod would refuse (a valid previous key, the same
// key again) is explained before anything is sent, with the way forward. Each change sends only the keys and reads
// the holder back, so the dates shown are the pod's. Loaded as the part `keyRotation` by keyCommands.ts (apps);
// the accounts part bundles its own copy.
import * as fs from 'node:fs/promises';
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
  const title = `Rotate RSA Key of ${target.id}`;
  const refusal = heldKeySaveRefusal(keys);
  const revokeFirst = refusal?.reason === 'previousKeyValid' && await confirmRevokeFirst(context, target, target.nameOf(base), refusal);
  const source = await ui.pick<'generate' | 'file'>([
    { label: `Generate a new ${generatedKeyBits}-bit key pair`, description: 'the private key is saved only to a file you choose', value: 'generate' },
    { label: 'Use an existing public key file…', description: 'PEM, -----BEGIN PUBLIC KEY-----', value: 'file' },
  ], { title, placeHolder: 'Where does the new key come from?' });

  let privateKeyPath: string | undefined;
  let publicKeyPem: string | undefined;
  if (source === 'file') {
    publicKeyPem = await readPublicKeyFile(context, `New RSA public key for ${target.id} (PEM)`);
    const same = heldKeySaveRefusal({ current: keys.current }, publicKeyPem);
    if (same) throw new Error(saveRefusalMessage(same, target.id));
  } else {
    privateKeyPath = await choosePrivateKeyFile(context, target.id);
  }

  const { current, previous } = keys;
  const ok = await ui.confirm(
    `Rotate the RSA key of "${target.nameOf(base)}" on ${podLabel(context, target.podId)}?`,
    [
      revokeFirst ? `First the previous key (${fingerprintStart(previous!.key!)}) is revoked: anything still signing in with it stops working.` : '',
      current?.key ? `The current key (${fingerprintStart(current.key)}) becomes the previous key: the ${noun} can still sign in with it until the pod's grace period ends.` : `The ${noun} has no current key yet.`,
      !revokeFirst && previous?.key ? `The expired previous key (${fingerprintStart(previous.key)}) is replaced.` : '',
      privateKeyPath ? `The new private key is written to ${privateKeyPath} (mode 0600); it is never uploaded.` : '',
    ].filter(Boolean).join('\n'),
    'Rotate Key',
  );
  if (!ok) throw new UserCancelled();

  if (privateKeyPath) publicKeyPem = await generateToFile(privateKeyPath);
  let revoked = false;
  try {
    if (revokeFirst) {
      await withProgress(`Revoking the previous key of ${target.id}…`, () => target.send(keyChanges.revokePrevious(keys, noun)));
      revoked = true;
    }
    await withProgress(`Rotating the key of ${target.id}…`, () => target.send(keyChanges.save(publicKeyPem!)));
  } catch (error) {
    if (privateKeyPath) context.log.warn(`Key rotation of ${target.id} failed; the private key written to ${privateKeyPath} was not installed on the pod.`);
    if (revoked) context.log.warn(`The previous key of ${target.id} was revoked before the rotation failed; the current key is unchanged.`);
    throw error;
  }
  const updated = await target.read();
  context.log.info(`Rotated the RSA key of ${target.id} on ${podLabel(context, target.podId)}: new key ${publicKeyFingerprint(publicKeyPem!)}.`);
  void ui.info([
    `Rotated the RSA key of ${target.id}.`,
    privateKeyPath ? `The new private key is in ${privateKeyPath}: configure the ${noun} with it.` : '',
    current?.key ? `The pod accepts the previous key until ${keyDate(target.kind.keysOf(updated).previous?.expirationDate)}.` : '',
  ].filter(Boolean).join(' '));
  return updated;
}

/** An RSA public key from a file the user picks; a private key or anything else is refused before any request. */
export async function readPublicKeyFile(context: CommandContext, title: string): Promise<string> {
  const file = await prompts(context).openFile({ title, filters: { 'PEM files': ['pem', 'pub'], 'All files': ['*'] } });
  const pem = await fs.readFile(file.fsPath, 'utf8');
  const problem = validatePublicKey(pem);
  if (problem) throw new Error(`${file.fsPath}: ${problem}`);
  return pem;
}

/** Where the new private key goes (the save dialog asks before replacing a file). */
export async function choosePrivateKeyFile(context: CommandContext, id: string): Promise<string> {
  const defaultUri = vscode.Uri.file(path.join(os.homedir(), `${id.replace(/[^\w.-]+/g, '_')}-private-key.pem`));
  return (await prompts(context).saveFile({ title: `Save the new private key of ${id} (PKCS#8 PEM, readable only by you)`, defaultUri, filters: { 'PEM files': ['pem'] } })).fsPath;
}

/** Generates the pair; the private key goes only to `file` (0600); returns the public key. */
export async function generateToFile(file: string): Promise<string> {
  return (await withProgress(`Generating a ${generatedKeyBits}-bit RSA key pair…`, () => generateKeyPairToFile(file))).publicKeyPem;
}

/**
 * The pod refuses SAVE while the previous key is valid: say so before anything is sent, and offer the way forward
 * (revoke it now as part of this rotation, or wait until it expires). Declining changes nothing.
 */
async function confirmRevokeFirst<D>(context: CommandContext, target: KeyTarget<D>, name: string, refusal: SaveRefusal & { reason: 'previousKeyValid' }): Promise<boolean> {
  const ui = prompts(context);
  const until = keyDate(refusal.previousExpires);
  const ok = await ui.confirm(
    `The pod refuses a new key for "${name}" while its previous key is still valid (until ${until}). Revoke the previous key now, then rotate?`,
    `Bots and services still signing in to ${podLabel(context, target.podId)} with the previous key (${shortFingerprint(refusal.previousFingerprint)}) stop working as soon as it is revoked.\nTo keep them working, cancel and rotate after ${until}, when the previous key has expired.`,
    'Revoke Previous Key and Rotate',
  );
  if (!ok) {
    void ui.info(`Nothing was changed on ${target.id}: ${saveRefusalMessage(refusal, target.id)}`);
    throw new UserCancelled();
  }
  return true;
}

/** The holder as the pod has it now, and its rotated key; says so when there is none to act on. */
async function readPreviousKey<D>(target: KeyTarget<D>, verb: string): Promise<{ base: D; keys: HeldKeys; previous: { key: string; expirationDate?: number } }> {
  const base = await target.read();
  const keys = target.kind.keysOf(base);
  if (!keys.previous?.key) throw new Error(`The ${target.kind.noun} "${target.id}" has no rotated (previous) key to ${verb}.`);
  return { base, keys, previous: { ...keys.previous, key: keys.previous.key } };
}

export async function extendPreviousKey<D>(context: CommandContext, target: KeyTarget<D>): Promise<D> {
  const ui = prompts(context);
  const { keys, previous } = await readPreviousKey(target, 'extend');
  const answer = (await ui.input({
    title: `Extend Previous Key of ${target.id}`,
    prompt: `It expires ${keyDate(previous.expirationDate)}. New expiration date (YYYY-MM-DD, UTC), or empty to let the pod extend it by its own step (72 hours for accounts)`,
    placeHolder: 'YYYY-MM-DD',
    validate: (value) => (value.trim() === '' || futureDay(value) ? undefined : 'Enter a future date as YYYY-MM-DD, or leave it empty.'),
  })).trim();
  const until = answer ? futureDay(answer) : undefined;
  const updated = await changeKeys(target, keyChanges.extendPrevious(keys, target.kind.noun, until), `Extending the previous key of ${target.id}…`);
  void ui.info(`The previous key of ${target.id} now expires ${keyDate(target.kind.keysOf(updated).previous?.expirationDate)}.`);
  return updated;
}

export async function revokePreviousKey<D>(context: CommandContext, target: KeyTarget<D>): Promise<D> {
  const ui = prompts(context);
  const { keys, previous } = await readPreviousKey(target, 'revoke');
  const ok = await ui.confirm(`Revoke the previous RSA key of "${target.id}" on ${podLabel(context, target.podId)}?`,
    `Key ${fingerprintStart(previous.key)} stops working now instead of ${keyDate(previous.expirationDate)}. Anything still signing in with it will fail.`, 'Revoke Previous Key');
  if (!ok) throw new UserCancelled();
  const updated = await changeKeys(target, keyChanges.revokePrevious(keys, target.kind.noun), `Revoking the previous key of ${target.id}…`);
  void ui.info(`Revoked the previous key of ${target.id}.`);
  return updated;
}

/** `sessionsEnd`: what revoking the current key does to signed-in bots (the pod ends a service account's RSA sessions). */
export async function revokeCurrentKey<D>(context: CommandContext, target: KeyTarget<D>, sessionsEnd = ''): Promise<D> {
  const ui = prompts(context);
  const base = await target.read();
  const keys = target.kind.keysOf(base);
  const noun = target.kind.noun;
  if (!keys.current?.key) throw new Error(`The ${noun} "${target.id}" has no current RSA key to revoke.`);
  const previous = keys.previous;
  const ok = await ui.confirm(
    `Revoke the CURRENT RSA key of "${target.id}" on ${podLabel(context, target.podId)}? The ${noun} will stop authenticating with it.`,
    `Key ${fingerprintStart(keys.current.key)} is removed now. ${previous?.key
      ? `The previous key (${fingerprintStart(previous.key)}) becomes the current key: only it will still work.`
      : `The ${noun} has no other key: it will not be able to authenticate until a new key is saved.`}${sessionsEnd ? ` ${sessionsEnd}` : ''}`,
    'Revoke Current Key',
  );
  if (!ok) throw new UserCancelled();
  await ui.input({
    title: `Revoke Current Key of ${target.id}`,
    prompt: `Type "${target.id}" to confirm that the ${noun} will stop authenticating with this key`,
    validate: (value) => (value.trim() === target.id ? undefined : `Type ${target.id} exactly.`),
  });
  const updated = await changeKeys(target, keyChanges.revokeCurrent(keys, noun), `Revoking the current key of ${target.id}…`);
  void ui.info(`Revoked the current key of ${target.id}. It can no longer authenticate with that key.`);
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
