// Which items each item command acts on, and the item it acts on when it runs from the command palette (no tree
// node): the pod (the command wrapper picks it), then the item, picked in the part `itemPicker` (itemPickerPart.ts,
// loaded on first use) and made here into the tree node the command expects.
import { ConnectionStatus } from '../api';
import { loadPart } from '../parts/loadPart';
import { l10n } from '../text/l10n';
import { ServiceAccountNode } from '../tree/accountNodes';
import { ApplicationNode } from '../tree/appNodes';
import { CertificateNode } from '../tree/certNodes';
import { ConnectionNode } from '../tree/connectionNodes';
import { GroupNode } from '../tree/groupNodes';
import { PodNode } from '../tree/podNode';
import { TreeNode } from '../tree/treeNode';
import { peopleOf } from '../tree/people';
import type { CommandContext } from './commandContext';
import type { PickedItem } from './itemPickerPart';

export type ItemKind =
  | { kind: 'certificate' }
  | { kind: 'application' }
  | { kind: 'group'; status?: 'ACTIVE' | 'DELETED' }
  | { kind: 'connection'; status: ConnectionStatus }
  | { kind: 'serviceAccount' }
  | { kind: 'any' };

/**
 * Item commands, and which items each can act on; run without a node they ask for one with `pickItemNode`. `many`:
 * the command acts on every selected item (see bulk.ts); the others refuse a selection of several.
 */
export const itemCommands: Readonly<Record<string, ItemKind & { many?: true }>> = {
  'symphonyPodAdmin.certs.open': { kind: 'certificate' },
  'symphonyPodAdmin.certs.update': { kind: 'certificate' },
  'symphonyPodAdmin.certs.setStatus': { kind: 'certificate', many: true },
  'symphonyPodAdmin.certs.delete': { kind: 'certificate', many: true },
  'symphonyPodAdmin.certs.copyFingerprint': { kind: 'certificate' },
  'symphonyPodAdmin.certs.showIssued': { kind: 'certificate' },
  'symphonyPodAdmin.certs.openInAdminPortal': { kind: 'certificate' },
  'symphonyPodAdmin.apps.open': { kind: 'application' },
  'symphonyPodAdmin.apps.toggleEntitlement': { kind: 'application', many: true },
  'symphonyPodAdmin.apps.delete': { kind: 'application' },
  'symphonyPodAdmin.apps.rotateKey': { kind: 'application' },
  'symphonyPodAdmin.apps.extendPreviousKey': { kind: 'application' },
  'symphonyPodAdmin.apps.revokePreviousKey': { kind: 'application' },
  'symphonyPodAdmin.apps.revokeCurrentKey': { kind: 'application' },
  'symphonyPodAdmin.apps.openInAdminPortal': { kind: 'application' },
  'symphonyPodAdmin.groups.open': { kind: 'group' },
  'symphonyPodAdmin.groups.addMember': { kind: 'group', status: 'ACTIVE' },
  'symphonyPodAdmin.groups.removeMember': { kind: 'group', status: 'ACTIVE' },
  'symphonyPodAdmin.groups.setAvatar': { kind: 'group', status: 'ACTIVE' },
  'symphonyPodAdmin.groups.markDeleted': { kind: 'group', status: 'ACTIVE' },
  'symphonyPodAdmin.groups.restore': { kind: 'group', status: 'DELETED' },
  'symphonyPodAdmin.connections.accept': { kind: 'connection', status: 'PENDING_INCOMING', many: true },
  'symphonyPodAdmin.connections.reject': { kind: 'connection', status: 'PENDING_INCOMING', many: true },
  'symphonyPodAdmin.connections.remove': { kind: 'connection', status: 'ACCEPTED' },
  ...Object.fromEntries(['open', 'updateAttribute', 'setStatus', 'addRole', 'removeRole', 'changeFeatures', 'rotateKey', 'extendPreviousKey',
    'revokePreviousKey', 'revokeCurrentKey', 'verifyKey', 'logoutSessions'].map((verb) => [`symphonyPodAdmin.accounts.${verb}`, { kind: 'serviceAccount' } as const])),
  'symphonyPodAdmin.tree.copyId': { kind: 'any' },
  'symphonyPodAdmin.tree.copyJson': { kind: 'any' },
};

/** Asks which item of the pod a command acts on, and returns it as the tree node the command expects. */
export async function pickItemNode(context: CommandContext, kind: ItemKind, podId: string): Promise<TreeNode> {
  if (!context.tree.podNode(podId)) await context.tree.getChildren();
  const pod = context.tree.podNode(podId);
  if (!pod) throw new Error(l10n.t('That pod is no longer configured.'));
  const picked = await loadPart<typeof import('./itemPickerPart')>('itemPicker').pickItem(context, kind, podId, pod.profile.label);
  return nodeOf(context, pod, picked);
}

function nodeOf(context: CommandContext, pod: PodNode, picked: PickedItem): TreeNode {
  switch (picked.kind) {
    case 'certificate': return new CertificateNode(pod.certificates, context.sessions, picked.item, pod.certificates.writable, false);
    case 'application': return new ApplicationNode(pod.applications, picked.item, pod.applications.writable);
    case 'group': return new GroupNode(pod.groups, picked.item, peopleOf(context.sessions, pod.podId));
    case 'connection': return new ConnectionNode(pod.connections.statusNode(picked.status), picked.item);
    case 'serviceAccount': return new ServiceAccountNode(pod.serviceAccounts, picked.item);
  }
}
