// Wizards and sign-in in the real VS Code: a pod is never added twice for the same URL and account, and a pasted
// token the pod refuses is said so in the one prompt that asks again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { PodEmulator } from '../../pod-emulator';
import { addRsaPod, answering, children, extensionApi, file, input, pickValue, removePod, startEmulator } from './helpers';
import { PodStatusBar } from '../../../src/ui/statusBar';
import { Answer } from './scriptedPrompts';

describe('Wizards and sign-in', () => {
  let api: SymphonyPodAdminApi;
  let emulator: PodEmulator;
  let rsaPod: string;

  const tokenPod = (label: string, ...tokens: string[]): Answer[] => [input(label), input(emulator.url), pickValue('sessionToken'), pickValue('system'), ...tokens.map(input)];
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

  it('refuses a second pod with the same URL and RSA account before anything is saved or sent', async () => {
    const before = api.store.list().length;
    emulator.control.clearRequests();
    const { prompts } = await answering(
      api,
      [input('Wizards RSA again'), input(`${emulator.url}/`), pickValue('rsa'), input(emulator.admin.username.toUpperCase()), file(emulator.admin.privateKeyPath), pickValue('system')],
      () => vscode.commands.executeCommand('symphonyPodAdmin.pods.add'),
    );
    assert.match(prompts.errors[0] ?? '', /"Wizards RSA" already signs in to .* as the service account/);
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

  it('does not keep a pasted-token pod whose account another pod of the same URL already signs in as', async () => {
    const before = api.store.list().length;
    const current = api.store.currentId;
    const { prompts } = await answering(api, tokenPod('Wizards same account', await validToken()), () => vscode.commands.executeCommand('symphonyPodAdmin.pods.add'));
    assert.match(prompts.errors[0] ?? '', /"Wizards RSA" already signs in to .* not kept/);
    assert.equal(api.store.list().length, before);
    assert.equal(api.store.currentId, current);
  });
});
