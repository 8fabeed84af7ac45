// Create Group, bundled as a lazily loaded part (src/parts/README.md): the wizard (type, name, owner tenant with the
// pod's own as the default, display name), then the group is created and revealed. The caller passes plain data
// (the pod, and the type when run from a group type in the tree): a part never checks instanceof on tree nodes.
import { tenantOfUserId, validateRequiredName } from '../api';
import { l10n } from '../text/l10n';
import type { GroupTypeNode } from '../tree/groupNodes';
import { runWizard } from '../ui/prompts';
import { CommandContext, prompts, withProgress } from './commandContext';
import { announceCreated } from './revealCreated';

export async function createGroup(context: CommandContext, podId: string, inType?: string): Promise<void> {
  const client = context.sessions.client(podId);
  // Groups are owned by the pod's own tenant, which the signed-in account's id carries (read at sign-in, so
  // usually no request); an empty or unloaded group list does not matter.
  const podTenant = tenantOfUserId((await context.sessions.whoAmI(podId)).id ?? 0) || undefined;
  const ownerProblem = (v: string) => validateTenantId(v.trim());
  const title = l10n.t('Create Group');
  const answers = await runWizard(prompts(context), [
    {
      when: () => !inType,
      ask: async (ui, s) => {
        const types = (await client.groups.listTypes()).map((t) => ({ label: t.name || t.id || '', description: t.id, value: t.id ?? '', picked: t.id === s.typeId }));
        s.typeId = await ui.pick(types, { title: l10n.t('Create Group: type') });
      },
    },
    { ask: async (ui, s) => void (s.name = (await ui.input({ title, prompt: l10n.t('Group name'), value: s.name, validate: (v) => validateRequiredName(v, l10n.t('The group name')) })).trim()) },
    { ask: async (ui, s) => void (s.owner = (await ui.input({ title, prompt: podTenant ? l10n.t('Owner: the tenant (pod) id that owns the group (this pod is tenant {0})', podTenant) : l10n.t('Owner: the tenant (pod) id that owns the group'), value: s.owner, validate: ownerProblem })).trim()) },
    { ask: async (ui, s) => void (s.displayName = (await ui.input({ title, prompt: l10n.t('Profile display name'), value: s.displayName || s.name, validate: (v) => validateRequiredName(v, l10n.t('The display name')) })).trim()) },
  ], { typeId: inType ?? '', name: '', owner: podTenant ? String(podTenant) : '', displayName: '' });
  const { typeId, name, displayName } = answers;
  const group = await withProgress(l10n.t('Creating the group {0}…', name), () =>
    client.groups.createGroup({ type: typeId, ownerType: 'TENANT', ownerId: Number(answers.owner), name, profile: { displayName } }),
  );
  const groups = context.tree.podNode(podId)?.groups;
  await groups?.getChildren();
  await announceCreated(context, groups?.cachedChild(group.type) as GroupTypeNode | undefined, group.id ?? '', group, l10n.t('Created the group {0}.', group.name));
}

/** A group's owner is a tenant id: a positive whole number the group API can carry exactly. */
function validateTenantId(text: string): string | undefined {
  if (!text) return l10n.t('A tenant id is required.');
  if (!/^\d+$/.test(text) || BigInt(text) === 0n) return l10n.t('The tenant id "{0}" is not a positive whole number.', text);
  if (!Number.isSafeInteger(Number(text))) return l10n.t('This id is too large for the group API (at most 9,007,199,254,740,991).');
  return undefined;
}
