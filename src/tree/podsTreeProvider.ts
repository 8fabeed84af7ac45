// The Pods view: one PodNode per configured pod, kept across refreshes so paging and filters survive.
// Refreshing a node reloads only that node; the view's refresh reloads everything.
import * as vscode from 'vscode';
import { knownPodManaged } from '../credentials/podManagedCertificates';
import { PodSessions } from '../pods/podSessions';
import { PodStore } from '../pods/podStore';
import { PagedListNode } from './pagedListNode';
import { PodNode } from './podNode';
import { TreeNode } from './treeNode';

interface Refreshable {
  refresh(): void;
}

export class PodsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly pods = new Map<string, PodNode>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: PodStore,
    private readonly sessions: PodSessions,
  ) {
    this.subscriptions = [
      store.onDidChange(() => this.changed.fire(undefined)),
      sessions.onDidChange((podId) => {
        const node = podId ? this.pods.get(podId) : undefined;
        if (node) node.refresh();
        this.changed.fire(node);
      }),
      // The mark of the pod's own certificates, learnt after the list was shown: redraw it from what is loaded.
      knownPodManaged.onDidChange((podId) => {
        const certificates = this.pods.get(podId)?.certificates;
        if (certificates?.loadedItems.length) this.changed.fire(certificates);
      }),
    ];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  /** On hover: a node whose tooltip names people builds it now (see people.ts), so expanding a list looks up no names. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    if (hasLazyTooltip(node)) item.tooltip = await node.resolveTooltip();
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.getChildren();
    const profiles = this.store.list();
    for (const id of [...this.pods.keys()]) if (!profiles.some((p) => p.id === id)) this.pods.delete(id);
    return profiles.map((profile) => {
      let pod = this.pods.get(profile.id);
      if (!pod) {
        pod = new PodNode(profile, this.sessions, () => this.store.currentId === profile.id);
        this.pods.set(profile.id, pod);
      }
      pod.profile = profile;
      return pod;
    });
  }

  private view: vscode.TreeView<TreeNode> | undefined;

  /** The view that shows this tree, so keybindings (which pass no node) act on its focused item. */
  attachView(view: vscode.TreeView<TreeNode>): vscode.TreeView<TreeNode> {
    this.view = view;
    return view;
  }

  get treeView(): vscode.TreeView<TreeNode> | undefined {
    return this.view;
  }

  /** The item selected in the view (the one a keybinding acts on), if any. */
  get selected(): TreeNode | undefined {
    return this.view?.selection[0];
  }

  /** Every item selected in the view (the view allows selecting several). */
  get selection(): readonly TreeNode[] {
    return this.view?.selection ?? [];
  }

  podNode(podId: string): PodNode | undefined {
    return this.pods.get(podId);
  }

  /** Reloads one node (its cached pages are dropped) or, without a node, the whole view. */
  refresh(node?: TreeNode): void {
    if (!node) for (const pod of this.pods.values()) pod.refresh();
    else if (isRefreshable(node)) node.refresh();
    this.changed.fire(node);
  }

  /** After a change to a pod's certificates, applications or groups: reloads just that list. */
  refreshCategory(podId: string, category: 'certificates' | 'applications' | 'groups' | 'serviceAccounts'): void {
    const list = this.pods.get(podId)?.[category];
    if (list) this.refresh(list);
  }

  /**
   * Shows a new item selected in its list: the list reloads its first page, and an item beyond it is added from what
   * the create answered (`created`) rather than by paging to it: at 10,000 certificates that would be 100 requests.
   * Without `created`, the item must be on the first page (apps: the pod lists them all at once). Resolves with the
   * node shown, or undefined when the list does not have it. Keyboard focus stays where it is (an editor, a form).
   */
  async revealNew<T>(list: PagedListNode<T>, key: string, created?: T): Promise<TreeNode | undefined> {
    list.refresh();
    await list.getChildren();
    const node = list.cachedChild(key) ?? (created === undefined ? undefined : list.include(created));
    this.changed.fire(list);
    if (node) await this.view?.reveal(node, { select: true, focus: false });
    return node;
  }

  async loadMore(node: PagedListNode<unknown>): Promise<void> {
    await node.loadMore();
    this.changed.fire(node);
  }

  /** Repaints a node without reloading it (e.g. a filter change that needs the loaded items only). */
  repaint(node: TreeNode): void {
    this.changed.fire(node);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}

function hasLazyTooltip(node: TreeNode): node is TreeNode & { resolveTooltip(): Promise<vscode.MarkdownString | string> } {
  return typeof (node as { resolveTooltip?: unknown }).resolveTooltip === 'function';
}

function isRefreshable(node: TreeNode): node is TreeNode & Refreshable {
  return typeof (node as Partial<Refreshable>).refresh === 'function';
}
