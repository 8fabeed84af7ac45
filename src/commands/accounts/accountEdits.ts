// Changes to an account other than its keys: one attribute at a time (only the changed field is sent), enable /
// disable, add / remove a role, features, and ending its sessions. Each asks first what it will do to the bots
// running as the account, and sends nothing when nothing changed.
import * as vscode from 'vscode';
import { V2UserAttributes, validateEmail, validateRequiredName, validateTextField } from '../../api';
import { noteChange } from '../../activity/changeContext';
import { confirmChange } from '../../ui/confirmChange';
import { UserCancelled } from '../../ui/prompts';
import { CommandContext, prompts, withProgress } from '../commandContext';
import { AccountTarget, accountsOf, nameOf } from './accountTarget';

/** The attributes one can edit: `label` as a picker and a prompt say it, `lower` as a sentence does ("the display name of …"). */
const editable = (): Array<{ field: keyof V2UserAttributes; label: string; lower: string }> => [
  { field: 'displayName', label: vscode.l10n.t('Display name'), lower: vscode.l10n.t('display name') },
  { field: 'emailAddress', label: vscode.l10n.t('Email address'), lower: vscode.l10n.t('email address') },
  { field: 'title', label: vscode.l10n.t('Title'), lower: vscode.l10n.t('title') },
  { field: 'companyName', label: vscode.l10n.t('Company'), lower: vscode.l10n.t('company') },
  { field: 'department', label: vscode.l10n.t('Department'), lower: vscode.l10n.t('department') },
  { field: 'division', label: vscode.l10n.t('Division'), lower: vscode.l10n.t('division') },
  { field: 'location', label: vscode.l10n.t('Location'), lower: vscode.l10n.t('location') },
  { field: 'jobFunction', label: vscode.l10n.t('Job function'), lower: vscode.l10n.t('job function') },
];

export async function updateAttribute(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const detail = await accounts.getAccount(target.uid);
  const attrs = detail.userAttributes ?? {};
  const name = nameOf(detail, target.uid);
  const fields = editable();
  const title = vscode.l10n.t('Update {0}', name);
  const field = await ui.pick(fields.map((e) => ({ label: e.label, description: String(attrs[e.field] ?? ''), value: e.field })), { title, placeHolder: vscode.l10n.t('Which attribute?') });
  const { label, lower } = fields.find((e) => e.field === field)!;
  const value = (await ui.input({
    title, prompt: label, value: String(attrs[field] ?? ''),
    validate: (v) => field === 'displayName' ? validateRequiredName(v, vscode.l10n.t('The display name')) : field === 'emailAddress' ? validateEmail(v.trim(), false) : validateTextField(v, label),
  })).trim();
  if (value === (attrs[field] ?? '')) {
    void ui.info(vscode.l10n.t('Nothing changed: the {0} of {1} is already "{2}".', lower, name, value));
    return false;
  }
  noteChange({ resource: { kind: 'account', id: target.uid, name }, before: { [field]: attrs[field] ?? '' } });
  await withProgress(vscode.l10n.t('Updating {0}…', name), () => accounts.updateAccount(target.uid, { [field]: value }));
  void ui.info(vscode.l10n.t('Updated the {0} of {1}.', lower, name));
  return true;
}

export async function setStatus(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const detail = await accounts.getAccount(target.uid);
  const name = nameOf(detail, target.uid);
  const enabled = detail.userSystemInfo?.status !== 'DISABLED';
  const ok = await confirmChange(context, target.podId, {
    message: enabled ? vscode.l10n.t('Disable {0}?', name) : vscode.l10n.t('Enable {0}?', name),
    detail: enabled
      ? vscode.l10n.t('The pod ends its sessions and refuses its sign-ins: bots running as this account stop until it is enabled again.')
      : vscode.l10n.t('It can sign in again with its keys.'),
    action: enabled ? vscode.l10n.t('Disable') : vscode.l10n.t('Enable'),
    destructive: enabled,
  });
  if (!ok) throw new UserCancelled();
  noteChange({ resource: { kind: 'account', id: target.uid, name }, before: { status: enabled ? 'ENABLED' : 'DISABLED' } });
  await withProgress(enabled ? vscode.l10n.t('Disabling {0}…', name) : vscode.l10n.t('Enabling {0}…', name), () => accounts.setAccountStatus(target.uid, enabled ? 'DISABLED' : 'ENABLED'));
  void ui.info(enabled ? vscode.l10n.t('{0} is disabled.', name) : vscode.l10n.t('{0} is enabled.', name));
  return true;
}

