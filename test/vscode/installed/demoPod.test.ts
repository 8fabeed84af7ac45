// The extension as a Marketplace user has it: the .vsix that `npm run package` makes, installed into the offline
// VS Code with --install-extension (no repository, no `npm start`). "Symphony: Try the Demo Pod" starts the demo pod
// from the package alone and the Pods view shows its categories; "Stop Demo Pod" removes it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';

const EXTENSION_ID = 'symphony-pod-admin.symphony-pod-admin';

const labelOf = (api: SymphonyPodAdminApi, node: TreeNode): string => {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : label?.label ?? '';
};

describe('The installed .vsix: Try the Demo Pod', () => {
  let extension: vscode.Extension<SymphonyPodAdminApi>;
  let api: SymphonyPodAdminApi;

  before(async () => {
    const found = vscode.extensions.getExtension<SymphonyPodAdminApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not installed`);
    extension = found;
    api = await extension.activate();
    await api.ready;
  });

  it('runs from the installed package, not from the repository', () => {
    const root = extension.extensionPath;
    assert.ok(fs.existsSync(path.join(root, 'dist', 'parts', 'demoPod.js')), 'the demo pod part is in the package');
    for (const absent of ['src', 'test', 'node_modules', 'out', 'tsconfig.json']) {
      assert.ok(!fs.existsSync(path.join(root, absent)), `the package holds no ${absent}`);
    }
  });

  it('starts the demo pod, signs in and shows its categories and data in the Pods view', async () => {
    await vscode.commands.executeCommand('symphonyPodAdmin.demo.try');
    const pods = await api.tree.getChildren();
    const demo = pods.find((node) => labelOf(api, node) === 'Demo pod (local)');
    assert.ok(demo, `the Pods view shows ${pods.map((node) => labelOf(api, node)).join(', ')}`);
    assert.match(api.store.get(demo.podId!)!.podUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(api.sessions.state(demo.podId!), 'signedIn');
    const categories = await api.tree.getChildren(demo);
    assert.deepEqual(categories.map((node) => labelOf(api, node)), ['Certificates', 'Applications', 'Connections', 'Groups', 'Service accounts', 'Users']);
    const certificates = await api.tree.getChildren(categories[0]);
    assert.ok(certificates.some((node) => /Pod certificate/.test(labelOf(api, node))), certificates.map((node) => labelOf(api, node)).join(', '));
  });

  it('removes it with Stop Demo Pod', async () => {
    await vscode.commands.executeCommand('symphonyPodAdmin.demo.stop');
    assert.deepEqual((await api.tree.getChildren()).map((node) => labelOf(api, node)), []);
  });
});
