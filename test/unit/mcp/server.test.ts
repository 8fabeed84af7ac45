// The MCP server as an MCP client starts it: `node dist/cli.js mcp` (symphony-pod mcp) as a child process over stdio, driven by the SDK's own
// client, against the pod emulator. Read tools answer; write tools are absent and refused without --allow-writes;
// with it they work, but never on a production pod; nothing secret is in any answer.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { activityEntry } from '../../../src/activity/activityEntry';
import { ActivityLog } from '../../../src/activity/activityLog';
import { agentTools } from '../../../src/agentTools/catalog';
import { PodEmulator, startPodEmulator } from '../../../src/podEmulator';

const cliJs = path.join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
const textOf = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as Array<{ type: string; text: string }>).map((c) => c.text).join('');

describe('MCP server (symphony-pod mcp over stdio, emulator)', () => {
  let emu: PodEmulator;
  const clients: Client[] = [];
  before(async () => {
    emu = await startPodEmulator();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  after(async () => {
    await emu.close();
  });

  let logDir = '';
  beforeEach(() => { logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-activity-')); });
  afterEach(() => fs.rmSync(logDir, { recursive: true, force: true }));

  async function start(args: string[], environment?: string, extraEnv: Record<string, string> = {}): Promise<{ client: Client; stderr: () => string }> {
    let stderr = '';
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [cliJs, 'mcp', ...args],
      env: {
        PATH: process.env.PATH ?? '', SYMPHONY_POD_URL: emu.url, SYMPHONY_USERNAME: emu.admin.username,
        SYMPHONY_PRIVATE_KEY_FILE: emu.admin.privateKeyPath, SYMPHONY_POD_LABEL: 'Emulated pod', ...(environment ? { SYMPHONY_POD_ENVIRONMENT: environment } : {}),
        SYMPHONY_ACTIVITY_LOG: logDir, ...extraEnv,
      },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    return { client, stderr: () => stderr };
  }

  it('initializes, lists only the read tools with read-only hints, and answers a read tool from the pod', async () => {
    const { client } = await start([]);
    assert.equal(client.getServerVersion()?.name, 'symphony-pod-admin');
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name), agentTools.filter((t) => t.access === 'read').map((t) => t.name));
    assert.ok(tools.every((t) => t.annotations?.readOnlyHint === true));

    const app = [...emu.control.state.apps.values()].find((a) => a.notification?.apiKey && a.keys.current)!;
    const result = await client.callTool({ name: 'symphony_describe_application', arguments: { podId: 'pod', appId: app.appId } });
    assert.equal(result.isError, undefined);
    const text = textOf(result);
    assert.match(text, new RegExp(`Application "${app.name}" on Emulated pod`));
    assert.match(text, /"apiKeySet":true/);
    assert.ok(!text.includes(app.notification!.apiKey!) && !/BEGIN|KEY-----/.test(text), 'no API key, no PEM');
  });

  it('lists and answers the service-account and activity-log tools, the log read from SYMPHONY_ACTIVITY_LOG or --activity-log', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-activity-'));
    try {
      const bot = [...emu.control.state.directory.values()].find((u) => u.accountType === 'SYSTEM' && u.admin?.keys.current && u.username !== emu.admin.username)!;
      await new ActivityLog(dir).append(activityEntry({ method: 'POST', path: `/pod/v2/admin/user/${bot.id}/update`, body: { currentKey: { key: bot.admin!.keys.current!.key, action: 'SAVE' } }, status: 200, ok: true, at: new Date(), ms: 5 },
        { id: 'cli', label: 'Emulated pod', url: emu.url, environment: 'uat' }, undefined));
      for (const { client } of [await start([], undefined, { SYMPHONY_ACTIVITY_LOG: dir }), await start(['--activity-log', dir])]) {
        const { tools } = await client.listTools();
        assert.ok(['symphony_describe_account', 'symphony_activity_log'].every((name) => tools.some((t) => t.name === name && t.annotations?.readOnlyHint)));
        const account = textOf(await client.callTool({ name: 'symphony_describe_account', arguments: { podId: 'pod', username: bot.username } }));
        assert.match(account, new RegExp(`Service account "${bot.displayName}" on Emulated pod`));
        const log = await client.callTool({ name: 'symphony_activity_log', arguments: { podId: 'pod' } });
        assert.equal(log.isError, undefined, textOf(log));
        assert.match(textOf(log), new RegExp(`"request":"POST /pod/v2/admin/user/${bot.id}/update"`));
        for (const text of [account, textOf(log)]) assert.ok(!/BEGIN|KEY-----/.test(text), 'no key');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the connections tool as read-only and answers it with each person named, refusing a bad status with no request', async () => {
    const { client } = await start([]);
    const { tools } = await client.listTools();
    assert.ok(tools.some((t) => t.name === 'symphony_list_connections' && t.annotations?.readOnlyHint === true));
    const result = await client.callTool({ name: 'symphony_list_connections', arguments: { podId: 'pod', status: 'pending_incoming' } });
    assert.equal(result.isError, undefined, textOf(result));
    const connections = JSON.parse(textOf(result).slice(textOf(result).indexOf('{"data"'))).data.connections as Array<{ userId: number; name: string; status: string }>;
    assert.ok(connections.length > 0);
    for (const c of connections) {
      assert.equal(c.status, 'pending_incoming');
      assert.equal(c.name, emu.control.state.directory.get(c.userId)!.displayName);
    }
    emu.control.clearRequests();
    const bad = await client.callTool({ name: 'symphony_list_connections', arguments: { status: 'pending' } });
    assert.equal(bad.isError, true);
    assert.match(textOf(bad), /"status" must be one of "pending_incoming"/);
    assert.deepEqual(emu.control.requests(), []);
  });

  it('refuses a write tool without --allow-writes, sending nothing', async () => {
    const { client } = await start([]);
    const app = [...emu.control.state.apps.values()][0];
    emu.control.clearRequests();
    const result = await client.callTool({ name: 'symphony_set_app_entitlement', arguments: { podId: 'pod', appId: app.appId, listed: !app.entitlement.listed } });
    assert.equal(result.isError, true);
    assert.match(textOf(result), /this server is read-only \(start it with --allow-writes/);
    assert.deepEqual(emu.control.requests(), []);
  });

  it('returns bad input as a tool error naming the problem, with no request', async () => {
    const { client } = await start([]);
    emu.control.clearRequests();
    const result = await client.callTool({ name: 'symphony_describe_certificate', arguments: { podId: 'pod', fingerprint: 'xyz' } });
    assert.equal(result.isError, true);
    assert.match(textOf(result), /64 hexadecimal digits/);
    assert.deepEqual(emu.control.requests(), []);
  });

  it('with --allow-writes offers and runs the write tools, marked destructive', async () => {
    const { client } = await start(['--allow-writes']);
    const { tools } = await client.listTools();
    assert.deepEqual(tools.filter((t) => t.annotations?.destructiveHint).map((t) => t.name), ['symphony_update_application', 'symphony_set_app_entitlement', 'symphony_rotate_app_key']);
    const app = [...emu.control.state.apps.values()][1];
    const result = await client.callTool({ name: 'symphony_update_application', arguments: { podId: 'pod', appId: app.appId, field: 'publisher', value: 'Agents Ltd' } });
    assert.equal(result.isError, undefined, textOf(result));
    assert.equal(emu.control.state.apps.get(app.appId)!.publisher, 'Agents Ltd');
  });

  it('does not start with --allow-writes on a production pod without --unlock: exit 1, nothing sent', async () => {
    emu.control.clearRequests();
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [cliJs, 'mcp', '--allow-writes'], {
        env: { PATH: process.env.PATH ?? '', SYMPHONY_POD_URL: emu.url, SYMPHONY_USERNAME: emu.admin.username, SYMPHONY_PRIVATE_KEY_FILE: emu.admin.privateKeyPath,
          SYMPHONY_POD_LABEL: 'Emulated pod', SYMPHONY_POD_ENVIRONMENT: 'production', SYMPHONY_ACTIVITY_LOG: logDir },
      }, (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }));
      child.stdin?.end();
    });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Emulated pod \(production\) is a production pod: --allow-writes needs --unlock "reason" too/);
    assert.deepEqual(emu.control.requests(), []);
  });

  it('writes to a production pod with --allow-writes --unlock, and logs the change with the tool, the reason and the CLI as source', async () => {
    const { client } = await start(['--allow-writes', '--unlock', 'CHG-7 agent-assisted clean-up'], 'production');
    const app = [...emu.control.state.apps.values()][1];
    const result = await client.callTool({ name: 'symphony_set_app_entitlement', arguments: { podId: 'pod', appId: app.appId, install: !app.entitlement.install } });
    assert.equal(result.isError, undefined, textOf(result));
    await client.close();
    const entries = fs.readFileSync(path.join(logDir, 'activity.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.deepEqual(entries.map((e) => [e.source, e.command, e.reason, e.pod.environment, e.resource.kind, e.resource.id]),
      [['cli', 'symphony-pod mcp symphony_set_app_entitlement', 'CHG-7 agent-assisted clean-up', 'production', 'entitlement', app.appId]]);
  });
});
