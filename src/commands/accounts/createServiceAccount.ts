// Create Service Account: username, display name, email, roles, and the key: a 4096-bit RSA pair generated here
// (the private key, PKCS#8, only to a file the user chooses, mode 0600; only the public key goes to the pod) or a
// chosen public key file. Every answer is checked as it is typed, so bad input sends nothing; the roles list is the
// one read before the create.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { V2UserCreate, V2UserDetail, validateEmail, validateRequiredName, validateUserName } from '../../api';
import { runWizard } from '../../ui/prompts';
import { CommandContext, prompts, withProgress } from '../commandContext';
import { choosePrivateKeyFile, generateToFile, readPublicKeyFile } from '../keyRotationFlow';
import { accountsOf } from './accountTarget';

export interface CreatedAccount { podId: string; uid: string; privateKeyPath?: string }

/** `listed`: usernames the tree already shows, refused as they are typed. */
export async function createServiceAccount(context: CommandContext, podId: string, listed: readonly string[] = []): Promise<CreatedAccount> {
  const accounts = accountsOf(context, podId);
  const title = vscode.l10n.t('Create Service Account');
  const taken = new Set(listed);
  const answers = await runWizard(prompts(context), [
    { ask: async (ui, s) => void (s.userName = (await ui.input({ title, prompt: vscode.l10n.t('Username (what the bot signs in with)'), value: s.userName,
      validate: (v) => validateUserName(v.trim()) ?? (taken.has(v.trim()) ? vscode.l10n.t('A service account "{0}" already exists on this pod.', v.trim()) : undefined) })).trim()) },
    { ask: async (ui, s) => void (s.displayName = (await ui.input({ title, prompt: vscode.l10n.t('Display name (shown in Symphony)'), value: s.displayName || s.userName, validate: (v) => validateRequiredName(v, vscode.l10n.t('The display name')) })).trim()) },
    { ask: async (ui, s) => void (s.emailAddress = (await ui.input({ title, prompt: vscode.l10n.t('Email address (optional for a service account)'), value: s.emailAddress, validate: (v) => validateEmail(v.trim(), false) })).trim()) },
    {
      ask: async (ui, s) => {
        s.keySource = await ui.pick<'generate' | 'file'>([
          { label: vscode.l10n.t('Generate a new 4096-bit RSA key pair'), description: vscode.l10n.t('the private key is saved only to a file you choose'), value: 'generate' },
          { label: vscode.l10n.t('Use an existing public key file…'), description: vscode.l10n.t('PEM, {0}', '-----BEGIN PUBLIC KEY-----'), value: 'file' },
        ], { title, placeHolder: vscode.l10n.t('The bot signs in with an RSA key') });
      },
    },
  ], { userName: '', displayName: '', emailAddress: '', keySource: 'generate' as 'generate' | 'file' });

  const ui = prompts(context);
  const roles = (await accounts.listRoles()).filter((r) => r.id && (!r.userTypes || r.userTypes.includes('SYSTEM')));
  const picked = await ui.pickMany(roles.map((r) => ({ label: r.name ?? r.id!, description: r.id, value: r.id!, picked: r.id === 'INDIVIDUAL' })),
    { title, placeHolder: vscode.l10n.t('Roles of the service account (INDIVIDUAL lets it chat; give admin roles only to admin bots)') });

  let publicKeyPem: string | undefined;
  let privateKeyPath: string | undefined;
  if (answers.keySource === 'file') publicKeyPem = await readPublicKeyFile(context, vscode.l10n.t('Public key of {0} (PEM)', answers.userName));
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
    created = await withProgress(vscode.l10n.t('Creating {0}…', answers.userName), () => accounts.createAccount(create));
  } catch (error) {
    // The key belongs to no account: do not leave a private key lying around.
    if (privateKeyPath) await fs.rm(privateKeyPath, { force: true });
    throw error;
  }
  const uid = String(created.userSystemInfo?.id);
  context.log.info(`Created the service account ${answers.userName} (${uid}) on ${context.store.get(podId)?.label ?? podId}.`);
  void ui.info(privateKeyPath
    ? vscode.l10n.t("Created the service account {0} (user id {1}). Its private key is in {2} (readable only by you): hand it to the bot's team.", answers.userName, uid, privateKeyPath)
    : vscode.l10n.t('Created the service account {0} (user id {1}).', answers.userName, uid));
  return { podId, uid, privateKeyPath };
}
