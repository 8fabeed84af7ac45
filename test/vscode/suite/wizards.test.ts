// Wizards and sign-in in the real VS Code: step counters and Back on every wizard step, a duplicate app id refused at
// step 1, a pod never added twice for the same URL and account, a pasted token the pod refuses said so in the one
// prompt that asks again, and the pod's status-bar item drawn from what is stored.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { PodEmulator } from '../../../src/podEmulator';
import { addRsaPod, answering, backgroundReads, child, children, extensionApi, file, input, pickValue, podNode, removePod, startEmulator } from './helpers';
import { PodStatusBar } from '../../../src/ui/statusBar';
import { Answer, back } from './scriptedPrompts';

describe('Wizards and sign-in', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let rsaPod: string;

  const tokenPod = (label: string, ...tokens: string[]): Answer[] => [input(label), input(emulator.url), pickValue('sessionToken'), pickValue('system'), pickValue('development'), ...tokens.map(input)];
  const podsLabelled = (label: string) => api.store.list().filter((p) => p.label === label);
  const removeLabelled = async (label: string) => {
    await children(api);
    for (const pod of podsLabelled(label)) await removePod(api, pod.id);
  };
  const validToken = async () => (await api.secrets.get(rsaPod, 'session'))!;

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator();
    rsaPod = await addRsaPod(api, emulator, 'Wizards RSA');
  });
  after(async () => {
    await children(api);
    for (const profile of api.store.list().filter((p) => p.label.startsWith('Wizards'))) await removePod(api, profile.id);
    await emulator.close();
  });

  it('shows the current pod in the status bar from what is stored, sending nothing to the pod', async () => {
    await answering(api, [pickValue(rsaPod)], () => vscode.commands.executeCommand('symphonyPodAdmin.pods.switch'));
    assert.equal(api.podStatusBar.state.visible, true);
    assert.match(api.podStatusBar.state.text, /Wizards RSA/);
    emulator.control.clearRequests();
    const drawnAtStart = new PodStatusBar(api.store, api.sessions);
    try {
      assert.equal(drawnAtStart.state.visible, true);
      assert.match(drawnAtStart.state.text, /Wizards RSA/);
      assert.deepEqual(emulator.control.requests(), []);
    } finally {
      drawnAtStart.dispose();
    }
  });

  it('refuses a second pod with the same URL and RSA account, even with another key file, before anything is saved or sent', async () => {
    const before = api.store.list().length;
    emulator.control.clearRequests();
    const otherKey = path.join(os.tmpdir(), `spa-wizards-${process.pid}.pem`);
    fs.copyFileSync(emulator.admin.privateKeyPath, otherKey);
    try {
      const { prompts } = await answering(
        api,
        [input('Wizards RSA again'), input(`${emulator.url}/`), pickValue('rsa'), input(emulator.admin.username.toUpperCase()), file(otherKey), pickValue('system'), pickValue('development')],
        () => vscode.commands.executeCommand('symphonyPodAdmin.pods.add'),
      );
      assert.match(prompts.errors[0] ?? '', /"Wizards RSA" already signs in to .* as the service account demo-admin: use that pod \(Sign In, or Edit Pod to change its key/);
    } finally {
      fs.rmSync(otherKey, { force: true });
    }
    assert.equal(api.store.list().length, before);
    assert.deepEqual(emulator.control.requests().filter((r) => r.path.startsWith('/login')), []);
  });

  it('says the pod did not accept a pasted token before asking once more, then signs in with the next one', async () => {
    const userPod = await addRsaPod(api, emulator, 'Wizards user', 'user');
    const userToken = (await api.secrets.get(userPod, 'session'))!;
    await children(api);
    await removePod(api, userPod);
    assert.equal(api.store.get(userPod), undefined, 'the helper pod is removed');
    const { prompts } = await answering(api, tokenPod('Wizards token', 'not-a-token', userToken), () => vscode.commands.executeCommand('symphonyPodAdmin.pods.add'));
    const tokenPrompts = prompts.asked.filter((q) => q.includes('session token'));
    assert.equal(tokenPrompts.length, 2, prompts.asked.join('\n'));
    assert.doesNotMatch(tokenPrompts[0], /did not accept/);
    assert.match(tokenPrompts[1], /The pod did not accept this token: .+\. Paste another session token/);
    assert.deepEqual(prompts.errors, []);
    const [pod] = podsLabelled('Wizards token');
    assert.equal(api.sessions.state(pod.id), 'signedIn');
    await removeLabelled('Wizards token');
  });

  it('ends the sign-in with the reason when the token pasted again is refused too, without a third prompt', async () => {
    const { prompts } = await answering(api, tokenPod('Wizards refused', 'not-a-token', 'still-not-a-token'), () => vscode.commands.executeCommand('symphonyPodAdmin.pods.add'));
    assert.equal(prompts.asked.filter((q) => q.includes('session token')).length, 2, prompts.asked.join('\n'));
    assert.match(prompts.errors[0] ?? '', /did not accept this token: .+ Run "Sign In" on Wizards refused/);
    const [pod] = podsLabelled('Wizards refused');
    assert.equal(api.sessions.state(pod.id), 'needsSignIn');
    assert.equal(await api.secrets.get(pod.id, 'session'), undefined);
    await removeLabelled('Wizards refused');
  });

  it('does not keep a second pasted-token pod for an account another pasted-token pod of the same URL signs in as', async () => {
    const first = await answering(api, tokenPod('Wizards pasted', await validToken()), () => vscode.commands.executeCommand('symphonyPodAdmin.pods.add'));
    assert.deepEqual(first.prompts.errors, [], 'a pasted token next to an RSA key for the same account is another way in, kept');
    const before = api.store.list().length;
    const current = api.store.currentId;
    const { prompts } = await answering(api, tokenPod('Wizards same account', await validToken()), () => vscode.commands.executeCommand('symphonyPodAdmin.pods.add'));
    assert.match(prompts.errors[0] ?? '', /"Wizards pasted" already signs in to .* not kept/);
    assert.equal(api.store.list().length, before);
    assert.equal(api.store.currentId, current);
  });

  const steps = (asked: string[]) => asked.map((q) => /\[(\d+\/\d+)\]$/.exec(q)?.[1] ?? '-');

  it('Add Pod counts its steps and Back asks the previous step again, keeping what was typed', async () => {
    const { prompts } = await answering(
      api,
      [input('Wizards back'), back(api), input('Wizards back renamed'), input(emulator.url), pickValue('rsa'), back(api), pickValue('rsa'), input(emulator.user.username), file(emulator.user.privateKeyPath), pickValue('system'), pickValue('development')],
      () => vscode.commands.executeCommand('symphonyPodAdmin.pods.add'),
    );
    assert.deepEqual(prompts.errors, []);
    assert.deepEqual(steps(prompts.asked), ['1/6', '2/6', '1/6', '2/6', '3/6', '4/6', '3/6', '4/6', '-', '5/6', '6/6']);
    const [pod] = podsLabelled('Wizards back renamed');
    assert.equal(api.sessions.user(pod.id)?.username, emulator.user.username);
    assert.deepEqual(podsLabelled('Wizards back'), []);
  });

  it('Create Application refuses an id the listed apps hold as it is typed at step 1, with no request', async () => {
    const applications = await child(api, await podNode(api, rsaPod), 'Applications');
    const created = await answering(api, [input('wizards-app'), back(api), input('wizards-app'), input('Wizards App'), input('https://apps.example.com/w'), input('Us'), pickValue('none')],
      () => vscode.commands.executeCommand('symphonyPodAdmin.apps.create', applications));
    assert.deepEqual(created.prompts.errors, []);
    assert.deepEqual(steps(created.prompts.asked), ['1/5', '2/5', '1/5', '2/5', '3/5', '4/5', '5/5']);
    assert.ok(emulator.control.state.apps.has('wizards-app'));
    await children(api, applications);
    emulator.control.clearRequests();
    const { prompts } = await answering(api, [input('wizards-app'), input('never asked')], () => vscode.commands.executeCommand('symphonyPodAdmin.apps.create', applications));
    assert.match(prompts.rejectedInputs[0] ?? '', /already has an app "wizards-app": choose another id/);
    assert.equal(prompts.asked.length, 1, prompts.asked.join('\n'));
    assert.deepEqual(emulator.control.requests(), [], 'nothing is sent');
  });

  it('a check nobody asked for (the expiry check at start-up) never prompts for an expired pasted token: the pod waits for Sign In', async () => {
    const [pod] = podsLabelled('Wizards pasted');
    await backgroundReads(api);
    emulator.control.expireSessions();
    const { result, prompts } = await answering(api, [], () =>
      api.sessions.unattendedWork(() => api.sessions.client(pod.id).session.getSessionInfo()).then(() => undefined, (error: Error) => error.message));
    assert.match(result ?? '', /Sign in to Wizards pasted again/);
    assert.deepEqual(prompts.asked, []);
    assert.equal(api.sessions.state(pod.id), 'needsSignIn');
  });
});
