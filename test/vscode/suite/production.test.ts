// Production safety in the real VS Code: a production pod is read-only until unlocked, whatever surface writes to
// it. The tables below name every command the extension contributes and every message a detail view can send: a
// write is run against a locked production pod and must send zero writes and offer "Unlock for Changes…"; anything
// else must be listed as not writing. A new command or panel action in neither table fails the test.
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isWrite } from '../../../src/api';
import type { ActivityEntry } from '../../../src/activity/activityEntry';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import { ContextValue } from '../../../src/tree/contextValues';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { makeTestCertificate } from '../../../src/podEmulator/x509';
import { addRsaPod, answering, child, children, contextValue, extensionApi, file, input, label, pickLabel, pickValue, podNode, removePod, startEmulator } from './helpers';
import { Answer, confirm } from './scriptedPrompts';

const root = path.resolve(__dirname, '../../../..');
const day = 24 * 60 * 60 * 1000;
const LOCKED = /Prod safety \(production\) is a production pod and is locked: Unlock for changes… first/;

/** Commands that never change a pod (they read, open, copy, or change only this window or the profiles). */
const NOT_WRITES = [
  'pods.add', 'pods.edit', 'pods.remove', 'pods.signIn', 'pods.signOut', 'pods.switch', 'pods.unlock', 'pods.lock', 'showLog',
  'tree.refresh', 'tree.refreshNode', 'tree.loadMore', 'tree.filter', 'tree.clearFilter', 'tree.copyId', 'tree.copyJson',
  'certs.open', 'certs.copyFingerprint', 'certs.showIssued', 'apps.open', 'apps.editManifest', 'apps.newManifest',
  'connections.showInfo', 'groups.open', 'credentials.showExpiryReport', 'search', 'certs.openInAdminPortal', 'apps.openInAdminPortal',
  'podAsCode.export', 'podAsCode.compare', 'accounts.open', 'users.search',
  // Start / stop the demo pod in this window: nothing is sent to any configured pod.
  'demo.try', 'demo.stop',
  // Signs in as the account with a key file the user picks: a sign-in, which the gate lets through as a read.
  'accounts.verifyKey',
  'activity.refresh', 'activity.filter', 'activity.clearFilter', 'activity.export', 'activity.showDiff', 'activity.openResource', 'activity.copyCurl', 'activity.copyCli',
];
/** Panel messages that never change a pod themselves ("replace" runs apps.rotateKey / certs.create, rows above). */
const NOT_WRITING_MESSAGES = ['ready', 'reload', 'draft', 'certificate.copyFingerprint', 'application.openJson', 'expiryReport.open', 'expiryReport.export', 'expiryReport.replace'];

