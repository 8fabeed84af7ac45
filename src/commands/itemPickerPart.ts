// The quick pick behind item commands run from the command palette (no tree node), bundled as the part
// `itemPicker` (src/parts/README.md): the item, a page at a time ("Load more…") and searchable: the quick pick narrows
// what is loaded, "Search all…" asks the pod for the rest once and narrows that. It returns the picked item as plain
// data; itemPicker.ts (in the extension bundle) makes it the tree node the command expects.
import * as vscode from 'vscode';
import { CompanyCertInfoItem, ConnectionStatus, PodAppEntitlement, ReadGroup, UserConnection, V2UserDetail } from '../api';
import { PickItem } from '../ui/prompts';
import type { CommandContext } from './commandContext';
import type { ItemKind } from './itemPicker';

/** What was picked, by kind; `connection` says which status list it came from. */
export type PickedItem =
  | { kind: 'certificate'; item: CompanyCertInfoItem }
  | { kind: 'application'; item: PodAppEntitlement }
  | { kind: 'group'; item: ReadGroup }
  | { kind: 'connection'; status: ConnectionStatus; item: UserConnection }
  | { kind: 'serviceAccount'; item: V2UserDetail };

interface Page<T> {
  items: T[];
  next?: unknown;
}

/** One kind of item as the picker lists it. */
interface Source<T> {
  readonly what: What;
  page(cursor: unknown, limit: number): Promise<Page<T>>;
  all(): Promise<T[]>;
  describe(item: T): { label: string; description?: string; detail?: string };
  matches(item: T, text: string): boolean;
  picked(item: T): PickedItem;
}

/** The kinds of item the picker names in its sentences: each has its own, so a translation can inflect the noun. */
type What = 'certificate' | 'application' | 'group' | 'deletedGroup' | 'incomingRequest' | 'connection' | 'serviceAccount';

/** The picker's sentences about one kind of item, for the pod `pod` (its label) and the search text, if any. */
function wording(what: What, pod: string, searched: string | undefined): { none: string; title: string; searchTitle: string } {
  switch (what) {
    case 'certificate': return {
      none: vscode.l10n.t('{0} has no certificate this command can act on.', pod),
      title: searched ? vscode.l10n.t('Which certificate of {0}? (matching "{1}")', pod, searched) : vscode.l10n.t('Which certificate of {0}?', pod),
      searchTitle: vscode.l10n.t('Search the certificate of {0}', pod),
    };
    case 'application': return {
      none: vscode.l10n.t('{0} has no application this command can act on.', pod),
      title: searched ? vscode.l10n.t('Which application of {0}? (matching "{1}")', pod, searched) : vscode.l10n.t('Which application of {0}?', pod),
      searchTitle: vscode.l10n.t('Search the application of {0}', pod),
    };
    case 'group': return {
      none: vscode.l10n.t('{0} has no group this command can act on.', pod),
      title: searched ? vscode.l10n.t('Which group of {0}? (matching "{1}")', pod, searched) : vscode.l10n.t('Which group of {0}?', pod),
      searchTitle: vscode.l10n.t('Search the group of {0}', pod),
    };
    case 'deletedGroup': return {
      none: vscode.l10n.t('{0} has no deleted group this command can act on.', pod),
      title: searched ? vscode.l10n.t('Which deleted group of {0}? (matching "{1}")', pod, searched) : vscode.l10n.t('Which deleted group of {0}?', pod),
      searchTitle: vscode.l10n.t('Search the deleted group of {0}', pod),
    };
    case 'incomingRequest': return {
      none: vscode.l10n.t('{0} has no incoming connection request this command can act on.', pod),
      title: searched ? vscode.l10n.t('Which incoming connection request of {0}? (matching "{1}")', pod, searched) : vscode.l10n.t('Which incoming connection request of {0}?', pod),
      searchTitle: vscode.l10n.t('Search the incoming connection request of {0}', pod),
    };
    case 'connection': return {
      none: vscode.l10n.t('{0} has no connection this command can act on.', pod),
      title: searched ? vscode.l10n.t('Which connection of {0}? (matching "{1}")', pod, searched) : vscode.l10n.t('Which connection of {0}?', pod),
      searchTitle: vscode.l10n.t('Search the connection of {0}', pod),
    };
    case 'serviceAccount': return {
      none: vscode.l10n.t('{0} has no service account this command can act on.', pod),
      title: searched ? vscode.l10n.t('Which service account of {0}? (matching "{1}")', pod, searched) : vscode.l10n.t('Which service account of {0}?', pod),
      searchTitle: vscode.l10n.t('Search the service account of {0}', pod),
    };
  }
}

const more = Symbol('load more');
const search = Symbol('search all');
type Choice<T> = T | typeof more | typeof search;

/** Asks which item of the pod (`podId`, shown as `podLabel`) a command acts on. */
export async function pickItem(context: CommandContext, kind: ItemKind, podId: string, podLabel: string): Promise<PickedItem> {
  const source = await sourceFor(context, kind, podId);
  return pickFrom(context, source as Source<unknown>, podLabel);
}

