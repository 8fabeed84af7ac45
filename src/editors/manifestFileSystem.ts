// The `symphony-pod:` file system: `symphony-pod:/<podId>/apps/<appId>.json` is an application's manifest as the
// pod returns it, and templates (`…/apps/new.json`, `new-<n>.json`) are new apps. Reading GETs the app and
// remembers it as the document's base; writing (Save) refuses while the document has error diagnostics, parses
// the JSON and hands it to `saveApplication` (validate → compare with the base → update). Any failure throws a
// FileSystemError, so the editor keeps the user's text and stays dirty.
import * as vscode from 'vscode';
import { ApplicationDetail } from '../api';
import { CommandContext, prompts } from '../commands/commandContext';
import { describeError } from '../ui/errors';
import { UserCancelled } from '../ui/prompts';
import { saveApplication } from './applicationSave';
import { formatManifest, parseManifest } from './manifestFormat';

export const MANIFEST_SCHEME = 'symphony-pod';

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
  /** What to do once the workbench has finished saving (reload the pod's text, or reopen a created app). */
  afterSave?: (uri: vscode.Uri) => Promise<void>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ManifestFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private lastMtime = 0;
  private readonly saved: vscode.Disposable;
  private readonly willSave: vscode.Disposable;
  /** Why each pending save happens: only a save the user asked for may write to a pod. */
  private readonly saveReasons = new Map<string, vscode.TextDocumentSaveReason>();
  private readonly warnedAboutAutoSave = new Set<string>();

  constructor(private readonly context: CommandContext) {
    this.willSave = vscode.workspace.onWillSaveTextDocument((event) => {
      if (this.entries.has(event.document.uri.toString())) this.saveReasons.set(event.document.uri.toString(), event.reason);
    });
    this.saved = vscode.workspace.onDidSaveTextDocument((document) => {
      const entry = this.entries.get(document.uri.toString());
      const afterSave = entry?.afterSave;
      if (!entry || !afterSave) return;
      entry.afterSave = undefined;
      afterSave(document.uri).catch((error: unknown) => this.context.log.error(`After saving ${document.uri.toString()}: ${describeError(error)}`));
    });
  }

  dispose(): void {
    this.saved.dispose();
    this.willSave.dispose();
    this.changed.dispose();
  }

  /** The app's manifest, freshly read from the pod unless the user has unsaved edits in it (those keep their base). */
  async openApplication(podId: string, appId: string): Promise<vscode.Uri> {
    const uri = manifestUri(podId, `${appId}.json`);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty && this.entries.has(uri.toString())) return uri;
    await this.load(uri, podId, appId);
    if (open) this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    return uri;
  }

  /** A new-app template: `new.json`, or `new-<n>.json` when earlier templates are still open. */
  openTemplate(podId: string): vscode.Uri {
    let uri = manifestUri(podId, 'new.json');
    const isOpen = (candidate: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === candidate.toString());
    for (let n = 2; isOpen(uri); n++) uri = manifestUri(podId, `new-${n}.json`);
    this.set(uri, { text: encoder.encode(formatManifest(template)), mtime: this.nextMtime() });
    return uri;
  }

  private async load(uri: vscode.Uri, podId: string, appId: string): Promise<Entry> {
    const detail = await this.context.sessions.client(podId).apps.getApplication(appId);
    return this.set(uri, { text: encoder.encode(formatManifest(detail)), mtime: this.nextMtime(), base: detail });
  }

  private set(uri: vscode.Uri, entry: Entry): Entry {
    this.entries.set(uri.toString(), entry);
    return entry;
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
      throw new vscode.FileSystemError(`Could not open the manifest: ${describeError(error)}`);
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

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (await this.entry(uri)).text;
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = `${uri.with({ path: uri.path.replace(/\/?$/, '/') }).toString()}`;
    return [...this.entries.keys()].filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
      .map((key) => [decodeURIComponent(key.slice(prefix.length)), vscode.FileType.File]);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const location = parseManifestPath(uri);
    const entry = this.entries.get(uri.toString());
    if (!location || !entry) throw vscode.FileSystemError.NoPermissions('Only manifests opened with "Edit Manifest" or "New App Manifest" can be saved here.');
    this.refuseAutoSave(uri);
    try {
      this.refuseWithErrors(uri);
      const edited = parseManifest(decoder.decode(content));
      const creating = entry.base === undefined;
      const saved = await saveApplication(this.context, {
        podId: location.podId, appId: creating ? undefined : location.name, edited, base: entry.base,
      });
      this.set(uri, {
        text: content,
        mtime: this.nextMtime(),
        base: creating ? undefined : saved,
        afterSave: creating ? (template) => this.reopenCreated(template, location.podId, saved) : (doc) => this.showPodVersion(doc, saved),
      });
    } catch (error) {
      throw this.notSaved(error);
    }
  }

  /**
   * Auto-save (on by default in VS Code for the Web) must never push half-typed edits to a pod: only a save the user
   * asked for goes through. The document stays dirty with the user's text; the user is told once per document.
   */
  private refuseAutoSave(uri: vscode.Uri): void {
    const key = uri.toString();
    const reason = this.saveReasons.get(key);
    this.saveReasons.delete(key);
    if (reason === undefined || reason === vscode.TextDocumentSaveReason.Manual) return;
    const message = 'Not sent to the pod: auto-save never writes to a pod. Save the manifest yourself (Ctrl+S / Cmd+S) to check and apply it.';
    if (!this.warnedAboutAutoSave.has(key)) {
      this.warnedAboutAutoSave.add(key);
      void prompts(this.context).info(message);
    }
    throw new vscode.FileSystemError(message);
  }

  /**
   * Save is refused while the editor shows problems. VS Code's JSON support reports schema violations as warnings
   * (only syntax errors are errors), so both count: in a manifest either one means the pod would refuse it.
   */
  private refuseWithErrors(uri: vscode.Uri): void {
    const problems = vscode.languages.getDiagnostics(uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    if (problems.length === 0) return;
    const first = problems[0];
    const count = problems.length > 1 ? `${problems.length} problems` : '1 problem';
    const message = `Not saved: the manifest has ${count} (line ${first.range.start.line + 1}: ${first.message}). Fix ${problems.length > 1 ? 'them' : 'it'} first.`;
    void prompts(this.context).error(message, 'Show Problems').then((choice) => choice === 'Show Problems' && vscode.commands.executeCommand('workbench.actions.view.problems'));
    throw new vscode.FileSystemError(message);
  }

  private notSaved(error: unknown): vscode.FileSystemError {
    if (error instanceof vscode.FileSystemError) return error;
    if (error instanceof UserCancelled) return new vscode.FileSystemError('Not saved: you chose not to overwrite the pod\'s version. Your edits are kept.');
    const message = `Not saved: ${describeError(error)}`;
    this.context.log.error(message);
    return new vscode.FileSystemError(message);
  }

  /** After an update, the document shows what the pod now holds (it may have rotated a key or filled in defaults). */
  private async showPodVersion(document: vscode.Uri, saved: ApplicationDetail): Promise<void> {
    const entry = this.entries.get(document.toString());
    const text = formatManifest(saved);
    if (!entry || decoder.decode(entry.text) === text) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.toString());
    if (open?.isDirty) return;
    this.set(document, { ...entry, text: encoder.encode(text), mtime: this.nextMtime() });
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri: document }]);
  }

  /** The first save of a template created the app: close the template and open the app under its real id. */
  private async reopenCreated(template: vscode.Uri, podId: string, created: ApplicationDetail): Promise<void> {
    const appId = created.applicationInfo?.appId ?? '';
    const uri = manifestUri(podId, `${appId}.json`);
    this.set(uri, { text: encoder.encode(formatManifest(created)), mtime: this.nextMtime(), base: created });
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === template.toString());
    if (tabs.length) await vscode.window.tabGroups.close(tabs);
    this.entries.delete(template.toString());
    await vscode.window.showTextDocument(uri, { preview: false });
    void prompts(this.context).info(`Created the application ${created.applicationInfo?.name ?? appId} (${appId}).`);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Manifests are created with "New App Manifest".');
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Delete an application from the Pods tree (Delete Application…).');
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('An application\'s id cannot be changed.');
  }
}

/** What "New App Manifest" starts from: every field a new app usually needs, to fill in (the schema flags what is missing). */
const template: ApplicationDetail = {
  applicationInfo: { appId: '', name: '', appUrl: 'https://', domain: '', publisher: '' },
  iconUrl: 'https://',
  description: '',
  permissions: ['SEND_MESSAGES', 'GET_BASIC_USER_INFO'],
  authenticationKeys: { current: { key: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n', action: 'SAVE' } },
  properties: [],
};
