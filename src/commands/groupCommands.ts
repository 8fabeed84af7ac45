// Group commands (Profile Manager): create, add or remove a member, set the avatar, mark deleted / restore.
// Status changes and Remove Member go through update with the group's current eTag, so a concurrent change is never
// overwritten (the pod has no endpoint that removes one member).
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { GroupStatus, ReadGroup, groupUpdate, tenantOfUserId, validateUserId, validateRequiredName } from '../api';
import { GroupMemberNode, GroupNode, GroupTypeNode } from '../tree/groupNodes';
import { peopleOf, personLabel } from '../tree/people';
import { TreeNode } from '../tree/treeNode';
import { UserCancelled, runWizard } from '../ui/prompts';
import { describePickedUser, pickUser } from '../ui/userPicker';
import { CommandContext, prompts, registerCommand, requireNode, targetPod, withProgress } from './commandContext';
import { announceCreated } from './revealCreated';

export function registerGroupCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'symphonyPodAdmin.groups.create', (node?: TreeNode) => createGroup(context, node)),
    registerCommand(context, 'symphonyPodAdmin.groups.addMember', (node?: TreeNode) => addMember(context, requireNode(node, GroupNode, 'a group'))),
    registerCommand(context, 'symphonyPodAdmin.groups.removeMember', async (node?: TreeNode) => {
      const member = node instanceof GroupMemberNode ? node : await pickMember(context, requireNode(node, GroupNode, 'a group member'));
      const removed = await removeMember(context, { podId: member.podId!, groupId: (member.parent as GroupNode).groupId, memberId: member.memberId });
      void prompts(context).info(`Removed ${removed.who} from ${removed.group.name}.`);
    }),
    registerCommand(context, 'symphonyPodAdmin.groups.setAvatar', (node?: TreeNode) => setAvatar(context, requireNode(node, GroupNode, 'a group'))),
    registerCommand(context, 'symphonyPodAdmin.groups.markDeleted', (node?: TreeNode) => setStatus(context, requireNode(node, GroupNode, 'a group'), 'DELETED')),
    registerCommand(context, 'symphonyPodAdmin.groups.restore', (node?: TreeNode) => setStatus(context, requireNode(node, GroupNode, 'a group'), 'ACTIVE')),
  ];
}

async function createGroup(context: CommandContext, node?: TreeNode): Promise<void> {
  const podId = await targetPod(context, node);
  const client = context.sessions.client(podId);
  // Groups are owned by the pod's own tenant, which the signed-in account's id carries (read at sign-in, so
  // usually no request); an empty or unloaded group list does not matter.
  const podTenant = tenantOfUserId((await context.sessions.whoAmI(podId)).id ?? 0) || undefined;
  const ownerProblem = (v: string) =>
    (validateUserId(v.trim()) ?? (Number.isSafeInteger(Number(v.trim())) ? undefined : 'This id is too large for the group API (at most 9,007,199,254,740,991).'))?.replace('user id', 'tenant id');
  const title = 'Create Group';
  const answers = await runWizard(prompts(context), [
    {
      when: () => !(node instanceof GroupTypeNode),
      ask: async (ui, s) => {
        const types = (await client.groups.listTypes()).map((t) => ({ label: t.name || t.id || '', description: t.id, value: t.id ?? '', picked: t.id === s.typeId }));
        s.typeId = await ui.pick(types, { title: `${title}: type` });
      },
    },
    { ask: async (ui, s) => void (s.name = (await ui.input({ title, prompt: 'Group name', value: s.name, validate: (v) => validateRequiredName(v, 'The group name') })).trim()) },
    { ask: async (ui, s) => void (s.owner = (await ui.input({ title, prompt: `Owner: the tenant (pod) id that owns the group${podTenant ? ` (this pod is tenant ${podTenant})` : ''}`, value: s.owner, validate: ownerProblem })).trim()) },
    { ask: async (ui, s) => void (s.displayName = (await ui.input({ title, prompt: 'Profile display name', value: s.displayName || s.name, validate: (v) => validateRequiredName(v, 'The display name') })).trim()) },
  ], { typeId: node instanceof GroupTypeNode ? node.typeId : '', name: '', owner: podTenant ? String(podTenant) : '', displayName: '' });
  const { typeId, name, displayName } = answers;
  const group = await withProgress(`Creating the group ${name}…`, () =>
    client.groups.createGroup({ type: typeId, ownerType: 'TENANT', ownerId: Number(answers.owner), name, profile: { displayName } }),
  );
  const groups = context.tree.podNode(podId)?.groups;
  await groups?.getChildren();
  await announceCreated(context, groups?.cachedChild(group.type) as GroupTypeNode | undefined, group.id ?? '', group, `Created the group ${group.name}.`);
}

