// The CLI as a pipeline runs it: `node dist/cli.js …` as a child process (no terminal), the connection in the
// environment, against the emulator. One process per test (or two where the test is "then it is clean"); the
// folder is exported in process first, as the engine's own tests cover export.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ActivityEntry } from '../../../src/activity/activityEntry';
import { exportPod } from '../../../src/podAsCode';
import { apiRequests, clientFor, usePod } from '../api/podFixture';
import { editJson, useFolders } from './folderHelpers';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

interface Run { code: number; stdout: string; stderr: string }

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

const noSecrets = (run: Run) => assert.ok(!/PRIVATE KEY|sessionToken|keyManagerToken/.test(run.stdout + run.stderr));

describe('symphony-pod CLI (node dist/cli.js against the emulator)', () => {
  const pod = usePod();
  const folderFor = useFolders();
  // Each test's changes go to a log of its own, never to the home folder of whoever runs the tests.
  let logDir = '';
  beforeEach(() => { logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-activity-')); });
  afterEach(() => fs.rmSync(logDir, { recursive: true, force: true }));
  const env = (extra: Record<string, string> = {}) => ({
    SYMPHONY_POD_URL: pod().url, SYMPHONY_USERNAME: pod().admin.username, SYMPHONY_PRIVATE_KEY_FILE: pod().admin.privateKeyPath,
    SYMPHONY_ACTIVITY_LOG: logDir, ...extra,
  });
  const logged = (dir = logDir): ActivityEntry[] => {
    const file = path.join(dir, 'activity.jsonl');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as ActivityEntry) : [];
  };
  /** Requests that change the pod (not the sign-in, nor reads sent as POST). */
  const podWrites = () => apiRequests(pod()).filter((r) => r.method !== 'GET' && !/\/(search|find|list)$/.test(r.path) || /entitlement\/list$/.test(r.path) && r.method === 'POST');
  const production = { SYMPHONY_POD_ENVIRONMENT: 'production' };
  /** A folder exported from the emulator, with calendar-sync's description edited when `description` is given. */
  const exported = async (description?: string) => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    await exportPod(client, folder);
    client.dispose();
    if (description !== undefined) editJson(folder, 'apps/calendar-sync.json', (v) => { v.manifest.description = description; });
    return folder;
  };

  it('export writes the folder and exits 0', async () => {
    const folder = folderFor();
    const run = await cli(['export', folder], env());
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Exported \d+ certificates, 8 apps, \d+ groups, \d+ serviceAccounts from http:\/\/127\.0\.0\.1:\d+ to /);
    noSecrets(run);
  });

  it('plan exits 0 when the folder matches the pod', async () => {
    const run = await cli(['plan', await exported()], env());
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /0 to create, 0 to update, 0 to delete/);
  });

  it('plan --json exits 2 with exactly the changed field, and no progress off a terminal', async () => {
    const run = await cli(['plan', await exported('from the pipeline'), '--json'], env());
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout);
    assert.equal(report.status, 2);
    assert.equal(report.result.counts.update, 1);
    assert.deepEqual(report.result.changes.filter((c: { action: string }) => c.action === 'update').map((c: { id: string; fields: unknown }) => [c.id, c.fields]),
      [['calendar-sync', [{ field: 'manifest.description', before: 'Calendar Sync for Symphony', after: 'from the pipeline' }]]]);
    noSecrets(run);
  });

  it('plan shows the field\'s old and new value in its table, exit 2', async () => {
    const run = await cli(['plan', await exported('from the pipeline')], env());
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stdout, /manifest\.description: "Calendar Sync for Symphony" → "from the pipeline"/);
    assert.match(run.stdout, /0 to create, 1 to update, 0 to delete/);
  });

  it('apply --yes --json applies the change and exits 0; a plan then exits 0', async () => {
    const folder = await exported('from the pipeline');
    const run = await cli(['apply', folder, '--yes', '--json'], env());
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(JSON.parse(run.stdout).result.applied.map((c: { id: string }) => c.id), ['calendar-sync']);
    noSecrets(run);
    assert.equal((await cli(['plan', folder], env())).code, 0);
  });

  it('refuses to apply without --yes when nobody can confirm, and writes nothing (exit 1)', async () => {
    const folder = await exported('unconfirmed');
    pod().control.clearRequests();
    const run = await cli(['apply', folder], env());
    assert.equal(run.code, 1);
    assert.match(run.stdout, /nobody can confirm here \(not a terminal\)\. Pass --yes/);
    assert.ok(!apiRequests(pod()).some((r) => r.method === 'POST' && r.path.endsWith('/update')));
  });

  it('exits 1 naming the file, the line and the field of a malformed file in --json, with nothing sent', async () => {
    const folder = await exported();
    editJson(folder, 'apps/calendar-sync.json', (v) => { v.manifest.permissions = ['send messages']; });
    pod().control.clearRequests();
    const run = await cli(['apply', folder, '--yes', '--json'], env());
    assert.equal(run.code, 1);
    const { error } = JSON.parse(run.stdout).result;
    assert.deepEqual([error.file, error.field, typeof error.line], ['apps/calendar-sync.json', 'manifest.permissions[0]', 'number']);
    assert.ok(!apiRequests(pod()).some((r) => r.method === 'POST' && r.path.endsWith('/update')));
  });

  it('says which file, line and field on stderr without --json (exit 1)', async () => {
    const folder = await exported();
    editJson(folder, 'apps/calendar-sync.json', (v) => { v.manifest.permissions = ['send messages']; });
    const run = await cli(['plan', folder], env());
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Error: apps\/calendar-sync\.json line \d+, field manifest\.permissions\[0\]: .* Nothing was sent to the pod\.\n$/);
  });

  it('exits 1 with a sentence when no pod or service account is given', async () => {
    const run = await cli(['plan', 'anywhere'], {});
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Which pod\? Set SYMPHONY_POD_URL or pass --pod-url/);
  });

  it('expiry exits 2 listing what expires: a rotated app key still valid for hours', async () => {
    const run = await cli(['expiry', '--json'], env());
    assert.equal(run.code, 2, run.stderr);
    const items = JSON.parse(run.stdout).result.items as Array<{ kind: string; id: string; state: string }>;
    assert.ok(items.some((i) => i.kind === 'appKey' && i.id === 'bloomberg-bridge' && i.state === 'expiring'));
  });

  describe('on a production pod (SYMPHONY_POD_ENVIRONMENT=production)', () => {
    it('refuses to apply without --unlock, before asking or writing anything (exit 1), and logs nothing', async () => {
      const folder = await exported('unlocked?');
      pod().control.clearRequests();
      const run = await cli(['apply', folder, '--yes'], env(production));
      assert.equal(run.code, 1, run.stdout);
      assert.match(run.stderr, /^Error: 127\.0\.0\.1 \(production\) is a production pod and is locked: pass --unlock "reason" .*Nothing was sent \(apply: 1 change\)\.\n$/);
      assert.deepEqual(podWrites(), []);
      assert.equal(pod().control.state.apps.get('calendar-sync')?.description, 'Calendar Sync for Symphony');
      assert.deepEqual(logged(), []);
    });

    it('refuses a blank --unlock reason before any request, sign-in included', async () => {
      const folder = await exported('x');
      pod().control.clearRequests();
      const run = await cli(['apply', folder, '--yes', '--unlock', '  '], env(production));
      assert.equal(run.code, 1);
      assert.match(run.stderr, /--unlock needs a reason: why you are changing this pod/);
      assert.deepEqual(pod().control.requests(), []);
    });

    it('refuses an environment it does not know rather than treating it as not production', async () => {
      pod().control.clearRequests();
      const run = await cli(['plan', 'anywhere'], env({ SYMPHONY_POD_ENVIRONMENT: 'prod' }));
      assert.equal(run.code, 1);
      assert.match(run.stderr, /SYMPHONY_POD_ENVIRONMENT must be development, uat or production \(got "prod"\)/);
      assert.deepEqual(pod().control.requests(), []);
    });

    it('with --unlock applies and logs the change: the reason, the environment, the CLI as source, before and after, no secret', async () => {
      const folder = await exported('from the release pipeline');
      const run = await cli(['apply', folder, '--yes', '--unlock', 'CHG-42 new description'], env(production));
      assert.equal(run.code, 0, run.stderr);
      assert.equal(pod().control.state.apps.get('calendar-sync')?.description, 'from the release pipeline');
      const entries = logged();
      assert.equal(entries.length, 1);
      const [entry] = entries;
      assert.deepEqual([entry.source, entry.command, entry.reason, entry.pod.environment, entry.account, entry.action, entry.resource.kind, entry.resource.id, entry.result.ok],
        ['cli', 'symphony-pod apply', 'CHG-42 new description', 'production', pod().admin.username, 'update', 'application', 'calendar-sync', true]);
      assert.equal((entry.before as { manifest: { description: string } }).manifest.description, 'Calendar Sync for Symphony');
      assert.equal((entry.sent as { description: string }).description, 'from the release pipeline');
      const text = fs.readFileSync(path.join(logDir, 'activity.jsonl'), 'utf8');
      assert.ok(!/PRIVATE KEY|passphrase/i.test(text));
      for (const token of pod().control.state.sessions.keys()) assert.ok(!text.includes(token), 'no session token in the log');
    });

    it('a plan that deletes needs the pod\'s name: --yes --unlock is not enough, --confirm-pod NAME applies it', async () => {
      const folder = await exported();
      fs.rmSync(path.join(folder, 'apps', 'calendar-sync.json'));
      pod().control.clearRequests();
      const refused = await cli(['apply', folder, '--prune', '--yes', '--unlock', 'CHG-43 retire calendar-sync'], env(production));
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /this plan deletes 1 resource: --yes is not enough\. Pass --confirm-pod "127\.0\.0\.1" as well\. Nothing was sent\./);
      const wrongName = await cli(['apply', folder, '--prune', '--yes', '--unlock', 'CHG-43 retire calendar-sync', '--confirm-pod', 'uat.example.com'], env(production));
      assert.match(wrongName.stderr, /The pod is named "127\.0\.0\.1", not "uat\.example\.com"/);
      assert.deepEqual(podWrites(), []);
      assert.ok(pod().control.state.apps.has('calendar-sync'));

      const run = await cli(['apply', folder, '--prune', '--yes', '--unlock', 'CHG-43 retire calendar-sync', '--confirm-pod', '127.0.0.1'], env(production));
      assert.equal(run.code, 0, run.stderr);
      assert.ok(!pod().control.state.apps.has('calendar-sync'));
      assert.deepEqual(logged().map((e) => [e.action, e.resource.kind, e.resource.id, e.reason]), [['delete', 'application', 'calendar-sync', 'CHG-43 retire calendar-sync']]);
    });
  });

  it('logs to the VS Code extension\'s activity folder when there is one and nothing else is chosen', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-home-'));
    try {
      const storage = path.join(home, '.config', 'Code', 'User', 'globalStorage', 'symphony-pod-admin.symphony-pod-admin');
      fs.mkdirSync(storage, { recursive: true });
      const { SYMPHONY_ACTIVITY_LOG: _chosen, ...rest } = env();
      const run = await cli(['apply', await exported('to the shared log'), '--yes'], { ...rest, HOME: home });
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(logged(path.join(storage, 'activity')).map((e) => [e.source, e.pod.environment, e.resource.id]), [['cli', 'development', 'calendar-sync']]);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('makes the change when the activity log cannot be written, and says so on stderr', async () => {
    const notAFolder = path.join(logDir, 'file');
    fs.writeFileSync(notAFolder, '');
    const run = await cli(['apply', await exported('log or no log'), '--yes'], env({ SYMPHONY_ACTIVITY_LOG: notAFolder }));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(pod().control.state.apps.get('calendar-sync')?.description, 'log or no log');
    assert.match(run.stderr, /Warning: the change was made but not written to the activity log in .*file: /);
  });
});
