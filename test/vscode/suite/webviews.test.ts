// The detail webviews in the real VS Code: each view opens against the emulator with a strict CSP, valid messages
// do what the form asks (and only that), a 412 on a group save shows the diff and writes nothing until the user
// reapplies, and a malformed or misplaced message is logged and ignored without a single request to the pod.
// Tests drive a view through the host's test hooks (`panels.handleMessage`, `panels.postedMessages`), the same entry
// its webview's postMessage reaches.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToView } from '../../../src/editors/webviewMessages';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { eTagOf } from '../../../src/podEmulator/groups';
import { Load, exchange as exchangeWith, nextLoad as nextPanelLoad } from './panelHelpers';
import { confirm, file } from './scriptedPrompts';
import { addRsaPod, answering, child, children, extensionApi, label, podNode, removePod, startEmulator } from './helpers';


describe('Detail webviews', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;

  const requests = () => emulator.control.requests();
  const writes = () => requests().filter((r) => r.method !== 'GET');
  const posted = (key: string) => api.panels.postedMessages(key);
  const send = (key: string, message: unknown) => api.panels.handleMessage(key, message);
  const first = async (category: string, depth = 1): Promise<TreeNode> => {
    let node = await child(api, pod, category);
    for (let i = 0; i < depth; i++) node = (await children(api, node))[0];
    return node;
  };

  /** Opens (or reveals) a panel from the tree's "Open Details"; returns the latest model its webview received. */
  async function open(command: string, node: TreeNode): Promise<{ key: string; model: Load['model'] }> {
    const key = (await vscode.commands.executeCommand<string>(`symphonyPodAdmin.${command}`, node))!;
    assert.ok(key, `${command} returned no panel key`);
    await nextLoad(key, 0);
    const loads = posted(key).filter((m): m is Load => m.type === 'load');
    return { key, model: loads[loads.length - 1].model };
  }

  const nextLoad = async (key: string, after: number) => (await nextPanelLoad(api, key, after)).model;
  const exchange = (key: string, message: unknown) => exchangeWith(api, key, message);

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Webviews pod');
    pod = await podNode(api, podId);
  });
  after(async () => {
    for (const key of api.panels.openKeys()) api.panels.close(key);
    await removePod(api, podId);
    await emulator.close();
  });
  beforeEach(() => emulator.control.clearRequests());
  // Each test opens its panels afresh: a panel left open and hidden by the next one reloads when it is revealed again
  // (its webview is recreated and says 'ready'), and that reload's request would land in the test's request log.
  afterEach(() => {
    for (const key of api.panels.openKeys()) api.panels.close(key);
  });

  it('opens each view with a strict CSP, the shared bundle once then its own, a nonce on both and no inline handlers', async () => {
    for (const [command, category, depth] of [['certs.open', 'Certificates', 1], ['groups.open', 'Groups', 2], ['apps.open', 'Applications', 1]] as const) {
      const { key, model } = await open(command, await first(category, depth));
      const html = api.panels.html(key)!;
      const nonce = /script-src 'nonce-([^']+)'/.exec(html)?.[1];
      assert.ok(nonce, `${command}: the CSP has a script nonce`);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src [^;]+ 'unsafe-inline'; script-src 'nonce-[^']+'; font-src [^;]+; img-src [^;]+ data:">/);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`) && /\ssrc="/.test(tag), `${command}: ${tag}`);
      // The UI components come once, from the shared bundle, before the view's own script that uses them.
      assert.deepEqual(scripts.map((tag) => /\/media\/webview\/([^/"]+)"/.exec(tag)?.[1]), ['shared.js', `${model.kind}.js`], `${command}: scripts`);
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${command}: no on*= attributes`);
      assert.doesNotMatch(html, /<script[^>]*>[^<\s]/, `${command}: no inline script`);
      assert.doesNotMatch(html, /javascript:/i);
      assert.match(html, /id="vscode-codicon-stylesheet"/);
      assert.equal(model.kind, command.startsWith('certs') ? 'certificate' : command.startsWith('groups') ? 'group' : 'application');
    }
    const { key: again } = await open('certs.open', await first('Certificates'));
    assert.equal(api.panels.openKeys().filter((k) => k === again).length, 1, 'opening the same resource reveals its panel');
  });

  it('never sends a token, a private key, a public key or the notification API key to a view', async () => {
    const record = [...emulator.control.state.apps.values()].find((a) => a.keys.current || a.notification?.apiKey) ?? [...emulator.control.state.apps.values()][0];
    const appNode = (await children(api, await child(api, pod, 'Applications'))).find((n) => label(n) === record.name || label(n) === record.appId)!;
    const { key } = await open('apps.open', appNode);
    const sent = JSON.stringify(posted(key));
    assert.doesNotMatch(sent, /-----BEGIN/);
    if (record.notification?.apiKey) assert.ok(!sent.includes(record.notification.apiKey), 'the API key stays in the extension host');
    for (const token of [...emulator.control.state.sessions.keys(), ...emulator.control.state.bearers.keys()]) assert.ok(!sent.includes(token));
  });

  it('saves certificate attributes from the form', async () => {
    const { key, model } = await open('certs.open', await first('Certificates'));
    assert.equal(model.kind, 'certificate');
    if (model.kind !== 'certificate') return;
    const replies = await exchange(key, { type: 'certificate.save', attributes: { name: 'Renamed in webview', type: 'USER', status: 'KNOWN' } });
    const record = emulator.control.state.certs.get(model.fingerPrint)!;
    assert.equal(record.attributes.name, 'Renamed in webview');
    assert.equal(record.attributes.status.type, 'KNOWN');
    assert.deepEqual(writes().map((r) => r.method + ' ' + r.path), [`POST /pod/v1/companycert/${model.fingerPrint}/update`]);
    const reloaded = replies.find((m): m is Load => m.type === 'load');
    assert.equal(reloaded?.model.kind === 'certificate' && reloaded.model.name, 'Renamed in webview');
  });

  it('names who last updated a certificate, with email and id on hover, from at most one users lookup', async () => {
    const { model } = await open('certs.open', await first('Certificates'));
    assert.ok(model.kind === 'certificate' && model.updatedBy !== undefined, 'the seeded certificate was updated by someone');
    if (model.kind !== 'certificate') return;
    assert.match(model.updatedByPerson?.name ?? '', /\S/);
    assert.doesNotMatch(model.updatedByPerson!.name, /^User \d/);
    assert.match(model.updatedByPerson!.tooltip, new RegExp(`User id: ${model.updatedBy}`));
    assert.ok(requests().filter((r) => r.path.startsWith('/pod/v3/users')).length <= 1, 'at most one users lookup (none when the name is known)');
  });

  it('refuses a blank certificate name in the view without a request', async () => {
    const { key } = await open('certs.open', await first('Certificates'));
    emulator.control.clearRequests();
    const replies = await exchange(key, { type: 'certificate.save', attributes: { name: '  ', type: 'USER', status: 'TRUSTED' } });
    assert.ok(replies.some((m) => m.type === 'notice' && m.level === 'error' && m.field === 'name'));
    assert.equal(requests().length, 0);
  });

  it('deletes a certificate only after the modal confirmation names it', async () => {
    const { key, model } = await open('certs.open', await first('Certificates'));
    if (model.kind !== 'certificate') return assert.fail('not a certificate');
    const declined = await answering(api, [confirm(false)], () => send(key, { type: 'certificate.delete' }));
    assert.match(declined.prompts.asked[0], new RegExp(model.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(writes().length, 0);
    await answering(api, [confirm(true)], () => send(key, { type: 'certificate.delete' }));
    assert.ok(!emulator.control.state.certs.has(model.fingerPrint));
    assert.ok(!api.panels.openKeys().includes(key), 'the panel closes');
  });

  it('ignores and logs malformed or misplaced messages, with zero requests to the pod', async () => {
    const cert = await open('certs.open', await first('Certificates'));
    const group = await open('groups.open', await first('Groups', 2));
    emulator.control.clearRequests();
    const bad: Array<[string, unknown]> = [
      [cert.key, 'certificate.save'],
      [cert.key, null],
      [cert.key, { type: 'certificate.purge' }],
      [cert.key, { type: 'certificate.save', attributes: { name: 'x', type: 'ROOT', status: 'TRUSTED' } }],
      [cert.key, { type: 'certificate.save', attributes: { name: 'x', type: 'USER', status: 'TRUSTED' }, sessionToken: 'steal-me' }],
      [cert.key, { type: 'group.addMember', userId: '123' }],
      [group.key, { type: 'group.addMember', userId: 42 }],
      [group.key, { type: 'group.save', eTag: 'x', edit: { members: [{ memberId: 1 }] } }],
      [group.key, { type: 'group.save', eTag: 'x', edit: { visibilityRestriction: { tenants: [-1], users: [] } } }],
      [group.key, { type: 'application.save', edit: {} }],
    ];
    const before = new Map([cert.key, group.key].map((k) => [k, api.panels.rejectedMessages(k).length]));
    for (const [key, message] of bad) {
      const replies = await exchange(key, message);
      assert.deepEqual(replies, [], `no reply to ${JSON.stringify(message)}`);
    }
    assert.equal(api.panels.rejectedMessages(cert.key).length - before.get(cert.key)!, 6);
    assert.equal(api.panels.rejectedMessages(group.key).length - before.get(group.key)!, 4);
    assert.deepEqual(requests(), []);
  });

  it('adds a group member by user id, refusing a bad id before sending', async () => {
    const { key, model } = await open('groups.open', await first('Groups', 2));
    if (model.kind !== 'group') return assert.fail('not a group');
    emulator.control.clearRequests();
    const refused = await exchange(key, { type: 'group.addMember', userId: '-7' });
    assert.ok(refused.some((m) => m.type === 'notice' && m.level === 'error' && m.field === 'userId'));
    assert.equal(requests().length, 0);
    const newcomer = [...emulator.control.state.directory.values()].find((u) => u.internal && !model.members.some((m) => m.memberId === u.id))!;
    const replies = await exchange(key, { type: 'group.addMember', userId: String(newcomer.id) });
    assert.ok(emulator.control.state.groups.get(model.id)!.members.some((m) => m.memberId === newcomer.id));
    const load = replies.find((m): m is Load => m.type === 'load');
    assert.ok(load?.model.kind === 'group' && load.model.members.some((m) => m.memberId === newcomer.id), 'the members table shows the new member');
  });

  it('saves the group profile with If-Match from the loaded version', async () => {
    const { key, model } = await open('groups.open', await first('Groups', 2));
    if (model.kind !== 'group') return assert.fail('not a group');
    emulator.control.clearRequests();
    await exchange(key, { type: 'group.save', eTag: model.eTag, edit: { profile: { jobTitle: 'Rates desk', marketCoverage: ['EMEA', 'APAC'] }, implicitConnection: { tenants: [], users: [13056700580001] } } });
    const stored = emulator.control.state.groups.get(model.id)!;
    assert.equal(stored.profile?.jobTitle, 'Rates desk');
    assert.deepEqual(stored.profile?.marketCoverage, ['EMEA', 'APAC']);
    assert.equal(stored.profile?.displayName, model.profile.displayName, 'fields not edited are kept');
    assert.deepEqual((stored.implicitConnection as { connectedUsersList?: number[] }).connectedUsersList, [13056700580001]);
    assert.deepEqual(writes().map((r) => `${r.method} ${r.status}`), ['PUT 200']);
  });

  it('on 412 shows what changed on the pod and writes nothing until the user reapplies', async () => {
    const { key, model } = await open('groups.open', await first('Groups', 2));
    if (model.kind !== 'group') return assert.fail('not a group');
    const stored = emulator.control.state.groups.get(model.id)!;
    stored.profile = { ...stored.profile, jobCity: 'Singapore' };
    stored.version += 1;
    stored.eTag = eTagOf(stored);
    emulator.control.clearRequests();

    const edit = { profile: { jobTitle: 'Head of Rates' } };
    const replies = await exchange(key, { type: 'group.save', eTag: model.eTag, edit });
    const conflict = replies.find((m): m is Extract<HostToView, { type: 'group.conflict' }> => m.type === 'group.conflict');
    assert.ok(conflict, 'the view gets a conflict message');
    assert.ok(conflict.changes.some((c) => c.field === 'Profile: jobCity' && c.server.includes('Singapore')), JSON.stringify(conflict.changes));
    assert.deepEqual(conflict.edit, edit);
    assert.equal(conflict.server.eTag, stored.eTag);
    assert.notEqual(stored.profile?.jobTitle, 'Head of Rates', 'nothing written');
    assert.deepEqual(writes().map((r) => r.status), [412]);

    await exchange(key, { type: 'group.save', eTag: conflict.server.eTag, edit: conflict.edit });
    assert.equal(stored.profile?.jobTitle, 'Head of Rates');
    assert.equal(stored.profile?.jobCity, 'Singapore', 'the other change is kept');
  });

  it('uploads an avatar after checking the file, and previews it', async () => {
    const { key, model } = await open('groups.open', await first('Groups', 2));
    if (model.kind !== 'group') return assert.fail('not a group');
    const os = await import('node:os');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-webviews-'));
    const text = path.join(dir, 'fake.png');
    fs.writeFileSync(text, 'not an image');
    emulator.control.clearRequests();
    const refused = await answering(api, [file(text)], () => exchange(key, { type: 'group.uploadAvatar' }));
    assert.ok(refused.result.some((m) => m.type === 'notice' && m.level === 'error' && /JPEG|PNG|GIF/i.test(m.message)));
    assert.equal(requests().length, 0);
    const png = path.join(dir, 'avatar.png');
    fs.writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]));
    const uploaded = await answering(api, [file(png)], () => exchange(key, { type: 'group.uploadAvatar' }));
    const load = uploaded.result.find((m): m is Load => m.type === 'load');
    assert.ok(load?.model.kind === 'group' && load.model.avatarPreview?.startsWith('data:image/png;base64,'));
    assert.ok((emulator.control.state.groups.get(model.id)!.profile?.avatars ?? []).length > 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('saves the application form through saveApplication', async () => {
    const { key, model } = await open('apps.open', await first('Applications'));
    if (model.kind !== 'application') return assert.fail('not an application');
    emulator.control.clearRequests();
    const permissions = [...new Set([...model.permissions, 'SEND_MESSAGES', 'CUSTOM_DESK_FEED'])];
    await exchange(key, { type: 'application.save', edit: { description: 'Edited in the form', permissions } });
    const stored = emulator.control.state.apps.get(model.appId)!;
    assert.equal(stored.description, 'Edited in the form');
    assert.ok(stored.permissions.includes('CUSTOM_DESK_FEED'));
    assert.equal(writes().length, 1);
  });

  it('reloads an open panel when the tree refreshes its list', async () => {
    const { key, model } = await open('certs.open', await first('Certificates'));
    if (model.kind !== 'certificate') return assert.fail('not a certificate');
    emulator.control.state.certs.get(model.fingerPrint)!.attributes.name = 'Renamed behind the view';
    const count = posted(key).length;
    api.tree.refresh(api.tree.podNode(podId)!.certificates);
    const reloaded = await nextLoad(key, count);
    assert.equal(reloaded.kind === 'certificate' && reloaded.name, 'Renamed behind the view');
  });
});
