// Every row of the Pods tree says its state in words. VS Code reads a row as its accessibilityInformation label, else
// its tooltip when that is plain text, else its label and description, and never its icon, colour or badge: a row whose
// icon shows a state (expired, expiring, disabled, deleted, revoked, signed out, locked) must say it in that text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { addRsaPod, children, extensionApi, label, podNode, removePod, startEmulator } from './helpers';

/** What a screen reader hears for a row, by VS Code's rule. */
function spoken(item: vscode.TreeItem): string {
  if (item.accessibilityInformation) return item.accessibilityInformation.label;
  if (typeof item.tooltip === 'string') return item.tooltip;
  const text = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
  return `${text} ${typeof item.description === 'string' ? item.description : ''}`;
}

/** The words a row must say when its icon is one of these; other icons name the kind of thing, not a state. */
const stateIcons: Record<string, RegExp> = {
  warning: /expires within \d+ days/i,
  'circle-slash': /disabled|revoked/i,
  'debug-pause': /disabled/i,
  trash: /deleted/i,
  'debug-disconnect': /signed out|session expired/i,
  lock: /locked/i,
  unlock: /unlocked/i,
};

describe('Pods tree for screen readers', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator({ scale: { certs: 40, groups: 12 } });
    podId = await addRsaPod(api, emulator, 'Spoken pod');
  });
  after(async () => {
    await removePod(api, podId);
    await emulator.close();
  });

  it('says in words every state a row shows by its icon, in every list of the pod', async () => {
    const rows: vscode.TreeItem[] = [];
    const walk = async (node: TreeNode, depth: number): Promise<void> => {
      const item = node.toTreeItem();
      rows.push(item);
      if (depth === 0 || item.collapsibleState === vscode.TreeItemCollapsibleState.None) return;
      for (const next of await children(api, node)) await walk(next, depth - 1);
    };
    await walk(await podNode(api, podId), 4);
    const seen = new Set<string>();
    for (const item of rows) {
      const icon = (item.iconPath as vscode.ThemeIcon | undefined)?.id ?? '';
      const words = stateIcons[icon];
      if (!words) continue;
      seen.add(icon);
      assert.match(spoken(item), words, `the row "${spoken(item)}" shows the ${icon} icon`);
    }
    assert.ok(seen.has('warning') && seen.has('circle-slash'), `the pod has expiring and revoked or disabled rows (icons seen: ${[...seen].join(', ')})`);
  });

  it('says "expired" for an expired certificate and names the row by its label first', async () => {
    const certificates = (await children(api, await podNode(api, podId))).find((n) => label(n) === 'Certificates')!;
    const expired = (await children(api, certificates)).map((n) => n.toTreeItem()).filter((item) => (item.iconPath as vscode.ThemeIcon | undefined)?.id === 'error');
    assert.ok(expired.length > 0, 'the first page has an expired certificate');
    for (const item of expired) {
      assert.match(spoken(item), /expired/);
      assert.ok(spoken(item).startsWith(String(item.label)), spoken(item));
    }
  });
});
