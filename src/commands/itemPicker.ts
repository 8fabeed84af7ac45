// The quick pick that finds the item an item command acts on when it runs from the command palette (no tree node):
// the pod (the command wrapper picks it), then the item, a page at a time ("Load more…") and searchable: the quick
// pick narrows what is loaded, "Search all…" asks the pod for the rest once and narrows that.
import * as vscode from 'vscode';
import { CompanyCertInfoItem, ConnectionStatus, PodAppEntitlement, ReadGroup, UserConnection, V2UserDetail } from '../api';
import { ServiceAccountNode } from '../tree/accountNodes';
import { ApplicationNode } from '../tree/appNodes';
import { CertificateNode } from '../tree/certNodes';
import { ConnectionNode } from '../tree/connectionNodes';
import { GroupNode } from '../tree/groupNodes';
import { PodNode } from '../tree/podNode';
import { TreeNode } from '../tree/treeNode';
import { peopleOf } from '../tree/people';
import { PickItem } from '../ui/prompts';
import type { CommandContext } from './commandContext';

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

interface Page<T> {
  items: T[];
  next?: unknown;
}

/** One kind of item as the picker lists it. */
interface Source<T> {
  readonly what: string;
  page(cursor: unknown, limit: number): Promise<Page<T>>;
  all(): Promise<T[]>;
  describe(item: T): { label: string; description?: string; detail?: string };
  matches(item: T, text: string): boolean;
  node(item: T): TreeNode;
}

const more = Symbol('load more');
const search = Symbol('search all');
type Choice<T> = T | typeof more | typeof search;

/** Asks which item of the pod a command acts on, and returns it as the tree node the command expects. */
export async function pickItemNode(context: CommandContext, kind: ItemKind, podId: string): Promise<TreeNode> {
  if (!context.tree.podNode(podId)) await context.tree.getChildren();
  const pod = context.tree.podNode(podId);
  if (!pod) throw new Error('That pod is no longer configured.');
  const source = await sourceFor(context, kind, pod);
  return pickFrom(context, source as Source<unknown>, pod.profile.label);
}

async function pickFrom<T>(context: CommandContext, source: Source<T>, podLabel: string): Promise<TreeNode> {
  const limit = vscode.workspace.getConfiguration('symphonyPodAdmin').get<number>('tree.pageSize', 100);
  let page = await source.page(undefined, limit);
  let items = page.items;
  let next = page.next;
  let searched: string | undefined;
  for (;;) {
    const choices: PickItem<Choice<T>>[] = items.map((item) => ({ ...source.describe(item), value: item }));
    if (next !== undefined) choices.push({ label: '$(ellipsis) Load more…', description: `${items.length} loaded`, value: more });
    if (next !== undefined || searched) choices.push({ label: '$(search) Search all…', description: searched ? `now: "${searched}"` : 'by name, id or fingerprint', value: search });
    if (items.length === 0 && !searched) throw new Error(`${podLabel} has no ${source.what} this command can act on.`);
    const title = `Which ${source.what} of ${podLabel}?${searched ? ` (matching "${searched}")` : ''}`;
    const picked = await context.promptHost.current.pick(choices, { title, placeHolder: 'Type to narrow the list' });
    if (picked === more) {
      page = await source.page(next, limit);
      items = [...items, ...page.items];
      next = page.next;
    } else if (picked === search) {
      searched = (await context.promptHost.current.input({ title: `Search the ${source.what} of ${podLabel}`, prompt: 'Name, id or fingerprint (part of it)', value: searched })).trim().toLowerCase();
      const all = await source.all();
      items = searched ? all.filter((item) => source.matches(item, searched!)) : all;
      next = undefined;
    } else {
      return source.node(picked as T);
    }
  }
}

