// A list node that loads its children a page at a time (AWS Toolkit's childNodeLoader idea): the first page on
// expand, the next on "Load more…", with one load at a time so a double click cannot fetch a page twice.
// Refresh resets the pages; paging never resets the list. A filter loads the whole list once and narrows it.
import * as vscode from 'vscode';
import { describeError } from '../ui/errors';
import { ErrorNode, FilterHeaderNode, LoadMoreNode, MessageNode, TreeNode } from './treeNode';

export interface Page<T, C> {
  items: T[];
  /** Where the next page starts; undefined on the last page. */
  next?: C;
}

export abstract class PagedListNode<T, C = unknown> extends TreeNode {
  private items: T[] = [];
  private next: C | undefined;
  private started = false;
  private complete = false;
  private loading: Promise<void> | undefined;
  /** Bumped by refresh(): a page that was in flight when the list was refreshed belongs to the old list. */
  private generation = 0;
  private error: string | undefined;
  private readonly nodes = new Map<string, TreeNode>();
  filter: string | undefined;

  /** Loads one page from `start` (undefined = the first page). */
  protected abstract loadPage(start: C | undefined, pageSize: number): Promise<Page<T, C>>;
  /** Loads everything that is left, used by the filter. The default pages through the rest in order. */
  protected async loadRest(pageSize: number): Promise<void> {
    while (!this.complete) await this.appendPage(pageSize);
  }
  protected abstract keyOf(item: T): string;
  protected abstract createNode(item: T): TreeNode;
  protected abstract matches(item: T, filter: string): boolean;
  /** "No certificates", "No groups of this type", …: shown instead of an empty list. */
  protected abstract readonly emptyText: string;

  get loadedItems(): readonly T[] {
    return this.items;
  }

  /** The node already shown for the item with this key, if any. */
  cachedChild(key: string): TreeNode | undefined {
    return this.nodes.get(key);
  }

  get hasMore(): boolean {
    return this.started && !this.complete;
  }

  override async getChildren(): Promise<TreeNode[]> {
    try {
      // Checked again under the lock: two expands at once (the view and a command) must not load page 1 and page 2.
      if (!this.started) await this.locked(async () => (this.started ? undefined : this.appendPage(pageSize())));
      if (this.filter !== undefined && !this.complete) await this.locked(() => this.loadRest(pageSize()));
      this.error = undefined;
    } catch (error) {
      this.error = describeError(error);
    }
    if (this.error && this.items.length === 0) return [new ErrorNode(this, this.error, this)];
    const shown = this.filter === undefined ? this.items : this.items.filter((item) => this.matches(item, this.filter!.toLowerCase()));
    const children: TreeNode[] = shown.map((item) => this.nodeFor(item));
    if (this.filter !== undefined) children.unshift(new FilterHeaderNode(this, this.filter, shown.length));
    if (shown.length === 0) children.push(new MessageNode(this, this.filter === undefined ? this.emptyText : vscode.l10n.t('Nothing matches the filter.')));
    if (this.error) children.push(new ErrorNode(this, this.error, this));
    else if (this.hasMore) children.push(new LoadMoreNode(this, this.items.length));
    return children;
  }

  /** "Load more…": appends the next page (no-op while a load runs or when everything is loaded). */
  async loadMore(): Promise<void> {
    if (this.complete) return;
    await this.locked(() => this.appendPage(pageSize()));
  }

  /**
   * Shows an item the loaded pages may not hold (one just created, listed on a later page): added after the loaded
   * items, and not listed twice when its page loads. A filter that would hide it is cleared: the user asked to see it.
   */
  include(item: T): TreeNode {
    const key = this.keyOf(item);
    if (!this.items.some((i) => this.keyOf(i) === key)) this.items = [...this.items, item];
    if (this.filter !== undefined && !this.matches(item, this.filter.toLowerCase())) this.filter = undefined;
    return this.nodeFor(this.items.find((i) => this.keyOf(i) === key)!);
  }

  /** Forgets the loaded pages; the next expand starts again from the first page. The filter stays. */
  refresh(): void {
    this.generation++;
    this.items = [];
    this.next = undefined;
    this.started = false;
    this.complete = false;
    this.error = undefined;
    this.nodes.clear();
  }

  /** Replaces everything loaded so far with a complete list (e.g. a helper that fetches pages concurrently). */
  protected setAll(items: T[]): void {
    this.items = items;
    this.started = true;
    this.complete = true;
    this.next = undefined;
  }

  private async appendPage(size: number): Promise<void> {
    const generation = this.generation;
    const page = await this.loadPage(this.started ? this.next : undefined, size);
    if (generation !== this.generation) return; // refreshed meanwhile: the next expand loads the new list
    const loaded = new Set(this.items.map((item) => this.keyOf(item)));
    this.items = this.items.concat(page.items.filter((item) => !loaded.has(this.keyOf(item))));
    this.started = true;
    this.next = page.next;
    this.complete = page.next === undefined;
  }

  private async locked(load: () => Promise<void>): Promise<void> {
    while (this.loading) await this.loading.catch(() => undefined);
    this.loading = load().finally(() => (this.loading = undefined));
    await this.loading;
  }

  private nodeFor(item: T): TreeNode {
    const key = this.keyOf(item);
    let node = this.nodes.get(key);
    if (!node || (node as { item?: T }).item !== item) {
      node = this.createNode(item);
      this.nodes.set(key, node);
    }
    return node;
  }
}

function pageSize(): number {
  return vscode.workspace.getConfiguration('symphonyPodAdmin').get<number>('tree.pageSize', 100);
}
