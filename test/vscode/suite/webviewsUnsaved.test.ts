// Detail panels never lose an edit, in the real VS Code with the real webviews: the title shows unsaved edits, the
// user's text comes back when a hidden panel is shown again, after a window reload (the serializer's state) and after
// the panel was closed with them (with a notification saying so), and a failed save leaves the text alone.
// "The real webview filled the draft back in" is proven by what the webview itself reports afterwards: it computes its
// draft from its own form fields, so its report carries the user's text only if the fields hold it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Draft, HostToView, ViewToHost } from '../../../src/editors/webviewMessages';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../pod-emulator';
import { addRsaPod, answering, child, children, extensionApi, podNode, removePod, startEmulator } from './helpers';

type Load = Extract<HostToView, { type: 'load' }>;
const marker = '● ';

describe('Detail webviews: unsaved edits', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;

  const posted = (key: string) => api.panels.postedMessages(key);
  const received = (key: string) => api.panels.receivedMessages(key);
  const first = async (category: string, depth: number): Promise<TreeNode> => {
    let node = await child(api, pod, category);
    for (let i = 0; i < depth; i++) node = (await children(api, node))[0];
    return node;
  };

  /** Polls the host's message log until `find` matches a message logged after `after` entries. */
  async function waitFor<T>(log: () => readonly T[], after: number, find: (m: T) => boolean): Promise<T> {
    for (;;) {
      const hit = log().slice(after).find(find);
      if (hit) return hit;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const nextLoad = (key: string, after: number) => waitFor(() => posted(key), after, (m) => m.type === 'load') as Promise<Load>;
  /** The next draft report of the real webview (a test's own messages are sent before `after` is taken). */
  const nextReport = (key: string, after: number) =>
    waitFor(() => received(key), after, (m) => m.type === 'draft') as Promise<Extract<ViewToHost, { type: 'draft' }>>;

  /** Opens a panel and waits until its webview has drawn the model and reported its (clean) form. */
  async function open(command: string, node: TreeNode): Promise<string> {
    const key = (await vscode.commands.executeCommand<string>(`symphonyPodAdmin.${command}`, node))!;
    await nextReport(key, 0);
    return key;
  }

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Unsaved edits pod');
    pod = await podNode(api, podId);
  });
  after(async () => {
    await removePod(api, podId);
    await emulator.close();
  });
  afterEach(async () => {
    // A draft would be kept (and announced) on close: the tests leave none behind.
    for (const key of api.panels.openKeys()) {
      await api.panels.handleMessage(key, { type: 'draft' });
      api.panels.close(key);
    }
  });

  it('marks the title while the form has unsaved edits, and clears it when it matches again', async () => {
    const key = await open('certs.open', await first('Certificates', 1));
    assert.ok(!api.panels.title(key)!.startsWith(marker), api.panels.title(key));
    await api.panels.handleMessage(key, { type: 'draft', draft: { base: '', fields: [{ id: 'name', value: 'Edited, not saved' }] } });
    assert.equal(api.panels.title(key), `${marker}${api.panels.title(key)!.slice(marker.length)}`);
    assert.match(api.panels.title(key)!, /^● Certificate: /);
    await api.panels.handleMessage(key, { type: 'draft' });
    assert.match(api.panels.title(key)!, /^Certificate: /);
  });

  it('gives the user\'s text back when a hidden panel is shown again', async () => {
    const cert = await first('Certificates', 1);
    const key = await open('certs.open', cert);
    const draft: Draft = { base: '', fields: [{ id: 'name', value: 'Typed before switching tabs' }] };
    await api.panels.handleMessage(key, { type: 'draft', draft });
    await open('groups.open', await first('Groups', 2)); // same column: the certificate panel is hidden
    const loads = posted(key).length;
    const reports = received(key).length;
    await vscode.commands.executeCommand('symphonyPodAdmin.certs.open', cert);
    const load = await nextLoad(key, loads);
    assert.deepEqual(load.draft, draft, 'the recreated webview gets the draft with its model');
    const report = await nextReport(key, reports);
    assert.deepEqual(report.draft, draft, 'the webview put the text back into its form');
    assert.match(api.panels.title(key)!, /^● /);
  });

  it('keeps the edits of a panel closed with them, says so, and gives them back when it is opened again', async () => {
    const group = await first('Groups', 2);
    const key = await open('groups.open', group);
    const model = (await nextLoad(key, 0)).model;
    if (model.kind !== 'group') return assert.fail('not a group');
    const draft: Draft = { base: model.eTag, fields: [{ id: 'p-jobTitle', value: 'Typed, then closed' }, { id: 'visibilityRestriction-users', value: '12, not yet a number' }] };
    await api.panels.handleMessage(key, { type: 'draft', draft });
    const { prompts } = await answering(api, [], async () => api.panels.close(key));
    assert.equal(prompts.infos.length, 1);
    assert.match(prompts.infos[0], new RegExp(`"Group: ${model.name}" was closed with unsaved edits\\. They are kept`));
    const again = (await vscode.commands.executeCommand<string>('symphonyPodAdmin.groups.open', group))!;
    assert.equal(again, key);
    const report = await nextReport(key, 0);
    assert.deepEqual(report.draft, draft, 'the reopened form holds the text, even the list that does not parse yet');
    assert.match(api.panels.title(key)!, /^● Group: /);
  });

  it('restores a panel with its unsaved edits after a window reload', async () => {
    const appNode = await first('Applications', 1);
    const appId = (appNode as unknown as { appId: string }).appId;
    const draft: Draft = {
      base: '',
      fields: [{ id: 'description', value: 'Written before the reload' }, { id: 'properties', value: JSON.stringify([{ key: 'desk', value: 'rates' }]) }],
    };
    await api.panels.restoreFromState({ podId, kind: 'application', id: appId, draft });
    const key = `${podId}/application/${appId}`;
    assert.ok(api.panels.openKeys().includes(key));
    const report = await nextReport(key, 0);
    assert.deepEqual(report.draft?.fields.find((f) => f.id === 'description'), draft.fields[0]);
    assert.deepEqual(report.draft?.fields.find((f) => f.id === 'properties'), draft.fields[1], 'the added property row is back');
    assert.match(api.panels.title(key)!, /^● App: /);
  });

  it('leaves the user\'s text and the marker after a failed save, and shows the pod\'s version on a conflict', async () => {
    const key = await open('groups.open', await first('Groups', 2));
    const model = (await nextLoad(key, 0)).model;
    if (model.kind !== 'group') return assert.fail('not a group');
    const draft: Draft = { base: model.eTag, fields: [{ id: 'p-displayName', value: '  ' }] };
    await api.panels.handleMessage(key, { type: 'draft', draft });
    emulator.control.clearRequests();
    const before = posted(key).length;
    await api.panels.handleMessage(key, { type: 'group.save', eTag: model.eTag, edit: { profile: { displayName: '  ' } } });
    const replies = posted(key).slice(before);
    assert.ok(replies.some((m) => m.type === 'notice' && m.level === 'error' && m.field === 'displayName'), JSON.stringify(replies));
    assert.ok(!replies.some((m) => m.type === 'load'), 'the form is not redrawn');
    assert.deepEqual(emulator.control.requests(), []);
    assert.match(api.panels.title(key)!, /^● /);

    // A draft restored after a reload names a version this window never saw: nothing is written, the pod's version is shown.
    const stale = posted(key).length;
    await api.panels.handleMessage(key, { type: 'group.save', eTag: 'a-version-from-before-the-reload', edit: { profile: { jobTitle: 'From the old draft' } } });
    const conflict = posted(key).slice(stale).find((m) => m.type === 'group.conflict');
    assert.ok(conflict, 'the conflict view');
    assert.deepEqual(emulator.control.requests().filter((r) => r.method !== 'GET'), []);
  });
});
