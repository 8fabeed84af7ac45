// The activity log in the real VS Code: every change of every surface recorded with its before and after, the
// Activity view (newest first, filters, diff), export, Undo with and without a conflict, Recreate after a delete,
// Copy as curl without the token, Copy as CLI command, and no Undo where the pod cannot take a change back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityEntry } from '../../../src/activity/activityEntry';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { addRsaPod, answering, child, children, contextValue, extensionApi, input, label, pickLabel, pickValue, podNode, removePod, startEmulator } from './helpers';
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

  it('undoes an app entitlement change through the entitlement update, and shows a change made since before overwriting', async () => {
    const settings = () => { const { enable, listed, install } = emulator.control.state.apps.get(appId)!.entitlement; return { enable, listed, install }; };
    await api.tree.refresh();
    const original = settings();
    const app = (await children(api, await child(api, pod, 'Applications'))).find((n) => label(n) === 'Activity app')!;
    await run('apps.toggleEntitlement', app, [{ pickMany: (item) => !item.picked }]);
    const toggled = settings();
    assert.deepEqual(toggled, { enable: !original.enable, listed: !original.listed, install: !original.install });
    const change = await latest();
    assert.deepEqual([change.action, change.resource.kind, change.resource.id, change.before], ['update', 'entitlement', appId, original]);

    const clean = await run('activity.undo', change, []);
    assert.deepEqual(clean.prompts.errors, []);
    assert.deepEqual(settings(), original);
    assert.equal((await latest()).reverts, change.id);

    // Undo the undo after someone else changed the install setting: the diff is shown, and Cancel writes nothing.
    const undo = await latest();
    const list = await api.sessions.client(podId).apps.listPodAppEntitlements();
    const mine = list.find((e) => e.appId === appId)!;
    await api.sessions.client(podId).apps.updatePodAppEntitlements([{ ...mine, install: !mine.install }]);
    emulator.control.clearRequests();
    const declined = await run('activity.undo', undo, [confirm(false)]);
    assert.match(declined.prompts.asked.find((q) => q.startsWith('confirm')) ?? '', /The entitlement "Activity app" was changed on Activity pod after this change/);
    assert.equal(writes().length, 0);
  });

  it('undoes a service account\'s attribute change and its disabling through the account calls, sending back only that field', async () => {
    const bot = () => [...emulator.control.state.directory.values()].find((u) => u.username === 'fx-pricing-bot')!;
    const target = { podId, uid: String(bot().id) };
    await run('accounts.updateAttribute', target, [pickValue('title'), input('Undo me')]);
    assert.equal(bot().title, 'Undo me');
    const renamed = await latest();
    assert.deepEqual([renamed.action, renamed.resource.kind, renamed.resource.id, renamed.before], ['update', 'account', target.uid, { title: 'Service account' }]);
    emulator.control.clearRequests();
    assert.deepEqual((await run('activity.undo', renamed, [])).prompts.errors, []);
    assert.equal(bot().title, 'Service account');
    assert.deepEqual(writes().map((r) => r.path), [`/pod/v2/admin/user/${target.uid}/update`]);

    await run('accounts.setStatus', target, [confirm()]);
    assert.equal(bot().active, false);
    const disabled = await latest();
    assert.deepEqual(disabled.before, { status: 'ENABLED' });
    assert.deepEqual((await run('activity.undo', disabled, [])).prompts.errors, []);
    assert.equal(bot().active, true);
  });

  it('offers no Undo for an accepted connection request, and says plainly what cannot come back', async () => {
    const incoming = (await children(api, await child(api, await child(api, pod, 'Connections'), 'Incoming requests'))).filter((n) => contextValue(n) === 'connection.incoming');
    await run('connections.accept', incoming[0], []);
    const accepted = await latest();
    assert.deepEqual([accepted.resource.kind, accepted.action], ['connection', 'update']);
    const item = (await import('../../../src/activity/vscode/activityView')).treeItem(accepted);
    assert.equal(item.contextValue, 'activity.other', 'no Undo in the menu');
    assert.match((item.tooltip as vscode.MarkdownString).value, /No Undo: A connection request that was accepted or rejected cannot be undone/);
    emulator.control.clearRequests();
    const { prompts } = await run('activity.undo', accepted, []);
    assert.match(prompts.errors[0] ?? '', /cannot be undone: the pod has no way to take an answer back\. After an accept, Remove Connection ends the connection/);
    assert.equal(writes().length, 0);
  });

  it('copies a change, a pod and an app as symphony-pod commands, with no secret in them', async () => {
    const entitlement = (await mine()).find((e) => e.resource.kind === 'entitlement')!;
    await run('activity.copyCli', entitlement, []);
    const fromEntry = await vscode.env.clipboard.readText();
    assert.match(fromEntry, new RegExp(`^# entitlement ${appId} on Activity pod \\(development\\)`));
    assert.match(fromEntry, new RegExp(`export SYMPHONY_POD_URL='${emulator.url}'\nexport SYMPHONY_POD_LABEL='Activity pod'\nexport SYMPHONY_POD_ENVIRONMENT='development'`));
    assert.match(fromEntry, new RegExp(`export SYMPHONY_USERNAME='${emulator.admin.username}'\nexport SYMPHONY_PRIVATE_KEY_FILE='`));
    assert.match(fromEntry, /symphony-pod export activity-pod\.symphony-pod\n# edit activity-pod\.symphony-pod\/apps\/activity-app\.json \(its "entitlement": enable, listed, install\), then:\nsymphony-pod plan activity-pod\.symphony-pod\nsymphony-pod apply activity-pod\.symphony-pod\n$/);

    await run('activity.copyCli', pod, []);
    const fromPod = await vscode.env.clipboard.readText();
    assert.match(fromPod, /symphony-pod plan activity-pod\.symphony-pod .*\nsymphony-pod expiry --days 30/);
    const app = (await children(api, await child(api, pod, 'Applications'))).find((n) => label(n) === 'Activity app')!;
    await run('activity.copyCli', app, []);
    assert.match(await vscode.env.clipboard.readText(), /# edit activity-pod\.symphony-pod\/apps\/activity-app\.json \(its manifest\)/);
    for (const text of [fromEntry, fromPod]) {
      assert.ok(!/PRIVATE KEY-----|sessionToken/.test(text));
      for (const token of emulator.control.state.sessions.keys()) assert.ok(!text.includes(token));
    }

    const connection = (await mine()).find((e) => e.resource.kind === 'connection')!;
    const { prompts } = await run('activity.copyCli', connection, []);
    assert.match(prompts.errors[0] ?? '', /The symphony-pod CLI has no equivalent for a connection change/);
  });

  it('picks the change to undo from the palette when run without one', async () => {
    const { prompts } = await run('activity.showDiff', undefined, [pickLabel(/^create application/)]);
    assert.deepEqual(prompts.errors, []);
  });
});
