// The two paging shapes of the Symphony APIs. skip/limit lists (pod): the first page tells whether more exist,
// then further pages are fetched a few at a time concurrently until a short page. Cursor lists (Profile Manager):
// follow pagination.cursors.after until it is absent.

import { Pagination } from './types';

export type FetchPage<T> = (skip: number, limit: number) => Promise<T[]>;

export interface SkipLimitOptions {
  /** Items per page (default 100). */
  pageSize?: number;
  /** Pages requested at the same time after the first (default 4). */
  concurrency?: number;
  /** Stop after this many items (default: no limit). */
  maxItems?: number;
}

export const DEFAULT_PAGE_SIZE = 100;
export const DEFAULT_PAGE_CONCURRENCY = 4;

/** Fetches every page of a skip/limit list, in order. Stops launching pages as soon as a short page arrives. */
export async function listAllBySkip<T>(fetchPage: FetchPage<T>, options: SkipLimitOptions = {}): Promise<T[]> {
  const limit = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  const window = Math.max(1, options.concurrency ?? DEFAULT_PAGE_CONCURRENCY);
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const first = await fetchPage(0, limit);
  const results = [...first];
  if (first.length < limit || results.length >= maxItems) return results.slice(0, maxItems);

  const pending: Promise<T[]>[] = [];
  let nextPage = 1;
  let done = false;
  const launch = () => {
    if (done || nextPage * limit >= maxItems) return;
    const page = fetchPage(nextPage++ * limit, limit);
    page.catch(() => undefined); // rejections are observed in order below; avoid unhandled-rejection noise meanwhile
    pending.push(page);
  };
  for (let i = 0; i < window; i++) launch();
  while (pending.length > 0) {
    const page = await (pending.shift() as Promise<T[]>);
    results.push(...page);
    if (page.length < limit || results.length >= maxItems) {
      done = true;
      break;
    }
    launch();
  }
  await Promise.allSettled(pending); // pages already on the wire past the end: let them finish, ignore them
  return results.slice(0, maxItems);
}

export interface CursorPage<T> { pagination?: Pagination; data?: T[] }
export type FetchCursorPage<T> = (after: string | undefined) => Promise<CursorPage<T>>;

/** Yields every item of a cursor list, one page at a time. */
export async function* iterateByCursor<T>(fetchPage: FetchCursorPage<T>): AsyncGenerator<T, void, undefined> {
  let after: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(after);
    yield* page.data ?? [];
    after = page.pagination?.cursors?.after || undefined;
    // A cursor that comes back again would loop forever; treat it as the end.
    if (!after || seen.has(after)) return;
    seen.add(after);
  }
}

export async function listAllByCursor<T>(fetchPage: FetchCursorPage<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterateByCursor(fetchPage)) all.push(item);
  return all;
}