async function addMember(context: CommandContext, group: GroupNode): Promise<void> {
  const ui = prompts(context);
  const client = context.sessions.client(group.podId!);
  const checkId = (id: string) => (Number.isSafeInteger(Number(id)) ? undefined : 'This user id is too large for the group API (at most 9,007,199,254,740,991).');
  const user = await pickUser(ui, client, { title: `Add Member to ${group.item.name}`, local: true, checkId });
  const memberId = Number(user.id);
  await withProgress(`Adding ${describePickedUser(user)} to ${group.item.name}…`, () =>
    context.sessions.client(group.podId!).groups.addMember(group.groupId, { memberId, memberTenant: group.item.ownerId }),
  );
  refreshType(context, group.podId!, group.item.type);
}

/** From the command palette the picker chose the group: now which of its members. */
async function pickMember(context: CommandContext, group: GroupNode): Promise<GroupMemberNode> {
  const members = (await group.getChildren()).filter((n): n is GroupMemberNode => n instanceof GroupMemberNode);
  if (members.length === 0) throw new Error(`The group ${group.item.name} has no members.`);
  const items = members.map((m) => ({ label: personLabel(group.people.get(m.memberId), m.memberId), description: String(m.memberId), value: m }));
  return prompts(context).pick(items, { title: `Remove Member from ${group.item.name}`, placeHolder: 'Which member?' });
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
  if (!members.some((m) => m.memberId === target.memberId)) throw new Error(`${who} is no longer a member of ${current.name}.`);
  const confirmed = await prompts(context).confirm(`Remove ${who} from the group "${current.name}"?`,
    `User id ${target.memberId}\n\nThey no longer receive what is sent to the group. You can add them again later.`, 'Remove Member');
  if (!confirmed) throw new UserCancelled();
  const update = { ...groupUpdate(current, current.status ?? 'ACTIVE'), members: members.filter((m) => m.memberId !== target.memberId).map(({ memberId, memberTenant }) => ({ memberId, memberTenant })) };
  const updated = await withProgress(`Removing ${who} from ${current.name}…`, () => groups.updateGroup(target.groupId, update, current.eTag ?? ''));
  refreshType(context, target.podId, current.type);
  return { group: updated, who };
}

async function setAvatar(context: CommandContext, group: GroupNode): Promise<void> {
  const file = await prompts(context).openFile({ title: `Avatar for ${group.item.name} (jpg, png or gif, at most 2 MB)`, filters: { Images: ['png', 'jpg', 'jpeg', 'gif'] } });
  const bytes = await fs.readFile(file.fsPath);
  await withProgress(`Uploading the avatar of ${group.item.name}…`, () => context.sessions.client(group.podId!).groups.uploadAvatar(group.groupId, bytes));
  refreshType(context, group.podId!, group.item.type);
}

async function setStatus(context: CommandContext, group: GroupNode, status: GroupStatus): Promise<void> {
  if (status === 'DELETED') {
    const confirmed = await prompts(context).confirm(
      `Mark the group "${group.item.name}" deleted?`,
      `Group id ${group.groupId}\n\nIts members lose the distribution list. You can restore it later.`,
      'Mark Deleted',
    );
    if (!confirmed) return;
  }
  const client = context.sessions.client(group.podId!);
  await withProgress(`${status === 'DELETED' ? 'Deleting' : 'Restoring'} ${group.item.name}…`, async () => {
    const current = await client.groups.getGroup(group.groupId);
    await client.groups.updateGroup(group.groupId, groupUpdate(current, status), current.eTag ?? '');
  });
  refreshType(context, group.podId!, group.item.type);
}

function refreshType(context: CommandContext, podId: string, typeId: string): void {
  const groups = context.tree.podNode(podId)?.groups;
  if (groups) context.tree.refresh(groups.cachedChild(typeId) ?? groups);
}
