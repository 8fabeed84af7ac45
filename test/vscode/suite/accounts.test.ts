// Service accounts and users in the real VS Code: the tree categories (paged service accounts, a server-side user
// search, the role a read-only account would need), Create Service Account with a locally generated key, the key
// commands with the pod's rotation rules explained before anything is sent, Verify key, the detail view, role /
// feature / status / session commands, and the expiry radar over service accounts' rotated keys.
import * as assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import { keyDate, publicKeyFingerprint } from '../../../src/credentials/keyRotation';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { confirm, pickLabel } from './scriptedPrompts';
import { addRsaPod, answering, backgroundReads, child, children, contextValue, extensionApi, file, input, label, pickValue, podNode, removePod, startEmulator } from './helpers';

const hour = 3600_000;

describe('Service accounts and users', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let readOnlyPodId: string;
  let dir: string;
  let pod: TreeNode;

  const run = (command: string, arg: unknown, answers: Parameters<typeof answering>[1]) =>
    answering(api, answers, () => vscode.commands.executeCommand(`symphonyPodAdmin.${command}`, arg));
  const directory = () => emulator.control.state.directory;
  const byName = (username: string) => [...directory().values()].find((u) => u.username === username)!;
  const target = (username: string) => ({ podId, uid: String(byName(username).id) });
  const writes = () => emulator.control.requests().filter((r) => r.method === 'POST' && r.path.startsWith('/pod/'));
  const reads = () => emulator.control.requests().filter((r) => r.method === 'GET' && r.path.startsWith('/pod/'));
  const publicOf = (privateFile: string) => createPublicKey(fs.readFileSync(privateFile, 'utf8')).export({ type: 'spki', format: 'pem' }).toString();

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Accounts pod');
    readOnlyPodId = await addRsaPod(api, emulator, 'Accounts pod (read-only)', 'user');
    pod = await podNode(api, podId);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-accounts-'));
  });
  after(async () => {
    await removePod(api, podId);
    await removePod(api, readOnlyPodId);
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await backgroundReads(api);
    emulator.control.clearRequests();
  });

  it('lists the service accounts (not the people) in one request, and filters them', async () => {
    const list = await child(api, pod, 'Service accounts');
    const nodes = await children(api, list);
    assert.deepEqual(emulator.control.requests().map((r) => `${r.method} ${r.path}`), ['GET /pod/v2/admin/user/list']);
    const names = nodes.map(label);
    assert.ok(names.includes('Fx Pricing Bot') && names.includes('Demo Admin'), names.join(', '));
    const people = [...directory().values()].filter((u) => u.accountType === 'NORMAL').map((u) => u.displayName);
    assert.ok(!names.some((n) => people.includes(n)), 'no people');
    assert.equal(contextValue(nodes[0]), 'serviceAccount');
    assert.match(String(nodes.find((n) => label(n) === 'Jira Alerts Bot')!.toTreeItem().description), /previous key: \d+ h left/);
    await run('tree.filter', list, [input('jira')]);
    const filtered = (await children(api, list)).map(label);
    assert.deepEqual(filtered, ['Filter: "jira"', 'Jira Alerts Bot']);
    await run('tree.filter', list, [input('')]);
  });

  it('tells a read-only account which role it needs, without a request, and still lets it search users', async () => {
    const readOnly = await podNode(api, readOnlyPodId);
    const list = await child(api, readOnly, 'Service accounts');
    assert.equal(contextValue(list), 'category.serviceAccounts.readonly');
    assert.match(label((await children(api, list))[0]), /needs the User Provisioning or Super Administrator role/);
    assert.equal(emulator.control.requests().length, 0);
    const users = await child(api, readOnly, 'Users');
    await run('users.search', users, [input('Demo')]);
    assert.ok((await children(api, users)).map(label).includes('Demo Admin'));
  });

  it('searches users on the pod (one request), refusing a one-letter search before sending it', async () => {
    const users = await child(api, pod, 'Users');
    assert.equal(contextValue(users), 'category.users');
    const refused = await run('users.search', users, [input('a')]);
    assert.ok(refused.prompts.rejectedInputs[0].includes('at least 2'));
    assert.equal(emulator.control.requests().length, 0);
    const person = [...directory().values()].find((u) => u.accountType === 'NORMAL' && u.internal)!;
    await run('users.search', users, [input(person.lastName!)]);
    const found = await children(api, users);
    assert.deepEqual(emulator.control.requests().map((r) => `${r.method} ${r.path}`), ['POST /pod/v1/user/search']);
    assert.ok(found.map(label).includes(person.displayName));
  });

  it('creates a service account with a generated 4096-bit key: private key only in the chosen 0600 file, public key on the pod', async () => {
    const keyFile = path.join(dir, 'settlement-bot.pem');
    const list = await child(api, pod, 'Service accounts');
    await children(api, list);
    emulator.control.clearRequests();
    const { prompts } = await run('accounts.create', list, [input('settlement-bot'), input('Settlement Bot'), input(''), pickValue('generate'),
      { pickMany: (i) => i.value === 'INDIVIDUAL' }, file(keyFile)]);
    assert.deepEqual(prompts.errors, []);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    const privatePem = fs.readFileSync(keyFile, 'utf8');
    assert.match(privatePem, /^-----BEGIN PRIVATE KEY-----/);
    assert.equal(createPublicKey(privatePem).asymmetricKeyDetails?.modulusLength, 4096);
    const created = byName('settlement-bot');
    assert.equal(created.accountType, 'SYSTEM');
    assert.equal(publicKeyFingerprint(created.admin!.keys.current!.key), publicKeyFingerprint(publicOf(keyFile)));
    assert.deepEqual(writes().map((r) => r.path), ['/pod/v2/admin/user/create']);
    assert.ok(prompts.infos.some((m) => m.includes(keyFile)));
    assert.ok(!api.logLines().some((l) => l.includes(privatePem.split('\n')[1])), 'the private key is not logged');
  });

  it('refuses a bad username and a name the tree already lists as they are typed: nothing is sent', async () => {
    const list = await child(api, pod, 'Service accounts');
    await children(api, list);
    emulator.control.clearRequests();
    const spaced = await run('accounts.create', list, [input('two words')]);
    assert.match(spaced.prompts.rejectedInputs[0], /spaces/);
    const taken = await run('accounts.create', list, [input('fx-pricing-bot')]);
    assert.match(taken.prompts.rejectedInputs[0], /already exists/);
    assert.equal(emulator.control.requests().length, 0);
  });

  it('verifies a key: the pod accepts the account key, refuses another, and says which', async () => {
    const keyFile = path.join(dir, 'settlement-bot.pem');
    const accepted = await run('accounts.verifyKey', target('settlement-bot'), [file(keyFile)]);
    assert.match(accepted.prompts.infos.join(' '), /accepts this key for settlement-bot: it is the current key/);
    const stranger = path.join(dir, 'stranger.pem');
    fs.writeFileSync(stranger, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const refused = await run('accounts.verifyKey', target('settlement-bot'), [file(stranger)]);
    assert.match(refused.prompts.errors.join(' '), /refused settlement-bot with this key \(401\).*neither the current nor the previous key/);
  });

  it('rotates a bot key without downtime: old and new keys both sign in, SAVE refused and explained before sending, revoke previous ends the old key', async () => {
    const oldKey = path.join(dir, 'settlement-bot.pem');
    const newKey = path.join(dir, 'settlement-bot-2.pem');
    const started = Date.now();
    const rotated = await run('accounts.rotateKey', target('settlement-bot'), [pickValue('generate'), file(newKey), confirm()]);
    assert.deepEqual(rotated.prompts.errors, []);
    const keys = byName('settlement-bot').admin!.keys;
    assert.equal(publicKeyFingerprint(keys.current!.key), publicKeyFingerprint(publicOf(newKey)));
    assert.ok(keys.previous!.expirationDate! >= started + 72 * hour - 1000);
    for (const key of [oldKey, newKey]) assert.match((await run('accounts.verifyKey', target('settlement-bot'), [file(key)])).prompts.infos.join(' '), /accepts this key/);

    // A third key while the previous one is valid: the pod would refuse the SAVE. Declining sends nothing.
    emulator.control.clearRequests();
    const declined = await run('accounts.rotateKey', target('settlement-bot'), [confirm(false)]);
    assert.match(declined.prompts.asked[0], /refuses a new key .* while its previous key is still valid .*Revoke the previous key now, then rotate/);
    assert.ok(declined.prompts.infos.some((m) => m.startsWith('Nothing was changed on settlement-bot')));
    assert.equal(reads().length, 1);
    assert.equal(writes().length, 0);

    const revoked = await run('accounts.revokePreviousKey', target('settlement-bot'), [confirm()]);
    assert.deepEqual(revoked.prompts.errors, []);
    assert.match((await run('accounts.verifyKey', target('settlement-bot'), [file(oldKey)])).prompts.errors.join(' '), /refused/);
    assert.match((await run('accounts.verifyKey', target('settlement-bot'), [file(newKey)])).prompts.infos.join(' '), /accepts this key/);
  });

  it('extends a previous key by the pod step, and revokes a current key only after saying that RSA sessions end and the typed username', async () => {
    const bot = target('jira-alerts-bot');
    const before = byName('jira-alerts-bot').admin!.keys.previous!.expirationDate!;
    await run('accounts.extendPreviousKey', bot, [input('')]);
    assert.equal(byName('jira-alerts-bot').admin!.keys.previous!.expirationDate, before + 72 * hour);

    const wrong = await run('accounts.revokeCurrentKey', bot, [confirm(), input('jira')]);
    assert.ok(wrong.prompts.rejectedInputs.length > 0);
    emulator.control.clearRequests();
    const previousKey = byName('jira-alerts-bot').admin!.keys.previous!.key;
    const { prompts } = await run('accounts.revokeCurrentKey', bot, [confirm(), input('jira-alerts-bot')]);
    assert.match(prompts.asked[0], /Revoke the CURRENT RSA key of "jira-alerts-bot"/);
    assert.equal(byName('jira-alerts-bot').admin!.keys.current!.key, previousKey, 'the previous key became current');
    assert.deepEqual(writes().map((r) => r.path), [`/pod/v2/admin/user/${byName('jira-alerts-bot').id}/update`]);
  });

  it('shows the detail view: attributes, roles, features, status, key fingerprints with the previous key expiry, sessions', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('symphonyPodAdmin.accounts.open', target('settlement-bot'));
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const current = byName('settlement-bot').admin!.keys.current!.key;
    assert.match(text, /^# Settlement Bot/);
    assert.ok(text.includes(publicKeyFingerprint(current)), 'current key fingerprint');
    assert.match(text, /## Roles\n- INDIVIDUAL/);
    assert.match(text, /## Features\n/);
    assert.match(text, /## Sessions \(\d+\)/);
    assert.ok(!text.includes('BEGIN PUBLIC KEY'), 'fingerprints only');
    const fx = byName('fx-pricing-bot').admin!.keys;
    fx.previous = { key: emulator.user.publicKeyPem, expirationDate: Date.now() + 5 * hour };
    const rotated = (await vscode.workspace.openTextDocument(await vscode.commands.executeCommand<vscode.Uri>('symphonyPodAdmin.accounts.open', target('fx-pricing-bot')))).getText();
    assert.ok(rotated.includes(`| Previous | ${keyDate(fx.previous.expirationDate)} | \`${publicKeyFingerprint(emulator.user.publicKeyPem)}\` |`), rotated);
    assert.match(rotated, /refuses a new key until the previous key expires or is revoked/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('adds and removes a role, changes features, disables and enables, and logs out sessions, sending only the change', async () => {
    const bot = target('settlement-bot');
    await run('accounts.addRole', bot, [pickValue('USER_PROVISIONING')]);
    assert.ok(byName('settlement-bot').admin!.roles.includes('USER_PROVISIONING'));
    await run('accounts.removeRole', bot, [pickValue('USER_PROVISIONING'), confirm()]);
    assert.ok(!byName('settlement-bot').admin!.roles.includes('USER_PROVISIONING'));

    emulator.control.clearRequests();
    const features = byName('settlement-bot').admin!.features;
    const unchanged = await run('accounts.changeFeatures', bot, [{ pickMany: (i) => features[i.value as string] === true }]);
    assert.match(unchanged.prompts.infos[0], /Nothing changed/);
    assert.equal(writes().length, 0);
    await run('accounts.changeFeatures', bot, [{ pickMany: (i) => features[i.value as string] === true || i.value === 'canCreatePublicRoom' }]);
    assert.equal(byName('settlement-bot').admin!.features.canCreatePublicRoom, true);

    await run('accounts.updateAttribute', bot, [pickValue('title'), input('Settlement notifications')]);
    assert.equal(byName('settlement-bot').title, 'Settlement notifications');

    await run('accounts.verifyKey', bot, [file(path.join(dir, 'settlement-bot-2.pem'))]);
    const logout = await run('accounts.logoutSessions', bot, [confirm()]);
    assert.match(logout.prompts.asked[0], /End the \d+ sessions of Settlement Bot on Accounts pod \(development\)\?/);
    assert.equal([...emulator.control.state.sessions.values()].filter((s) => s.accountId === byName('settlement-bot').id).length, 0);

    const disabled = await run('accounts.setStatus', bot, [confirm()]);
    assert.match(disabled.prompts.asked[0], /Disable Settlement Bot/);
    assert.equal(byName('settlement-bot').active, false);
    assert.match((await run('accounts.verifyKey', bot, [file(path.join(dir, 'settlement-bot-2.pem'))])).prompts.errors.join(' '), /refused/);
    await run('accounts.setStatus', bot, [confirm()]);
    assert.equal(byName('settlement-bot').active, true);
  });

  it('runs the account commands from the command palette, asking which service account of the pod like every item command', async () => {
    const palette = (vscode.extensions.all.find((e) => e.packageJSON.name === 'symphony-pod-admin')!.packageJSON.contributes.menus.commandPalette as Array<{ command: string; when?: string }>)
      .filter((m) => m.command.startsWith('symphonyPodAdmin.accounts.'));
    assert.ok(palette.length >= 13 && palette.every((m) => m.when === 'symphonyPodAdmin.hasSignedInPod'), JSON.stringify(palette));
    const previous = api.store.currentId;
    await api.store.setCurrent(podId);
    try {
      const bot = byName('rfq-router');
      emulator.control.clearRequests();
      const added = await run('accounts.addRole', undefined, [pickLabel(bot.displayName), pickValue('USER_PROVISIONING')]);
      assert.deepEqual(added.prompts.errors, []);
      assert.match(added.prompts.asked[0], /Which service account of Accounts pod\?/);
      assert.ok(byName('rfq-router').admin!.roles.includes('USER_PROVISIONING'));
      assert.deepEqual(writes().map((r) => r.path), [`/pod/v1/admin/user/${bot.id}/roles/add`], 'only the picked account changed');

      const opened = await run('accounts.open', undefined, [pickLabel(bot.displayName)]);
      assert.match(String(opened.result), new RegExp(`^symphony-account:/${bot.id}/rfq-router\\.md`));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    } finally {
      if (previous) await api.store.setCurrent(previous);
    }
  });

  it('puts service accounts\' rotated keys into the expiry report', async () => {
    const bot = byName('fx-pricing-bot');
    bot.admin!.keys.previous = { key: emulator.user.publicKeyPem, expirationDate: Date.now() + 5 * hour };
    const report = await api.expiry.radar.check({ refresh: [podId] });
    const row = report.items.find((i) => i.podId === podId && i.kind === 'accountKey' && i.id === String(bot.id));
    assert.ok(row, JSON.stringify(report.items.map((i) => [i.kind, i.name])));
    assert.equal(row.name, 'Fx Pricing Bot');
    assert.equal(row.state, 'expiring');
  });
});
