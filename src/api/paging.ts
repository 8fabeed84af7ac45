// The two paging shapes of the Symphony APIs. skip/limit lists (pod): the first page tells whether more exist,
// then further pages are fetched concurrently, as many at a time as the adaptive window allows, until a short page.
// Cursor lists (Profile Manager): follow pagination.cursors.after until it is absent; a whole listing asks for the
// next page as soon as the current page's cursor has arrived, while the rest of that page is still on its way.

import { PodApiError } from './errors';
import type { BodyWatcher } from './http';
import { Clock, realClock } from './pacing';
import { Pagination } from './types';

export type FetchPage<T> = (skip: number, limit: number) => Promise<T[]>;

export interface SkipLimitOptions {
  /** Items per page (default 100). */
  pageSize?: number;
  /** A fixed number of pages in flight after the first; without it the window adapts (AdaptiveConcurrency). */
  concurrency?: number;
  /** Stop after this many items (default: no limit). */
  maxItems?: number;
  /** The client's pacer (pacing.ts): a throttled answer it saw while a page was out shrinks the window. */
  pacer?: { readonly throttles: number };
  /** The window to use (tests watch its size); default a new AdaptiveConcurrency. Ignored with `concurrency`. */
  window?: AdaptiveConcurrency;
}

export const DEFAULT_PAGE_SIZE = 100;
/** Pages in flight when a listing starts; the adaptive window grows from here. */
export const DEFAULT_PAGE_CONCURRENCY = 4;
/** The most pages in flight for one listing, however fast the pod answers (the request rate bounds it too). */
export const MAX_PAGE_CONCURRENCY = 32;

export interface AdaptiveOptions {
  initial?: number;
  max?: number;
  /** An answer slower than this many times the fastest one seen (plus `slowMarginMs`) means the pod is loaded. */
  slowFactor?: number;
  slowMarginMs?: number;
  clock?: Clock;
}

/**
 * How many pages one listing keeps in flight. Like TCP's congestion window: one more for every page answered
 * quickly (so it doubles per round trip while the pod keeps up), half after a slow answer but not below `initial`
 * (a slow answer may as well be our own busy CPU; `initial` pages at once is what the client always sent), one
 * after a throttled answer (429, or 400 with Retry-After), which only the pod sends. A page sent before the last cut
 * says nothing about the new window, so its answer neither grows nor cuts it again. Never above `max`.
 */
export class AdaptiveConcurrency {
  private current: number;
  private readonly initial: number;
  private readonly max: number;
  private readonly slowFactor: number;
  private readonly slowMarginMs: number;
  private fastestMs = Number.POSITIVE_INFINITY;
  private lastCutAt = Number.NEGATIVE_INFINITY;
  readonly clock: Clock;

  constructor(options: AdaptiveOptions = {}) {
    this.max = Math.max(1, Math.floor(options.max ?? MAX_PAGE_CONCURRENCY));
    this.initial = Math.min(this.max, Math.max(1, Math.floor(options.initial ?? DEFAULT_PAGE_CONCURRENCY)));
    this.current = this.initial;
    this.slowFactor = options.slowFactor ?? 2;
    this.slowMarginMs = options.slowMarginMs ?? 20;
    this.clock = options.clock ?? realClock;
  }

  get size(): number {
    return this.current;
  }

  /** A page sent at `startedAt` was answered `ms` later. */
  answered(startedAt: number, ms: number): void {
    if (startedAt < this.lastCutAt) return;
    this.fastestMs = Math.min(this.fastestMs, ms);
    if (ms > this.fastestMs * this.slowFactor + this.slowMarginMs) this.cut(Math.max(Math.min(this.initial, this.current), Math.floor(this.current / 2)));
    else this.current = Math.min(this.max, this.current + 1);
  }

  /** The pod throttled a request sent at `startedAt` (or the client while it was out). */
  throttled(startedAt: number): void {
    if (startedAt < this.lastCutAt) return;
    this.cut(1);
  }

  private cut(size: number): void {
    this.current = size;
    this.lastCutAt = this.clock.now();
  }
}

/** A window that never changes (`concurrency` given). */
class FixedConcurrency extends AdaptiveConcurrency {
  constructor(size: number, clock?: Clock) {
    super({ initial: size, max: size, clock });
  }
  override answered(): void {}
  override throttled(): void {}
}

const isThrottle = (error: unknown) => error instanceof PodApiError && (error.status === 429 || (error.status === 400 && error.retryAfterSeconds !== undefined));

/**
 * Fetches every page of a skip/limit list, in order. Pages are launched in order as the window has room (any page
 * answered makes room); none is launched past the first short page once it has arrived. The first failing page
 * (in page order, before the end) rejects the listing, after the pages already on the wire have settled.
 */
