// Reliability and security in the real VS Code: bad input through every surface (Add Pod, commands, manifests,
// webview forms) is refused with a message and zero requests, the user's input stays; faults at the command level
// write at most once; a pasted-token pod asks exactly once; a workspace's settings cannot redirect our tokens; and
// after all of it, nothing the extension wrote (log, globalState, settings, storage files, webview HTML and messages)
// contains a token, key material or passphrase. The plain-Node half is test/reliability/.
import * as assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { rsaAuthenticator } from '../../../src/api';
import type { HostToView } from '../../../src/editors/webviewMessages';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import { ContextValue } from '../../../src/tree/contextValues';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { makeTestCertificate } from '../../../src/podEmulator/x509';
import { json, startLocalServer } from '../../unit/api/localServer';
import { addRsaPod, answering, backgroundReads, child, children, contextValue, extensionApi, file, input, pickValue, podNode, removePod, startEmulator } from './helpers';
import type { Answer } from './scriptedPrompts';

const passphrase = 'correct horse battery staple';
const planted = 'planted-workspace-token-0123456789';

describe('Reliability and security (extension host)', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let podId: string;
  let pod: TreeNode;
  let dir: string;
  const issuedTokens: string[] = [];
  const podsToRemove: string[] = [];

  const run = (command: string, node: TreeNode | undefined, answers: Answer[]) =>
    answering(api, answers, () => vscode.commands.executeCommand(`symphonyPodAdmin.${command}`, node));
  const write = (name: string, content: string | Buffer) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, content);
    return target;
  };
  /** Waits for the reads the extension started on its own (the expiry check of a sign-in), then clears the request log. */
  async function quiet(target: PodEmulator = emulator): Promise<void> {
    await backgroundReads(api);
    target.control.clearRequests();
  }
  const firstGroup = async () => (await children(api, (await children(api, await child(api, pod, 'Groups')))[0]))[0];

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    podId = await addRsaPod(api, emulator, 'Reliability pod');
    pod = await podNode(api, podId);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-reliability-'));
  });
  after(async () => {
    for (const key of api.panels.openKeys()) api.panels.close(key);
    for (const id of [podId, ...podsToRemove]) if (api.store.get(id)) await removePod(api, id);
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('bad input is refused with a message, zero requests, and the input kept', () => {
    beforeEach(() => quiet());

    const badPodUrls: Array<[string, RegExp]> = [
      ['https://admin:hunter2@acme.symphony.com', /user name or password/],
      ['https://acme.symphony.com/pod/v1', /without a path/],
      ['http://acme.symphony.com', /only allowed for localhost/],
      ['javascript:alert(1)', /https:\/\//],
      ['acme.symphony.com', /not a valid URL/],
    ];
    for (const [url, expected] of badPodUrls) {
      it(`Add Pod refuses the pod URL ${url} as it is typed`, async () => {
        const before = api.store.list().length;
        const { prompts } = await run('pods.add', undefined, [input('Bad URL pod'), input(url)]);
        assert.match(prompts.rejectedInputs[0] ?? '', expected);
        assert.equal(api.store.list().length, before, 'no profile saved');
      });
    }

    it('Add Pod refuses a blank pod name', async () => {
      const { prompts } = await run('pods.add', undefined, [input(' \t ')]);
      assert.match(prompts.rejectedInputs[0] ?? "", /The pod name is required and cannot be blank/);
    });

    it('a wrong passphrase for an encrypted key: a clear message, no request, and it is not kept', async () => {
      // A pod of its own: the reliability pod already signs in as demo-admin, and one account is never added twice.
      const own = await startEmulator();
      try {
        const key = write('encrypted.pem', createPrivateKey(own.admin.privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string);
        const { prompts } = await run('pods.add', undefined, [input('Encrypted key pod'), input(own.url), pickValue('rsa'), input('demo-admin'), file(key), pickValue('system'), pickValue('development'), input('not the passphrase')]);
        const id = api.store.list().find((p) => p.label === 'Encrypted key pod')!.id;
        podsToRemove.push(id);
        assert.match(prompts.errors[0] ?? '', /passphrase is wrong/);
        assert.deepEqual(own.control.requests(), []);
        assert.equal(await api.secrets.get(id, 'passphrase'), undefined, 'a wrong passphrase is not stored');
        const retry = await run('pods.signIn', api.tree.podNode(id) ?? (await podNode(api, id)), [input(passphrase)]);
        assert.deepEqual(retry.prompts.errors, [], 'signing in again asks again, and the right passphrase works');
        await removePod(api, id);
      } finally {
        await own.close();
      }
    });

    it('an expiry check never asks for a passphrase: the pod of an encrypted key whose passphrase is gone needs a sign-in', async () => {
      const own = await startEmulator();
      try {
        const key = write('encrypted-check.pem', createPrivateKey(own.admin.privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string);
        await run('pods.add', undefined, [input('Unattended key pod'), input(own.url), pickValue('rsa'), input('demo-admin'), file(key), pickValue('system'), pickValue('development'), input(passphrase)]);
        const id = api.store.list().find((p) => p.label === 'Unattended key pod')!.id;
        podsToRemove.push(id);
        await backgroundReads(api);
        assert.equal(api.sessions.state(id), 'signedIn');
        // The session ends on the pod and the passphrase is no longer kept (a user cleared the keychain): the next
        // unattended check has to sign in again and cannot.
        await api.secrets.delete(id, 'passphrase');
        own.control.expireSessions();
        const { prompts } = await answering(api, [], () => api.sessions.unattendedWork(() => api.expiry.radar.check({ refresh: [id] })));
        assert.deepEqual(prompts.asked, [], 'no prompt appeared for work nobody asked for');
        assert.equal(api.sessions.state(id), 'needsSignIn');
        await removePod(api, id);
      } finally {
        await own.close();
      }
    });

    it('an EC key for RSA sign-in is refused before any request', async () => {
      const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
      const { prompts } = await run('pods.add', undefined, [input('EC key pod'), input(emulator.url), pickValue('rsa'), input('ec-bot'), file(write('ec.pem', ec.privateKey)), pickValue('system'), pickValue('development')]);
      podsToRemove.push(api.store.list().find((p) => p.label === 'EC key pod')!.id);
      assert.match(prompts.errors[0] ?? '', /ec key; Symphony needs an RSA key/);
      assert.deepEqual(emulator.control.requests(), []);
    });

    const badCertificates: Array<[string, string | Buffer, RegExp]> = [
      ['text that is not PEM', 'just some text', /not a PEM certificate/],
      ['a 10 MB file', Buffer.alloc(10 * 1024 * 1024, 65), /not a PEM certificate/],
      ['a private key', makeTestCertificate({ commonName: 'k', keyType: 'ec' }).keyPem, /private key, not a certificate/],
      ['an expired certificate', makeTestCertificate({ commonName: 'old', keyType: 'ec', notBefore: new Date(Date.now() - 9e9), notAfter: new Date(Date.now() - 864e5) }).pem, /expired/],
    ];
    for (const [what, content, expected] of badCertificates) {
      it(`Add Company Certificate refuses ${what}`, async () => {
        const { prompts } = await run('certs.create', await child(api, pod, 'Certificates'), [file(write('bad.pem', content))]);
        assert.match(prompts.errors[0] ?? '', expected);
        assert.deepEqual(emulator.control.requests(), []);
      });
    }

    it('Update Certificate refuses a name with control characters as it is typed', async () => {
      const certificate = (await children(api, await child(api, pod, 'Certificates')))[0];
      await quiet();
      const { prompts } = await run('certs.update', certificate, [input('Bot\u0007\nname')]);
      assert.match(prompts.rejectedInputs[0] ?? '', /control/);
      assert.deepEqual(emulator.control.requests(), []);
    });

    it('Create Application refuses a javascript: URL as it is typed', async () => {
      const { prompts } = await run('apps.create', await child(api, pod, 'Applications'), [input('js-app'), input('JS'), input('javascript:alert(1)')]);
      assert.match(prompts.rejectedInputs[0] ?? '', /https:\/\//);
      assert.deepEqual(emulator.control.requests(), []);
    });

    for (const [id, expected] of [['9223372036854775808', /larger than any Symphony user id/], ['1.5', /not a whole number/], ['-3', /positive/]] as const) {
      it(`Send Connection Request refuses the user id ${id}`, async () => {
        const { prompts } = await run('connections.create', pod, [input(id)]);
        assert.match(prompts.rejectedInputs[0] ?? '', expected);
        assert.deepEqual(emulator.control.requests(), []);
      });
    }

    it('Add Member refuses a user id the group API cannot carry exactly (above 2^53)', async () => {
      const group = await firstGroup();
      await quiet();
      const { prompts } = await run('groups.addMember', group, [input('9007199254740993')]);
      assert.match(prompts.rejectedInputs[0] ?? '', /too large/);
      assert.deepEqual(emulator.control.requests(), []);
    });

    for (const [what, content, expected] of [
      ['a 3 MB PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3 * 1024 * 1024)]), /at most 2,097,152 bytes \(2 MB\)/],
      ['a PNG that is really text', Buffer.from('I am not an image'), /JPEG, PNG or GIF/],
    ] as const) {
      it(`Set Avatar refuses ${what}`, async () => {
        const group = await firstGroup();
        await quiet();
        const { prompts } = await run('groups.setAvatar', group, [file(write('avatar.png', content))]);
        assert.match(prompts.errors[0] ?? '', expected);
        assert.deepEqual(emulator.control.requests(), []);
      });
    }

    const badManifests: Array<[string, string, RegExp]> = [
      ['invalid JSON', '{ "applicationInfo": { "appId": "x", } ', /not valid JSON/],
      ['JSON of the wrong shape', JSON.stringify({ applicationInfo: { appId: 'x', name: 'X' }, permissions: 'SEND_MESSAGES' }), /"permissions" must be a JSON array/],
      ['an unknown field', JSON.stringify({ applicationInfo: { appId: 'x', name: 'X' }, colour: 'red' }), /"colour" is not a manifest field/],
      ['a bad permission name', JSON.stringify({ applicationInfo: { appId: 'x', name: 'X' }, permissions: ['send messages'] }), /upper-case letters/],
    ];
    for (const [what, text, expected] of badManifests) {
      it(`Apply Manifest to Pod refuses ${what} before anything is written, and the file is unchanged`, async () => {
        const manifest = write(`manifest-${badManifests.findIndex((m) => m[0] === what)}.json`, text);
        // A manifest is checked against the chosen pod's version (only what differs is sent), so the refusal may come
        // after reading which apps that pod has; nothing is ever written.
        const { prompts } = await run('apps.applyManifest', vscode.Uri.file(manifest) as unknown as TreeNode, [pickValue(podId)]);
        assert.match(prompts.errors[0] ?? '', expected);
        assert.deepEqual(emulator.control.requests().filter((r) => r.method !== 'GET'), []);
        assert.equal(fs.readFileSync(manifest, 'utf8'), text);
      });
    }

    describe('webview forms', () => {
      type Load = Extract<HostToView, { type: 'load' }>;
      async function openPanel(command: string, node: TreeNode): Promise<string> {
        const key = (await vscode.commands.executeCommand<string>(`symphonyPodAdmin.${command}`, node))!;
        // The load the webview itself asks for when its script starts; answering for a slow webview as well made a
        // second load whose request landed in the next check's request log.
        while (!api.panels.postedMessages(key).some((m) => m.type === 'load')) await new Promise((resolve) => setTimeout(resolve, 100));
        await quiet();
        return key;
      }
      async function refused(key: string, message: unknown, expected: RegExp): Promise<void> {
        const before = api.panels.postedMessages(key).length;
        await api.panels.handleMessage(key, message);
        const replies = api.panels.postedMessages(key).slice(before);
        assert.ok(replies.some((m) => m.type === 'notice' && m.level === 'error' && expected.test(m.message)), JSON.stringify(replies));
        assert.ok(!replies.some((m): m is Load => m.type === 'load'), 'the form is not reloaded: what the user typed stays');
        assert.deepEqual(emulator.control.requests(), []);
      }

      it('the application form refuses a javascript: URL, a bad permission and a blank name', async () => {
        const key = await openPanel('apps.open', (await children(api, await child(api, pod, 'Applications')))[0]);
        await refused(key, { type: 'application.save', edit: { appUrl: 'javascript:alert(1)' } }, /https:\/\//);
        await refused(key, { type: 'application.save', edit: { permissions: ['SEND_MESSAGES', 'drop table'] } }, /upper-case letters/);
        await refused(key, { type: 'application.save', edit: { name: '   ' } }, /name is required/);
        await refused(key, { type: 'application.save', edit: { iconUrl: 'http://icons.acme.example/i.png' } }, /https:\/\//);
      });

      it('the certificate and group forms refuse control characters and ids beyond int64', async () => {
        const cert = await openPanel('certs.open', (await children(api, await child(api, pod, 'Certificates')))[0]);
        await refused(cert, { type: 'certificate.save', attributes: { name: 'a\u0000b', type: 'USER', status: 'TRUSTED' } }, /control/);
        const group = await openPanel('groups.open', await firstGroup());
        await refused(group, { type: 'group.addMember', userId: '9223372036854775808' }, /larger than any/);
        const loaded = api.panels.postedMessages(group).find((m): m is Load => m.type === 'load')!.model;
        await refused(group, { type: 'group.save', eTag: loaded.kind === 'group' ? loaded.eTag : '', edit: { name: 'Desk\u202Egnp.exe' } }, /U\+202E RIGHT-TO-LEFT OVERRIDE/);
      });

      it('a malformed message is ignored and logged, with no request', async () => {
        const cert = api.panels.openKeys().find((k) => k.includes('/certificate/'))!;
        const rejected = api.panels.rejectedMessages(cert).length;
        for (const message of [undefined, 42, { type: 'certificate.save', attributes: { name: 'x'.repeat(5000), type: 'USER', status: 'TRUSTED' } }, { type: '__proto__' }]) {
          await api.panels.handleMessage(cert, message);
        }
        assert.equal(api.panels.rejectedMessages(cert).length - rejected, 4);
        assert.ok(api.logLines().filter((l) => l.includes('Ignored a message')).length >= 4, 'each one is logged');
        assert.deepEqual(emulator.control.requests(), []);
      });
    });
  });

  describe('faults', () => {
    beforeEach(() => quiet());

    it('a 500 on Add Company Certificate: the error is shown, the POST is sent once, nothing is added', async () => {
      const certificates = await child(api, pod, 'Certificates');
      const before = emulator.control.state.certs.size;
      await quiet();
      emulator.control.injectFault({ status: 500, count: 1, method: 'POST', pathPrefix: '/pod/v2/companycert/create' });
      const cert = makeTestCertificate({ commonName: 'svc-fault', keyType: 'ec', notAfter: new Date(Date.now() + 30 * 864e5) });
      const { prompts } = await run('certs.create', certificates, [file(write('ok.pem', cert.pem)), input('Fault bot'), pickValue('USER'), pickValue('TRUSTED'), { confirm: true }]);
      assert.match(prompts.errors[0] ?? '', /\(500\)/);
      assert.deepEqual(emulator.control.requests().filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${r.status}`), ['POST /pod/v2/companycert/create 500']);
      assert.equal(emulator.control.state.certs.size, before);
    });

    it('a failing listing shows an error node with Retry, and the retry loads the list', async () => {
      const applications = await child(api, pod, 'Applications');
      emulator.control.injectFault({ status: 500, count: 1, method: 'GET', pathPrefix: '/pod/v1/admin/app/entitlement/list' });
      api.tree.refresh(applications);
      const failed = await children(api, applications);
      assert.ok(failed.some((n) => contextValue(n) === ContextValue.error), 'an error node, not an empty list');
      api.tree.refresh(applications);
      assert.ok((await children(api, applications)).every((n) => contextValue(n) !== ContextValue.error));
    });

    it('a pasted-token pod whose token expires asks exactly once, however many requests got 401', async () => {
      const token = async () => {
        const value = await rsaAuthenticator({ podUrl: emulator.url, username: 'demo-admin', privateKeyPem: emulator.admin.privateKeyPem })();
        issuedTokens.push(value);
        return value;
      };
      const added = await run('pods.add', undefined, [input('Pasted token pod'), input(emulator.url), pickValue('sessionToken'), pickValue('system'), pickValue('development'), input(await token())]);
      assert.deepEqual(added.prompts.errors, []);
      const id = api.store.list().find((p) => p.label === 'Pasted token pod')!.id;
      podsToRemove.push(id);
      await quiet();
      emulator.control.expireSessions();
      const client = api.sessions.client(id);
      const fresh = await token();
      const { prompts } = await answering(api, [input(fresh)], () =>
        Promise.all([client.session.getSessionInfo(), client.certs.listCompanyCertificates({ limit: 2 }), client.apps.listPodAppEntitlements(), client.connections.listConnections()]));
      assert.equal(prompts.asked.filter((q) => /session token/i.test(q)).length, 1);
      assert.equal(await api.secrets.get(id, 'session'), fresh);
    });

    it('a pod that is unreachable: Add Pod says so clearly and keeps the profile to fix', async () => {
      const gone = await startEmulator();
      const url = gone.url;
      await gone.close();
      const { prompts } = await run('pods.add', undefined, [input('Unreachable pod'), input(url), pickValue('rsa'), input('demo-admin'), file(emulator.admin.privateKeyPath), pickValue('system'), pickValue('development')]);
      const profile = api.store.list().find((p) => p.label === 'Unreachable pod');
      if (profile) podsToRemove.push(profile.id);
      assert.match(prompts.errors[0] ?? '', /Could not reach the pod/);
      assert.equal(profile?.podUrl, url, 'the profile is kept');
    });
  });

  describe('secrets and trust', () => {
    it('a workspace .vscode/settings.json naming a pod URL or token does not change where tokens go', async () => {
      const thief = await startLocalServer((_req, res) => json(res, 200, {}));
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      assert.ok(folder, 'the test window has a workspace folder');
      const settings = path.join(folder, '.vscode', 'settings.json');
      fs.mkdirSync(path.dirname(settings), { recursive: true });
      fs.writeFileSync(settings, JSON.stringify({
        'symphonyPodAdmin.podUrl': thief.url, 'symphonyPodAdmin.pods': [{ id: podId, label: 'Evil', podUrl: thief.url, authMethod: 'sessionToken' }],
        'symphonyPodAdmin.sessionToken': planted, 'symphonyPodAdmin.http.timeoutSeconds': 1,
      }));
      try {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await quiet();
        api.tree.refresh();
        await api.sessions.client(podId).certs.listCompanyCertificates({ limit: 1 });
        await api.sessions.client(podId).groups.listTypes();
        assert.equal(api.store.get(podId)?.podUrl, emulator.url);
        assert.notEqual(vscode.workspace.getConfiguration('symphonyPodAdmin').get('http.timeoutSeconds'), 1, 'application-scoped settings ignore the workspace');
        assert.deepEqual(thief.seen, []);
        assert.ok(emulator.control.requests().length >= 2);
      } finally {
        fs.rmSync(path.dirname(settings), { recursive: true, force: true });
        await thief.close();
      }
    });

    it('nothing the extension wrote contains a token, key material or passphrase', async () => {
      const secrets = new Set<string>([passphrase, ...issuedTokens, ...emulator.control.state.sessions.keys(), ...emulator.control.state.bearers.keys()]);
      for (const profile of api.store.list()) {
        for (const name of ['session', 'bearer', 'passphrase'] as const) {
          const value = await api.secrets.get(profile.id, name);
          if (value) secrets.add(value);
        }
      }
      for (const line of emulator.admin.privateKeyPem.split('\n').filter((l) => l.length > 40)) secrets.add(line);
      for (const marker of ['-----BEGIN PRIVATE KEY', '-----BEGIN RSA PRIVATE KEY', '-----BEGIN ENCRYPTED PRIVATE KEY', '-----BEGIN EC PRIVATE KEY']) secrets.add(marker);
      const needles = [...secrets].filter((s) => s.length >= 8);
      assert.ok(needles.length >= 5, `${needles.length} secrets to look for`);

      const logged = await api.activity.log.read();
      assert.ok(logged.some((e) => e.pod.id === podId), 'the activity log has this pod\'s changes to scan');
      const places: Array<[string, string]> = [
        ['output channel', api.logLines().join('\n')],
        ['globalState', JSON.stringify(api.globalState.keys().map((k) => [k, api.globalState.get(k)]))],
        ['settings', JSON.stringify(['certificates.expiryWarningDays', 'tree.pageSize', 'http.timeoutSeconds'].map((k) => vscode.workspace.getConfiguration('symphonyPodAdmin').inspect(k)?.globalValue))],
        ...api.panels.openKeys().flatMap((key): Array<[string, string]> => [[`webview HTML ${key}`, api.panels.html(key) ?? ''], [`webview messages ${key}`, JSON.stringify(api.panels.postedMessages(key))]]),
        ...api.storageUris.flatMap((uri) => walk(uri.fsPath)).map((f): [string, string] => [f, fs.readFileSync(f, 'latin1')]),
      ];
      assert.ok(api.logLines().length > 20, 'the log has lines to scan');
      assert.ok(places.some(([where]) => where.endsWith('activity.jsonl')), 'the activity log file is among the files scanned');
      assert.ok(api.panels.openKeys().length >= 3, 'webviews to scan');
      const hits = places.flatMap(([where, text]) => needles.filter((s) => text.includes(s)).map((s) => `${where}: ${s.slice(0, 6)}…`));
      assert.deepEqual(hits, []);
      assert.ok(!places.some(([, text]) => text.includes(planted)), 'the token planted in workspace settings was never picked up');
      for (const profile of api.store.list()) assert.notEqual(await api.secrets.get(profile.id, 'session'), planted);
    });
  });
});

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}
