// Search All Pods in the real VS Code against two emulators: the same application found in both pods opens the one
// picked, a certificate is found by its fingerprint with one GET, a person opens their connection info, and a pod that
// fails shows its reason as an item without hiding the other pod's results.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { PodEmulator } from '../../../src/podEmulator';
import { externalUserId } from '../../../src/podEmulator';
import { addRsaPod, answering, extensionApi, removePod, startEmulator } from './helpers';
import { searchFor } from './scriptedPrompts';

describe('Search All Pods', () => {
  let api: SymphonyPodAdminApi;
  let east: PodEmulator;
  let west: PodEmulator;
  let eastId: string;
  let westId: string;

  const search = (text: string, result: RegExp) => answering(api, [searchFor(text, result)], () => vscode.commands.executeCommand<string | undefined>('symphonyPodAdmin.search'));

  before(async () => {
    api = await extensionApi();
    [east, west] = await Promise.all([startEmulator(), startEmulator()]);
    eastId = await addRsaPod(api, east, 'East pod');
    westId = await addRsaPod(api, west, 'West pod');
  });
  after(async () => {
    for (const key of api.panels.openKeys()) api.panels.close(key);
    await removePod(api, eastId);
    await removePod(api, westId);
    await Promise.all([east.close(), west.close()]);
  });

  it('finds the same application in both pods and opens the one picked', async () => {
    const app = [...west.control.state.apps.values()][1];
    const { result: key, prompts } = await search(app.name, new RegExp(`${app.name} — West pod · application`));
    assert.deepEqual(prompts.errors, []);
    const labels = prompts.searchItems.filter((i) => i.label.endsWith(app.name)).map((i) => i.description);
    assert.deepEqual(labels.sort(), ['East pod · application', 'West pod · application']);
    assert.equal(key, `${westId}/application/${app.appId}`);
    assert.ok(api.panels.openKeys().includes(key!));
  });

  it('finds a certificate by its fingerprint with one GET per pod and opens its detail view', async () => {
    const cert = [...east.control.state.certs.values()][2];
    east.control.clearRequests();
    west.control.clearRequests();
    const { result: key } = await search(cert.info.fingerPrint, /East pod · certificate/);
    assert.equal(key, `${eastId}/certificate/${cert.info.fingerPrint}`);
    const certReads = (emu: PodEmulator) => emu.control.requests().filter((r) => r.path.startsWith('/pod/v1/companycert/')).map((r) => r.path);
    assert.ok(!certReads(east).some((p) => p.endsWith('/list')), 'no certificate list is read for a fingerprint');
    assert.deepEqual(certReads(west), [`/pod/v1/companycert/${cert.info.fingerPrint}/get`], 'the other pod is asked once');
  });

  it('finds a person by name and shows who they are and the connection', async () => {
    const person = east.control.state.directory.get(externalUserId(2))!;
    const { prompts } = await search(person.displayName, new RegExp(`${person.displayName} — East pod · person — ${person.id}$`));
    assert.equal(prompts.shown.length, 1);
    assert.match(prompts.shown[0].message, new RegExp(`^${person.displayName}: accepted`));
    assert.match(prompts.shown[0].detail, new RegExp(`Email: ${person.emailAddress!.replace(/\./g, '\\.')}`));
  });

  it('shows a failing pod as "<pod>: could not search: <reason>" and still opens the other pod\'s result', async () => {
    api.tree.refresh(); // drops what earlier searches read, so every area of the failing pod asks it
    east.control.injectFault({ status: 500, count: 1000 });
    const group = [...west.control.state.groups.values()].find((g) => g.status === 'ACTIVE')!;
    try {
      const { result: key, prompts } = await search(group.name, new RegExp(`${group.name} — West pod · group`));
      assert.ok(prompts.searchItems.some((i) => /^\$\(error\) East pod: could not search: /.test(i.label)), prompts.searchItems.map((i) => i.label).join('\n'));
      assert.equal(key, `${westId}/group/${group.id}`);
    } finally {
      east.control.reset();
    }
  });

  it('is a button on the view title and in the command palette', () => {
    const contributes = vscode.extensions.getExtension('symphony-pod-admin.symphony-pod-admin')!.packageJSON.contributes;
    assert.ok(contributes.menus['view/title'].some((m: { command: string }) => m.command === 'symphonyPodAdmin.search'));
    assert.ok(contributes.commands.some((c: { command: string; title: string }) => c.command === 'symphonyPodAdmin.search' && c.title === 'Search All Pods…'));
  });
});
