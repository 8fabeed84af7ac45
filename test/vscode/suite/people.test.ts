// People, not numbers: connections and group members show names (one GET /pod/v3/users per page of ids, cached per
// pod, asked again on refresh), an id the pod cannot resolve stays the id with the reason, names from the pod are
// plain text, and Send Connection Request / Add Member find a user by name or email.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { externalUserId } from '../../../src/podEmulator';
import { addRsaPod, answering, child, children, extensionApi, input, label, pickLabel, podNode, removePod, startEmulator } from './helpers';

describe('People by name', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;

  const run = (command: string, node: TreeNode | undefined, answers: Parameters<typeof answering>[1]) =>
    answering(api, answers, () => vscode.commands.executeCommand(`symphonyPodAdmin.${command}`, node));
  const lookups = () => emulator.control.requests().filter((r) => r.path === '/pod/v3/users');
  const statusNode = async (name: string) => child(api, await child(api, pod, 'Connections'), name);
  const tooltip = (node: TreeNode) => String(node.toTreeItem().tooltip ?? '');
  const description = (node: TreeNode) => String(node.toTreeItem().description ?? '');

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator({ scale: { connections: 450 } });
    podId = await addRsaPod(api, emulator, 'People pod');
    pod = await podNode(api, podId);
  });
  after(async () => {
    await removePod(api, podId);
    await emulator.close();
  });

  it('labels connections with names in one request per 100 ids, the id in the description, email in the tooltip', async () => {
    emulator.control.clearRequests();
    const accepted = await children(api, await statusNode('Accepted'));
    const ids = emulator.control.state.connections.get(emulator.control.state.accounts.get('demo-admin')!.id)!;
    const count = [...ids.values()].filter((c) => c.status === 'ACCEPTED').length;
    assert.equal(accepted.length, count, accepted.map((n) => `${label(n)} | ${String(n.toTreeItem().tooltip ?? '')}`).join(' ; '));
    assert.equal(lookups().length, Math.ceil(count / 100));
    const someone = emulator.control.state.directory.get(externalUserId(2))!;
    const node = accepted.find((n) => label(n) === someone.displayName)!;
    assert.ok(node, accepted.map(label).join(', '));
    assert.match(description(node), new RegExp(`^${someone.id} · accepted`));
    assert.match(tooltip(node), new RegExp(`Email: ${someone.emailAddress!.replace('.', '\\.')}`));
    assert.match(tooltip(node), new RegExp(`User id: ${someone.id}`));
    await children(api, await statusNode('Accepted'));
    assert.equal(lookups().length, Math.ceil(count / 100), 'a repaint uses the cache');
  });

  it('asks again on refresh, strips invisible characters, and keeps an unresolvable id with the reason', async () => {
    const renamed = emulator.control.state.directory.get(externalUserId(2))!;
    renamed.displayName = 'Eve\u202E lin\u0007Ma';
    const gone = externalUserId(6);
    emulator.control.state.directory.delete(gone);
    const accepted = await statusNode('Accepted');
    api.tree.refresh(accepted);
    emulator.control.clearRequests();
    const nodes = await children(api, accepted);
    assert.ok(lookups().length >= 1);
    const eve = nodes.find((n) => label(n).startsWith('Eve'))!;
    assert.equal(label(eve), 'Eve lin Ma');
    assert.match(tooltip(eve), /Invisible or control characters/);
    const missing = nodes.find((n) => label(n) === `User ${gone}`)!;
    assert.ok(missing, nodes.map(label).join(', '));
    assert.match(tooltip(missing), /could not look up this user \(user\.notfound\)/);
  });

  it('labels group members with names, one request per group', async () => {
    const type = (await children(api, await child(api, pod, 'Groups')))[0];
    const group = (await children(api, type)).find((n) => (n.toTreeItem().collapsibleState ?? 0) > 0)!;
    emulator.control.clearRequests();
    const members = await children(api, group);
    assert.equal(lookups().length, 1);
    const first = members[0] as TreeNode & { memberId: number };
    const user = emulator.control.state.directory.get(first.memberId)!;
    assert.equal(label(first), user.displayName);
    assert.match(tooltip(first), new RegExp(`User id: ${user.id}`));
  });

  it('Send Connection Request finds a user by name and sends the request to the picked id', async () => {
    const target = { id: 18799999999002, username: 'zelda.quartz', displayName: 'Zelda Quartz', company: 'Other Bank', podId: 199, internal: false, emailAddress: 'zelda@other.example' };
    emulator.control.state.directory.set(target.id, target);
    const { prompts } = await run('connections.create', pod, [input('zelda'), pickLabel('Zelda Quartz')]);
    assert.deepEqual(prompts.errors, []);
    assert.match(prompts.infos[0] ?? '', /Zelda Quartz \(18799999999002\): pending outgoing/);
    const sent = emulator.control.requests().find((r) => r.method === 'POST' && r.path === '/pod/v1/connection/create');
    assert.ok(sent);
    assert.equal(emulator.control.state.connections.get(emulator.control.state.accounts.get('demo-admin')!.id)!.get(target.id)?.status, 'PENDING_OUTGOING');
  });

  it('Add Member searches again when nothing matches, then adds the picked user of this pod', async () => {
    const type = (await children(api, await child(api, pod, 'Groups')))[0];
    const group = (await children(api, type))[0] as TreeNode & { item: { id: string } };
    const newcomer = [...emulator.control.state.directory.values()].find((u) => u.internal && !emulator.control.state.groups.get(group.item.id)!.members.some((m) => m.memberId === u.id))!;
    const { prompts } = await run('groups.addMember', group, [input('no-such-person-xyz'), pickLabel('$(search) Search again…'), input(newcomer.emailAddress!), pickLabel(newcomer.displayName)]);
    assert.deepEqual(prompts.errors, []);
    assert.ok(emulator.control.state.groups.get(group.item.id)!.members.some((m) => m.memberId === newcomer.id));
  });
});