async function pickFrom<T>(context: CommandContext, source: Source<T>, podLabel: string): Promise<PickedItem> {
  const limit = vscode.workspace.getConfiguration('symphonyPodAdmin').get<number>('tree.pageSize', 100);
  let page = await source.page(undefined, limit);
  let items = page.items;
  let next = page.next;
  let searched: string | undefined;
  for (;;) {
    const choices: PickItem<Choice<T>>[] = items.map((item) => ({ ...source.describe(item), value: item }));
    const words = wording(source.what, podLabel, searched);
    if (next !== undefined) choices.push({ label: `$(ellipsis) ${vscode.l10n.t('Load more…')}`, description: items.length === 1 ? vscode.l10n.t('1 loaded') : vscode.l10n.t('{0} loaded', items.length), value: more });
    if (next !== undefined || searched) choices.push({ label: `$(search) ${vscode.l10n.t('Search all…')}`, description: searched ? vscode.l10n.t('now: "{0}"', searched) : vscode.l10n.t('by name, id or fingerprint'), value: search });
    if (items.length === 0 && !searched) throw new Error(words.none);
    const picked = await context.promptHost.current.pick(choices, { title: words.title, placeHolder: vscode.l10n.t('Type to narrow the list') });
    if (picked === more) {
      page = await source.page(next, limit);
      items = [...items, ...page.items];
      next = page.next;
    } else if (picked === search) {
      searched = (await context.promptHost.current.input({ title: words.searchTitle, prompt: vscode.l10n.t('Name, id or fingerprint (part of it)'), value: searched })).trim().toLowerCase();
      const all = await source.all();
      items = searched ? all.filter((item) => source.matches(item, searched!)) : all;
      next = undefined;
    } else {
      return source.picked(picked as T);
    }
  }
}

async function sourceFor(context: CommandContext, kind: ItemKind, podId: string): Promise<Source<unknown>> {
  const client = context.sessions.client(podId);
  const has = (text: string, ...fields: (string | number | undefined)[]) => fields.some((f) => f !== undefined && String(f).toLowerCase().includes(text));
  switch (kind.kind) {
    case 'any': {
      const what = await context.promptHost.current.pick<ItemKind>(
        [
          { label: `$(shield) ${vscode.l10n.t('Certificate')}`, value: { kind: 'certificate' } },
          { label: `$(package) ${vscode.l10n.t('Application')}`, value: { kind: 'application' } },
          { label: `$(organization) ${vscode.l10n.t('Group')}`, value: { kind: 'group' } },
          { label: `$(link) ${vscode.l10n.t('Accepted connection')}`, value: { kind: 'connection', status: 'ACCEPTED' } },
        ],
        { title: vscode.l10n.t('Which kind of item?') },
      );
      return sourceFor(context, what, podId);
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
        picked: (item) => ({ kind: 'certificate', item }),
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
        picked: (item) => ({ kind: 'application', item }),
      };
      return apps as Source<unknown>;
    }
    case 'group': {
      const types = await client.groups.listTypes();
      const typeId = types.length === 1
        ? types[0].id ?? ''
        : await context.promptHost.current.pick(types.map((t) => ({ label: t.name || t.id || '', description: t.id, value: t.id ?? '' })), { title: vscode.l10n.t('Which group type?') });
      const groups: Source<ReadGroup> = {
        what: kind.status === 'DELETED' ? 'deletedGroup' : 'group',
        page: async (after, limit) => {
          const page = await client.groups.listGroups(typeId, { after: after as string | undefined, limit: Math.min(limit, 100), status: kind.status });
          return { items: page.data ?? [], next: page.pagination?.cursors?.after ?? undefined };
        },
        all: () => client.groups.listAllGroups(typeId, { status: kind.status }),
        describe: (g) => ({ label: g.name, description: [g.profile?.displayName !== g.name ? g.profile?.displayName : undefined, g.status].filter(Boolean).join(' · '), detail: g.id }),
        matches: (g, text) => has(text, g.name, g.id, g.profile?.displayName),
        picked: (item) => ({ kind: 'group', item }),
      };
      return groups as Source<unknown>;
    }
    case 'connection': {
      const status = kind.status;
      const connections: Source<UserConnection> = {
        what: status === 'PENDING_INCOMING' ? 'incomingRequest' : 'connection',
        page: async () => ({ items: await client.connections.listConnections({ status }) }),
        all: () => client.connections.listConnections({ status }),
        describe: (c) => ({ label: vscode.l10n.t('User {0}', String(c.userId)), description: (c.status ?? '').toLowerCase().replace('_', ' ') }),
        matches: (c, text) => has(text, c.userId),
        picked: (item) => ({ kind: 'connection', status, item }),
      };
      return connections as Source<unknown>;
    }
    case 'serviceAccount': {
      // The pod's user list has no type filter: a page's cursor is `pageServiceAccounts`' raw skip, as in the tree.
      const page = (skip: unknown, limit: number) => client.users.pageServiceAccounts((skip as number | undefined) ?? 0, limit);
      const accounts: Source<V2UserDetail> = {
        what: 'serviceAccount',
        page,
        all: async () => (await page(0, Infinity)).items,
        describe: ({ userAttributes: a }) => ({ label: a?.displayName || a?.userName || '', description: a?.userName }),
        matches: ({ userAttributes: a }, text) => has(text, a?.displayName, a?.userName, a?.emailAddress),
        picked: (item) => ({ kind: 'serviceAccount', item }),
      };
      return accounts as Source<unknown>;
    }
  }
}