async function sourceFor(context: CommandContext, kind: ItemKind, pod: PodNode): Promise<Source<unknown>> {
  const client = context.sessions.client(pod.podId);
  const has = (text: string, ...fields: (string | number | undefined)[]) => fields.some((f) => f !== undefined && String(f).toLowerCase().includes(text));
  switch (kind.kind) {
    case 'any': {
      const what = await context.promptHost.current.pick<ItemKind>(
        [
          { label: '$(shield) Certificate', value: { kind: 'certificate' } },
          { label: '$(package) Application', value: { kind: 'application' } },
          { label: '$(organization) Group', value: { kind: 'group' } },
          { label: '$(link) Accepted connection', value: { kind: 'connection', status: 'ACCEPTED' } },
        ],
        { title: 'Which kind of item?' },
      );
      return sourceFor(context, what, pod);
    }
    case 'certificate': {
      const certs: Source<CompanyCertInfoItem> = {
        what: 'certificate',
        page: async (skip, limit) => {
          const start = (skip as number | undefined) ?? 0;
          const items = await client.certs.listCompanyCertificates({ skip: start, limit });
          return { items, next: items.length === limit ? start + limit : undefined };
        },
        all: () => client.certs.listAllCompanyCertificates(),
        describe: (c) => ({
          label: c.companyCertAttributes?.name || c.companyCertInfo?.commonName || c.companyCertInfo?.fingerPrint || '',
          description: [c.companyCertAttributes?.type?.type, c.companyCertAttributes?.status?.type].filter(Boolean).join(' · '),
          detail: c.companyCertInfo?.fingerPrint,
        }),
        matches: (c, text) => has(text, c.companyCertAttributes?.name, c.companyCertInfo?.commonName, c.companyCertInfo?.fingerPrint),
        node: (c) => new CertificateNode(pod.certificates, context.sessions, c, pod.certificates.writable, false),
      };
      return certs as Source<unknown>;
    }
    case 'application': {
      const apps: Source<PodAppEntitlement> = {
        what: 'application',
        page: async () => ({ items: await client.apps.listPodAppEntitlements() }),
        all: () => client.apps.listPodAppEntitlements(),
        describe: (a) => ({ label: a.appName || a.appId, description: a.appId }),
        matches: (a, text) => has(text, a.appName, a.appId),
        node: (a) => new ApplicationNode(pod.applications, a, pod.applications.writable),
      };
      return apps as Source<unknown>;
    }
    case 'group': {
      const types = await client.groups.listTypes();
      const typeId = types.length === 1
        ? types[0].id ?? ''
        : await context.promptHost.current.pick(types.map((t) => ({ label: t.name || t.id || '', description: t.id, value: t.id ?? '' })), { title: 'Which group type?' });
      const groups: Source<ReadGroup> = {
        what: kind.status === 'DELETED' ? 'deleted group' : 'group',
        page: async (after, limit) => {
          const page = await client.groups.listGroups(typeId, { after: after as string | undefined, limit: Math.min(limit, 100), status: kind.status });
          return { items: page.data ?? [], next: page.pagination?.cursors?.after ?? undefined };
        },
        all: () => client.groups.listAllGroups(typeId, { status: kind.status }),
        describe: (g) => ({ label: g.name, description: [g.profile?.displayName !== g.name ? g.profile?.displayName : undefined, g.status].filter(Boolean).join(' · '), detail: g.id }),
        matches: (g, text) => has(text, g.name, g.id, g.profile?.displayName),
        node: (g) => new GroupNode(pod.groups, g, peopleOf(context.sessions, pod.podId)),
      };
      return groups as Source<unknown>;
    }
    case 'connection': {
      const status = kind.status;
      const connections: Source<UserConnection> = {
        what: status === 'PENDING_INCOMING' ? 'incoming connection request' : 'connection',
        page: async () => ({ items: await client.connections.listConnections({ status }) }),
        all: () => client.connections.listConnections({ status }),
        describe: (c) => ({ label: `User ${c.userId}`, description: (c.status ?? '').toLowerCase().replace('_', ' ') }),
        matches: (c, text) => has(text, c.userId),
        node: (c) => new ConnectionNode(pod.connections.statusNode(status), c),
      };
      return connections as Source<unknown>;
    }
    case 'serviceAccount': {
      // The pod's user list has no type filter: a page's cursor is `pageServiceAccounts`' raw skip, as in the tree.
      const page = (skip: unknown, limit: number) => client.users.pageServiceAccounts((skip as number | undefined) ?? 0, limit);
      const accounts: Source<V2UserDetail> = {
        what: 'service account',
        page,
        all: async () => (await page(0, Infinity)).items,
        describe: ({ userAttributes: a }) => ({ label: a?.displayName || a?.userName || '', description: a?.userName }),
        matches: ({ userAttributes: a }, text) => has(text, a?.displayName, a?.userName, a?.emailAddress),
        node: (a) => new ServiceAccountNode(pod.serviceAccounts, a),
      };
      return accounts as Source<unknown>;
    }
  }
}
