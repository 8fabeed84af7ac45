// The CLI as a pipeline runs it: `node dist/cli.js …` as a child process (no terminal), the connection in the
// environment, against the emulator. One process per test (or two where the test is "then it is clean"); the
// folder is exported in process first, as the engine's own tests cover export.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
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
  const env = () => ({
    SYMPHONY_POD_URL: pod().url, SYMPHONY_USERNAME: pod().admin.username, SYMPHONY_PRIVATE_KEY_FILE: pod().admin.privateKeyPath,
  });
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
});
