// describe_group: one group (distribution list) with its profile and its members a page at a time, each member named
// (one users lookup per page, agentTools/people.ts).
import { l10n } from '../../text/l10n';
import { answer, isoDate, pageLine, pageOf } from '../format';
import { cursorOf, fieldsOf, idText, requiredText, SCHEMA, signedInPod } from '../input';
import { namesOf } from '../people';
import type { AgentTool } from '../tool';

export const describeGroup: AgentTool<{ podId: string; groupId: string; cursor: number }> = {
  name: 'symphony_describe_group',
  get title() {
    return l10n.t('Describe a group');
  },
  description: 'Shows one group (distribution list) of a pod: name, type, status, owner, profile, and its members by name, 50 at a time ("cursor" pages on).',
  access: 'read',
  inputSchema: {
    type: 'object',
    properties: {
      podId: SCHEMA.podId,
      groupId: { type: 'string', description: 'The group id (from symphony_search).' },
      cursor: SCHEMA.cursor,
    },
    required: ['podId', 'groupId'],
    additionalProperties: false,
  },
  parse(input) {
    const fields = fieldsOf(input, ['podId', 'groupId', 'cursor']);
    return { podId: requiredText(fields, 'podId', idText('pod id')), groupId: requiredText(fields, 'groupId', idText('group id')), cursor: cursorOf(fields) };
  },
  async invoke({ podId, groupId, cursor }, host) {
    const pod = signedInPod(host, podId);
    const client = host.client(podId);
    const group = await client.groups.getGroup(groupId);
    const page = pageOf(group.members ?? [], cursor);
    const people = await namesOf(client, page.items.map((m) => m.memberId));
    const profile = group.profile ?? {};
    return answer(`Group "${group.name}" on ${pod.label}. Members: ${pageLine(page, cursor, 'members')}`, {
      pod: pod.label, id: group.id, name: group.name, type: group.type, subType: group.subType, status: group.status, ownerType: group.ownerType,
      ownerId: group.ownerId, created: group.createdDate, updated: group.updatedDate,
      profile: { displayName: profile.displayName, companyName: profile.companyName, email: profile.email, jobTitle: profile.jobTitle },
      members: page.items.map((m) => ({ userId: m.memberId, name: people.get(String(m.memberId))?.name, status: m.status, added: m.addedDate && isoDate(Date.parse(m.addedDate)) })),
    });
  },
};
