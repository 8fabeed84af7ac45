// Changes to an account other than its keys: one attribute at a time (only the changed field is sent), enable /
// disable, add / remove a role, features, and ending its sessions. Each asks first what it will do to the bots
// running as the account, and sends nothing when nothing changed.
import { V2UserAttributes, countOf, validateEmail, validateRequiredName, validateTextField } from '../../api';
import { noteChange } from '../../activity/changeContext';
import { confirmChange } from '../../ui/confirmChange';
import { UserCancelled } from '../../ui/prompts';
import { CommandContext, prompts, withProgress } from '../commandContext';
import { AccountTarget, accountsOf, nameOf } from './accountTarget';

const EDITABLE: Array<{ field: keyof V2UserAttributes; label: string }> = [
  { field: 'displayName', label: 'Display name' }, { field: 'emailAddress', label: 'Email address' }, { field: 'title', label: 'Title' },
  { field: 'companyName', label: 'Company' }, { field: 'department', label: 'Department' }, { field: 'division', label: 'Division' },
  { field: 'location', label: 'Location' }, { field: 'jobFunction', label: 'Job function' },
];

export async function updateAttribute(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const detail = await accounts.getAccount(target.uid);
  const attrs = detail.userAttributes ?? {};
  const name = nameOf(detail, target.uid);
  const field = await ui.pick(EDITABLE.map((e) => ({ label: e.label, description: String(attrs[e.field] ?? ''), value: e.field })), { title: `Update ${name}`, placeHolder: 'Which attribute?' });
  const label = EDITABLE.find((e) => e.field === field)!.label;
  const value = (await ui.input({
    title: `Update ${name}`, prompt: label, value: String(attrs[field] ?? ''),
    validate: (v) => field === 'displayName' ? validateRequiredName(v, 'The display name') : field === 'emailAddress' ? validateEmail(v.trim(), false) : validateTextField(v, label),
  })).trim();
  if (value === (attrs[field] ?? '')) {
    void ui.info(`Nothing changed: the ${label.toLowerCase()} of ${name} is already "${value}".`);
    return false;
  }
  noteChange({ resource: { kind: 'account', id: target.uid, name }, before: { [field]: attrs[field] ?? '' } });
  await withProgress(`Updating ${name}…`, () => accounts.updateAccount(target.uid, { [field]: value }));
  void ui.info(`Updated the ${label.toLowerCase()} of ${name}.`);
  return true;
}

export async function setStatus(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const detail = await accounts.getAccount(target.uid);
  const name = nameOf(detail, target.uid);
  const enabled = detail.userSystemInfo?.status !== 'DISABLED';
  const ok = await confirmChange(context, target.podId, {
    message: enabled ? `Disable ${name}?` : `Enable ${name}?`,
    detail: enabled ? 'The pod ends its sessions and refuses its sign-ins: bots running as this account stop until it is enabled again.' : 'It can sign in again with its keys.',
    action: enabled ? 'Disable' : 'Enable',
    destructive: enabled,
  });
  if (!ok) throw new UserCancelled();
  noteChange({ resource: { kind: 'account', id: target.uid, name }, before: { status: enabled ? 'ENABLED' : 'DISABLED' } });
  await withProgress(`${enabled ? 'Disabling' : 'Enabling'} ${name}…`, () => accounts.setAccountStatus(target.uid, enabled ? 'DISABLED' : 'ENABLED'));
  void ui.info(`${name} is ${enabled ? 'disabled' : 'enabled'}.`);
  return true;
}

export async function addRole(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const [detail, roles] = await Promise.all([accounts.getAccount(target.uid), accounts.listRoles()]);
  const type = detail.userAttributes?.accountType ?? 'NORMAL';
  const held = new Set(detail.roles ?? []);
  const offered = roles.filter((r) => r.id && !held.has(r.id) && (!r.userTypes || r.userTypes.includes(type)));
  if (offered.length === 0) throw new Error(`${nameOf(detail, target.uid)} already has every role the pod offers for this kind of account.`);
  const roleId = await ui.pick(offered.map((r) => ({ label: r.name ?? r.id!, description: r.id, value: r.id! })), { title: `Add a role to ${nameOf(detail, target.uid)}`, placeHolder: 'Role' });
  await withProgress(`Adding ${roleId}…`, () => accounts.addRole(target.uid, roleId));
  void ui.info(`${nameOf(detail, target.uid)} now has the role ${roleId}.`);
  return true;
}

export async function removeRole(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const detail = await accounts.getAccount(target.uid);
  const name = nameOf(detail, target.uid);
  if (!detail.roles?.length) throw new Error(`${name} has no role to remove.`);
  const roleId = await ui.pick(detail.roles.map((r) => ({ label: r, value: r })), { title: `Remove a role from ${name}`, placeHolder: 'Role' });
  const ok = await confirmChange(context, target.podId, {
    message: `Remove the role ${roleId} from ${name}?`, detail: 'Bots running as this account lose what the role allowed on their next request.', action: 'Remove Role', destructive: true,
  });
  if (!ok) throw new UserCancelled();
  await withProgress(`Removing ${roleId}…`, () => accounts.removeRole(target.uid, roleId));
  void ui.info(`Removed the role ${roleId} from ${name}.`);
  return true;
}

export async function changeFeatures(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const [detail, features] = await Promise.all([accounts.getAccount(target.uid), accounts.getFeatures(target.uid)]);
  const name = nameOf(detail, target.uid);
  const on = await ui.pickMany(features.map((f) => ({ label: f.entitlment!, value: f.entitlment!, picked: !!f.enabled })), { title: `Features of ${name}`, placeHolder: 'Check what should be on' });
  const changes = features.filter((f) => on.includes(f.entitlment!) !== !!f.enabled).map((f) => ({ entitlment: f.entitlment, enabled: !f.enabled }));
  if (changes.length === 0) {
    void ui.info(`Nothing changed in the features of ${name}.`);
    return false;
  }
  await withProgress(`Updating the features of ${name}…`, () => accounts.updateFeatures(target.uid, changes));
  void ui.info(`Changed ${changes.length} feature(s) of ${name}: ${changes.map((c) => `${c.entitlment} ${c.enabled ? 'on' : 'off'}`).join(', ')}.`);
  return true;
}

export async function logoutSessions(context: CommandContext, target: AccountTarget): Promise<boolean> {
  const ui = prompts(context);
  const accounts = accountsOf(context, target.podId);
  const [detail, sessions] = await Promise.all([accounts.getAccount(target.uid), accounts.listSessions(target.uid)]);
  const name = nameOf(detail, target.uid);
  if (sessions.length === 0) {
    void ui.info(`${name} has no open session.`);
    return false;
  }
  const ok = await confirmChange(context, target.podId, {
    message: `End ${sessions.length === 1 ? 'the session' : `the ${countOf(sessions.length, 'session')}`} of ${name}?`,
    detail: 'Bots running as this account get a 401 on their next request and sign in again with their key; a bot whose key the pod no longer accepts stays signed out.',
    action: 'Log Out Sessions',
    destructive: true,
  });
  if (!ok) throw new UserCancelled();
  await withProgress(`Ending the sessions of ${name}…`, () => accounts.logoutSessions(target.uid));
  void ui.info(`Ended ${countOf(sessions.length, 'session')} of ${name}.`);
  return true;
}
