// The activity log in the real VS Code: every change of every surface recorded with its before and after, the
// Activity view (newest first, filters, diff), export, Undo with and without a conflict, Recreate after a delete,
// and Copy as curl without the token.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityEntry } from '../../../src/activity/activityEntry';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { addRsaPod, answering, child, children, extensionApi, input, label, pickLabel, pickValue, podNode, removePod, startEmulator } from './helpers';
import { confirm } from './scriptedPrompts';

describe('Activity log and a way back', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;
  const appId = 'activity-app';

  const run = (command: string, arg: unknown, answers: Parameters<typeof answering>[1]) =>
    answering(api, answers, () => vscode.commands.executeCommand(`symphonyPodAdmin.${command}`, arg));
  const mine = async () => (await api.activity.log.read()).filter((e) => e.pod.id === podId);
  const latest = async (): Promise<ActivityEntry> => (await mine())[0];
  const certificate = async (name: string) => (await children(api, await child(api, pod, 'Certificates'))).find((n) => label(n) === name)!;
  const writes = () => emulator.control.requests().filter((r) => r.method !== 'GET' && !r.path.startsWith('/login'));

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Activity pod');
    pod = await podNode(api, podId);
    await api.sessions.client(podId).apps.createApplication({ applicationInfo: { appId, name: 'Activity app', appUrl: 'https://activity.example.com', domain: 'example.com', publisher: 'Tests' }, description: 'first' });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removePod(api, podId);
    await emulator.close();
  });
  beforeEach(() => emulator.control.clearRequests());

  it('records a change with the command, the resource, before and after, and the pod\'s answer', async () => {
    await run('certs.update', await certificate('Acme Issuing CA'), [input('Acme CA renamed'), pickValue('USERSIGNING'), pickValue('TRUSTED')]);
    const entry = await latest();
    assert.equal(entry.command, 'symphonyPodAdmin.certs.update');
    assert.deepEqual([entry.action, entry.resource.kind, entry.resource.name, entry.pod.environment, entry.account], ['update', 'certificate', 'Acme Issuing CA', 'development', emulator.admin.username]);
    assert.equal((entry.before as { name: string }).name, 'Acme Issuing CA');
    assert.equal((entry.sent as { name: string }).name, 'Acme CA renamed');
    assert.deepEqual([entry.result.ok, entry.result.status], [true, 200]);
    assert.equal((await mine()).length, 2, 'the app created through the client in set-up is recorded too: every write is');
  });

  it('lists the entries newest first in the Activity view, filtered by pod, and shows the diff', async () => {
    const items = await answering(api, [pickValue('pod'), pickValue(podId)], () => vscode.commands.executeCommand('symphonyPodAdmin.activity.filter'));
    assert.deepEqual(items.prompts.errors, []);
    const entries = await (await import('../../../src/activity/vscode/activityView')).listEntries(api.activity.recorder);
    assert.ok(entries.every((e) => e.pod.id === podId));
    assert.deepEqual(entries.map((e) => e.time), [...entries.map((e) => e.time)].sort().reverse());
    await run('activity.showDiff', entries[0], []);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.match(tab?.label ?? '', /Update certificate Acme Issuing CA: before ↔ after/);
    const input = tab?.input as vscode.TabInputTextDiff;
    assert.match((await vscode.workspace.openTextDocument(input.original)).getText(), /"name": "Acme Issuing CA"/);
    assert.match((await vscode.workspace.openTextDocument(input.modified)).getText(), /"name": "Acme CA renamed"/);
    await run('activity.clearFilter', undefined, []);
  });

  it('exports what the view shows as CSV with formula-safe cells, and as Markdown', async () => {
    await run('certs.update', await certificate('Acme CA renamed'), [input('=HYPERLINK("x")'), pickValue('USERSIGNING'), pickValue('TRUSTED')]);
    await run('certs.update', await certificate('=HYPERLINK("x")'), [input('Acme CA'), pickValue('USERSIGNING'), pickValue('TRUSTED')]);
    const { result: csv } = await run('activity.export', undefined, [pickValue('csv')]) as { result: string };
    assert.match(csv, /^Time \(UTC\),Pod,Environment,Account,Action,Resource,Id,Name,Result/);
    assert.match(csv, /,"'=HYPERLINK\(""x""\)",200,/);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), csv);
    const { result: md } = await run('activity.export', undefined, [pickValue('markdown')]) as { result: string };
    assert.match(md, /^\| Time \(UTC\) \| Pod \|/);
  });

  it('undoes an update when nobody changed the resource since, and logs the undo', async () => {
    const change = await latest();
    const { prompts } = await run('activity.undo', change, []);
    assert.deepEqual(prompts.errors, []);
    assert.ok([...emulator.control.state.certs.values()].some((c) => c.attributes.name === '=HYPERLINK("x")'));
    const undo = await latest();
    assert.deepEqual([undo.command, undo.reverts], ['symphonyPodAdmin.activity.undo', change.id]);
  });

  it('shows a change made by someone else since, and overwrites nothing unless asked', async () => {
    const appNode = (await children(api, await child(api, pod, 'Applications'))).find((n) => label(n) === 'Activity app')!;
    const key = (await vscode.commands.executeCommand<string>('symphonyPodAdmin.apps.open', appNode))!;
    while (!api.panels.postedMessages(key).some((m) => m.type === 'load')) await new Promise((resolve) => setTimeout(resolve, 50));
    const saved = await answering(api, [], () => api.panels.handleMessage(key, { type: 'application.save', edit: { description: 'second' } }));
    assert.deepEqual(saved.prompts.errors, []);
    api.panels.close(key);
    const apps = api.sessions.client(podId).apps;
    const change = await latest();
    assert.deepEqual([change.resource.id, (change.before as { description: string }).description], [appId, 'first']);
    await apps.updateApplication(appId, { description: 'someone else' });
    emulator.control.clearRequests();
    const declined = await run('activity.undo', change, [confirm(false)]);
    assert.match(declined.prompts.asked.find((q) => q.startsWith('confirm')) ?? '', /changed on Activity pod since you opened it/);
    assert.equal(writes().length, 0);
    assert.equal(emulator.control.state.apps.get(appId)?.description, 'someone else');
  });

  it('recreates a deleted app from its logged manifest, saying what cannot come back', async () => {
    const app = (await children(api, await child(api, pod, 'Applications'))).find((n) => label(n) === 'Activity app')!;
    await run('apps.delete', app, [confirm()]);
    assert.ok(!emulator.control.state.apps.has(appId));
    const deleted = await latest();
    assert.equal(deleted.action, 'delete');
    const { prompts } = await run('activity.recreate', deleted, [confirm()]);
    assert.deepEqual(prompts.errors, []);
    assert.match(prompts.asked.find((q) => q.startsWith('confirm')) ?? '', /Recreate the application "Activity app"/);
    assert.match(prompts.infos.at(-1) ?? '', /RSA keys .* cannot come back/);
    assert.equal(emulator.control.state.apps.get(appId)?.description, 'someone else');
  });

  it('copies a change as curl with the session token as a placeholder', async () => {
    await run('activity.copyCurl', await latest(), []);
    const text = await vscode.env.clipboard.readText();
    assert.match(text, /^curl -X POST '.*\/pod\/v1\/admin\/app\/create' \\\n {2}-H "sessionToken: \$SYMPHONY_SESSION_TOKEN"/);
    for (const token of emulator.control.state.sessions.keys()) assert.ok(!text.includes(token));
  });

  it('picks the change to undo from the palette when run without one', async () => {
    const { prompts } = await run('activity.showDiff', undefined, [pickLabel(/^create application/)]);
    assert.deepEqual(prompts.errors, []);
  });
});
