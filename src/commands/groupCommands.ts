// Group commands (Profile Manager): create, add or remove a member, set the avatar, mark deleted / restore. Their
// bodies are the parts `groupCreate` (groupCreatePart.ts) and `groups` (groupCommandsPart.ts), loaded on first use;
// here each command gets its group from the tree and passes it on as plain data.
import * as vscode from 'vscode';
import { loadPart } from '../parts/loadPart';
import { GroupMemberNode, GroupNode, GroupTypeNode } from '../tree/groupNodes';
import { TreeNode } from '../tree/treeNode';
import { CommandContext, registerCommand, requireNode, targetPod } from './commandContext';
import type { GroupItem } from './groupCommandsPart';

const part = () => loadPart<typeof import('./groupCommandsPart')>('groups');

export function registerGroupCommands(context: CommandContext): vscode.Disposable[] {
  const group = (node: TreeNode | undefined) => groupItem(requireNode(node, GroupNode, vscode.l10n.t('a group')));
  return [
    registerCommand(context, 'symphonyPodAdmin.groups.create', async (node?: TreeNode) =>
      loadPart<typeof import('./groupCreatePart')>('groupCreate').createGroup(context, await targetPod(context, node), node instanceof GroupTypeNode ? node.typeId : undefined)),
    registerCommand(context, 'symphonyPodAdmin.groups.addMember', (node?: TreeNode) => part().addMember(context, group(node))),
    registerCommand(context, 'symphonyPodAdmin.groups.removeMember', async (node?: TreeNode) => {
      if (node instanceof GroupMemberNode) return part().removeMemberCommand(context, groupItem(node.parent as GroupNode), [], node.memberId);
      // From the command palette the picker chose the group: its members, as the tree lists them, to pick from.
      const parent = requireNode(node, GroupNode, vscode.l10n.t('a group member'));
      const members = (await parent.getChildren()).filter((n): n is GroupMemberNode => n instanceof GroupMemberNode);
      return part().removeMemberCommand(context, groupItem(parent), members.map((m) => m.memberId));
    }),
    registerCommand(context, 'symphonyPodAdmin.groups.setAvatar', (node?: TreeNode) => part().setAvatar(context, group(node))),
    registerCommand(context, 'symphonyPodAdmin.groups.markDeleted', (node?: TreeNode) => part().setStatus(context, group(node), 'DELETED')),
    registerCommand(context, 'symphonyPodAdmin.groups.restore', (node?: TreeNode) => part().setStatus(context, group(node), 'ACTIVE')),
  ];
}

function groupItem(node: GroupNode): GroupItem {
  return { podId: node.podId!, groupId: node.groupId, item: node.item };
}
