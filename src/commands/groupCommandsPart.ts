// The group commands' bodies, bundled as the lazily loaded part `groups` (src/parts/README.md): add or remove a
// member, set the avatar, mark deleted / restore. groupCommands.ts registers the commands and passes plain data (the
// group as `GroupItem`, member ids): a part never checks instanceof on tree nodes.
// Status changes and Remove Member go through update with the group's current eTag, so a concurrent change is never
// overwritten (the pod has no endpoint that removes one member).
import * as fs from 'node:fs/promises';
import { noteChange } from '../activity/changeContext';
import { GroupStatus, ReadGroup, groupUpdate } from '../api';
import { peopleOf, personLabel } from '../tree/people';
import { confirmChange } from '../ui/confirmChange';
import { l10n } from '../text/l10n';
import { UserCancelled } from '../ui/prompts';
import { describePickedUser, pickUser } from '../ui/userPicker';
import { CommandContext, prompts, withProgress } from './commandContext';

/** A group as the tree shows it: its pod, its id and the group as the pod sent it. */
export interface GroupItem { podId: string; groupId: string; item: ReadGroup }

export async function addMember(context: CommandContext, group: GroupItem): Promise<void> {
  const ui = prompts(context);
  const client = context.sessions.client(group.podId);
  const checkId = (id: string) => (Number.isSafeInteger(Number(id)) ? undefined : l10n.t('This user id is too large for the group API (at most 9,007,199,254,740,991).'));
  const user = await pickUser(ui, client, { title: l10n.t('Add Member to {0}', group.item.name), local: true, checkId });
  const memberId = Number(user.id);
  await withProgress(l10n.t('Adding {0} to {1}…', describePickedUser(user), group.item.name), () =>
    context.sessions.client(group.podId).groups.addMember(group.groupId, { memberId, memberTenant: group.item.ownerId }),
  );
  refreshType(context, group.podId, group.item.type);
}

/**
 * Remove Member: the member clicked in the tree, or (from the command palette, where the picker chose the group) one
 * of the group's members the user picks. Says who was removed.
 */
export async function removeMemberCommand(context: CommandContext, group: GroupItem, memberIds: readonly number[], clicked?: number): Promise<void> {
  const memberId = clicked ?? await pickMember(context, group, memberIds);
  const removed = await removeMember(context, { podId: group.podId, groupId: group.groupId, memberId });
  void prompts(context).info(l10n.t('Removed {0} from {1}.', removed.who, removed.group.name));
}

async function pickMember(context: CommandContext, group: GroupItem, memberIds: readonly number[]): Promise<number> {
  if (memberIds.length === 0) throw new Error(l10n.t('The group {0} has no members.', group.item.name));
  const people = peopleOf(context.sessions, group.podId);
  const items = memberIds.map((id) => ({ label: personLabel(people.get(id), id), description: String(id), value: id }));
  return prompts(context).pick(items, { title: l10n.t('Remove Member from {0}', group.item.name), placeHolder: l10n.t('Which member?') });
}

/**
 * Removes one member after a modal confirmation that names the person and the group: reads the group (its members and
 * eTag now), then one update with If-Match and the same members without this one. Used by the tree and the panel.
 */
export async function removeMember(context: CommandContext, target: { podId: string; groupId: string; memberId: number }): Promise<{ group: ReadGroup; who: string }> {
  const groups = context.sessions.client(target.podId).groups;
  const [current, people] = await Promise.all([groups.getGroup(target.groupId), peopleOf(context.sessions, target.podId).resolve([target.memberId])]);
  const who = personLabel(people.get(String(target.memberId)), target.memberId);
  const members = current.members ?? [];
  if (!members.some((m) => m.memberId === target.memberId)) throw new Error(l10n.t('{0} is no longer a member of {1}.', who, current.name));
  const confirmed = await confirmChange(context, target.podId, {
    message: l10n.t('Remove {0} from the group "{1}"?', who, current.name),
    detail: l10n.t('User id {0}\n\nThey no longer receive what is sent to the group. You can add them again later.', target.memberId),
    action: l10n.t('Remove Member'),
    destructive: true,
  });
  if (!confirmed) throw new UserCancelled();
  const update = { ...groupUpdate(current, current.status ?? 'ACTIVE'), members: members.filter((m) => m.memberId !== target.memberId).map(({ memberId, memberTenant }) => ({ memberId, memberTenant })) };
  const updated = await withProgress(l10n.t('Removing {0} from {1}…', who, current.name), () => groups.updateGroup(target.groupId, update, current.eTag ?? ''));
  refreshType(context, target.podId, current.type);
  return { group: updated, who };
}

export async function setAvatar(context: CommandContext, group: GroupItem): Promise<void> {
  const file = await prompts(context).openFile({ title: l10n.t('Avatar for {0} (jpg, png or gif, at most 2 MB)', group.item.name), filters: { [l10n.t('Images')]: ['png', 'jpg', 'jpeg', 'gif'] } });
  const bytes = await fs.readFile(file.fsPath);
  await withProgress(l10n.t('Uploading the avatar of {0}…', group.item.name), () => context.sessions.client(group.podId).groups.uploadAvatar(group.groupId, bytes));
  refreshType(context, group.podId, group.item.type);
}

export async function setStatus(context: CommandContext, group: GroupItem, status: GroupStatus): Promise<void> {
  if (status === 'DELETED') {
    const confirmed = await confirmChange(context, group.podId, {
      message: l10n.t('Mark the group "{0}" deleted?', group.item.name),
      detail: l10n.t('Group id {0}\n\nIts members lose the distribution list. You can restore it later.', group.groupId),
      action: l10n.t('Mark Deleted'),
      destructive: true,
    });
    if (!confirmed) return;
  }
  const client = context.sessions.client(group.podId);
  await withProgress(status === 'DELETED' ? l10n.t('Deleting {0}…', group.item.name) : l10n.t('Restoring {0}…', group.item.name), async () => {
    const current = await client.groups.getGroup(group.groupId);
    noteChange({ resource: { kind: 'group', id: group.groupId, name: current.name }, before: current });
    await client.groups.updateGroup(group.groupId, groupUpdate(current, status), current.eTag ?? '');
  });
  refreshType(context, group.podId, group.item.type);
}

function refreshType(context: CommandContext, podId: string, typeId: string): void {
  const groups = context.tree.podNode(podId)?.groups;
  if (groups) context.tree.refresh(groups.cachedChild(typeId) ?? groups);
}
