// The `symphony-pod:` file system: `symphony-pod:/<podId>/apps/<appId>.json` is an application's manifest as the
// pod returns it, and templates (`…/apps/new.json`, `new-<n>.json`) are new apps. Reading GETs the app and
// remembers it as the document's base. Sending (Ctrl+S, "Save Manifest to Pod") refuses while the document has
// problems, parses the JSON and hands it to `saveApplication` (validate → compare with the base → update) before
// the workbench writes anything, so a refusal is one message of ours and the document stays dirty. Auto-save is
// off for these documents (their language, `symphony-manifest`, defaults `files.autoSave` to off); an auto-save
// that still comes (a user's own language setting) is kept here quietly and never reaches the pod.
import * as vscode from 'vscode';
import { ApplicationDetail } from '../api';
import { CommandContext, prompts, reportError } from '../commands/commandContext';
import { announceCreated } from '../commands/revealCreated';
import { TreeNode } from '../tree/treeNode';
import { describeError } from '../ui/errors';
import { UserCancelled } from '../ui/prompts';
import { saveApplication } from './applicationSave';
import { formatManifest, manifestTemplate, parseManifest } from './manifestFormat';
import { loadPart } from '../parts/loadPart';

export const MANIFEST_SCHEME = 'symphony-pod';
/** JSON to VS Code's JSON support (`jsonLanguageParticipants`), but its own language so auto-save can skip it. */
export const MANIFEST_LANGUAGE = 'symphony-manifest';

export function manifestUri(podId: string, fileName: string): vscode.Uri {
  return vscode.Uri.from({ scheme: MANIFEST_SCHEME, path: `/${podId}/apps/${fileName}` });
}

/** `/<podId>/apps/<name>.json` → its parts; undefined for any other path. */
export function parseManifestPath(uri: vscode.Uri): { podId: string; name: string } | undefined {
  const match = /^\/([^/]+)\/apps\/([^/]+)\.json$/.exec(uri.path);
  return match ? { podId: match[1], name: match[2] } : undefined;
}

interface Entry {
  text: Uint8Array;
  mtime: number;
  /** The pod's version the document was opened from; undefined for a template (a new app). */
  base?: ApplicationDetail;
  /** Just read from the pod: the workbench's next read takes it as is; a later read (Revert) asks the pod again. */
  fresh?: boolean;
  /** Text already checked and sent to the pod: writing exactly this only records it. */
  sent?: string;
  /** An auto-save kept this text here: it has not been sent to the pod. */
  unsent?: boolean;
  /** What to do once the workbench has finished saving (reload the pod's text, or reopen a created app). */
  afterSave?: (uri: vscode.Uri) => Promise<void>;
}

/** A save refused because the editor shows problems: the message offers "Show Problems". */
class ManifestProblems extends Error {}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const isAutoSave = (reason: vscode.TextDocumentSaveReason | undefined) =>
  reason === vscode.TextDocumentSaveReason.AfterDelay || reason === vscode.TextDocumentSaveReason.FocusOut;

