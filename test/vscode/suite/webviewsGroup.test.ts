// The group panel and Remove Member in the real VS Code: people by name (one lookup for the page of ids, an unknown
// id stays the id), Remove Member from the panel and from the tree (a modal naming the person and the group, then
// one update without the member), the avatar preview only from safe addresses under a CSP that allows only them, one
// fingerprint format, and no ETag or "(s)" in anything a panel shows.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../src/tree/treeNode';
import { avatarOf } from '../../../src/editors/groupView';
import { Load, exchange as exchangeWith, nextLoad, panelPod } from './panelHelpers';
import { confirm } from './scriptedPrompts';
import { answering, child, children, contextValue, extensionId, label } from './helpers';

type GroupModel = Extract<Load['model'], { kind: 'group' }>;

describe('Detail webviews: the group panel', () => {
  const t = panelPod('Group panel pod');

  const firstGroup = () => t.first('Groups', 2);

  /** Opens a panel from the tree and returns the first model its webview received. */
  async function open(command: string, node: TreeNode): Promise<{ key: string; model: Load['model'] }> {
    const key = (await vscode.commands.executeCommand<string>(`symphonyPodAdmin.${command}`, node))!;
    return { key, model: (await nextLoad(t.api, key, 0)).model };
  }
  async function openGroup(node: TreeNode): Promise<{ key: string; model: GroupModel }> {
    const { key, model } = await open('groups.open', node);
    return model.kind === 'group' ? { key, model } : assert.fail('not a group');
  }
  const exchange = (key: string, message: unknown) => exchangeWith(t.api, key, message);

  afterEach(() => {
    for (const key of t.api.panels.openKeys()) t.api.panels.close(key);
  });

  it('shows members and "updated by" by name from one lookup, and an unknown id as the id', async () => {
    const node = await firstGroup();
    const stored = t.emulator.control.state.groups.get((node as unknown as { groupId: string }).groupId)!;
    const unknownId = 13056799999999;
    stored.members = [...stored.members, { memberId: unknownId, memberTenant: stored.ownerId } as (typeof stored.members)[number]];
    t.api.tree.refresh(await child(t.api, t.pod, 'Groups'));
    t.emulator.control.clearRequests();
    const { model } = await openGroup(await firstGroup());
    assert.equal(t.requests().filter((r) => r.path === '/pod/v3/users').length, 1, 'one lookup for the page of ids');
    const named = model.members.filter((m) => t.emulator.control.state.directory.get(m.memberId)?.displayName);
    assert.ok(named.length > 0);
    for (const member of named) {
      assert.equal(model.people.find((p) => p.id === String(member.memberId))?.name, t.emulator.control.state.directory.get(member.memberId)!.displayName);
    }
    const unknown = model.people.find((p) => p.id === String(unknownId));
    assert.equal(unknown?.name, `User ${unknownId}`, 'an unresolvable id stays visible as the id');
    assert.match(unknown!.tooltip, /User id: 13056799999999\n.*(could not look up|did not return) this user/);
    const updater = t.emulator.control.state.directory.get(Number(model.updatedBy));
    if (updater) assert.equal(model.people.find((p) => p.id === model.updatedBy)?.name, updater.displayName);
  });

  it('removes a member from the panel after a modal naming the person and the group, with one update', async () => {
    const { key, model } = await openGroup(await firstGroup());
    const member = model.members.find((m) => t.emulator.control.state.directory.get(m.memberId)?.displayName)!;
    const name = t.emulator.control.state.directory.get(member.memberId)!.displayName;
    t.emulator.control.clearRequests();
    const declined = await answering(t.api, [confirm(false)], () => exchange(key, { type: 'group.removeMember', memberId: member.memberId }));
    assert.equal(declined.prompts.asked.length, 1);
    assert.ok(declined.prompts.asked[0].includes(`Remove ${name} from the group "${model.name}"?`), declined.prompts.asked[0]);
    assert.deepEqual(t.writes(), [], 'nothing is written when the user says no');

    t.emulator.control.clearRequests();
    const done = await answering(t.api, [confirm(true)], () => exchange(key, { type: 'group.removeMember', memberId: member.memberId }));
    assert.deepEqual(t.writes().map((r) => `${r.method} ${r.status}`), ['PUT 200'], 'one update');
    const stored = t.emulator.control.state.groups.get(model.id)!;
    assert.ok(!stored.members.some((m) => m.memberId === member.memberId));
    assert.equal(stored.members.length, model.members.length - 1, 'the other members are kept');
    const load = done.result.find((m): m is Load => m.type === 'load');
    assert.ok(load?.model.kind === 'group' && !load.model.members.some((m) => m.memberId === member.memberId), 'the table no longer lists them');
    assert.ok(done.result.some((m) => m.type === 'notice' && m.level === 'info' && m.message === `Removed ${name} from ${model.name}.`));
  });

  it('removes a member from the tree\'s context menu with the same confirmation', async () => {
    const group = await firstGroup();
    const members = await children(t.api, group);
    const member = members.find((n) => contextValue(n) === 'groupMember' && !/^User \d+$/.test(label(n)))!;
    const memberId = (member as unknown as { memberId: number }).memberId;
    const groupId = (group as unknown as { groupId: string }).groupId;
    const manifest = vscode.extensions.getExtension(extensionId)!.packageJSON as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } };
    assert.ok(manifest.contributes.menus['view/item/context'].some((m) => m.command === 'symphonyPodAdmin.groups.removeMember' && m.when?.includes('viewItem == groupMember')));
    t.emulator.control.clearRequests();
    const run = await answering(t.api, [confirm(true)], () => vscode.commands.executeCommand('symphonyPodAdmin.groups.removeMember', member));
    assert.ok(run.prompts.asked[0].includes(`Remove ${label(member)} from the group "${label(group)}"?`), run.prompts.asked[0]);
    assert.deepEqual(t.writes().map((r) => r.method), ['PUT']);
    assert.ok(!t.emulator.control.state.groups.get(groupId)!.members.some((m) => m.memberId === memberId));
    assert.deepEqual(run.prompts.infos, [`Removed ${label(member)} from ${label(group)}.`]);
  });

  it('previews only a data: image or an https avatar on the t.pod itself, and the CSP allows only that origin', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    assert.deepEqual(avatarOf([{ size: 'original', url: png }], 'http://127.0.0.1:1'), { avatarPreview: png });
    assert.deepEqual(avatarOf([{ size: 'original', url: '../avatars/g/600/a.png' }], 'https://acme.symphony.com'), { avatarPreview: 'https://acme.symphony.com/avatars/g/600/a.png' });
    for (const url of ['javascript:alert(1)', 'https://evil.example/a.png', 'data:text/html;base64,PHNjcmlwdD4=', '../avatars/g/600/a.png']) {
      const shown = avatarOf([{ size: 'original', url }], url.startsWith('..') ? 'http://127.0.0.1:1' : 'https://acme.symphony.com');
      assert.equal(shown.avatarPreview, undefined, url);
      assert.match(shown.avatarProblem ?? '', /not previewed/i, url);
    }

    const node = await firstGroup();
    const stored = t.emulator.control.state.groups.get((node as unknown as { groupId: string }).groupId)!;
    stored.profile = { ...stored.profile, avatars: [{ size: 'original', url: png }] };
    const { key, model } = await openGroup(node);
    assert.equal(model.avatarPreview, png, 'the t.pod\'s data: avatar is previewed');
    const csp = /content="([^"]+)"/.exec(t.api.panels.html(key)!)![1].split('; ');
    const extension = /^style-src (.+) 'unsafe-inline'$/.exec(csp.find((d) => d.startsWith('style-src '))!)![1];
    assert.equal(csp.find((d) => d.startsWith('img-src ')), `img-src ${extension} data:`, 'the t.emulator t.pod is http: no origin besides the extension\'s and data:');
  });

  it('shows fingerprints in one format in the tree and the panels', async () => {
    const certNode = (await children(t.api, await child(t.api, t.pod, 'Certificates')))[0];
    const fingerPrint = (certNode as unknown as { fingerPrint: string }).fingerPrint;
    const { model } = await open('certs.open', certNode);
    assert.ok(model.kind === 'certificate');
    assert.match(model.fingerPrint, /^[0-9a-f]{64}$/);
    assert.equal(model.fingerPrint, fingerPrint.toLowerCase());
    const hovered = await t.api.tree.resolveTreeItem(certNode.toTreeItem(), certNode); // what VS Code asks on hover
    const tooltip = (hovered.tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes(model.fingerPrint), 'the tree tooltip writes it the same way');
  });

  it('shows no ETag and no "(s)" anywhere in the panels\' pages', async () => {
    const { key } = await openGroup(await firstGroup());
    const media = path.join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'media', 'webview');
    const bundles = fs.readdirSync(media).filter((f) => f.endsWith('.js'));
    assert.ok(bundles.includes('group.js'), bundles.join(', '));
    for (const bundle of bundles) {
      const code = fs.readFileSync(path.join(media, bundle), 'utf8');
      // Quoted strings and template parts only: what the page can show.
      const texts = code.match(/(["'`])(?:(?!\1)[^\\\n]|\\.)*\1/g) ?? [];
      for (const text of texts) {
        assert.doesNotMatch(text, /\w\(s\)/, `${bundle}: ${text}`);
        assert.doesNotMatch(text, /If-Match|ETag/i, `${bundle}: ${text}`);
      }
    }
    const shown = t.posted(key).filter((m) => m.type === 'notice').map((m) => (m as { message: string }).message).join('\n');
    assert.doesNotMatch(shown, /eTag|\(s\)/i);
    assert.doesNotMatch(t.api.panels.html(key)!, /eTag|If-Match/i);
  });
});