export async function addRole(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const [detail, roles] = await Promise.all([accounts.getAccount(target.uid), accounts.listRoles()]);
  const type = detail.userAttributes?.accountType ?? 'NORMAL';
  const held = new Set(detail.roles ?? []);
  const offered = roles.filter((r) => r.id && !held.has(r.id) && (!r.userTypes || r.userTypes.includes(type)));
  if (offered.length === 0) throw new Error(vscode.l10n.t('{0} already has every role the pod offers for this kind of account.', nameOf(detail, target.uid)));
  const roleId = await ui.pick(offered.map((r) => ({ label: r.name ?? r.id!, description: r.id, value: r.id! })), { title: vscode.l10n.t('Add a role to {0}', nameOf(detail, target.uid)), placeHolder: vscode.l10n.t('Role') });
  await withProgress(vscode.l10n.t('Adding {0}…', roleId), () => accounts.addRole(target.uid, roleId));
  void ui.info(vscode.l10n.t('{0} now has the role {1}.', nameOf(detail, target.uid), roleId));
  return true;
}

export async function removeRole(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const detail = await accounts.getAccount(target.uid);
  const name = nameOf(detail, target.uid);
  if (!detail.roles?.length) throw new Error(vscode.l10n.t('{0} has no role to remove.', name));
  const roleId = await ui.pick(detail.roles.map((r) => ({ label: r, value: r })), { title: vscode.l10n.t('Remove a role from {0}', name), placeHolder: vscode.l10n.t('Role') });
  const ok = await confirmChange(context, target.podId, {
    message: vscode.l10n.t('Remove the role {0} from {1}?', roleId, name),
    detail: vscode.l10n.t('Bots running as this account lose what the role allowed on their next request.'),
    action: vscode.l10n.t('Remove Role'),
    destructive: true,
  });
  if (!ok) throw new UserCancelled();
  await withProgress(vscode.l10n.t('Removing {0}…', roleId), () => accounts.removeRole(target.uid, roleId));
  void ui.info(vscode.l10n.t('Removed the role {0} from {1}.', roleId, name));
  return true;
}

export async function changeFeatures(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const [detail, features] = await Promise.all([accounts.getAccount(target.uid), accounts.getFeatures(target.uid)]);
  const name = nameOf(detail, target.uid);
  const on = await ui.pickMany(features.map((f) => ({ label: f.entitlment!, value: f.entitlment!, picked: !!f.enabled })), { title: vscode.l10n.t('Features of {0}', name), placeHolder: vscode.l10n.t('Check what should be on') });
  const changes = features.filter((f) => on.includes(f.entitlment!) !== !!f.enabled).map((f) => ({ entitlment: f.entitlment, enabled: !f.enabled }));
  if (changes.length === 0) {
    void ui.info(vscode.l10n.t('Nothing changed in the features of {0}.', name));
    return false;
  }
  await withProgress(vscode.l10n.t('Updating the features of {0}…', name), () => accounts.updateFeatures(target.uid, changes));
  const changed = changes.map((c) => (c.enabled ? vscode.l10n.t('{0} on', c.entitlment ?? '') : vscode.l10n.t('{0} off', c.entitlment ?? ''))).join(', ');
  void ui.info(changes.length === 1 ? vscode.l10n.t('Changed 1 feature of {0}: {1}.', name, changed) : vscode.l10n.t('Changed {0} features of {1}: {2}.', changes.length, name, changed));
  return true;
}

export async function logoutSessions(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const [detail, sessions] = await Promise.all([accounts.getAccount(target.uid), accounts.listSessions(target.uid)]);
  const name = nameOf(detail, target.uid);
  if (sessions.length === 0) {
    void ui.info(vscode.l10n.t('{0} has no open session.', name));
    return false;
  }
  const ok = await confirmChange(context, target.podId, {
    message: sessions.length === 1 ? vscode.l10n.t('End the session of {0}?', name) : vscode.l10n.t('End the {0} sessions of {1}?', sessions.length.toLocaleString('en-US'), name),
    detail: vscode.l10n.t('Bots running as this account get a 401 on their next request and sign in again with their key; a bot whose key the pod no longer accepts stays signed out.'),
    action: vscode.l10n.t('Log Out Sessions'),
    destructive: true,
  });
  if (!ok) throw new UserCancelled();
  await withProgress(vscode.l10n.t('Ending the sessions of {0}…', name), () => accounts.logoutSessions(target.uid));
  void ui.info(sessions.length === 1 ? vscode.l10n.t('Ended 1 session of {0}.', name) : vscode.l10n.t('Ended {0} sessions of {1}.', sessions.length.toLocaleString('en-US'), name));
  return true;
}
