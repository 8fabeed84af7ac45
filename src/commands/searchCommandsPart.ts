// Search All Pods, the part that searches (bundled on its own, src/parts/README.md): the quick pick that asks every
// signed-in pod as the user types (the engine is src/api/search.ts) and returns what was picked. Opening it stays in
// searchCommands.ts, in the extension bundle, because it builds tree nodes the item commands recognise.
import { PodSearchResult, PodToSearch, SEARCH_AREAS, SearchArea, SearchHit, SearchLists, searchPods, validateSearchText } from '../api';
import { l10n } from '../text/l10n';
import { describeError } from '../ui/errors';
import { PickItem } from '../ui/prompts';
import { CommandContext, prompts } from './commandContext';

export { showSearchPick } from '../ui/searchPick';

export interface Found { podId: string; hit: SearchHit }

// The words are getters: read when shown, in the language l10n.t answers then.
const KINDS: Record<SearchHit['kind'], { icon: string; readonly word: string }> = {
  certificate: { icon: 'shield', get word() { return l10n.t('certificate'); } },
  application: { icon: 'package', get word() { return l10n.t('application'); } },
  group: { icon: 'organization', get word() { return l10n.t('group'); } },
  person: { icon: 'person', get word() { return l10n.t('person'); } },
};

/** `lists`: the lists without a server-side search, per pod, which the caller drops when the tree changes. */
export async function pickSearchResult(context: CommandContext, lists: Map<string, unknown>): Promise<Found> {
  const listsOf = (podId: string) => (lists.get(podId) ?? lists.set(podId, new SearchLists(() => context.sessions.client(podId))).get(podId)) as SearchLists;
  const pods = context.store.list().filter((p) => context.sessions.state(p.id) === 'signedIn');
  if (pods.length === 0) throw new Error(l10n.t('Sign in to a pod first (Symphony: Sign In).'));
  const label = (podId: string) => context.store.get(podId)?.label ?? podId;
  const toSearch: PodToSearch[] = pods.map((p) => ({ podId: p.id, client: context.sessions.client(p.id), lists: listsOf(p.id), areas: areasOf(context, p.id) }));
  return prompts(context).searchPick<Found>({
    title: l10n.t('Search All Pods ({0})', pods.map((p) => p.label).join(', ')),
    placeHolder: l10n.t('Name, id or fingerprint of a certificate, application, group or person'),
    initial: [hint(l10n.t('Type at least 2 characters of a name, id or fingerprint.'))],
    search: async (text, signal, show) => {
      const problem = validateSearchText(text);
      if (problem) return show([hint(problem)]);
      const results: PodSearchResult[] = [];
      show([hint(pods.length === 1 ? l10n.t('Searching 1 pod…') : l10n.t('Searching {0} pods…', pods.length))]);
      await searchPods(toSearch, text, {
        signal,
        onResult: (result) => {
          results.push(result);
          show(itemsOf(results, label, pods.length - results.length));
        },
      });
    },
  });
}

function areasOf(context: CommandContext, podId: string): SearchArea[] {
  return SEARCH_AREAS.filter((area) => (area === 'certificates' || area === 'applications' ? context.sessions.can(podId, area) : true));
}

/** Results in pod order as they arrive; a pod's failures as items of their own, never in place of other pods' hits. */
function itemsOf(results: PodSearchResult[], label: (podId: string) => string, pending: number): PickItem<Found | undefined>[] {
  const items: PickItem<Found | undefined>[] = [];
  for (const result of results) {
    const pod = label(result.podId);
    for (const hit of result.hits) {
      items.push({ label: `$(${KINDS[hit.kind].icon}) ${hit.name}`, description: `${pod} · ${KINDS[hit.kind].word}`, detail: hit.id, value: { podId: result.podId, hit } });
    }
    items.push(...failureItems(pod, result.failures));
  }
  if (pending > 0) items.push(hint(pending === 1 ? l10n.t('Still searching 1 pod…') : l10n.t('Still searching {0} pods…', pending)));
  else if (items.length === 0) items.push(hint(l10n.t('Nothing found in any pod.')));
  return items;
}

/** "<pod>: could not search: <reason>" when every area failed alike (the pod is down), else one item per area. */
function failureItems(pod: string, failures: PodSearchResult['failures']): PickItem<undefined>[] {
  const reasons = failures.map((f) => ({ area: f.area, reason: describeError(f.error) }));
  if (reasons.length > 1 && reasons.every((r) => r.reason === reasons[0].reason)) reasons.splice(0, reasons.length, { area: '' as SearchArea, reason: reasons[0].reason });
  return reasons.map((r) => ({ label: `$(error) ${couldNotSearch(pod, r.area, r.reason)}`, value: undefined, alwaysShow: true }));
}

/** One sentence per area, so each says its own noun; no area: the pod could not be searched at all. */
function couldNotSearch(pod: string, area: SearchArea | '', reason: string): string {
  switch (area) {
    case 'certificates': return l10n.t('{0}: could not search certificates: {1}', pod, reason);
    case 'applications': return l10n.t('{0}: could not search applications: {1}', pod, reason);
    case 'groups': return l10n.t('{0}: could not search groups: {1}', pod, reason);
    case 'people': return l10n.t('{0}: could not search people: {1}', pod, reason);
    default: return l10n.t('{0}: could not search: {1}', pod, reason);
  }
}

function hint(text: string): PickItem<undefined> {
  return { label: text, value: undefined };
}
