// Create Service Account: username, display name, email, roles, and the key: a 4096-bit RSA pair generated here
// (the private key, PKCS#8, only to a file the user chooses, mode 0600; only the public key goes to the pod) or a
// chosen public key file. Every answer is checked as it is typed, so bad input sends nothing; the roles list is the
// one read before the create.
import * as fs from 'node:fs/promises';
import { V2UserCreate, V2UserDetail, validateEmail, validateRequiredName, validateUserName } from '../../api';
import { runWizard } from '../../ui/prompts';
import { CommandContext, prompts, withProgress } from '../commandContext';
import { choosePrivateKeyFile, generateToFile, readPublicKeyFile } from '../keyRotationFlow';
import { accountsOf } from './accountTarget';

export interface CreatedAccount { podId: string; uid: string; privateKeyPath?: string }

/** `listed`: usernames the tree already shows, refused as they are typed. */
export async function createServiceAccount(context: CommandContext, podId: string, listed: readonly string[] = []): Promise<CreatedAccount> {
  const accounts = accountsOf(context, podId);
  const title = 'Create Service Account';
  const taken = new Set(listed);
  const answers = await runWizard(prompts(context), [
    { ask: async (ui, s) => void (s.userName = (await ui.input({ title, prompt: 'Username (what the bot signs in with)', value: s.userName,
      validate: (v) => validateUserName(v.trim()) ?? (taken.has(v.trim()) ? `A service account "${v.trim()}" already exists on this pod.` : undefined) })).trim()) },
    { ask: async (ui, s) => void (s.displayName = (await ui.input({ title, prompt: 'Display name (shown in Symphony)', value: s.displayName || s.userName, validate: (v) => validateRequiredName(v, 'The display name') })).trim()) },
    { ask: async (ui, s) => void (s.emailAddress = (await ui.input({ title, prompt: 'Email address (optional for a service account)', value: s.emailAddress, validate: (v) => validateEmail(v.trim(), false) })).trim()) },
    {
      ask: async (ui, s) => {
        s.keySource = await ui.pick<'generate' | 'file'>([
          { label: 'Generate a new 4096-bit RSA key pair', description: 'the private key is saved only to a file you choose', value: 'generate' },
          { label: 'Use an existing public key file…', description: 'PEM, -----BEGIN PUBLIC KEY-----', value: 'file' },
        ], { title, placeHolder: 'The bot signs in with an RSA key' });
      },
    },
  ], { userName: '', displayName: '', emailAddress: '', keySource: 'generate' as 'generate' | 'file' });

  const ui = prompts(context);
  const roles = (await accounts.listRoles()).filter((r) => r.id && (!r.userTypes || r.userTypes.includes('SYSTEM')));
  const picked = await ui.pickMany(roles.map((r) => ({ label: r.name ?? r.id!, description: r.id, value: r.id!, picked: r.id === 'INDIVIDUAL' })),
    { title, placeHolder: 'Roles of the service account (INDIVIDUAL lets it chat; give admin roles only to admin bots)' });

  let publicKeyPem: string | undefined;
  let privateKeyPath: string | undefined;
  if (answers.keySource === 'file') publicKeyPem = await readPublicKeyFile(context, `Public key of ${answers.userName} (PEM)`);
  else privateKeyPath = await choosePrivateKeyFile(context, answers.userName);
  if (privateKeyPath) publicKeyPem = await generateToFile(privateKeyPath);

  const create: V2UserCreate = {
    userAttributes: {
      accountType: 'SYSTEM', userName: answers.userName, displayName: answers.displayName, ...(answers.emailAddress ? { emailAddress: answers.emailAddress } : {}),
      currentKey: { key: publicKeyPem, action: 'SAVE' },
    },
    roles: picked,
  };
  let created: V2UserDetail;
  try {
    created = await withProgress(`Creating ${answers.userName}…`, () => accounts.createAccount(create));
  } catch (error) {
    // The key belongs to no account: do not leave a private key lying around.
    if (privateKeyPath) await fs.rm(privateKeyPath, { force: true });
    throw error;
  }
  const uid = String(created.userSystemInfo?.id);
  context.log.info(`Created the service account ${answers.userName} (${uid}) on ${context.store.get(podId)?.label ?? podId}.`);
  void ui.info(`Created the service account ${answers.userName} (user id ${uid}).${privateKeyPath ? ` Its private key is in ${privateKeyPath} (readable only by you): hand it to the bot's team.` : ''}`);
  return { podId, uid, privateKeyPath };
}
