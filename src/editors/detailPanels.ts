// The one host for the detail webviews (certificate, group, application): opens or reveals one panel per
// resource, checks every message a view sends before acting on it, restores panels after a window reload, and
// reloads a panel when the tree refreshes the list its resource belongs to. What each kind shows and does lives in
// certificateView.ts, groupView.ts and applicationView.ts.
//
// Unsaved edits (see README.md "Unsaved edits in detail panels"): the view reports its form as a draft on every
// change; the host marks the title, gives the draft back when the webview is recreated (shown again, window
// reloaded), and keeps it when the panel is closed, offering to reopen it: a WebviewPanel cannot refuse to close.
import * as vscode from 'vscode';
import { withChange } from '../activity/changeContext';
import { CommandContext, reportError } from '../commands/commandContext';
import { CertificatesNode } from '../tree/certNodes';
import { ApplicationsNode } from '../tree/appNodes';
import { GroupsNode, GroupTypeNode } from '../tree/groupNodes';
import { PodNode } from '../tree/podNode';
import { TreeNode } from '../tree/treeNode';
import { describeError } from '../ui/errors';
import { UserCancelled } from '../ui/prompts';
import { detailPanelHtml, webviewMediaRoot } from './detailPanelHtml';
import { DetailModel, DetailKind, Draft, HostToView, PanelState, ViewToHost, messageFitsKind, parsePanelState, parseViewMessage } from './webviewMessages';

export const detailViewType = 'symphonyPodAdmin.detail';

/** What a panel can do for its view. */
export interface ViewUi {
  post(message: HostToView): void;
  notice(level: 'info' | 'error', message: string, field?: string): void;
  /** Loads the resource again and sends it to the view. */
  reload(): Promise<void>;
  /** Refreshes the tree list that shows this resource (without reloading this panel twice). */
  refreshTree(): void;
  close(): void;
}

/** One kind of detail view, bound to one resource. */
export interface DetailView {
  load(): Promise<{ title: string; model: DetailModel }>;
  handle(message: ViewToHost, ui: ViewUi): Promise<void>;
  /** The tree node whose refresh means this resource may have changed. */
  treeList(pod: PodNode): TreeNode | undefined;
  /** The one https origin the panel may load images from (the pod's, for its avatars), if any. */
  imageOrigin?(): string | undefined;
}

export type ViewFactory = (context: CommandContext, state: PanelState) => DetailView;

interface Entry {
  readonly key: string;
  readonly state: PanelState;
  readonly panel: vscode.WebviewPanel;
  readonly view: DetailView;
  readonly posted: HostToView[];
  readonly received: ViewToHost[];
  readonly rejected: string[];
  html: string;
  disposed: boolean;
  /** The title the view gave, without the unsaved-edits marker. */
  title: string;
  draft?: Draft;
  /** Closed on purpose (the resource was deleted, the extension stops): its draft is not kept. */
  dropDraft?: boolean;
}

/** Put before the title of a panel with unsaved edits, like the dot on a dirty editor's tab. */
export const unsavedMarker = '● ';

const keep = 50;
const icons: Record<DetailKind, string> = { certificate: 'shield', group: 'organization', application: 'package', expiryReport: 'calendar' };

