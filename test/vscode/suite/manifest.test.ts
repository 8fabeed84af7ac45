// App manifests as `symphony-pod:` JSON documents in the real VS Code: open, schema diagnostics on our scheme,
// save (blocked on errors and invalid JSON, conflict diff with Overwrite / Cancel), create from the template, and
// "Apply Manifest to Pod…" from a workspace file to a second pod. The emulators' request logs prove what was sent.
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ApplicationDetail } from '../../../src/api';
import { formatManifest } from '../../../src/editors/manifestFormat';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { Answer, ScriptedPrompts, confirm } from './scriptedPrompts';
import { addRsaPod, answering, child, children, extensionApi, label, pickValue, podNode, removePod, startEmulator } from './helpers';

/** Scripted prompts that also note, at each confirmation, whether a diff was open and how many writes had reached the pod. */
class WatchingPrompts extends ScriptedPrompts {
  readonly atConfirm: Array<{ diffOpen: boolean; writes: number }> = [];
  constructor(answers: Answer[], cancelled: () => Error, private readonly writes: () => number) {
    super(answers, cancelled);
  }
  override async confirm(message: string): Promise<boolean> {
    const diffOpen = vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputTextDiff));
    this.atConfirm.push({ diffOpen, writes: this.writes() });
    return super.confirm(message);
  }
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 20_000, state?: () => unknown): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}${state ? `: ${JSON.stringify(state())}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Schema violations arrive as warnings from VS Code's JSON support, syntax errors as errors: both block a save. */
const problemsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);

async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Reverts and closes every editor, so no "save changes?" dialog can block the next test. */
async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('App manifest documents', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;
  let dir: string;

  const writesTo = (pod: PodEmulator) => pod.control.requests().filter((r) => r.method !== 'GET');
  const writes = () => writesTo(emulator);

  /** Runs `action` with scripted prompts (WatchingPrompts counting writes to `target`). */
  function withPrompts<T>(answers: Answer[], action: () => Thenable<T>, target: PodEmulator = emulator): Promise<{ result: T; prompts: WatchingPrompts }> {
    return answering(api, new WatchingPrompts(answers, api.cancelled, () => writesTo(target).length), action);
  }

  async function applicationNode(appId: string): Promise<TreeNode> {
    const list = await child(api, pod, 'Applications');
    const node = (await children(api, list)).find((n) => n.toTreeItem().id?.endsWith(`/application/${appId}`));
    if (!node) throw new Error(`No application ${appId} under ${label(list)}`);
    return node;
  }

  async function openManifest(appId: string): Promise<vscode.TextEditor> {
    const node = await applicationNode(appId);
    const { result, prompts } = await withPrompts([], () => vscode.commands.executeCommand<vscode.TextEditor>('symphonyPodAdmin.apps.editManifest', node));
    assert.deepEqual(prompts.errors, []);
    return result;
  }

  const manifestOf = (document: vscode.TextDocument): ApplicationDetail => JSON.parse(document.getText()) as ApplicationDetail;

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Manifest pod');
    pod = await podNode(api, podId);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-manifest-'));
  });
  after(async () => {
    await closeAllEditors();
    await removePod(api, podId);
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.control.clearRequests());
  afterEach(closeAllEditors);

  it('opens an application as its manifest: one GET, pretty-printed in schema key order', async () => {
    const node = await applicationNode('jira-notifier');
    emulator.control.clearRequests();
    const { result: editor } = await withPrompts([], () => vscode.commands.executeCommand<vscode.TextEditor>('symphonyPodAdmin.apps.editManifest', node));
    const document = editor.document;
    assert.equal(document.uri.toString(), vscode.Uri.from({ scheme: 'symphony-pod', path: `/${podId}/apps/jira-notifier.json` }).toString());
    assert.equal(document.languageId, 'symphony-manifest', 'JSON support with its own language, so auto-save can skip it');
    assert.deepEqual(emulator.control.requests().map((r) => `${r.method} ${r.path}`), ['GET /pod/v1/admin/app/jira-notifier/get']);
    assert.equal(document.getText(), formatManifest(manifestOf(document)));
    assert.deepEqual(Object.keys(manifestOf(document)).slice(0, 2), ['applicationInfo', 'iconUrl']);
    assert.match(document.getText(), /^\{\n {2}"applicationInfo": \{\n {4}"appId": "jira-notifier",/);
  });

  it('auto-save, on by default in VS Code for the Web, skips manifests: typed edits stay dirty and nothing is sent', async () => {
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'afterDelay', 'the test runs with VS Code for the Web\'s default');
    const editor = await openManifest('jira-notifier');
    assert.equal(vscode.workspace.getConfiguration('files', editor.document).get('autoSave'), 'off');
    const plain = path.join(dir, 'plain.json');
    fs.writeFileSync(plain, '{}\n');
    const plainDocument = await vscode.workspace.openTextDocument(plain);
    emulator.control.clearRequests();
    const willSave: vscode.TextDocumentSaveReason[] = [];
    const watching = vscode.workspace.onWillSaveTextDocument((e) => e.document === editor.document && willSave.push(e.reason));
    try {
      const line = editor.document.getText().split('\n').findIndex((l) => l.includes('"permissions"'));
      const end = editor.document.lineAt(line).text.length;
      editor.selection = new vscode.Selection(line, end, line, end);
      await vscode.commands.executeCommand('type', { text: '\n"CUSTOM_TYPED",' });
      // A plain file edited just after is auto-saved by the same timer: once it is saved, the manifest's turn has passed.
      const plainSaved = new Promise((resolve) => { const once = vscode.workspace.onDidSaveTextDocument((d) => d === plainDocument && resolve(once.dispose())); });
      const edit = new vscode.WorkspaceEdit();
      edit.insert(plainDocument.uri, new vscode.Position(0, 1), '"a": 1');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await plainSaved;
      assert.deepEqual(willSave, [], 'the workbench never tried to save the manifest');
      assert.ok(editor.document.isDirty, 'still unsaved');
      assert.match(editor.document.getText(), /"CUSTOM_TYPED",/);
      assert.equal(writes().length, 0, 'nothing was sent to the pod');

      const { result: saved, prompts } = await withPrompts([], () => vscode.commands.executeCommand<boolean>('symphonyPodAdmin.apps.saveManifest'));
      assert.deepEqual(prompts.errors, []);
      assert.equal(saved, true, 'Ctrl+S sends it');
      assert.ok(!editor.document.isDirty);
      assert.deepEqual(writes().map((r) => r.path), ['/pod/v1/admin/app/jira-notifier/update']);
      assert.ok(emulator.control.state.apps.get('jira-notifier')!.permissions.includes('CUSTOM_TYPED'));
    } finally {
      watching.dispose();
    }
  });

  it('keeps auto-save off for manifests when the user turns it on for every file', async () => {
    const { document } = await openManifest('jira-notifier');
    await vscode.workspace.getConfiguration('files').update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
    try {
      assert.equal(vscode.workspace.getConfiguration('files', document).get('autoSave'), 'off', 'the language default wins over a general user setting');
    } finally {
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('an auto-save the user turned on for manifests keeps the edits here, raises no error, and Ctrl+S during it still sends', async () => {
    const files = () => vscode.workspace.getConfiguration('files', { languageId: 'symphony-manifest' });
    await files().update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global, true);
    const editor = await openManifest('calendar-sync');
    emulator.control.clearRequests();
    try {
      assert.equal(vscode.workspace.getConfiguration('files', editor.document).get('autoSave'), 'afterDelay');
      const autoSaved = new Promise<void>((resolve) => {
        const once = vscode.workspace.onDidSaveTextDocument((d) => d === editor.document && resolve(once.dispose()));
      });
      // The pod holds Ctrl+S's update until the auto-save has written, so the auto-save runs while Ctrl+S is in flight.
      let release = () => undefined as void;
      emulator.control.injectFault({ method: 'POST', pathPrefix: '/pod/v1/admin/app/calendar-sync/update', until: new Promise<void>((resolve) => { release = resolve; }) });
      let duringAutoSave: Thenable<boolean> | undefined;
      const { prompts } = await withPrompts([], async () => {
        const ctrlS = vscode.workspace.onWillSaveTextDocument((e) => {
          if (e.document !== editor.document || e.reason !== vscode.TextDocumentSaveReason.AfterDelay || duringAutoSave) return;
          duringAutoSave = vscode.commands.executeCommand<boolean>('symphonyPodAdmin.apps.saveManifest');
        });
        try {
          await replaceText(editor.document, formatManifest({ ...manifestOf(editor.document), description: 'Typed while auto-save is on' }));
          await autoSaved;
          release();
          assert.ok(duringAutoSave, 'Ctrl+S came while the auto-save ran');
          assert.equal(await duringAutoSave, true, 'the user\'s save was not swallowed by the auto-save');
        } finally {
          release();
          ctrlS.dispose();
        }
      });
      assert.deepEqual(prompts.errors, [], 'no error: the workbench shows no "Failed to save" with Revert either (the auto-save succeeded)');
      assert.match(prompts.infos.join('\n'), /Auto-save kept your manifest edits in VS Code only/, 'told once, quietly');
      assert.deepEqual(writes().map((r) => r.path), ['/pod/v1/admin/app/calendar-sync/update'], 'only the user\'s save reached the pod');
      assert.equal(emulator.control.state.apps.get('calendar-sync')?.description, 'Typed while auto-save is on');

      const { prompts: later } = await withPrompts([], async () => {
        const saved = new Promise<void>((resolve) => { const once = vscode.workspace.onDidSaveTextDocument((d) => d === editor.document && resolve(once.dispose())); });
        await replaceText(editor.document, formatManifest({ ...manifestOf(editor.document), description: 'Only auto-saved' }));
        await saved;
      });
      assert.deepEqual(later.errors, []);
      assert.deepEqual(later.infos, [], 'told once per document');
      assert.equal(emulator.control.state.apps.get('calendar-sync')?.description, 'Typed while auto-save is on', 'an auto-save alone sends nothing');
      assert.equal(writes().length, 1);
    } finally {
      await files().update('autoSave', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  it('a refused Ctrl+S shows one message, ours, saying what to fix, and the workbench never tries to write', async () => {
    const { document } = await openManifest('calendar-sync');
    await replaceText(document, formatManifest({ ...manifestOf(document), colour: 'red' } as ApplicationDetail));
    await waitFor('a problem on the unknown field', () => problemsOf(document.uri).some((d) => document.lineAt(d.range.start.line).text.includes('"colour"')));
    const willSave: vscode.TextDocumentSaveReason[] = [];
    const watching = vscode.workspace.onWillSaveTextDocument((e) => e.document === document && willSave.push(e.reason));
    try {
      const { result: saved, prompts } = await withPrompts([], () => vscode.commands.executeCommand<boolean>('symphonyPodAdmin.apps.saveManifest'));
      assert.equal(saved, false);
      assert.equal(prompts.errors.length, 1, prompts.errors.join('\n'));
      assert.match(prompts.errors[0], /^Not saved: the manifest has 1 problem \(line \d+: Property colour is not allowed.*\)\. Fix it first\.$/);
      assert.deepEqual(willSave, [], 'no workbench save, so no "Unable to write file" notification');
      assert.ok(document.isDirty);
      assert.equal(writes().length, 0);

      await replaceText(document, document.getText().replace('"applicationInfo": {', '"applicationInfo": {{'));
      const broken = await withPrompts([], () => vscode.commands.executeCommand<boolean>('symphonyPodAdmin.apps.saveManifest'));
      assert.equal(broken.result, false);
      assert.equal(broken.prompts.errors.length, 1, broken.prompts.errors.join('\n'));
      assert.match(broken.prompts.errors[0], /^Not saved: /);
      assert.deepEqual(willSave, []);
      assert.equal(writes().length, 0);
    } finally {
      watching.dispose();
    }
  });

  it('applies the shipped schema to the symphony-pod scheme: a bad permission and an http:// URL become errors', async () => {
    const { document } = await openManifest('calendar-sync');
    const manifest = manifestOf(document);
    manifest.permissions = [...(manifest.permissions ?? []), 'send messages'];
    manifest.iconUrl = 'http://calendar.acme.example/icon.png';
    await replaceText(document, formatManifest(manifest));
    await waitFor('schema errors on the permission and the icon URL', () => {
      const lines = problemsOf(document.uri).map((d) => document.lineAt(d.range.start.line).text);
      return lines.some((l) => l.includes('send messages')) && lines.some((l) => l.includes('"iconUrl"'));
    }, 20_000, () => [document.getText(), vscode.languages.getDiagnostics(document.uri).map((d) => [d.range.start.line, d.message])]);
    assert.ok(problemsOf(document.uri).some((d) => /must start with https:\/\//.test(d.message)), 'the URL problem says it must start with https://');
    assert.ok(problemsOf(document.uri).some((d) => /SEND_MESSAGES/.test(d.message)), 'the permission problem lists the known permissions');
  });

  it('completes the known permissions and explains fields on hover', async () => {
    const { document } = await openManifest('calendar-sync');
    await replaceText(document, formatManifest({ ...manifestOf(document), permissions: [''] }));
    const line = document.getText().split('\n').findIndex((l) => l.trim() === '""');
    const inside = new vscode.Position(line, document.lineAt(line).text.indexOf('""') + 1);
    let labels: string[] = [];
    async function refresh() {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, inside);
      labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    }
    await refresh();
    for (let i = 0; i < 50 && !labels.includes('"TRUST_APP"'); i++) { await new Promise((r) => setTimeout(r, 200)); await refresh(); }
    assert.ok(['"SEND_MESSAGES"', '"ACT_AS_USER"', '"TRUST_APP"'].every((p) => labels.includes(p)), labels.join(', '));
    const iconLine = document.getText().split('\n').findIndex((l) => l.includes('"iconUrl"'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(iconLine, 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Icon URL/);
    assert.match(text, /https:\/\//);
  });

  it('refuses to save while the document has schema problems, and sends nothing', async () => {
    const { document } = await openManifest('calendar-sync');
    await replaceText(document, formatManifest({ ...manifestOf(document), colour: 'red' } as ApplicationDetail));
    await waitFor('a problem on the unknown field', () => problemsOf(document.uri).some((d) => document.lineAt(d.range.start.line).text.includes('"colour"')));
    const { result: saved, prompts } = await withPrompts([], () => document.save());
    assert.equal(saved, false);
    assert.ok(document.isDirty, 'the document keeps the edit');
    assert.match(document.getText(), /"colour": "red"/);
    assert.match(prompts.errors[0] ?? '', /Not saved: the manifest has 1 problem \(line \d+: Property colour is not allowed/);
    assert.equal(writes().length, 0);
  });

  it('saves an edit to an app as a real pod holds it: the schema\'s marks on the pod\'s newer field are not the user\'s, and only the change is sent', async () => {
    const { document } = await openManifest('zoom-meetings');
    assert.ok('appGroupId' in manifestOf(document), 'the seeded app holds a field newer than our schema');
    await replaceText(document, formatManifest({ ...manifestOf(document), description: 'Edited next to a newer field' }));
    await waitFor('the schema to mark the newer field', () => problemsOf(document.uri).some((d) => document.lineAt(d.range.start.line).text.includes('"appGroupId"')));
    const { result: saved, prompts } = await withPrompts([], () => document.save());
    assert.deepEqual(prompts.errors, []);
    assert.equal(saved, true);
    const held = emulator.control.state.apps.get('zoom-meetings')!;
    assert.equal(held.description, 'Edited next to a newer field');
    assert.equal(held.newerFields?.detail?.appGroupId, 'zoom-meetings', 'the pod keeps its newer field (not sent back: the pod refuses fields it does not define)');
    assert.deepEqual(writes().map((r) => `${r.method} ${r.path} ${r.status}`), ['POST /pod/v1/admin/app/zoom-meetings/update 200']);
  });

  it('still refuses a newer field the user adds to an app that holds one', async () => {
    const { document } = await openManifest('zoom-meetings');
    await replaceText(document, formatManifest({ ...manifestOf(document), appGroupId: 'changed-by-the-user' } as ApplicationDetail));
    await waitFor('the schema to mark the newer field', () => problemsOf(document.uri).some((d) => document.lineAt(d.range.start.line).text.includes('"appGroupId"')));
    const { result: saved, prompts } = await withPrompts([], () => document.save());
    assert.equal(saved, false);
    assert.ok(document.isDirty, 'the document keeps the edit');
    assert.match(prompts.errors[0] ?? '', /Not saved: the manifest has 1 problem \(line \d+: Property appGroupId is not allowed/);
    assert.equal(writes().length, 0);
  });

  it('refuses invalid JSON and sends nothing', async () => {
    const { document } = await openManifest('calendar-sync');
    await replaceText(document, document.getText().replace('"applicationInfo": {', '"applicationInfo": {{'));
    const { result: saved } = await withPrompts([], () => document.save());
    assert.equal(saved, false);
    assert.ok(document.isDirty);
    assert.equal(writes().length, 0);
  });

  it('saves an edit with one update (a rotated key is not re-sent), and the next save needs no confirmation', async () => {
    const { document } = await openManifest('bloomberg-bridge');
    assert.ok(manifestOf(document).authenticationKeys?.previous, 'the seeded app has a rotated key');
    await replaceText(document, formatManifest({ ...manifestOf(document), description: 'Edited as JSON' }));
    const { result: saved, prompts } = await withPrompts([], () => document.save());
    assert.deepEqual(prompts.errors, []);
    assert.equal(saved, true);
    assert.equal(emulator.control.state.apps.get('bloomberg-bridge')?.description, 'Edited as JSON');
    assert.deepEqual(writes().map((r) => r.path), ['/pod/v1/admin/app/bloomberg-bridge/update']);
    assert.ok(!document.isDirty);

    await replaceText(document, formatManifest({ ...manifestOf(document), description: 'Edited twice' }));
    const second = await withPrompts([], () => document.save());
    assert.equal(second.result, true, 'the base moved to the saved version: no conflict');
    assert.equal(emulator.control.state.apps.get('bloomberg-bridge')?.description, 'Edited twice');
  });

  it('after a save shows what the pod made of it (a rotated key appears as previous)', async () => {
    const { document } = await openManifest('salesforce-connector');
    assert.equal(manifestOf(document).authenticationKeys?.previous, undefined);
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    await replaceText(document, formatManifest({ ...manifestOf(document), authenticationKeys: { current: { key: publicKey, action: 'SAVE' } } }));
    const { result: saved } = await withPrompts([], () => document.save());
    assert.equal(saved, true);
    await waitFor('the document to show the rotated key', () => !document.isDirty && manifestOf(document).authenticationKeys?.previous !== undefined);
    assert.equal(document.getText(), formatManifest(await api.sessions.client(podId).apps.getApplication('salesforce-connector')));
  });

  it('shows a diff and asks before overwriting a change made on the pod; Cancel keeps the edits', async () => {
    const { document } = await openManifest('expense-approvals');
    emulator.control.state.apps.get('expense-approvals')!.description = 'Changed on the pod';
    await replaceText(document, formatManifest({ ...manifestOf(document), description: 'Mine' }));

    const cancelled = await withPrompts([confirm(false)], () => document.save());
    assert.equal(cancelled.result, false);
    assert.deepEqual(cancelled.prompts.atConfirm, [{ diffOpen: true, writes: 0 }]);
    assert.ok(document.isDirty);
    assert.match(document.getText(), /"description": "Mine"/);
    assert.equal(writes().length, 0);
    assert.equal(emulator.control.state.apps.get('expense-approvals')?.description, 'Changed on the pod');

    const overwritten = await withPrompts([confirm(true)], () => document.save());
    assert.equal(overwritten.result, true);
    assert.deepEqual(overwritten.prompts.atConfirm, [{ diffOpen: true, writes: 0 }]);
    assert.equal(emulator.control.state.apps.get('expense-approvals')?.description, 'Mine');
    assert.equal(writes().length, 1);
    await waitFor('the diff to close', () => !vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputTextDiff)));
  });

  it('creates an app from the template on its first save and reopens it under its id', async () => {
    const applications = await child(api, pod, 'Applications');
    const { result: editor } = await withPrompts([], () => vscode.commands.executeCommand<vscode.TextEditor>('symphonyPodAdmin.apps.newManifest', applications));
    const template = editor.document;
    assert.equal(template.uri.path, `/${podId}/apps/new.json`);
    await waitFor('the template\'s blanks to be flagged', () => problemsOf(template.uri).length > 0);

    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    await replaceText(template, formatManifest({
      applicationInfo: { appId: 'made-as-json', name: 'Made as JSON', appUrl: 'https://made.acme.example/app', domain: 'acme.example', publisher: 'Acme' },
      permissions: ['SEND_MESSAGES'],
      authenticationKeys: { current: { key: publicKey, action: 'SAVE' } },
    }));
    await waitFor('the errors to clear', () => problemsOf(template.uri).length === 0);
    const { result: saved, prompts } = await withPrompts([], () => template.save());
    assert.deepEqual(prompts.errors, []);
    assert.equal(saved, true);
    assert.equal(emulator.control.state.apps.get('made-as-json')?.name, 'Made as JSON');
    assert.deepEqual(writes().map((r) => r.path), ['/pod/v1/admin/app/create']);
    await waitFor('the app to reopen under its id', () => vscode.window.activeTextEditor?.document.uri.path === `/${podId}/apps/made-as-json.json`);
    assert.ok(!vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/new.json'))), 'the template is closed');
    assert.ok((await children(api, applications)).some((n) => label(n) === 'Made as JSON'), 'the tree lists the new app');
  });

  it('takes a valid custom permission and gives the precise rule for a bad one, still completing the known ones', async () => {
    const { document } = await openManifest('calendar-sync');
    const tooLong = 'P'.repeat(65);
    await replaceText(document, formatManifest({ ...manifestOf(document), permissions: ['SEND_MESSAGES', 'CUSTOM_SCOPE_1', `${'P'.repeat(64)}`, 'send messages', tooLong] }));
    const lineOf = (text: string) => document.getText().split('\n').findIndex((l) => l.includes(`"${text}"`));
    const problemLines = () => problemsOf(document.uri).map((d) => d.range.start.line);
    await waitFor('problems on the two bad permissions', () => problemLines().includes(lineOf('send messages')) && problemLines().includes(lineOf(tooLong)),
      20_000, () => vscode.languages.getDiagnostics(document.uri).map((d) => [d.range.start.line, d.message]));
    assert.deepEqual(problemLines().sort((a, b) => a - b), [lineOf('send messages'), lineOf(tooLong)], 'CUSTOM_SCOPE_1 and a 64-character custom permission are fine');
    for (const problem of problemsOf(document.uri)) {
      assert.match(problem.message, /upper-case letters, digits and _ \(A-Z, 0-9, _\), at most 64 characters/);
    }
  });

  it('File: Revert File shows the pod\'s current version, which becomes the base', async () => {
    const { document } = await openManifest('zoom-meetings');
    await replaceText(document, formatManifest({ ...manifestOf(document), description: 'Mine, to throw away' }));
    emulator.control.state.apps.get('zoom-meetings')!.description = 'Changed on the pod';
    emulator.control.clearRequests();
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!document.isDirty);
    assert.equal(manifestOf(document).description, 'Changed on the pod');
    assert.deepEqual(emulator.control.requests().map((r) => `${r.method} ${r.path}`), ['GET /pod/v1/admin/app/zoom-meetings/get']);

    await replaceText(document, formatManifest({ ...manifestOf(document), description: 'After the revert' }));
    const { result: saved, prompts } = await withPrompts([], () => vscode.commands.executeCommand<boolean>('symphonyPodAdmin.apps.saveManifest'));
    assert.deepEqual(prompts.asked, [], 'no conflict: the reverted text is the pod\'s version');
    assert.equal(saved, true);
    assert.equal(emulator.control.state.apps.get('zoom-meetings')?.description, 'After the revert');
  });

  it('an open, unedited manifest shows a change made elsewhere (a revoked key); an edited one keeps the user\'s text', async () => {
    const { document: clean } = await openManifest('bloomberg-bridge');
    assert.ok(manifestOf(clean).authenticationKeys?.previous, 'the seeded app has a rotated key');
    const { document: edited } = await openManifest('expense-approvals');
    await replaceText(edited, formatManifest({ ...manifestOf(edited), description: 'Still mine' }));
    const editedText = edited.getText();
    const { prompts } = await withPrompts([confirm(true)], () => vscode.commands.executeCommand('symphonyPodAdmin.apps.revokePreviousKey', { podId, appId: 'bloomberg-bridge' }));
    assert.deepEqual(prompts.errors, []);
    assert.equal(emulator.control.state.apps.get('bloomberg-bridge')?.keys.previous, undefined, 'revoked on the pod');
    await waitFor('the open manifest to show the revoked key', () => manifestOf(clean).authenticationKeys?.previous === undefined, 20_000, () => clean.getText());
    assert.ok(!clean.isDirty);
    assert.equal(clean.getText(), formatManifest(await api.sessions.client(podId).apps.getApplication('bloomberg-bridge')));
    assert.ok(edited.isDirty);
    assert.equal(edited.getText(), editedText, 'unsaved edits are never replaced');
  });

  describe('Apply Manifest to Pod…', () => {
    let prod: PodEmulator;
    let prodId: string;

    before(async () => {
      prod = await startEmulator();
      prodId = await addRsaPod(api, prod, 'Manifest prod pod');
    });
    after(async () => {
      await removePod(api, prodId);
      await prod.close();
    });
    beforeEach(() => prod.control.clearRequests());

    it('updates the app on the chosen pod after a diff and a confirmation naming app and pod', async () => {
      const dev = await api.sessions.client(podId).apps.getApplication('zoom-meetings');
      const file = path.join(dir, 'zoom-meetings.json');
      fs.writeFileSync(file, formatManifest({ ...dev, description: 'Promoted from dev' }));
      const { prompts } = await withPrompts([pickValue(prodId), confirm(true)], () => vscode.commands.executeCommand('symphonyPodAdmin.apps.applyManifest', vscode.Uri.file(file)), prod);
      assert.deepEqual(prompts.errors, []);
      assert.match(prompts.asked.find((q) => q.startsWith('confirm'))!, /Zoom Meetings.*Manifest prod pod/);
      assert.deepEqual(prompts.atConfirm, [{ diffOpen: true, writes: 0 }]);
      assert.equal(prod.control.state.apps.get('zoom-meetings')?.description, 'Promoted from dev');
      assert.deepEqual(writesTo(prod).map((r) => r.path), ['/pod/v1/admin/app/zoom-meetings/update']);
      assert.equal(writes().length, 0, 'the dev pod is untouched');
    });

    it('creates an app the pod does not have, and sends nothing when not confirmed', async () => {
      const file = path.join(dir, 'promoted.json');
      fs.writeFileSync(file, formatManifest({
        applicationInfo: { appId: 'promoted-app', name: 'Promoted App', appUrl: 'https://promoted.acme.example/', domain: 'acme.example', publisher: 'Acme' },
        permissions: ['SEND_MESSAGES', 'CUSTOM_SCOPE_1'],
      }));
      const declined = await withPrompts([pickValue(prodId), confirm(false)], () => vscode.commands.executeCommand('symphonyPodAdmin.apps.applyManifest', vscode.Uri.file(file)), prod);
      assert.match(declined.prompts.asked.find((q) => q.startsWith('confirm'))!, /Create "Promoted App" on Manifest prod pod/);
      assert.equal(writesTo(prod).length, 0);

      const created = await withPrompts([pickValue(prodId), confirm(true)], () => vscode.commands.executeCommand('symphonyPodAdmin.apps.applyManifest', vscode.Uri.file(file)), prod);
      assert.deepEqual(created.prompts.errors, []);
      assert.deepEqual(created.prompts.atConfirm, [{ diffOpen: true, writes: 0 }]);
      assert.deepEqual(prod.control.state.apps.get('promoted-app')?.permissions, ['SEND_MESSAGES', 'CUSTOM_SCOPE_1']);
      assert.deepEqual(writesTo(prod).map((r) => r.path), ['/pod/v1/admin/app/create']);
    });

    it('refuses a manifest that breaks the pod\'s rules before the diff and before anything is written', async () => {
      const file = path.join(dir, 'bad.json');
      fs.writeFileSync(file, formatManifest({ applicationInfo: { appId: 'bad-app', name: 'Bad', appUrl: 'http://bad.acme.example/' } }));
      const { prompts } = await withPrompts([pickValue(prodId)], () => vscode.commands.executeCommand('symphonyPodAdmin.apps.applyManifest', vscode.Uri.file(file)), prod);
      assert.match(prompts.errors[0] ?? '', /https:\/\//);
      assert.equal(prompts.asked.filter((q) => q.startsWith('confirm')).length, 0, 'no diff to confirm');
      assert.deepEqual(prod.control.requests().map((r) => `${r.method} ${r.path}`), ['GET /pod/v1/admin/app/entitlement/list']);
    });

    it('promotes a manifest that holds a field newer than our schema, when the target pod holds it too', async () => {
      assert.equal(prod.control.state.apps.get('zoom-meetings')?.newerFields?.detail?.appGroupId, 'zoom-meetings', 'both pods hold the newer field');
      const dev = await api.sessions.client(podId).apps.getApplication('zoom-meetings');
      const file = path.join(dir, 'zoom-newer.json');
      fs.writeFileSync(file, formatManifest({ ...dev, description: 'Promoted with its newer field' }));
      const { prompts } = await withPrompts([pickValue(prodId), confirm(true)], () => vscode.commands.executeCommand('symphonyPodAdmin.apps.applyManifest', vscode.Uri.file(file)), prod);
      assert.deepEqual(prompts.errors, []);
      assert.equal(prod.control.state.apps.get('zoom-meetings')?.description, 'Promoted with its newer field');
      assert.deepEqual(writesTo(prod).map((r) => `${r.path} ${r.status}`), ['/pod/v1/admin/app/zoom-meetings/update 200']);
    });
  });
});
