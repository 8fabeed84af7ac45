// Pod as code in the real VS Code: Export Pod to Folder…, Compare Folder with Pod… (the plan, a diff per resource)
// and Apply Folder to Pod… (a confirmation naming the pod and the counts), run from the lazily loaded part
// dist/parts/podAsCode.js exactly as shipped; then the same folder applied to a second pod (promotion).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { ApplyResult } from '../../../src/podAsCode';
import type { PodEmulator } from '../../../src/podEmulator';
import { cancel, confirm, pickLabel } from './scriptedPrompts';
import { addRsaPod, answering, extensionApi, file, podNode, removePod, startEmulator } from './helpers';

const diffTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff);

describe('Pod as code (Export, Compare, Apply)', () => {
  let api: SymphonyPodAdminApi;
  let dev: PodEmulator;
  let prod: PodEmulator;
  let devId: string;
  let prodId: string;
  let folder: string;

  before(async () => {
    api = await extensionApi();
    [dev, prod] = await Promise.all([startEmulator(), startEmulator()]);
    devId = await addRsaPod(api, dev, 'Dev pod');
    prodId = await addRsaPod(api, prod, 'Prod pod');
    folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'podcode-vscode-')), 'acme.symphony-pod');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removePod(api, devId);
    await removePod(api, prodId);
    await Promise.all([dev.close(), prod.close()]);
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  it('exports a pod, shows the edited field in the plan with a diff, applies it after a confirmation, then matches', async () => {
    const exported = await answering(api, [file(folder)], async () => vscode.commands.executeCommand('symphonyPodAdmin.podAsCode.export', await podNode(api, devId)));
    assert.deepEqual(exported.prompts.errors, []);
    assert.match(exported.prompts.infos[0], /^Exported \d+ certificates, 8 apps, \d+ groups, \d+ serviceAccounts from Dev pod to /);
    const appFile = path.join(folder, 'apps', 'calendar-sync.json');
    const app = JSON.parse(fs.readFileSync(appFile, 'utf8'));
    app.manifest.description = 'Edited in the folder';
    fs.writeFileSync(appFile, `${JSON.stringify(app, null, 2)}\n`);

    const compared = await answering(api, [file(folder), pickLabel(/update apps: Calendar Sync/), cancel], async () =>
      vscode.commands.executeCommand('symphonyPodAdmin.podAsCode.compare', await podNode(api, devId)));
    assert.deepEqual(compared.prompts.errors, []);
    assert.ok(compared.prompts.asked.some((q) => q.startsWith('pick: Plan for Dev pod: 0 to create, 1 to update, 0 to delete')), compared.prompts.asked.join('\n'));
    const diff = diffTabs().find((t) => t.label.startsWith('Calendar Sync: Dev pod ↔ folder'));
    assert.ok(diff, `no diff tab: ${diffTabs().map((t) => t.label).join(', ')}`);
    const right = await vscode.workspace.openTextDocument((diff.input as vscode.TabInputTextDiff).modified);
    assert.match(right.getText(), /"description": "Edited in the folder"/);

    dev.control.clearRequests();
    const applied = await answering(api, [file(folder), confirm(true)], async () =>
      vscode.commands.executeCommand<ApplyResult>('symphonyPodAdmin.podAsCode.apply', await podNode(api, devId)));
    assert.deepEqual(applied.prompts.errors, []);
    assert.ok(applied.prompts.asked.includes('confirm: Apply 1 change on Dev pod (development)?'), applied.prompts.asked.join('\n'));
    assert.deepEqual(applied.result?.applied.map((c) => c.id), ['calendar-sync']);
    assert.deepEqual(dev.control.requests().filter((r) => r.method === 'POST' && r.path.startsWith('/pod/v1/admin/app/')).map((r) => r.path),
      ['/pod/v1/admin/app/calendar-sync/update']);
    assert.ok(applied.prompts.infos.includes('Applied 1 change to Dev pod.'));

    const again = await answering(api, [file(folder)], async () => vscode.commands.executeCommand('symphonyPodAdmin.podAsCode.compare', await podNode(api, devId)));
    assert.deepEqual(again.prompts.errors, []);
    assert.match(again.prompts.infos[0], /^Dev pod matches the folder .*: nothing to change \(1 unmanaged on the pod\)\.$/);
  });

  it('applies the same folder to a second pod, which then matches it too', async () => {
    // Certificates cannot be promoted without their PEMs (the pod never returns one): the folder manages apps and groups.
    const podFile = path.join(folder, 'pod.json');
    fs.writeFileSync(podFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(podFile, 'utf8')), manages: ['apps', 'groups'] }, null, 2));
    const applied = await answering(api, [file(folder), confirm(true)], async () =>
      vscode.commands.executeCommand<ApplyResult>('symphonyPodAdmin.podAsCode.apply', await podNode(api, prodId)));
    assert.deepEqual(applied.prompts.errors, []);
    assert.ok(applied.prompts.asked.includes('confirm: Apply 1 change on Prod pod (development)?'), applied.prompts.asked.join('\n'));
    assert.deepEqual(applied.result?.applied.map((c) => c.id), ['calendar-sync']);
    const checked = await answering(api, [file(folder)], async () => vscode.commands.executeCommand('symphonyPodAdmin.podAsCode.compare', await podNode(api, prodId)));
    assert.deepEqual(checked.prompts.errors, []);
    assert.match(checked.prompts.infos[0], /^Prod pod matches the folder/);
  });
});