export class DetailPanels implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The panel whose own change is refreshing the tree: it has already shown the result. */
  private refreshingFrom: string | undefined;
  /** Unsaved edits of panels closed with them, by panel key, until the panel is opened again. */
  private readonly closedDrafts = new Map<string, Draft>();

  constructor(
    private readonly context: CommandContext,
    private readonly extensionUri: vscode.Uri,
    private readonly factories: Record<DetailKind, ViewFactory>,
  ) {
    this.subscriptions.push(
      context.tree.onDidChangeTreeData((node) => this.treeChanged(node ?? undefined)),
      vscode.window.registerWebviewPanelSerializer(detailViewType, {
        deserializeWebviewPanel: async (panel, state) => this.restore(panel, state),
      }),
    );
  }

  static keyOf(state: PanelState): string {
    return `${state.podId}/${state.kind}/${state.id}`;
  }

  /** Opens the panel for a resource, or reveals it when it is already open. Returns the panel's key. */
  open(state: PanelState): string {
    const key = DetailPanels.keyOf(state);
    const existing = this.entries.get(key);
    if (existing) {
      existing.panel.reveal();
      return key;
    }
    const panel = vscode.window.createWebviewPanel(detailViewType, state.id, vscode.ViewColumn.Active, this.webviewOptions());
    this.attach(panel, state, this.closedDrafts.get(key));
    this.closedDrafts.delete(key);
    return key;
  }

  // ---- Test hooks: the extension-host tests drive a view exactly as its webview would. -------------------------

  /** Handles a message as if the panel's webview had sent it. */
  handleMessage(key: string, message: unknown): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) throw new Error(`No detail panel ${key} is open`);
    return this.receive(entry, message);
  }

  postedMessages(key: string): readonly HostToView[] {
    return this.entries.get(key)?.posted ?? [];
  }

  /** The messages the view sent that passed the checks (the real webview's, and the tests' own). */
  receivedMessages(key: string): readonly ViewToHost[] {
    return this.entries.get(key)?.received ?? [];
  }

  rejectedMessages(key: string): readonly string[] {
    return this.entries.get(key)?.rejected ?? [];
  }

  html(key: string): string | undefined {
    return this.entries.get(key)?.html;
  }

  title(key: string): string | undefined {
    return this.entries.get(key)?.panel.title;
  }

  /** Restores a panel from webview state exactly as the serializer does after a window reload. */
  async restoreFromState(state: unknown): Promise<void> {
    const panel = vscode.window.createWebviewPanel(detailViewType, vscode.l10n.t('Restoring…'), vscode.ViewColumn.Active, this.webviewOptions());
    await this.restore(panel, state);
  }

  openKeys(): string[] {
    return [...this.entries.keys()];
  }

  close(key: string): void {
    this.entries.get(key)?.panel.dispose();
  }

  dispose(): void {
    for (const entry of [...this.entries.values()]) {
      entry.dropDraft = true;
      entry.panel.dispose();
    }
    this.subscriptions.forEach((s) => s.dispose());
  }

  // ---- Internals ---------------------------------------------------------------------------------------------

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, enableCommandUris: false, localResourceRoots: [webviewMediaRoot(this.extensionUri)] };
  }

  private async restore(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePanelState(raw);
    const podGone = state.ok && state.value.kind !== 'expiryReport' && !this.context.store.get(state.value.podId);
    if (!state.ok || podGone || this.entries.has(DetailPanels.keyOf(state.value))) {
      this.context.log.warn(`Detail panel not restored: ${state.ok ? 'its pod is gone or it is already open' : state.problem}`);
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    const { draft, ...shown } = state.value;
    this.attach(panel, shown, draft);
  }

  private attach(panel: vscode.WebviewPanel, state: PanelState, draft: Draft | undefined): void {
    const key = DetailPanels.keyOf(state);
    const view = this.factories[state.kind](this.context, state);
    const html = detailPanelHtml(panel.webview, this.extensionUri, state.kind, state.id, view.imageOrigin?.());
    const entry: Entry = { key, state, panel, view, posted: [], received: [], rejected: [], html, disposed: false, title: state.id, draft };
    this.entries.set(key, entry);
    panel.iconPath = new vscode.ThemeIcon(icons[state.kind]) as unknown as vscode.Uri;
    panel.webview.html = html;
    const listener = panel.webview.onDidReceiveMessage((message: unknown) => this.receive(entry, message));
    panel.onDidDispose(() => {
      entry.disposed = true;
      listener.dispose();
      if (this.entries.get(key) === entry) this.entries.delete(key);
      if (entry.draft && !entry.dropDraft) this.keepClosedDraft(entry, entry.draft);
    });
  }

  /** The panel closed with unsaved edits: keep them for its next opening, and say how to get them back. */
  private keepClosedDraft(entry: Entry, draft: Draft): void {
    this.closedDrafts.set(entry.key, draft);
    const [reopen, discard] = [vscode.l10n.t('Reopen with Your Edits'), vscode.l10n.t('Discard Them')];
    void this.context.promptHost.current
      .info(vscode.l10n.t('"{0}" was closed with unsaved edits. They are kept: reopen it (or open it again from the tree) to save them.', entry.title), reopen, discard)
      .then((choice) => {
        if (choice === reopen) this.open(entry.state);
        // Only the draft this notification is about: one kept by a later close stays.
        if (choice === discard && this.closedDrafts.get(entry.key) === draft) this.closedDrafts.delete(entry.key);
      });
  }

  private showTitle(entry: Entry): void {
    entry.panel.title = `${entry.draft ? unsavedMarker : ''}${entry.title}`;
  }

  private async receive(entry: Entry, raw: unknown): Promise<void> {
    const parsed = parseViewMessage(raw);
    const problem = !parsed.ok ? parsed.problem : !messageFitsKind(parsed.value, entry.state.kind) ? `a ${entry.state.kind} view cannot send ${parsed.value.type}` : undefined;
    if (problem || !parsed.ok) {
      this.reject(entry, problem ?? 'malformed');
      return;
    }
    const message = parsed.value;
    entry.received.push(message);
    if (entry.received.length > keep) entry.received.shift();
    const ui = this.ui(entry);
    if (message.type === 'draft') {
      entry.draft = message.draft;
      return this.showTitle(entry);
    }
    try {
      // A webview that starts ('ready': first shown, shown again, window reloaded) gets the unsaved edits back.
      if (message.type === 'ready') await this.load(entry, entry.draft);
      else if (message.type === 'reload') await ui.reload();
      else await withChange({ action: `panel ${message.type}` }, () => entry.view.handle(message, ui));
    } catch (error) {
      if (error instanceof UserCancelled) return;
      const text = describeError(error);
      this.context.log.error(`Detail ${entry.key} (${message.type}): ${text}`);
      ui.notice('error', text, (error as { field?: string }).field);
      // A refusal by the production lock also offers to unlock, as every command does.
      if (this.context.sessions.lock.refusedPod(error)) reportError(this.context, `Detail ${entry.key}`, error);
    } finally {
      this.post(entry, { type: 'busy', busy: false });
    }
  }

  private reject(entry: Entry, problem: string): void {
    const line = `Ignored a message from the ${entry.state.kind} view ${entry.key}: ${problem}`;
    entry.rejected.push(problem);
    if (entry.rejected.length > keep) entry.rejected.shift();
    this.context.log.warn(line);
  }

  private ui(entry: Entry): ViewUi {
    return {
      post: (message) => this.post(entry, message),
      notice: (level, message, field) => this.post(entry, { type: 'notice', level, message, ...(field ? { field } : {}) }),
      reload: () => this.load(entry),
      refreshTree: () => {
        const pod = this.context.tree.podNode(entry.state.podId);
        const list = pod ? entry.view.treeList(pod) : undefined;
        this.refreshingFrom = entry.key;
        try {
          this.context.tree.refresh(list);
        } finally {
          this.refreshingFrom = undefined;
        }
      },
      close: () => {
        entry.dropDraft = true;
        entry.panel.dispose();
      },
    };
  }

  private async load(entry: Entry, draft?: Draft): Promise<void> {
    this.post(entry, { type: 'busy', busy: true, message: vscode.l10n.t('Loading…') });
    const { title, model } = await entry.view.load();
    entry.title = title;
    this.showTitle(entry);
    // The views' text is in the same bundle as ours (their `l10n.t` calls are extracted with the rest).
    const strings = vscode.l10n.bundle;
    this.post(entry, { type: 'load', state: entry.state, model, ...(draft ? { draft } : {}), ...(strings ? { strings } : {}) });
  }

  private post(entry: Entry, message: HostToView): void {
    if (entry.disposed) return;
    entry.posted.push(message);
    if (entry.posted.length > keep) entry.posted.shift();
    void entry.panel.webview.postMessage(message);
  }

  /** A tree refresh of a resource's list (or its pod, or everything) reloads the panels showing that kind. */
  private treeChanged(node: TreeNode | undefined): void {
    for (const entry of this.entries.values()) {
      if (entry.key === this.refreshingFrom) continue;
      const affected = !node || (node.podId === entry.state.podId && (node instanceof PodNode || isListOf(node, entry.state.kind)));
      if (!affected) continue;
      this.load(entry).catch((error: unknown) => {
        this.context.log.warn(`Detail ${entry.key}: ${describeError(error)}`);
        this.ui(entry).notice('error', describeError(error));
      });
    }
  }
}

function isListOf(node: TreeNode, kind: DetailKind): boolean {
  switch (kind) {
    case 'certificate':
      return node instanceof CertificatesNode;
    case 'application':
      return node instanceof ApplicationsNode;
    case 'group':
      return node instanceof GroupTypeNode || node instanceof GroupsNode;
    case 'expiryReport':
      return false;
  }
}