export class ManifestFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private lastMtime = 0;
  private readonly subscriptions: vscode.Disposable[];
  /** Why each pending save happens: only a save the user asked for may write to a pod. */
  private readonly saveReasons = new Map<string, vscode.TextDocumentSaveReason>();
  private readonly toldAboutAutoSave = new Set<string>();
  private watchingSaves = false;

  constructor(private readonly context: CommandContext) {
    this.subscriptions = [
      vscode.workspace.onDidSaveTextDocument((document) => this.runAfterSave(document.uri)),
      vscode.workspace.onDidOpenTextDocument((document) => void useManifestLanguage(document)),
      // Every change to an app (detail panel, key commands, entitlement, our own saves) refreshes its pod's app list.
      context.tree.onDidChangeTreeData((node) => this.applicationsChanged(node ?? undefined)),
    ];
    vscode.workspace.textDocuments.forEach((document) => void useManifestLanguage(document));
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }

  /** The app's manifest, freshly read from the pod unless the user has unsaved edits in it (those keep their base). */
  async openApplication(podId: string, appId: string): Promise<vscode.Uri> {
    const uri = manifestUri(podId, `${appId}.json`);
    const open = openDocument(uri);
    if (open?.isDirty && this.entries.has(uri.toString())) return uri;
    await this.load(uri, podId, appId);
    if (open) this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    return uri;
  }

  /** A new-app template: `new.json`, or `new-<n>.json` when earlier templates are still open. */
  openTemplate(podId: string): vscode.Uri {
    let uri = manifestUri(podId, 'new.json');
    for (let n = 2; openDocument(uri); n++) uri = manifestUri(podId, `new-${n}.json`);
    this.set(uri, { text: encoder.encode(formatManifest(manifestTemplate)), mtime: this.nextMtime() });
    return uri;
  }

  /**
   * Ctrl+S on a manifest ("Save Manifest to Pod"): the checks and the pod update run first, and only then does the
   * workbench write the document, so a refused save shows one message (ours) and leaves the edits dirty.
   */
  async saveManifest(document: vscode.TextDocument): Promise<boolean> {
    const entry = this.entries.get(document.uri.toString());
    if (!entry || !parseManifestPath(document.uri)) return document.save();
    if (!document.isDirty && !entry.unsent) return true;
    const text = document.getText();
    try {
      await this.send(document.uri, text);
    } catch (error) {
      if (error instanceof UserCancelled) return false;
      this.report(error);
      return false;
    }
    const saved = await document.save();
    // An auto-save of the same text may have been running: the workbench joined it, and it only kept the text.
    if (!document.isDirty && entry.sent === text) Object.assign(entry, { sent: undefined, unsent: false });
    if (!document.isDirty) this.runAfterSave(document.uri);
    return saved;
  }

  private async load(uri: vscode.Uri, podId: string, appId: string): Promise<Entry> {
    const detail = await this.context.sessions.client(podId).apps.getApplication(appId);
    return this.set(uri, { text: encoder.encode(formatManifest(detail)), mtime: this.nextMtime(), base: detail, fresh: true });
  }

  private set(uri: vscode.Uri, entry: Entry): Entry {
    this.entries.set(uri.toString(), entry);
    this.watchSaveReasons();
    return entry;
  }

  /** Save reasons are listened for from the first manifest on, not at start-up (activation registers only what it must). */
  private watchSaveReasons(): void {
    if (this.watchingSaves) return;
    this.watchingSaves = true;
    this.subscriptions.push(vscode.workspace.onWillSaveTextDocument((event) => {
      if (this.entries.has(event.document.uri.toString())) this.saveReasons.set(event.document.uri.toString(), event.reason);
    }));
  }

  /** mtime is the document's version for the workbench: it must grow with every change, even within a millisecond. */
  private nextMtime(): number {
    this.lastMtime = Math.max(Date.now(), this.lastMtime + 1);
    return this.lastMtime;
  }

  private async entry(uri: vscode.Uri): Promise<Entry> {
    const known = this.entries.get(uri.toString());
    if (known) return known;
    const location = parseManifestPath(uri);
    if (!location) throw vscode.FileSystemError.FileNotFound(uri);
    try {
      return await this.load(uri, location.podId, location.name);
    } catch (error) {
      throw new vscode.FileSystemError(vscode.l10n.t('Could not open the manifest: {0}', describeError(error)));
    }
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (!parseManifestPath(uri)) {
      if (/^\/([^/]+(\/apps)?)?\/?$/.test(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    const entry = await this.entry(uri);
    return { type: vscode.FileType.File, ctime: entry.mtime, mtime: entry.mtime, size: entry.text.byteLength };
  }

  /**
   * The first read after a load takes what was just read from the pod. Any later read is the workbench reverting
   * the document (File: Revert File): it gets the pod's current version, which becomes the base. The mtime stays,
   * so the next save is not mistaken for a conflict with the workbench's own copy.
   */
  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const entry = await this.entry(uri);
    const location = parseManifestPath(uri);
    if (entry.fresh || !entry.base || !location) {
      entry.fresh = false;
      return entry.text;
    }
    try {
      const detail = await this.context.sessions.client(location.podId).apps.getApplication(location.name);
      Object.assign(entry, { text: encoder.encode(formatManifest(detail)), base: detail, unsent: false, sent: undefined });
      return entry.text;
    } catch (error) {
      throw new vscode.FileSystemError(vscode.l10n.t('Could not read the pod\'s version of {0}: {1}', location.name, describeError(error)));
    }
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = `${uri.with({ path: uri.path.replace(/\/?$/, '/') }).toString()}`;
    return [...this.entries.keys()].filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
      .map((key) => [decodeURIComponent(key.slice(prefix.length)), vscode.FileType.File]);
  }

  /**
   * The workbench writes a manifest. Text that "Save Manifest to Pod" already sent is only recorded. An auto-save
   * keeps the text here without sending it (no error, so no notification whose Revert would throw the edits away).
   * Any other save (File > Save, Save All, `document.save()`) goes through the same checks and update as Ctrl+S.
   */
  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (!parseManifestPath(uri) || !entry) throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Only manifests opened with "Edit Manifest" or "New App Manifest" can be saved here.'));
    const reason = this.saveReasons.get(key);
    this.saveReasons.delete(key);
    const text = decoder.decode(content);
    if (entry.sent !== text && isAutoSave(reason)) {
      Object.assign(entry, { text: content, mtime: this.nextMtime(), unsent: true });
      this.tellAboutAutoSave(key);
      return;
    }
    if (entry.sent !== text) {
      try {
        await this.send(uri, text);
      } catch (error) {
        throw this.notSaved(error);
      }
    }
    Object.assign(entry, { text: content, mtime: this.nextMtime(), sent: undefined, unsent: false });
  }

  /** Checks the text and sends it to the pod; on success the entry knows the pod's version and what to show next. */
  private async send(uri: vscode.Uri, text: string): Promise<void> {
    const location = parseManifestPath(uri)!;
    const entry = this.entries.get(uri.toString())!;
    this.refuseWithProblems(uri, text, entry.base);
    const edited = parseManifest(text);
    const creating = entry.base === undefined;
    const saved = await saveApplication(this.context, {
      podId: location.podId, appId: creating ? undefined : location.name, edited, base: entry.base,
    });
    Object.assign(entry, {
      base: creating ? undefined : saved,
      sent: text,
      afterSave: creating ? (template: vscode.Uri) => this.reopenCreated(template, location.podId, saved) : (doc: vscode.Uri) => this.showPodVersion(doc, saved),
    });
  }

  private tellAboutAutoSave(key: string): void {
    if (this.toldAboutAutoSave.has(key)) return;
    this.toldAboutAutoSave.add(key);
    void prompts(this.context).info(vscode.l10n.t('Auto-save kept your manifest edits in VS Code only: they reach the pod when you save the manifest yourself (Ctrl+S / Cmd+S).'));
  }

  /**
   * Save is refused while the editor shows problems. VS Code's JSON support reports schema violations as warnings
   * (only syntax errors are errors), so both count: in a manifest either one means the pod would refuse it. A schema
   * warning on a value the pod already holds (a field newer than our schema, a number where it expects text) is the
   * pod's data, not the user's change, and does not block: `saveApplication` sends only what the user changed.
   */
  private refuseWithProblems(uri: vscode.Uri, text: string, base: ApplicationDetail | undefined): void {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const offset = (position: vscode.Position) => (lineStarts[position.line] ?? text.length) + position.character;
    const problems = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error
      || (d.severity === vscode.DiagnosticSeverity.Warning && !loadPart<typeof import('./manifestProblems')>('manifestProblems').unchangedFromBase(text, offset(d.range.start), base)));
    if (problems.length === 0) return;
    const first = problems[0];
    const line = first.range.start.line + 1;
    throw new ManifestProblems(problems.length > 1
      ? vscode.l10n.t('Not saved: the manifest has {0} problems (line {1}: {2}). Fix them first.', problems.length, line, first.message)
      : vscode.l10n.t('Not saved: the manifest has 1 problem (line {0}: {1}). Fix it first.', line, first.message));
  }

  /** The one message of a refused save: what to fix, with "Show Problems" when the editor lists them. */
  private report(error: unknown): void {
    if (this.context.sessions.lock.refusedPod(error)) return reportError(this.context, 'Save Manifest', error);
    const message = error instanceof ManifestProblems ? error.message : vscode.l10n.t('Not saved: {0}', describeError(error));
    this.context.log.error(message);
    const showProblems = vscode.l10n.t('Show Problems');
    const actions = error instanceof ManifestProblems ? [showProblems] : [];
    void prompts(this.context).error(message, ...actions)
      .then((choice) => choice === showProblems && vscode.commands.executeCommand('workbench.actions.view.problems'));
  }

  /** A refusal inside the workbench's own save: the workbench shows the error; problems also get our Show Problems. */
  private notSaved(error: unknown): vscode.FileSystemError {
    if (error instanceof vscode.FileSystemError) return error;
    if (error instanceof ManifestProblems) this.report(error);
    if (error instanceof UserCancelled) return new vscode.FileSystemError(vscode.l10n.t('Not saved: you chose not to overwrite the pod\'s version. Your edits are kept.'));
    const message = error instanceof ManifestProblems ? error.message : vscode.l10n.t('Not saved: {0}', describeError(error));
    this.context.log.error(message);
    return new vscode.FileSystemError(message);
  }

  private runAfterSave(uri: vscode.Uri): void {
    const entry = this.entries.get(uri.toString());
    const afterSave = entry?.afterSave;
    if (!entry || !afterSave) return;
    entry.afterSave = undefined;
    afterSave(uri).catch((error: unknown) => this.context.log.error(`After saving ${uri.toString()}: ${describeError(error)}`));
  }

  /** After an update, the document shows what the pod now holds (it may have rotated a key or filled in defaults). */
  private async showPodVersion(document: vscode.Uri, saved: ApplicationDetail): Promise<void> {
    const entry = this.entries.get(document.toString());
    const text = formatManifest(saved);
    if (!entry || decoder.decode(entry.text) === text || openDocument(document)?.isDirty) return;
    this.set(document, { ...entry, text: encoder.encode(text), mtime: this.nextMtime(), fresh: true });
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri: document }]);
  }

  /** An app list was refreshed (the app changed elsewhere): open, unedited manifests of that pod show the pod's version. */
  private applicationsChanged(node: TreeNode | undefined): void {
    if (!node) return;
    for (const [key, entry] of this.entries) {
      const uri = vscode.Uri.parse(key);
      const location = parseManifestPath(uri);
      if (!location || !entry.base || entry.afterSave || this.context.tree.podNode(location.podId)?.applications !== node) continue;
      const open = openDocument(uri);
      if (!open || open.isDirty) continue;
      this.reload(uri, location.podId, location.name)
        .catch((error: unknown) => this.context.log.warn(`Could not refresh ${key}: ${describeError(error)}`));
    }
  }

  private async reload(uri: vscode.Uri, podId: string, appId: string): Promise<void> {
    const detail = await this.context.sessions.client(podId).apps.getApplication(appId);
    const entry = this.entries.get(uri.toString());
    if (!entry || openDocument(uri)?.isDirty) return;
    const text = formatManifest(detail);
    if (decoder.decode(entry.text) === text) {
      entry.base = detail;
      return;
    }
    this.set(uri, { ...entry, text: encoder.encode(text), mtime: this.nextMtime(), base: detail, fresh: true });
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  /** The first save of a template created the app: close the template and open the app under its real id. */
  private async reopenCreated(template: vscode.Uri, podId: string, created: ApplicationDetail): Promise<void> {
    const appId = created.applicationInfo?.appId ?? '';
    const uri = manifestUri(podId, `${appId}.json`);
    this.set(uri, { text: encoder.encode(formatManifest(created)), mtime: this.nextMtime(), base: created, fresh: true });
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === template.toString());
    if (tabs.length) await vscode.window.tabGroups.close(tabs);
    this.entries.delete(template.toString());
    await vscode.window.showTextDocument(await openManifestDocument(uri), { preview: false });
    await announceCreated(this.context, this.context.tree.podNode(podId)?.applications, appId, undefined, vscode.l10n.t('Created the application {0} ({1}).', created.applicationInfo?.name ?? appId, appId));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Manifests are created with "New App Manifest".'));
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Delete an application from the Pods tree (Delete Application…).'));
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('An application\'s id cannot be changed.'));
  }
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Opens a manifest in its own language before it is shown, so auto-save never sees it as plain JSON. */
export async function openManifestDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  return useManifestLanguage(await vscode.workspace.openTextDocument(uri));
}

function useManifestLanguage(document: vscode.TextDocument): Thenable<vscode.TextDocument> {
  if (document.uri.scheme !== MANIFEST_SCHEME || document.languageId === MANIFEST_LANGUAGE || !parseManifestPath(document.uri)) return Promise.resolve(document);
  return vscode.languages.setTextDocumentLanguage(document, MANIFEST_LANGUAGE);
}
