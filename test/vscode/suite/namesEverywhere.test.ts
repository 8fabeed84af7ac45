// People by name beyond connections and members, in the real VS Code against the emulator: a certificate's hover
// names who last changed it and a group's hover its owner and editors (one users lookup for the whole loaded list, on
// hover, so expanding stays one request), an unknown id stays the id with the reason, Show Connection Info names the
// person and the history, and Create Group proposes the pod's own tenant even when no group is loaded.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { InputOptions } from '../../../src/ui/prompts';
import { POD_ID, PodEmulator } from '../../../src/podEmulator';
import { addRsaPod, answering, child, children, extensionApi, input, label, pickValue, podNode, removePod, startEmulator } from './helpers';
import { ScriptedPrompts } from './scriptedPrompts';

describe('Names everywhere', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;

  const lookups = () => emulator.control.requests().filter((r) => r.path === '/pod/v3/users');
  /** What VS Code does when the pointer rests on an item: resolveTreeItem fills the tooltip (read without markdown escapes). */
  const hover = async (node: TreeNode) => {
    const item = await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node);
    const tooltip = item.tooltip;
    return (typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '').replace(/\\(.)/g, '$1');
  };
  const admin = () => emulator.control.state.accounts.get('demo-admin')!;

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Names pod');
    pod = await podNode(api, podId);
  });
  after(async () => {
    await removePod(api, podId);
    await emulator.close();
  });

  it('names who last changed a certificate on hover, with one lookup for the whole list and none on expand', async () => {
    const list = await child(api, pod, 'Certificates');
    api.tree.refresh(list);
    emulator.control.clearRequests();
    const certs = await children(api, list);
    assert.equal(lookups().length, 0, 'expanding looks up no names');
    const first = await hover(certs[0]);
    assert.match(first, /\| Updated \| \d{4}-\d\d-\d\d by /);
    assert.ok(first.includes(`by Demo Admin <demo-admin@acme.example>, user ${admin().id} |`), first);
    await hover(certs[1]);
    await hover(certs[certs.length - 1]);
    assert.equal(lookups().length, 1, 'one lookup for every certificate of the page');
  });

  it('keeps an unknown "updated by" as the id, with the reason, and asks again after a refresh', async () => {
    const unknown = POD_ID * 2 ** 36 + 987_654;
    const cert = [...emulator.control.state.certs.values()][0];
    cert.info.updatedBy = unknown;
    const list = await child(api, pod, 'Certificates');
    api.tree.refresh(list);
    emulator.control.clearRequests();
    const node = (await children(api, list)).find((n) => label(n) === cert.attributes.name)!;
    const tooltip = await hover(node);
    assert.equal(lookups().length, 1, 'a refreshed list asks for names again');
    assert.ok(tooltip.includes(`by user ${unknown} (name unknown: The pod could not look up this user (user.notfound).)`), tooltip);
  });

  it('names a group\'s owner (the pod by its company, or a person) and who created and changed it', async () => {
    const [byTenant, byUser] = [...emulator.control.state.groups.values()].filter((g) => g.status === 'ACTIVE');
    const owner = [...emulator.control.state.directory.values()].find((u) => u.internal && u.username !== 'demo-admin')!;
    Object.assign(byUser, { ownerType: 'USER', ownerId: owner.id });
    const type = (await children(api, await child(api, pod, 'Groups')))[0];
    api.tree.refresh(type);
    const groups = await children(api, type);
    emulator.control.clearRequests();
    const tenantTip = await hover(groups.find((g) => label(g) === byTenant.name)!);
    const userTip = await hover(groups.find((g) => label(g) === byUser.name)!);
    assert.ok(tenantTip.includes(`| Owner | tenant ${POD_ID} (this pod: Acme Capital Markets) |`), tenantTip);
    assert.match(tenantTip, /Updated \| .* by Demo Admin/);
    assert.ok(userTip.includes(`| Owner | ${owner.displayName} <${owner.emailAddress}>, user ${owner.id} |`), userTip);
    assert.equal(lookups().length, 1, 'one lookup for the owners and editors of every loaded group');
  });

  it('Show Connection Info names the person, how to reach them, and the connection\'s history', async () => {
    const accepted = await children(api, await child(api, await child(api, pod, 'Connections'), 'Accepted'));
    const node = accepted[0] as TreeNode & { userId: number };
    const held = emulator.control.state.connections.get(admin().id)!.get(node.userId)!;
    const person = emulator.control.state.directory.get(node.userId)!;
    const { prompts } = await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.connections.showInfo', node));
    assert.equal(prompts.shown.length, 1);
    const { message, detail } = prompts.shown[0];
    assert.equal(message, `${person.displayName}: accepted`);
    assert.match(detail, new RegExp(`Company: ${person.company}`));
    assert.match(detail, new RegExp(`First requested: ${new Date(held.firstRequestedAt).toISOString().slice(0, 10)} \\d\\d:\\d\\d UTC`));
    assert.match(detail, new RegExp(`Requests sent: ${held.requestCounter}`));
  });

  it('Create Group proposes the pod\'s own tenant, from the signed-in account, before any group is loaded', async () => {
    class Recording extends ScriptedPrompts {
      readonly values: Array<string | undefined> = [];
      override async input(options: InputOptions): Promise<string> {
        this.values.push(options.value);
        return super.input(options);
      }
    }
    const groups = await child(api, pod, 'Groups');
    api.tree.refresh(groups);
    const prompts = new Recording([pickValue('SDL'), input('Tenant Default Test'), input(String(POD_ID)), input('Tenant Default Test')], api.cancelled);
    await answering(api, prompts, () => vscode.commands.executeCommand('symphonyPodAdmin.groups.create', groups));
    assert.deepEqual(prompts.errors, []);
    assert.equal(prompts.values[1], String(POD_ID), 'the owner step starts with the pod\'s tenant');
    const created = [...emulator.control.state.groups.values()].find((g) => g.name === 'Tenant Default Test')!;
    assert.equal(created.ownerId, POD_ID);
  });
});
