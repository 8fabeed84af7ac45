// The Symphony language-model tools in the real VS Code, called as a chat agent calls them (`vscode.lm.invokeTool`)
// against the pod emulator: every read tool answers, bad input is refused with a clear error and no request, a
// write's confirmation names the pod, its environment and the change, and the tools disappear when the setting is off.
//
// Outside a chat, `invokeTool` on a tool that asks for confirmation opens a modal (microsoft/vscode#258778) that
// nothing in this headless workbench can answer, so the write tools' confirmation is checked through the part's own
// `prepare` (what `prepareInvocation` returns) and their effect through its `invoke`, the two calls VS Code makes.
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { PodEmulator } from '../../../src/podEmulator';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { publicKeyFingerprint } from '../../../src/credentials/keyRotation';
import { addRsaPod, extensionApi, extensionId, removePod, startEmulator } from './helpers';

type Part = typeof import('../../../src/agentTools/vscode/part');

const textOf = (result: vscode.LanguageModelToolResult) =>
  result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
const dataOf = (text: string) => JSON.parse(text.slice(text.indexOf('{"data"'))).data;

/** Resolves once `condition` holds (the setting reaches the workbench's tool registry after a round trip). */
async function untilAsync(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Resolves once `condition` holds: the tool list reaches the extension host after a round trip to the workbench. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('Language-model tools', () => {
  let api: SymphonyPodAdminApi;
  let emu: PodEmulator;
  let podId: string;
  let part: Part;
  const contributed = () => (vscode.extensions.getExtension(extensionId)!.packageJSON.contributes.languageModelTools as Array<{ name: string }>).map((t) => t.name);
  const offered = () => vscode.lm.tools.filter((t) => t.tags.includes('symphony')).map((t) => t.name).sort();
  const call = async (name: string, input: object) => textOf(await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }));

  before(async () => {
    api = await extensionApi();
    emu = await startEmulator();
    podId = await addRsaPod(api, emu, 'Agent pod');
    part = require(path.join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'dist', 'parts', 'agentTools.js')) as Part;
  });
  after(async () => {
    await vscode.workspace.getConfiguration('symphonyPodAdmin').update('agentTools.enabled', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('chat').update('disableAIFeatures', undefined, vscode.ConfigurationTarget.Global);
    await removePod(api, podId);
    await emu.close();
  });

  it('offers every Symphony tool to chat agents', async () => {
    await until(() => offered().length === contributed().length);
    assert.deepEqual(offered(), [...contributed()].sort());
  });

  it('lists the pods and searches them through vscode.lm.invokeTool', async () => {
    const pods = dataOf(await call('symphony_list_pods', {}));
    assert.deepEqual(pods.find((p: { podId: string }) => p.podId === podId), { podId, name: 'Agent pod', url: emu.url, environment: 'development', signedIn: true });
    const app = [...emu.control.state.apps.values()][2];
    const hits = dataOf(await call('symphony_search', { text: app.name, podId })).hits;
    assert.ok(hits.some((h: { kind: string; id: string }) => h.kind === 'application' && h.id === app.appId));
  });

  it('describes a certificate, an application and a group without any key, certificate body or API key', async () => {
    const cert = [...emu.control.state.certs.values()][1];
    const app = [...emu.control.state.apps.values()].find((a) => a.notification?.apiKey && a.keys.current)!;
    const group = [...emu.control.state.groups.values()][0];
    const answers = [
      await call('symphony_describe_certificate', { podId, fingerprint: cert.fingerPrint }),
      await call('symphony_describe_application', { podId, appId: app.appId }),
      await call('symphony_describe_group', { podId, groupId: group.id }),
    ];
    assert.equal(dataOf(answers[0]).name, cert.attributes.name);
    assert.deepEqual(dataOf(answers[1]).notification, { url: app.notification!.url, apiKeySet: true });
    assert.equal(dataOf(answers[2]).members.length, Math.min(group.members.length, 50));
    const session = await api.secrets.get(podId, 'session');
    for (const text of answers) {
      assert.doesNotMatch(text, /BEGIN|KEY-----/);
      assert.ok(!text.includes(app.notification!.apiKey!) || !text.includes(`"${app.notification!.apiKey}"`));
      assert.ok(session && !text.includes(session));
    }
  });

  it('finds and describes a service account through vscode.lm.invokeTool: roles, status, keys as fingerprints, never a key', async () => {
    const bot = [...emu.control.state.directory.values()].find((u) => u.accountType === 'SYSTEM' && u.admin?.keys.current && u.admin.keys.previous && u.username !== emu.admin.username)!;
    const hits = dataOf(await call('symphony_search', { text: bot.displayName, podId })).hits;
    assert.ok(hits.some((h: { kind: string; id: string }) => h.kind === 'serviceAccount' && h.id === String(bot.id)), JSON.stringify(hits));
    const text = await call('symphony_describe_account', { podId, username: bot.username });
    const data = dataOf(text);
    assert.equal(data.userId, bot.id);
    assert.deepEqual(data.roles, bot.admin!.roles);
    assert.deepEqual(data.rsaKeys.map((k: { fingerprint: string }) => k.fingerprint), [publicKeyFingerprint(bot.admin!.keys.current!.key), publicKeyFingerprint(bot.admin!.keys.previous!.key)]);
    assert.doesNotMatch(text, /BEGIN|KEY-----/);
    const session = await api.secrets.get(podId, 'session');
    assert.ok(session && !text.includes(session));
  });

  it('reads the extension\'s activity log through vscode.lm.invokeTool, filtered and without secrets', async () => {
    const app = [...emu.control.state.apps.values()][3];
    await part.invoke(api.agentTools, 'symphony_update_application', { podId, appId: app.appId, field: 'publisher', value: 'Logged by an agent' });
    await api.activity.log.read(); // the entry is appended in the background: wait for the log's queue
    const entries = dataOf(await call('symphony_activity_log', { podId, resource: app.appId, result: 'succeeded' }));
    assert.equal(entries[0].resource.id, app.appId);
    assert.equal(entries[0].request, `POST /pod/v1/admin/app/${app.appId}/update`);
    assert.equal(entries[0].pod, 'Agent pod');
    const all = await call('symphony_activity_log', { podId });
    assert.doesNotMatch(all, /BEGIN|KEY-----/);
    const session = await api.secrets.get(podId, 'session');
    assert.ok(session && !all.includes(session));
  });

  it('lists the signed-in account\'s connections through vscode.lm.invokeTool, each person named, one status or all', async () => {
    const all = dataOf(await call('symphony_list_connections', { podId })).connections as Array<{ userId: number; name: string; status: string; pod: string }>;
    assert.deepEqual(new Set(all.map((c) => c.status)), new Set(['pending_incoming', 'pending_outgoing', 'accepted', 'rejected']));
    assert.ok(all.every((c) => c.pod === 'Agent pod' && c.name === emu.control.state.directory.get(c.userId)!.displayName));
    const accepted = dataOf(await call('symphony_list_connections', { podId, status: 'accepted' })).connections as typeof all;
    assert.deepEqual(accepted.map((c) => c.userId), all.filter((c) => c.status === 'accepted').map((c) => c.userId));
  });

  it('gives the expiry report of the signed-in pods, the radar\'s own', async () => {
    const items = dataOf(await call('symphony_expiry_report', { podId })).items as Array<{ podId: string; id: string }>;
    const radar = (await api.expiry.radar.check()).items.filter((i) => i.podId === podId).slice(0, 50);
    assert.deepEqual(items.map((i) => i.id), radar.map((i) => i.id));
  });

  it('refuses bad input with a sentence naming the problem, before any request', async () => {
    emu.control.clearRequests();
    await assert.rejects(call('symphony_describe_application', { podId, appId: 'a/b' }), /The application id cannot contain \//);
    await assert.rejects(call('symphony_search', { text: 'x' }), /at least 2 characters/);
    await assert.rejects(call('symphony_describe_certificate', { podId: 'nowhere', fingerprint: 'ab'.repeat(32) }), /No pod has the id "nowhere"/);
    await assert.rejects(call('symphony_describe_account', { podId, userId: '1', username: 'bot' }), /Give exactly one of "userId", "username" or "email"/);
    await assert.rejects(call('symphony_describe_account', { podId, email: 'bot at acme' }), /is not an email address/);
    await assert.rejects(call('symphony_activity_log', { podId, since: 'last week' }), /ISO 8601 date or time/);
    await assert.rejects(call('symphony_activity_log', { action: 'rename' }), /"action" must be one of/);
    await assert.rejects(call('symphony_list_connections', { podId, status: 'incoming' }), /"status" must be one of "pending_incoming"/);
    assert.deepEqual(emu.control.requests(), []);
  });

  it('asks before a write, naming the pod, its environment and the change, and then writes through the save path', async () => {
    const app = [...emu.control.state.apps.values()].find((a) => a.entitlement.listed)!;
    const profile = api.store.get(podId)!;
    await api.store.save({ ...profile, environment: 'production' } as typeof profile);
    try {
      const input = { podId, appId: app.appId, listed: false };
      const prepared = await part.prepare(api.agentTools, 'symphony_set_app_entitlement', input);
      assert.equal(prepared.confirmationMessages?.title, `Change the entitlement of ${app.name} on Agent pod (production)?`);
      assert.equal(prepared.confirmationMessages?.message, `Pod "Agent pod" (production), application ${app.appId}: listed true → false.`);
      const read = await part.prepare(api.agentTools, 'symphony_list_pods', {});
      assert.equal(read.confirmationMessages, undefined, 'a read asks nothing');
      // A production pod is locked: the tool's write is refused by the client's gate, nothing sent, until unlocked.
      await assert.rejects(part.invoke(api.agentTools, 'symphony_set_app_entitlement', input), /is a production pod and is locked/);
      assert.equal(emu.control.state.apps.get(app.appId)!.entitlement.listed, true, 'nothing changed on the pod');
      api.sessions.lock.unlock(podId, 'agent tools test', 5);
      assert.match(await part.invoke(api.agentTools, 'symphony_set_app_entitlement', input), /listed true → false/);
      assert.equal(emu.control.state.apps.get(app.appId)!.entitlement.listed, false);
    } finally {
      api.sessions.lock.lock(podId);
      await api.store.save(profile);
    }
  });

  it('changes an app field through the app save pipeline (only that field is sent)', async () => {
    const app = [...emu.control.state.apps.values()][0];
    emu.control.clearRequests();
    const text = await part.invoke(api.agentTools, 'symphony_update_application', { podId, appId: app.appId, field: 'description', value: 'Changed by an agent' });
    assert.match(text, /Changed description of/);
    assert.equal(emu.control.state.apps.get(app.appId)!.description, 'Changed by an agent');
    const update = emu.control.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/update'));
    assert.equal(update.length, 1);
  });

  it('rotates a key like the key commands: the expiry report shows the old key expiring at the pod\'s date', async () => {
    const app = [...emu.control.state.apps.values()].find((a) => a.keys.current && !a.keys.previous)!;
    const publicKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const input = { podId, appId: app.appId, publicKeyPem };
    const prepared = await part.prepare(api.agentTools, 'symphony_rotate_app_key', input);
    assert.match(prepared.confirmationMessages!.message as string, new RegExp(`^Pod "Agent pod" \\(development\\), application ${app.appId}: the new key [0-9a-f]{23}… becomes current\\. The current key`));
    await part.invoke(api.agentTools, 'symphony_rotate_app_key', input);
    const rotated = api.expiry.radar.report!.items.find((i) => i.podId === podId && i.kind === 'appKey' && i.id === app.appId);
    assert.equal(rotated?.date, emu.control.state.apps.get(app.appId)!.keys.previous!.expirationDate);
  });

  it('offers each RSA pod as a read-only MCP server that starts and answers, with no secret in its definition', async () => {
    const extension = vscode.extensions.getExtension(extensionId)!;
    const servers = part.mcpServers(api.agentTools, extension.extensionPath, '1.0.0');
    const server = servers.find((s) => s.label === 'Symphony: Agent pod')!;
    assert.deepEqual(server.args, [path.join(extension.extensionPath, 'dist', 'cli.js'), 'mcp', '--days', '30'], 'no --allow-writes');
    assert.deepEqual(Object.keys(server.env).sort(), ['SYMPHONY_POD_ENVIRONMENT', 'SYMPHONY_POD_LABEL', 'SYMPHONY_POD_URL', 'SYMPHONY_PRIVATE_KEY_FILE', 'SYMPHONY_USERNAME']);
    assert.equal(server.env.SYMPHONY_PRIVATE_KEY_FILE, emu.admin.privateKeyPath);
    const transport = new StdioClientTransport({ command: server.command, args: server.args, env: { ...process.env, ...server.env } as Record<string, string>, stderr: 'ignore' });
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(transport);
    try {
      assert.ok((await client.listTools()).tools.every((t) => t.annotations?.readOnlyHint));
      const pods = await client.callTool({ name: 'symphony_list_pods', arguments: {} });
      assert.match((pods.content as Array<{ text: string }>)[0].text, /"name":"Agent pod"/);
    } finally {
      await client.close();
    }
  });

  // In this VS Code the contributed tools stay listed in `vscode.lm.tools` whatever their `when` clause says (the chat's
  // tool picker applies it; there is no chat here to look at), so what is checked is what an agent meets: no tool runs.
  it('withdraws every tool while symphonyPodAdmin.agentTools.enabled is off or chat.disableAIFeatures is on', async () => {
    const withdrawn = () => call('symphony_list_pods', {}).then(() => false, (error: Error) => /does not have an implementation registered/.test(error.message));
    const settings = [
      { section: 'symphonyPodAdmin', key: 'agentTools.enabled', off: false },
      { section: 'chat', key: 'disableAIFeatures', off: true },
    ];
    for (const { section, key, off } of settings) {
      await vscode.workspace.getConfiguration(section).update(key, off, vscode.ConfigurationTarget.Global);
      await untilAsync(withdrawn);
      await vscode.workspace.getConfiguration(section).update(key, undefined, vscode.ConfigurationTarget.Global);
      await untilAsync(async () => !(await withdrawn()));
      assert.match(await call('symphony_list_pods', {}), /signed in/);
    }
  });
});
