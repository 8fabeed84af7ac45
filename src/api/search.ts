// Search across pods: finds certificates, applications, groups and people by name, id or fingerprint. Each pod is
// asked server-side where the API can (people: POST /pod/v1/user/search or GET /pod/v3/users for an id; a whole
// fingerprint: GET /v1/companycert/{fp}/get); lists the API cannot search (entitlements, certificates, groups) are
// read once into a `SearchLists` cache that the caller drops on refresh. Pods are searched with bounded
// concurrency and a failing pod or area is reported beside the others, never instead of them.
import { PodApiError } from './errors';
import { l10n } from '../text/l10n';
import { PodClient } from './client';
import { CompanyCertInfoItem, PodAppEntitlement, ReadGroup, UserV2 } from './types';
import { userDisplayName } from './users';
import { validateNoInvisible } from './validation';

export type SearchArea = 'certificates' | 'applications' | 'groups' | 'people';
export const SEARCH_AREAS: readonly SearchArea[] = ['certificates', 'applications', 'groups', 'people'];

export type SearchHit =
  | { kind: 'certificate'; name: string; id: string; item: CompanyCertInfoItem }
  | { kind: 'application'; name: string; id: string; item: PodAppEntitlement }
  | { kind: 'group'; name: string; id: string; item: ReadGroup }
  | { kind: 'person'; name: string; id: string; item: UserV2 };

/** What one pod answered: its hits, and the areas that could not be searched with the error. */
export interface PodSearchResult {
  podId: string;
  hits: SearchHit[];
  failures: Array<{ area: SearchArea; error: unknown }>;
}

export interface PodToSearch {
  podId: string;
  client: PodClient;
  lists: SearchLists;
  /** The areas the signed-in account may read (others are not asked). */
  areas: readonly SearchArea[];
}

/** Hits per kind and pod: a quick pick is for picking, not for browsing thousands. */
export const MAX_HITS_PER_KIND = 20;
/** Pods searched at the same time. */
export const SEARCH_CONCURRENCY = 4;
export const MIN_SEARCH_LENGTH = 2;

/** What is wrong with a search text, or undefined. */
export function validateSearchText(text: string): string | undefined {
  if (text.trim().length < MIN_SEARCH_LENGTH) return l10n.t('Type at least {0} characters of a name, id or fingerprint.', MIN_SEARCH_LENGTH);
  return validateNoInvisible(text, l10n.t('The search'));
}

/** A certificate fingerprint as the pod writes it (lowercase hex), whatever separators a paste brought along. */
export function normalizeFingerprint(text: string): string {
  return text.replace(/[\s:]/g, '').toLowerCase();
}

/**
 * The lists of one pod that have no server-side search, read at most once until `clear()` (the tree's refresh).
 * A failed read is not kept: the next search asks again.
 */
export class SearchLists {
  private readonly lists = new Map<string, Promise<unknown[]>>();

  constructor(private readonly client: () => PodClient) {}

  applications(): Promise<PodAppEntitlement[]> {
    return this.once('applications', () => this.client().apps.listPodAppEntitlements());
  }

  certificates(): Promise<CompanyCertInfoItem[]> {
    return this.once('certificates', () => this.client().certs.listAllCompanyCertificates());
  }

  groups(): Promise<ReadGroup[]> {
    return this.once('groups', async () => {
      const groups = this.client().groups;
      const types = await groups.listTypes();
      return (await Promise.all(types.map((t) => groups.listAllGroups(t.id ?? '')))).flat();
    });
  }

  clear(): void {
    this.lists.clear();
  }

  private once<T>(name: string, load: () => Promise<T[]>): Promise<T[]> {
    let list = this.lists.get(name) as Promise<T[]> | undefined;
    if (!list) {
      list = load();
      this.lists.set(name, list);
      list.catch(() => this.lists.get(name) === list && this.lists.delete(name));
    }
    return list;
  }
}

/**
 * Searches every pod, `SEARCH_CONCURRENCY` at a time; `onResult` gets each pod's result as soon as it is known, so
 * a slow pod does not hold back the others. A search whose `signal` is aborted (the user typed on) starts no new
 * pod and reports nothing more; requests already sent run to completion and are ignored.
 */
export async function searchPods(
  pods: readonly PodToSearch[], text: string, options: { signal?: AbortSignal; onResult?: (result: PodSearchResult) => void } = {},
): Promise<PodSearchResult[]> {
  const results: PodSearchResult[] = [];
  const queue = [...pods];
  const worker = async () => {
    for (let pod = queue.shift(); pod && !options.signal?.aborted; pod = queue.shift()) {
      const result = await searchPod(pod, text);
      if (options.signal?.aborted) return;
      results.push(result);
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEARCH_CONCURRENCY, pods.length) }, worker));
  return results;
}

