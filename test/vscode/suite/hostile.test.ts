// Hostile and odd input where the UI matters (extension host, scripted prompts, the pod emulator): a PEM file that
// holds a chain, invisible and direction-changing characters typed into input boxes, and the timeout setting
// changed while signed in. Every refusal: a message naming what to fix, zero requests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { makeTestCertificate } from '../../../src/podEmulator/x509';
import { addRsaPod, answering, child, children, extensionApi, file, input, pickValue, podNode, removePod, startEmulator } from './helpers';
import type { Answer } from './scriptedPrompts';

const day = 86_400_000;

describe('Hostile input (extension host)', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;
  let dir: string;

  const run = (command: string, node: TreeNode | undefined, answers: Answer[]) =>
    answering(api, answers, () => vscode.commands.executeCommand(`symphonyPodAdmin.${command}`, node));
  const writes = () => emulator.control.requests().filter((r) => r.method !== 'GET');
  const write = (name: string, content: string) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, content);
    return target;
  };

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Hostile pod');
    pod = await podNode(api, podId);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-hostile-'));
  });
  after(async () => {
    if (api.store.get(podId)) await removePod(api, podId);
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('a PEM file holding a chain', () => {
    const leaf = makeTestCertificate({ commonName: 'chain-leaf-bot', notAfter: new Date(Date.now() + 365 * day) });
    const issuer = makeTestCertificate({ commonName: 'Chain Issuing CA', notAfter: new Date(Date.now() + 365 * day) });
    const chainFile = () => write('chain.pem', `subject=CN=chain-leaf-bot\n${leaf.pem}\nsubject=CN=Chain Issuing CA\n${issuer.pem}`);

    it('Add Company Certificate says how many certificates the file holds and uploads only the one picked', async () => {
      const certificates = await child(api, pod, 'Certificates');
      emulator.control.clearRequests();
      const { prompts } = await run('certs.create', certificates, [
        file(chainFile()), pickValue(issuer.pem.trim()), input('Chain CA'), pickValue('USERSIGNING'), pickValue('TRUSTED'), { confirm: true },
      ]);
      assert.deepEqual(prompts.errors, []);
      assert.ok(prompts.asked.some((q) => /chain\.pem holds 2 certificates \(a chain\); the pod takes one/.test(q)), prompts.asked.join('\n'));
      assert.ok(prompts.asked.some((q) => q.includes('Name for Chain Issuing CA')), 'the next step names the picked certificate');
      assert.equal(writes().length, 1, 'one request: the single certificate');
      const stored = [...emulator.control.state.certs.values()].find((c) => c.attributes.name === 'Chain CA');
      assert.ok(stored, 'the picked certificate was added');
      assert.ok(![...emulator.control.state.certs.values()].some((c) => c.attributes.name === 'chain-leaf-bot'));
    });

    it('sends nothing when the pick is dismissed', async () => {
      const certificates = await child(api, pod, 'Certificates');
      emulator.control.clearRequests();
      await run('certs.create', certificates, [file(chainFile()), { cancel: true }]);
      assert.equal(writes().length, 0);
    });
  });

  describe('invisible and direction-changing characters typed into input boxes', () => {
    it('Update Certificate refuses a name with a right-to-left mark, naming it', async () => {
      const certificate = (await children(api, await child(api, pod, 'Certificates')))[0];
      emulator.control.clearRequests();
      const { prompts } = await run('certs.update', certificate, [input('Bot\u200F')]);
      assert.match(prompts.rejectedInputs[0] ?? '', /^The name contains U\+200F RIGHT-TO-LEFT MARK.*remove it\.$/);
      assert.equal(writes().length, 0);
    });

    it('Create Group refuses a name that is only a zero-width space (it looks blank)', async () => {
      const typeNode = (await children(api, await child(api, pod, 'Groups')))[0];
      emulator.control.clearRequests();
      const { prompts } = await run('groups.create', typeNode, [input('\u200B')]);
      assert.match(prompts.rejectedInputs[0] ?? '', /group name contains U\+200B ZERO WIDTH SPACE/);
      assert.equal(writes().length, 0);
    });

    it('Send Connection Request refuses a user id with an Arabic letter mark', async () => {
      emulator.control.clearRequests();
      const { prompts } = await run('connections.create', pod, [input('1234\u061C5')]);
      assert.match(prompts.rejectedInputs[0] ?? '', /user id contains U\+061C ARABIC LETTER MARK/);
      assert.equal(writes().length, 0);
    });
  });

  describe('the HTTP timeout setting', () => {
    it('applies to the live client at once, without signing out', async () => {
      const settings = vscode.workspace.getConfiguration('symphonyPodAdmin');
      const client = api.sessions.client(podId);
      assert.equal(api.sessions.state(podId), 'signedIn');
      try {
        await settings.update('http.timeoutSeconds', 7, vscode.ConfigurationTarget.Global);
        assert.equal(api.sessions.client(podId), client, 'the same client: nobody signed out');
        assert.equal(client.timeoutMs, 7000);
        assert.equal(api.sessions.state(podId), 'signedIn');
      } finally {
        await settings.update('http.timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
      }
      assert.equal(client.timeoutMs, 30_000);
    });
  });
});
