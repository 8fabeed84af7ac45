// Detail panels never lose an edit, in the real VS Code with the real webviews: the title shows unsaved edits, the
// user's text comes back when a hidden panel is shown again, after a window reload (the serializer's state) and after
// the panel was closed with them (with a notification saying so), and a failed save leaves the text alone.
// "The real webview filled the draft back in" is proven by what the webview itself reports afterwards: it computes its
// draft from its own form fields, so its report carries the user's text only if the fields hold it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Draft } from '../../../src/editors/webviewMessages';
import type { TreeNode } from '../../../src/tree/treeNode';
import { answering } from './helpers';
import { nextDraftReport, nextLoad as nextPanelLoad, panelPod } from './panelHelpers';
const marker = '● ';

describe('Detail webviews: unsaved edits', () => {
  const t = panelPod('Unsaved edits pod');
  const received = (key: string) => t.api.panels.receivedMessages(key);
  const nextLoad = (key: string, after: number) => nextPanelLoad(t.api, key, after);
  /** The next draft report of the real webview (a test's own messages are sent before `after` is taken). */
  const nextReport = (key: string, after: number) => nextDraftReport(t.api, key, after);

  /** Opens a panel and waits until its webview has drawn the model and reported its (clean) form. */
  async function open(command: string, node: TreeNode): Promise<string> {
    const key = (await vscode.commands.executeCommand<string>(`symphonyPodAdmin.${command}`, node))!;
    await nextReport(key, 0);
    return key;
  }

  afterEach(async () => {
    // A draft would be kept (and announced) on close: the tests leave none behind.
    for (const key of t.api.panels.openKeys()) {
      await t.api.panels.handleMessage(key, { type: 'draft' });
      t.api.panels.close(key);
    }
  });

  it('marks the title while the form has unsaved edits, and clears it when it matches again', async () => {
    const key = await open('certs.open', await t.first('Certificates', 1));
    assert.ok(!t.api.panels.title(key)!.startsWith(marker), t.api.panels.title(key));
    await t.api.panels.handleMessage(key, { type: 'draft', draft: { base: '', fields: [{ id: 'name', value: 'Edited, not saved' }] } });
    assert.equal(t.api.panels.title(key), `${marker}${t.api.panels.title(key)!.slice(marker.length)}`);
    assert.match(t.api.panels.title(key)!, /^● Certificate: /);
    await t.api.panels.handleMessage(key, { type: 'draft' });
    assert.match(t.api.panels.title(key)!, /^Certificate: /);
  });

  it('gives the user\'s text back when a hidden panel is shown again', async () => {
    const cert = await t.first('Certificates', 1);
    const key = await open('certs.open', cert);
    const draft: Draft = { base: '', fields: [{ id: 'name', value: 'Typed before switching tabs' }] };
    await t.api.panels.handleMessage(key, { type: 'draft', draft });
    await open('groups.open', await t.first('Groups', 2)); // same column: the certificate panel is hidden
    const loads = t.posted(key).length;
    const reports = received(key).length;
    await vscode.commands.executeCommand('symphonyPodAdmin.certs.open', cert);
    const load = await nextLoad(key, loads);
    assert.deepEqual(load.draft, draft, 'the recreated webview gets the draft with its model');
    const report = await nextReport(key, reports);
    assert.deepEqual(report.draft, draft, 'the webview put the text back into its form');
    assert.match(t.api.panels.title(key)!, /^● /);
  });

  it('keeps the edits of a panel closed with them, says so, and gives them back when it is opened again', async () => {
    const group = await t.first('Groups', 2);
    const key = await open('groups.open', group);
    const model = (await nextLoad(key, 0)).model;
    if (model.kind !== 'group') return assert.fail('not a group');
    const draft: Draft = { base: model.eTag, fields: [{ id: 'p-jobTitle', value: 'Typed, then closed' }, { id: 'visibilityRestriction-users', value: '12, not yet a number' }] };
    await t.api.panels.handleMessage(key, { type: 'draft', draft });
    const { prompts } = await answering(t.api, [], async () => t.api.panels.close(key));
    assert.equal(prompts.infos.length, 1);
    assert.match(prompts.infos[0], new RegExp(`"Group: ${model.name}" was closed with unsaved edits\\. They are kept`));
    const again = (await vscode.commands.executeCommand<string>('symphonyPodAdmin.groups.open', group))!;
    assert.equal(again, key);
    const report = await nextReport(key, 0);
    assert.deepEqual(report.draft, draft, 'the reopened form holds the text, even the list that does not parse yet');
    assert.match(t.api.panels.title(key)!, /^● Group: /);
  });

  it('restores a panel with its unsaved edits after a window reload', async () => {
    const appNode = await t.first('Applications', 1);
    const appId = (appNode as unknown as { appId: string }).appId;
    const draft: Draft = {
      base: '',
      fields: [{ id: 'description', value: 'Written before the reload' }, { id: 'properties', value: JSON.stringify([{ key: 'desk', value: 'rates' }]) }],
    };
    await t.api.panels.restoreFromState({ podId: t.podId, kind: 'application', id: appId, draft });
    const key = `${t.podId}/application/${appId}`;
    assert.ok(t.api.panels.openKeys().includes(key));
    const report = await nextReport(key, 0);
    assert.deepEqual(report.draft?.fields.find((f) => f.id === 'description'), draft.fields[0]);
    assert.deepEqual(report.draft?.fields.find((f) => f.id === 'properties'), draft.fields[1], 'the added property row is back');
    assert.match(t.api.panels.title(key)!, /^● App: /);
  });

  it('leaves the user\'s text and the marker after a failed save, and shows the t.pod\'s version on a conflict', async () => {
    const key = await open('groups.open', await t.first('Groups', 2));
    const model = (await nextLoad(key, 0)).model;
    if (model.kind !== 'group') return assert.fail('not a group');
    const draft: Draft = { base: model.eTag, fields: [{ id: 'p-displayName', value: '  ' }] };
    await t.api.panels.handleMessage(key, { type: 'draft', draft });
    t.emulator.control.clearRequests();
    const before = t.posted(key).length;
    await t.api.panels.handleMessage(key, { type: 'group.save', eTag: model.eTag, edit: { profile: { displayName: '  ' } } });
    const replies = t.posted(key).slice(before);
    assert.ok(replies.some((m) => m.type === 'notice' && m.level === 'error' && m.field === 'displayName'), JSON.stringify(replies));
    assert.ok(!replies.some((m) => m.type === 'load'), 'the form is not redrawn');
    assert.deepEqual(t.emulator.control.requests(), []);
    assert.match(t.api.panels.title(key)!, /^● /);

    // A draft restored after a reload names a version this window never saw: nothing is written, the pod's version is shown.
    const stale = t.posted(key).length;
    await t.api.panels.handleMessage(key, { type: 'group.save', eTag: 'a-version-from-before-the-reload', edit: { profile: { jobTitle: 'From the old draft' } } });
    const conflict = t.posted(key).slice(stale).find((m) => m.type === 'group.conflict');
    assert.ok(conflict, 'the conflict view');
    assert.deepEqual(t.emulator.control.requests().filter((r) => r.method !== 'GET'), []);
  });
});
