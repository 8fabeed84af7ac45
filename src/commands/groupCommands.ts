// Group commands (Profile Manager): create, add a member, set the avatar, mark deleted / restore.
// Status changes go through update with the group's current eTag, so a concurrent change is never overwritten.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { noteChange } from '../activity/changeContext';
import { GroupStatus, groupUpdate, validateUserId, validateRequiredName } from '../api';
import { GroupNode, GroupTypeNode } from '../tree/groupNodes';
import { TreeNode } from '../tree/treeNode';
import { confirmChange } from '../ui/confirmChange';
import { runWizard } from '../ui/prompts';
import { describePickedUser, pickUser } from '../ui/userPicker';
import { CommandContext, prompts, registerCommand, requireNode, targetPod, withProgress } from './commandContext';

export function registerGroupCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'symphonyPodAdmin.groups.create', (node?: TreeNode) => createGroup(context, node)),
    registerCommand(context, 'symphonyPodAdmin.groups.addMember', (node?: TreeNode) => addMember(context, requireNode(node, GroupNode, 'a group'))),
    registerCommand(context, 'symphonyPodAdmin.groups.setAvatar', (node?: TreeNode) => setAvatar(context, requireNode(node, GroupNode, 'a group'))),
    registerCommand(context, 'symphonyPodAdmin.groups.markDeleted', (node?: TreeNode) => setStatus(context, requireNode(node, GroupNode, 'a group'), 'DELETED')),
    registerCommand(context, 'symphonyPodAdmin.groups.restore', (node?: TreeNode) => setStatus(context, requireNode(node, GroupNode, 'a group'), 'ACTIVE')),
  ];
}

async function createGroup(context: CommandContext, node?: TreeNode): Promise<void> {
  const podId = await targetPod(context, node);
  const client = context.sessions.client(podId);
  // The pod's groups all belong to its own tenant: a loaded group of the type gives the owner as the default.
  const knownOwner = node instanceof GroupTypeNode ? node.loadedItems[0]?.ownerId : undefined;
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
    { ask: async (ui, s) => void (s.owner = (await ui.input({ title, prompt: 'Owner: the tenant (pod) id that owns the group', value: s.owner, validate: ownerProblem })).trim()) },
    { ask: async (ui, s) => void (s.displayName = (await ui.input({ title, prompt: 'Profile display name', value: s.displayName || s.name, validate: (v) => validateRequiredName(v, 'The display name') })).trim()) },
  ], { typeId: node instanceof GroupTypeNode ? node.typeId : '', name: '', owner: knownOwner ? String(knownOwner) : '', displayName: '' });
  const { typeId, name, displayName } = answers;
  const group = await withProgress(`Creating the group ${name}…`, () =>
    client.groups.createGroup({ type: typeId, ownerType: 'TENANT', ownerId: Number(answers.owner), name, profile: { displayName } }),
  );
  refreshType(context, podId, group.type);
  void prompts(context).info(`Created the group ${group.name}.`);
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

async function setAvatar(context: CommandContext, group: GroupNode): Promise<void> {
  const file = await prompts(context).openFile({ title: `Avatar for ${group.item.name} (jpg, png or gif, at most 2 MB)`, filters: { Images: ['png', 'jpg', 'jpeg', 'gif'] } });
  const bytes = await fs.readFile(file.fsPath);
  await withProgress(`Uploading the avatar of ${group.item.name}…`, () => context.sessions.client(group.podId!).groups.uploadAvatar(group.groupId, bytes));
  refreshType(context, group.podId!, group.item.type);
}

async function setStatus(context: CommandContext, group: GroupNode, status: GroupStatus): Promise<void> {
  if (status === 'DELETED') {
    const confirmed = await confirmChange(context, group.podId!, {
      message: `Mark the group "${group.item.name}" deleted?`,
      detail: `Group id ${group.groupId}\n\nIts members lose the distribution list. You can restore it later.`,
      action: 'Mark Deleted',
      destructive: true,
    });
    if (!confirmed) return;
  }
  const client = context.sessions.client(group.podId!);
  await withProgress(`${status === 'DELETED' ? 'Deleting' : 'Restoring'} ${group.item.name}…`, async () => {
    const current = await client.groups.getGroup(group.groupId);
    noteChange({ resource: { kind: 'group', id: group.groupId, name: current.name }, before: current });
    await client.groups.updateGroup(group.groupId, groupUpdate(current, status), current.eTag ?? '');
  });
  refreshType(context, group.podId!, group.item.type);
}

function refreshType(context: CommandContext, podId: string, typeId: string): void {
  const groups = context.tree.podNode(podId)?.groups;
  if (groups) context.tree.refresh(groups.cachedChild(typeId) ?? groups);
}