/** One pod: every area it may read, at the same time; never throws (a failed area is in `failures`). */
export async function searchPod(pod: PodToSearch, text: string): Promise<PodSearchResult> {
  const query = text.trim();
  const result: PodSearchResult = { podId: pod.podId, hits: [], failures: [] };
  await Promise.all(pod.areas.map(async (area) => {
    try {
      result.hits.push(...(await searchers[area](pod, query)).slice(0, MAX_HITS_PER_KIND));
    } catch (error) {
      result.failures.push({ area, error });
    }
  }));
  result.hits.sort((a, b) => SEARCH_AREAS.indexOf(areaOf(a)) - SEARCH_AREAS.indexOf(areaOf(b)) || a.name.localeCompare(b.name));
  return result;
}

const areaOf = (hit: SearchHit): SearchArea => (hit.kind === 'person' ? 'people' : `${hit.kind}s` as SearchArea);

const contains = (text: string, ...fields: Array<string | number | undefined>) => {
  const wanted = text.toLowerCase();
  return fields.some((f) => f !== undefined && f !== null && String(f).toLowerCase().includes(wanted));
};

const searchers: Record<SearchArea, (pod: PodToSearch, query: string) => Promise<SearchHit[]>> = {
  async certificates(pod, query) {
    const fingerPrint = normalizeFingerprint(query);
    if (/^[0-9a-f]{64}$/.test(fingerPrint)) return certificateByFingerprint(pod.client, fingerPrint);
    return (await pod.lists.certificates())
      .filter((c) => contains(query, c.companyCertAttributes?.name, c.companyCertInfo?.commonName) || contains(fingerPrint, c.companyCertInfo?.fingerPrint))
      .map((item) => ({ kind: 'certificate', item, id: item.companyCertInfo?.fingerPrint ?? '', name: item.companyCertAttributes?.name || item.companyCertInfo?.commonName || '' }));
  },
  async applications(pod, query) {
    return (await pod.lists.applications())
      .filter((a) => contains(query, a.appName, a.appId))
      .map((item) => ({ kind: 'application', item, id: item.appId, name: item.appName || item.appId }));
  },
  async groups(pod, query) {
    return (await pod.lists.groups())
      .filter((g) => contains(query, g.name, g.id, g.profile?.displayName))
      .map((item) => ({ kind: 'group', item, id: item.id ?? '', name: item.name }));
  },
  async people(pod, query) {
    const users = /^\d{1,19}$/.test(query)
      ? (await pod.client.users.listUsersByIds([query])).users ?? []
      : (await pod.client.users.searchUsers(query, { limit: MAX_HITS_PER_KIND })).users ?? [];
    return users.filter((u) => u.id !== undefined).map((item) => ({ kind: 'person', item, id: String(item.id), name: personName(item) }));
  },
};

/** A whole fingerprint: one GET. The get operation documents no 404, so an unknown fingerprint is a 400 (or 404). */
async function certificateByFingerprint(client: PodClient, fingerPrint: string): Promise<SearchHit[]> {
  try {
    const detail = await client.certs.getCompanyCertificate(fingerPrint);
    const item: CompanyCertInfoItem = { companyCertAttributes: detail.companyCertAttributes, companyCertInfo: detail.companyCertInfo };
    return [{ kind: 'certificate', item, id: detail.companyCertInfo?.fingerPrint ?? fingerPrint, name: detail.companyCertAttributes?.name || detail.companyCertInfo?.commonName || fingerPrint }];
  } catch (error) {
    if (error instanceof PodApiError && (error.status === 400 || error.status === 404)) return [];
    throw error;
  }
}

function personName(user: UserV2): string {
  return userDisplayName(user) ?? l10n.t('User {0}', String(user.id));
}

/** How long typing must pause before a search starts. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * Search as the user types: each text waits `SEARCH_DEBOUNCE_MS` (a keystroke meanwhile replaces it) and aborts the
 * search of the previous text, so only the latest text's results are ever shown. `wait` is injectable for tests.
 */
export class SearchAsYouType {
  private current: AbortController | undefined;

  constructor(
    private readonly search: (text: string, signal: AbortSignal) => Promise<void>,
    private readonly wait: (ms: number, signal: AbortSignal) => Promise<void> = abortableDelay,
  ) {}

  /** The text changed; resolves when its search ended or was replaced by a newer one. */
  async type(text: string): Promise<void> {
    this.cancel();
    const controller = (this.current = new AbortController());
    await this.wait(SEARCH_DEBOUNCE_MS, controller.signal);
    if (!controller.signal.aborted) await this.search(text, controller.signal);
  }

  cancel(): void {
    this.current?.abort();
  }
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
