// Every create / update / delete command end to end: scripted answers in, the emulator's state and request log
// checked, and the tree refreshed. Bad input stops before any request.
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import { ContextValue } from '../../../src/tree/contextValues';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { makeTestCertificate } from '../../../src/podEmulator/x509';
import { confirm } from './scriptedPrompts';
import { addRsaPod, answering, child, children, contextValue, extensionApi, file, input, label, pickLabel, pickValue, podNode, removePod, startEmulator } from './helpers';

const day = 24 * 60 * 60 * 1000;

describe('Commands', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;
  let dir: string;

  const run = (command: string, node: TreeNode | undefined, answers: Parameters<typeof answering>[1]) =>
    answering(api, answers, () => vscode.commands.executeCommand(`symphonyPodAdmin.${command}`, node));
  const writes = () => emulator.control.requests().filter((r) => r.method !== 'GET');
  const write = (name: string, content: string | Buffer) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, content);
    return target;
  };

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Commands pod');
    pod = await podNode(api, podId);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-commands-'));
  });
  after(async () => {
    await removePod(api, podId);
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.control.clearRequests());

  describe('certificates', () => {
    it('adds a certificate from a PEM file after showing what it is', async () => {
      const cert = makeTestCertificate({ commonName: 'svc-new-bot', notAfter: new Date(Date.now() + 365 * day) });
      const certificates = await child(api, pod, 'Certificates');
      const { prompts } = await run('certs.create', certificates, [file(write('new.pem', cert.pem)), input('New bot'), pickValue('USER'), pickValue('TRUSTED'), confirm()]);
      assert.deepEqual(prompts.errors, []);
      assert.ok(prompts.asked.some((q) => q.includes('New bot')), 'the confirmation names the certificate');
      assert.equal(writes().length, 1);
      assert.ok([...emulator.control.state.certs.values()].some((c) => c.attributes.name === 'New bot'));
      assert.ok((await children(api, certificates)).some((n) => label(n) === 'New bot'));
    });

    it('refuses an expired certificate before any request', async () => {
      const expired = makeTestCertificate({ commonName: 'old', notBefore: new Date(Date.now() - 400 * day), notAfter: new Date(Date.now() - day) });
      const { prompts } = await run('certs.create', await child(api, pod, 'Certificates'), [file(write('old.pem', expired.pem))]);
      assert.match(prompts.errors[0], /expired/i);
      assert.equal(writes().length, 0);
    });

    it('refuses a private key chosen instead of a certificate', async () => {
      const { prompts } = await run('certs.create', await child(api, pod, 'Certificates'), [file(write('key.pem', makeTestCertificate({ commonName: 'k' }).keyPem))]);
      assert.match(prompts.errors[0], /private key|certificate/i);
      assert.equal(writes().length, 0);
    });

    it('updates name, type and status, then deletes after a confirmation naming it', async () => {
      const certificates = await child(api, pod, 'Certificates');
      const node = (await children(api, certificates)).find((n) => label(n) === 'New bot')!;
      await run('certs.update', node, [input('Renamed bot'), pickValue('USER'), pickValue('KNOWN')]);
      const record = [...emulator.control.state.certs.values()].find((c) => c.attributes.name === 'Renamed bot');
      assert.equal(record?.attributes.status.type, 'KNOWN');
      const renamed = (await children(api, certificates)).find((n) => label(n) === 'Renamed bot')!;
      const { prompts } = await run('certs.delete', renamed, [confirm()]);
      assert.match(prompts.asked.at(-1)!, /Renamed bot/);
      assert.ok(![...emulator.control.state.certs.values()].some((c) => c.attributes.name === 'Renamed bot'));
    });

    it('does nothing when the delete is not confirmed', async () => {
      const first = (await children(api, await child(api, pod, 'Certificates')))[0];
      await run('certs.delete', first, [confirm(false)]);
      assert.equal(writes().length, 0);
    });

    it('copies the fingerprint and lists the certificates a CA issued', async () => {
      const ca = (await children(api, await child(api, pod, 'Certificates'))).find((n) => label(n) === 'Acme Issuing CA')!;
      await run('certs.copyFingerprint', ca, []);
      const fingerprint = await vscode.env.clipboard.readText();
      assert.ok(emulator.control.state.certs.has(fingerprint));
      await run('certs.showIssued', ca, [pickLabel(/.+/)]);
      assert.ok(emulator.control.requests().some((r) => r.path.endsWith('/issuedBy')));
    });
  });

  describe('applications', () => {
    it('creates an app with an RSA public key', async () => {
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
      const { prompts } = await run('apps.create', await child(api, pod, 'Applications'), [
        input('test-app'), input('Test App'), input('https://apps.acme.example/test'), input('Acme'), pickValue('rsa'), file(write('app.pub', publicKey)),
      ]);
      assert.deepEqual(prompts.errors, []);
      const stored = emulator.control.state.apps.get('test-app');
      assert.equal(stored?.name, 'Test App');
      assert.equal(stored?.keys.current?.key.trim(), publicKey.trim());
      assert.ok((await children(api, await child(api, pod, 'Applications'))).some((n) => label(n) === 'Test App'));
    });

    it('refuses an http:// app URL as the user types', async () => {
      const { prompts } = await run('apps.create', await child(api, pod, 'Applications'), [input('x-app'), input('X'), input('http://apps.acme.example')]);
      assert.match(prompts.rejectedInputs[0], /https/);
      assert.equal(writes().length, 0);
    });

    it('changes the pod entitlement and deletes the app', async () => {
      const app = (await children(api, await child(api, pod, 'Applications'))).find((n) => label(n) === 'Test App')!;
      await run('apps.toggleEntitlement', app, [{ pickMany: (item) => item.value === 'enable' }]);
      const entitlements = await api.sessions.client(podId).apps.listPodAppEntitlements();
      const updated = entitlements.find((e) => e.appId === 'test-app')!;
      assert.deepEqual([updated.enable, updated.listed, updated.install], [true, false, false]);
      const refreshed = (await children(api, await child(api, pod, 'Applications'))).find((n) => label(n) === 'Test App')!;
      await run('apps.delete', refreshed, [confirm()]);
      assert.ok(!emulator.control.state.apps.has('test-app'));
    });
  });

  describe('connections', () => {
    const statusNode = async (name: string) => child(api, await child(api, pod, 'Connections'), name);

    it('sends a request to a user id and refuses a negative id', async () => {
      const rejected = await run('connections.create', undefined, [input('-5')]);
      assert.match(rejected.prompts.rejectedInputs[0], /positive/);
      assert.equal(writes().length, 0);
      const target = { id: 18799999999001, username: 'new.contact', displayName: 'New Contact', company: 'Other Bank', podId: 199, internal: false };
      emulator.control.state.directory.set(target.id, target);
      const { prompts } = await run('connections.create', undefined, [input(String(target.id))]);
      assert.deepEqual(prompts.errors, []);
      assert.ok((await children(api, await statusNode('Outgoing requests'))).some((n) => label(n) === 'New Contact'));
    });

    it('accepts one incoming request and rejects another after confirmation', async () => {
      const incoming = await children(api, await statusNode('Incoming requests'));
      const [first, second] = incoming.filter((n) => contextValue(n) === ContextValue.connectionIncoming);
      await run('connections.accept', first, []);
      await run('connections.reject', second, [confirm()]);
      const accepted = (await children(api, await statusNode('Accepted'))).map(label);
      const rejected = (await children(api, await statusNode('Rejected'))).map(label);
      assert.ok(accepted.includes(label(first)), accepted.join());
      assert.ok(rejected.includes(label(second)), rejected.join());
    });

    it('shows a connection and removes it', async () => {
      const accepted = (await children(api, await statusNode('Accepted'))).find((n) => contextValue(n) === ContextValue.connectionAccepted)!;
      const info = await run('connections.showInfo', accepted, []);
      assert.match(info.prompts.shown[0]?.message ?? '', /: accepted$/);
      await run('connections.remove', accepted, [confirm()]);
      assert.ok(!(await children(api, await statusNode('Accepted'))).some((n) => label(n) === label(accepted)));
    });
  });

  describe('groups', () => {
    const typeNode = async () => (await children(api, await child(api, pod, 'Groups')))[0];

    it('creates a group through the wizard', async () => {
      const { prompts } = await run('groups.create', await typeNode(), [input('Rates Desk Test'), input(String(emulator.control.state.podId)), input('Rates Desk Test')]);
      assert.deepEqual(prompts.errors, []);
      assert.ok([...emulator.control.state.groups.values()].some((g) => g.name === 'Rates Desk Test'));
    });

    it('adds a member, sets an avatar, marks the group deleted and restores it', async () => {
      const group = (await children(api, await typeNode())).find((n) => label(n) === 'Rates Desk Test')!;
      const member = [...emulator.control.state.directory.values()].find((u) => u.internal)!;
      await run('groups.addMember', group, [input(String(member.id))]);
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
      const avatar = await run('groups.setAvatar', group, [file(write('avatar.png', png))]);
      assert.deepEqual(avatar.prompts.errors, []);
      await run('groups.markDeleted', group, [confirm()]);
      const stored = () => [...emulator.control.state.groups.values()].find((g) => g.name === 'Rates Desk Test')!;
      assert.equal(stored().status, 'DELETED');
      assert.ok(stored().members.some((m) => m.memberId === member.id));
      const deleted = (await children(api, await typeNode())).find((n) => label(n) === 'Rates Desk Test')!;
      assert.equal(contextValue(deleted), ContextValue.groupDeleted);
      await run('groups.restore', deleted, []);
      assert.equal(stored().status, 'ACTIVE');
    });

    it('refuses an avatar that is really text before any request', async () => {
      const group = (await children(api, await typeNode())).find((n) => label(n) === 'Rates Desk Test')!;
      const { prompts } = await run('groups.setAvatar', group, [file(write('fake.png', 'not an image'))]);
      assert.match(prompts.errors[0], /jpg|png|gif|image/i);
      assert.equal(writes().length, 0);
    });
  });
});