describe('Production safety', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;
  let dir: string;
  const appId = 'prod-keys-app';

  const writes = () => emulator.control.requests().filter((r) => isWrite(r.method, r.path));
  const write = (name: string, content: string | Buffer) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, content);
    return target;
  };
  const category = (name: string) => child(api, pod, name);
  const firstOf = async (name: string, depth = 1) => {
    let node = await category(name);
    for (let i = 0; i < depth; i++) node = (await children(api, node))[0];
    return node;
  };
  const connection = async (status: string, value: string) => (await children(api, await child(api, await category('Connections'), status))).find((n) => contextValue(n) === value)!;
  const certificate = async () => (await children(api, await category('Certificates'))).find((n) => label(n) === 'Acme Issuing CA')!;
  /** A seeded bot with a current and a previous key, roles and a session (see the emulator's seed). */
  const account = (keys?: 'rotated') => {
    // Seeded bots (the emulator's seed): jira-alerts-bot has a rotated previous key that is still valid.
    const username = keys ? 'jira-alerts-bot' : 'fx-pricing-bot';
    return { podId, uid: String([...emulator.control.state.directory.values()].find((u) => u.username === username)!.id) };
  };
  const app = async () => (await children(api, await category('Applications'))).find((n) => label(n) === 'Prod keys app')!;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

  /** A change as the activity log holds it, on this production pod. */
  const logged = (fields: Partial<ActivityEntry>): ActivityEntry => ({
    id: 'logged-change', time: new Date().toISOString(), pod: { id: podId, label: 'Prod safety', url: emulator.url, environment: 'production' }, action: 'update',
    resource: { kind: 'entitlement', id: appId, name: 'Prod keys app' }, request: { method: 'POST', path: '/pod/v1/admin/app/entitlement/list' }, result: { ok: true, status: 200 }, ...fields,
  });

  /** Every write command: what it acts on and the answers that take it as far as it goes. */
  const WRITE_COMMANDS: Record<string, () => Promise<{ arg: unknown; answers: Answer[] }>> = {
    'activity.undo': async () => {
      const now = (await api.sessions.client(podId).apps.listPodAppEntitlements()).find((e) => e.appId === appId)!;
      return { arg: logged({ before: { enable: now.enable, listed: !now.listed, install: now.install }, sent: [now] }), answers: [] };
    },
    'activity.recreate': async () => ({
      arg: logged({ action: 'delete', resource: { kind: 'application', id: 'prod-gone', name: 'Gone app' }, request: { method: 'POST', path: '/pod/v1/admin/app/prod-gone/delete' },
        before: { applicationInfo: { appId: 'prod-gone', name: 'Gone app', appUrl: 'https://gone.example.com', domain: 'example.com', publisher: 'Tests' } } }),
      answers: [confirm()],
    }),
    'certs.create': async () => ({ arg: await category('Certificates'), answers: [file(write('new.pem', makeTestCertificate({ commonName: 'prod-new', notAfter: new Date(Date.now() + 90 * day) }).pem)), input('Prod new'), pickValue('USER'), pickValue('TRUSTED')] }),
    'certs.update': async () => ({ arg: await certificate(), answers: [input('Renamed CA'), pickValue('USERSIGNING'), pickValue('TRUSTED')] }),
    'certs.delete': async () => ({ arg: await certificate(), answers: [] }),
    'apps.create': async () => ({ arg: await category('Applications'), answers: [input('prod-created'), input('Prod created'), input('https://apps.acme.example/p'), input('Acme'), pickValue('none')] }),
    'apps.delete': async () => ({ arg: await app(), answers: [] }),
    'apps.toggleEntitlement': async () => ({ arg: await app(), answers: [{ pickMany: () => true }] }),
    'apps.rotateKey': async () => ({ arg: { podId, appId }, answers: [pickValue('file'), file(write('new.pub', newPublicKey()))] }),
    'apps.extendPreviousKey': async () => ({ arg: { podId, appId }, answers: [input('')] }),
    'apps.revokePreviousKey': async () => ({ arg: { podId, appId }, answers: [] }),
    'apps.revokeCurrentKey': async () => ({ arg: { podId, appId }, answers: [] }),
    'apps.applyManifest': async () => ({ arg: vscode.Uri.file(write('app.json', JSON.stringify({ applicationInfo: { appId, name: 'Prod keys app', appUrl: 'https://keys.example.com', domain: 'example.com', publisher: 'Tests' }, description: 'applied' }))), answers: [pickValue(podId)] }),
    'apps.saveManifest': async () => {
      const node = await app();
      const { result: editor } = await answering(api, [], () => vscode.commands.executeCommand<vscode.TextEditor>('symphonyPodAdmin.apps.editManifest', node));
      const edit = new vscode.WorkspaceEdit();
      const text = editor.document.getText();
      edit.replace(editor.document.uri, new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(text.length)), text.replace('"Prod keys app"', '"Renamed in prod"'));
      assert.ok(await vscode.workspace.applyEdit(edit));
      return { arg: undefined, answers: [] };
    },
    'connections.create': async () => ({ arg: undefined, answers: [input(String([...emulator.control.state.directory.values()].find((u) => !u.internal)!.id))] }),
    'connections.accept': async () => ({ arg: await connection('Incoming requests', ContextValue.connectionIncoming), answers: [] }),
    'connections.reject': async () => ({ arg: await connection('Incoming requests', ContextValue.connectionIncoming), answers: [] }),
    'connections.remove': async () => ({ arg: await connection('Accepted', ContextValue.connectionAccepted), answers: [] }),
    'groups.create': async () => ({ arg: await firstOf('Groups'), answers: [input('Prod desk'), input(String(emulator.control.state.podId)), input('Prod desk')] }),
    'groups.addMember': async () => ({ arg: await firstOf('Groups', 2), answers: [input(String([...emulator.control.state.directory.values()].find((u) => u.internal)!.id))] }),
    'groups.setAvatar': async () => ({ arg: await firstOf('Groups', 2), answers: [file(write('avatar.png', png))] }),
    'groups.markDeleted': async () => ({ arg: await firstOf('Groups', 2), answers: [] }),
    'groups.restore': async () => ({ arg: await firstOf('Groups', 2), answers: [] }),
    'tree.delete': async () => ({ arg: await certificate(), answers: [] }),
    'certs.setStatus': async () => ({ arg: await certificate(), answers: [pickValue('KNOWN')] }),
    'groups.removeMember': async () => ({ arg: await firstOf('Groups', 3), answers: [] }),
    'podAsCode.apply': async () => {
      // Exporting only reads, so it runs on the locked pod; one field changed in the folder makes the plan a write.
      const folder = path.join(dir, 'prod.symphony-pod');
      fs.mkdirSync(folder, { recursive: true });
      const exported = await answering(api, [file(folder)], () => vscode.commands.executeCommand('symphonyPodAdmin.podAsCode.export', pod));
      assert.deepEqual(exported.prompts.errors, []);
      const manifest = path.join(folder, 'apps', `${appId}.json`);
      fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('"Prod keys app"', '"Renamed by the folder"'));
      return { arg: pod, answers: [file(folder)] };
    },
    'accounts.create': async () => ({ arg: await category('Service accounts'), answers: [input('prod-new-bot'), input('Prod new bot'), input(''), pickValue('generate'), { pickMany: (i) => i.value === 'INDIVIDUAL' }, file(path.join(dir, 'prod-new-bot.pem'))] }),
    'accounts.rotateKey': async () => ({ arg: account(), answers: [pickValue('file'), file(write('bot.pub', newPublicKey()))] }),
    'accounts.extendPreviousKey': async () => ({ arg: account('rotated'), answers: [input('')] }),
    'accounts.revokePreviousKey': async () => ({ arg: account('rotated'), answers: [] }),
    'accounts.revokeCurrentKey': async () => ({ arg: account(), answers: [] }),
    'accounts.updateAttribute': async () => ({ arg: account(), answers: [pickLabel(/display name/i), input('Renamed bot')] }),
    'accounts.setStatus': async () => ({ arg: account(), answers: [] }),
    'accounts.addRole': async () => ({ arg: account(), answers: [pickValue('USER_PROVISIONING')] }),
    'accounts.removeRole': async () => ({ arg: account(), answers: [pickLabel(/.+/)] }),
    'accounts.changeFeatures': async () => ({ arg: account(), answers: [{ pickMany: () => true }] }),
    'accounts.logoutSessions': async () => {
      // A session to end: Verify Key signs in as the bot with its (previous, still valid) key, and leaves it open.
      await answering(api, [file(emulator.user.privateKeyPath)], () => vscode.commands.executeCommand('symphonyPodAdmin.accounts.verifyKey', account('rotated')));
      return { arg: account('rotated'), answers: [] };
    },
  };

  function newPublicKey(): string {
    return generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Prod safety', 'admin', 'production');
    pod = await podNode(api, podId);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-production-'));
    // An app with a current and a previous key, set up while briefly unlocked, as a key rotation leaves it.
    api.sessions.lock.unlock(podId, 'test set-up', 5);
    const apps = api.sessions.client(podId).apps;
    await apps.createApplication({ applicationInfo: { appId, name: 'Prod keys app', appUrl: 'https://keys.example.com', domain: 'example.com', publisher: 'Tests' }, authenticationKeys: { current: { key: newPublicKey(), action: 'SAVE' } } });
    await apps.updateApplication(appId, { authenticationKeys: { current: { key: newPublicKey(), action: 'SAVE' } } });
    api.sessions.lock.lock(podId);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const key of api.panels.openKeys()) api.panels.close(key);
    await removePod(api, podId);
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.control.clearRequests());

  it('names every contributed command as a write (in the table below) or not', () => {
    const contributed = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string }> } })
      .contributes.commands.map((c) => c.command.replace(/^symphonyPodAdmin\./, ''));
    const unknown = contributed.filter((c) => !(c in WRITE_COMMANDS) && !NOT_WRITES.includes(c));
    assert.deepEqual(unknown, [], 'each new command is a row of WRITE_COMMANDS (checked against a locked production pod) or listed in NOT_WRITES');
  });

  for (const command of Object.keys(WRITE_COMMANDS)) {
    it(`refuses ${command} on a locked production pod: nothing written, "Unlock for Changes…" offered`, async () => {
      const { arg, answers } = await WRITE_COMMANDS[command]();
      emulator.control.clearRequests();
      const { prompts } = await answering(api, answers, () => vscode.commands.executeCommand(`symphonyPodAdmin.${command}`, arg));
      assert.deepEqual(writes().map((r) => `${r.method} ${r.path}`), []);
      assert.equal(prompts.errors.length, 1, prompts.errors.join('\n'));
      assert.match(prompts.errors[0], LOCKED);
      assert.deepEqual(prompts.errorActions[0], ['Unlock for Changes…', 'Show Log']);
      assert.ok(!prompts.asked.some((q) => q.includes('Type its name')), 'a locked pod never asks for its name');
    });
  }

  describe('every detail panel action', () => {
    const PANEL_WRITES: Record<string, { open: () => Promise<[string, TreeNode | object]>; message: (model: { eTag?: string }) => unknown; answers?: () => Answer[] }> = {
      'certificate.save': { open: async () => ['certs.open', await certificate()], message: () => ({ type: 'certificate.save', attributes: { name: 'Renamed', type: 'USERSIGNING', status: 'TRUSTED' } }) },
      'certificate.delete': { open: async () => ['certs.open', await certificate()], message: () => ({ type: 'certificate.delete' }) },
      'group.save': { open: async () => ['groups.open', await firstOf('Groups', 2)], message: (model) => ({ type: 'group.save', eTag: model.eTag, edit: { name: 'Renamed desk' } }) },
      'group.addMember': { open: async () => ['groups.open', await firstOf('Groups', 2)], message: () => ({ type: 'group.addMember', userId: String([...emulator.control.state.directory.values()].find((u) => u.internal)!.id) }) },
      'group.uploadAvatar': { open: async () => ['groups.open', await firstOf('Groups', 2)], message: () => ({ type: 'group.uploadAvatar' }), answers: () => [file(write('panel.png', png))] },
      'application.save': { open: async () => ['apps.open', await app()], message: () => ({ type: 'application.save', edit: { description: 'changed in the panel' } }) },
      'group.removeMember': { open: async () => ['groups.open', await firstOf('Groups', 2)], message: (model) => ({ type: 'group.removeMember', memberId: (model as { members: Array<{ memberId: number }> }).members[0].memberId }) },
      'application.keyAction': { open: async () => ['apps.open', await app()], message: () => ({ type: 'application.keyAction', action: 'revokePrevious' }) },
    };

    it('names every message a view can send as a write (checked below) or not', () => {
      const source = fs.readFileSync(path.join(root, 'src/editors/webviewMessages.ts'), 'utf8');
      const union = /export const viewToHost = union\(\{([\s\S]*?)\n\}\);/.exec(source)![1];
      const types = [...union.matchAll(/^\s+'?([\w.]+)'?: \{/gm)].map((m) => m[1]);
      assert.ok(types.length >= 10, types.join());
      assert.deepEqual(types.filter((t) => !(t in PANEL_WRITES) && !NOT_WRITING_MESSAGES.includes(t)), []);
    });

    for (const type of Object.keys(PANEL_WRITES)) {
      it(`refuses ${type} on a locked production pod`, async () => {
        const spec = PANEL_WRITES[type];
        const [command, node] = await spec.open();
        const key = (await vscode.commands.executeCommand<string>(`symphonyPodAdmin.${command}`, node))!;
        const model = await loaded(key);
        emulator.control.clearRequests();
        const before = api.panels.postedMessages(key).length;
        const { prompts } = await answering(api, spec.answers?.() ?? [], () => api.panels.handleMessage(key, spec.message(model)));
        const notices = api.panels.postedMessages(key).slice(before).filter((m) => m.type === 'notice').map((m) => (m as { message: string }).message);
        assert.deepEqual(writes().map((r) => `${r.method} ${r.path}`), []);
        assert.ok([...notices, ...prompts.errors].some((m) => LOCKED.test(m)), [...notices, ...prompts.errors].join('\n'));
        assert.ok(prompts.errorActions.some((actions) => actions.includes('Unlock for Changes…')), 'the unlock is offered');
        api.panels.close(key);
      });
    }

    async function loaded(key: string): Promise<{ eTag?: string }> {
      for (;;) {
        const load = api.panels.postedMessages(key).find((m) => m.type === 'load') as { model: { eTag?: string } } | undefined;
        if (load) return load.model;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });

  describe('unlocking', () => {
    it('shows production in the tree and the status bar, locked', async () => {
      const item = (await podNode(api, podId)).toTreeItem();
      assert.match(String(item.description), /^production \(locked\)/);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'lock');
      await answering(api, [pickValue(podId)], () => vscode.commands.executeCommand('symphonyPodAdmin.pods.switch'));
      assert.match(api.podStatusBar.state.text, /Prod safety .*PRODUCTION/);
      assert.equal(api.podStatusBar.state.lock, '$(lock) Locked');
    });

    it('asks a reason and a duration (30 minutes by default), then lets writes through and shows a countdown', async () => {
      const { prompts } = await answering(api, [input('  '), input('CHG-1: rename the CA')], () => vscode.commands.executeCommand('symphonyPodAdmin.pods.unlock', { podId }));
      assert.match(prompts.rejectedInputs[0], /Say why/);
      const unlocked = await answering(api, [input('CHG-1: rename the CA'), { pick: (item) => item.value === 30 && item.description === 'default' }], () => vscode.commands.executeCommand('symphonyPodAdmin.pods.unlock', { podId }));
      assert.deepEqual(unlocked.prompts.errors, []);
      const unlock = api.sessions.lock.unlocked(podId)!;
      assert.equal(unlock.reason, 'CHG-1: rename the CA');
      assert.ok(unlock.until - Date.now() > 29 * 60_000 && unlock.until - Date.now() <= 30 * 60_000);
      assert.match(api.podStatusBar.state.lock ?? '', /^\$\(unlock\) Unlocked (30:00|29:\d\d)$/);
      const ca = await certificate();
      emulator.control.clearRequests();
      await answering(api, [input('CA renamed'), pickValue('USERSIGNING'), pickValue('TRUSTED')], () => vscode.commands.executeCommand('symphonyPodAdmin.certs.update', ca));
      assert.deepEqual(writes().map((r) => r.method), ['POST']);
    });

    it('asks for the pod\'s name before a delete on production, and a delete that skips it is refused by the gate', async () => {
      const cert = await (async () => (await children(api, await category('Certificates'))).find((n) => label(n) === 'CA renamed')!)();
      const wrong = await answering(api, [input('prod safety')], () => vscode.commands.executeCommand('symphonyPodAdmin.certs.delete', cert));
      assert.match(wrong.prompts.rejectedInputs[0], /Type Prod safety exactly/);
      assert.equal(writes().length, 0);
      const bypass = api.sessions.client(podId).certs.deleteCompanyCertificate(emulator.control.state.certs.keys().next().value!);
      await assert.rejects(bypass, /did not ask for the pod's name/);
      const { prompts } = await answering(api, [input('Prod safety'), confirm()], () => vscode.commands.executeCommand('symphonyPodAdmin.certs.delete', cert));
      assert.deepEqual(prompts.errors, []);
      assert.match(prompts.asked[0], /^input: Prod safety is a production pod\. Type its name/);
      assert.match(prompts.asked[1], /^confirm: Delete the certificate "CA renamed" on Prod safety \(production\)\?/);
      assert.deepEqual(writes().map((r) => r.path), ['/pod/v1/companycert/delete']);
    });

    it('Lock Now ends the unlock, and an unlock ends by itself when its time is up', async () => {
      await answering(api, [], () => vscode.commands.executeCommand('symphonyPodAdmin.pods.lock', { podId }));
      assert.equal(api.sessions.lock.unlocked(podId), undefined);
      assert.equal(api.podStatusBar.state.lock, '$(lock) Locked');
      const relocked = new Promise<string>((resolve) => { const once = api.sessions.lock.onDidChange((id) => { if (!api.sessions.lock.unlocked(id)) { once.dispose(); resolve(id); } }); });
      api.sessions.lock.unlock(podId, 'short', 0.001);
      assert.equal(await relocked, podId);
      assert.equal(api.sessions.lock.isLocked(api.store.get(podId)!), true);
    });
  });
});