export async function listAllBySkip<T>(fetchPage: FetchPage<T>, options: SkipLimitOptions = {}): Promise<T[]> {
  const limit = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const window = options.concurrency !== undefined
    ? new FixedConcurrency(Math.max(1, options.concurrency), options.window?.clock)
    : options.window ?? new AdaptiveConcurrency();
  const clock = window.clock;
  const pacer = options.pacer;

  const firstStarted = clock.now();
  const first = await fetchPage(0, limit);
  window.answered(firstStarted, clock.now() - firstStarted);
  if (first.length < limit || first.length >= maxItems) return first.slice(0, maxItems);

  const pages: T[][] = [first];
  const failures = new Map<number, unknown>();
  let end = Number.POSITIVE_INFINITY; // no page at or past this index is needed (a short or failed page came before)
  let next = 1;
  let inFlight = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (inFlight < window.size && next < end && next * limit < maxItems) launch(next++);
      if (inFlight === 0) resolve();
    };
    const launch = (index: number) => {
      inFlight++;
      const startedAt = clock.now();
      const throttlesBefore = pacer?.throttles ?? 0;
      fetchPage(index * limit, limit).then(
        (items) => {
          pages[index] = items;
          if (items.length < limit) end = Math.min(end, index + 1);
          if ((pacer?.throttles ?? 0) > throttlesBefore) window.throttled(startedAt);
          else window.answered(startedAt, clock.now() - startedAt);
        },
        (error: unknown) => {
          failures.set(index, error);
          end = Math.min(end, index + 1);
          if (isThrottle(error) || (pacer?.throttles ?? 0) > throttlesBefore) window.throttled(startedAt);
        },
      ).finally(() => {
        inFlight--;
        pump();
      });
    };
    pump();
  });

  const results: T[] = [];
  for (let index = 0; index < next; index++) {
    if (failures.has(index)) throw failures.get(index);
    const page = pages[index];
    results.push(...page);
    if (page.length < limit || results.length >= maxItems) break;
  }
  return results.slice(0, maxItems);
}

export interface CursorPage<T> { pagination?: Pagination; data?: T[] }
/** One page from `after` (undefined: the first); `watch`, when given, goes to the request (ApiCall.watchBody). */
export type FetchCursorPage<T> = (after: string | undefined, watch?: BodyWatcher) => Promise<CursorPage<T>>;

/** How much of a page's text cursorFromPrefix reads before it gives up (a real pagination object is a few hundred bytes). */
const MAX_PAGINATION_PREFIX = 64 * 1024;

/**
 * The `after` cursor of a page, read from the first part of its text when the text begins with the pagination
 * object (`{"pagination":{...},"data":[...]}`, the order the spec declares, which the pod and the emulator send):
 * undefined while more text is needed, `null` when the text does not begin that way or the cursor is not text (the
 * next page then waits for the whole page, as it always did), otherwise `{ after }` (undefined after: no next page).
 */
export function cursorFromPrefix(text: string): { after: string | undefined } | null | undefined {
  // Only the start is read, however long the text (a hostile pod's endless prefix is not rescanned chunk after chunk).
  const prefix = text.length > MAX_PAGINATION_PREFIX ? text.slice(0, MAX_PAGINATION_PREFIX) : text;
  const needMore = text.length > MAX_PAGINATION_PREFIX ? null : undefined; // no real pagination object is this long
  const head = /^\s*\{\s*"pagination"\s*:\s*/.exec(prefix);
  if (!head) return text.length < 64 ? undefined : null;
  const start = head[0].length;
  if (start === prefix.length) return needMore;
  if (prefix[start] !== '{') return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < prefix.length; i++) {
    const c = prefix[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      let pagination: { cursors?: { after?: unknown } } | null;
      try { pagination = JSON.parse(prefix.slice(start, i + 1)); } catch { return null; }
      const after = pagination?.cursors?.after;
      if (after === undefined || after === null || after === '') return { after: undefined };
      return typeof after === 'string' ? { after } : null;
    }
  }
  return needMore;
}

/**
 * Every page of a cursor list, in order. A cursor that comes back again would loop forever; it ends the list.
 * With `ahead` (a caller that reads every page), the next page is asked for as soon as the current page's cursor has
 * arrived (cursorFromPrefix), so its latency overlaps the rest of this page's transfer, parsing and checks. It is used
 * only once the whole page confirms that cursor; a page that fails, or names another cursor, leaves it unused (one
 * read the pod answers for nothing).
 */
async function* cursorPages<T>(fetchPage: FetchCursorPage<T>, ahead = false): AsyncGenerator<T[], void, undefined> {
  const seen = new Set<string>();
  const early = new Map<string, Promise<CursorPage<T>>>();
  const fetchFrom = (after: string | undefined): Promise<CursorPage<T>> => {
    if (!ahead) return fetchPage(after);
    return fetchPage(after, (received) => {
      const found = cursorFromPrefix(received);
      if (found === undefined) return false;
      const next = found?.after;
      if (next !== undefined && next !== after && !seen.has(next) && !early.has(next)) {
        const page = fetchFrom(next);
        page.catch(() => undefined); // awaited once its cursor is confirmed; nobody waits for it if the list ends first
        early.set(next, page);
      }
      return true;
    });
  };
  let page = fetchFrom(undefined);
  for (;;) {
    const current = await page;
    yield current.data ?? [];
    const after = current.pagination?.cursors?.after || undefined;
    if (!after || seen.has(after)) return;
    seen.add(after);
    page = early.get(after) ?? fetchFrom(after);
    early.delete(after);
  }
}

/** Yields every item of a cursor list, one page at a time. */
export async function* iterateByCursor<T>(fetchPage: FetchCursorPage<T>): AsyncGenerator<T, void, undefined> {
  for await (const page of cursorPages(fetchPage)) yield* page;
}

/** The whole cursor list, a page at a time (never an await per item: 2,000 groups are 20 steps, not 2,000). */
export async function listAllByCursor<T>(fetchPage: FetchCursorPage<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of cursorPages(fetchPage, true)) for (const item of page) all.push(item);
  return all;
}
