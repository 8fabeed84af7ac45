import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { apiRequests, usePod } from '../api/podFixture';
import { editJson, useFolders } from './folderHelpers';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

interface Run { code: number; stdout: string; stderr: string }

/** Runs `node dist/cli.js …` as a pipeline would: no terminal, the connection in the environment. */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

describe('symphony-pod CLI (node dist/cli.js against the emulator)', () => {
  const pod = usePod();
  const folderFor = useFolders();
  const env = () => ({
    SYMPHONY_POD_URL: pod().url, SYMPHONY_USERNAME: pod().admin.username, SYMPHONY_PRIVATE_KEY_FILE: pod().admin.privateKeyPath,
  });

  it('exits 0 when nothing differs, 2 with the one changed field in --json, applies with --yes, then 0', async () => {
    const folder = folderFor();
    const exported = await cli(['export', folder], env());
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /Exported \d+ certificates, 8 apps, \d+ groups/);
    assert.equal((await cli(['plan', folder], env())).code, 0);

    editJson(folder, 'apps/calendar-sync.json', (v) => { v.manifest.description = 'from the pipeline'; });
    const planned = await cli(['plan', folder, '--json'], env());
    assert.equal(planned.code, 2, planned.stderr);
    assert.equal(planned.stderr, '', 'no progress when stderr is not a terminal');
    const report = JSON.parse(planned.stdout);
    assert.equal(report.status, 2);
    assert.deepEqual(report.result.counts.update, 1);
    assert.deepEqual(report.result.changes.filter((c: { action: string }) => c.action === 'update').map((c: { id: string; fields: unknown }) => [c.id, c.fields]),
      [['calendar-sync', [{ field: 'manifest.description', before: 'Calendar Sync for Symphony', after: 'from the pipeline' }]]]);

    const text = await cli(['plan', folder], env());
    assert.equal(text.code, 2);
    assert.match(text.stdout, /manifest\.description: "Calendar Sync for Symphony" → "from the pipeline"/);
    assert.match(text.stdout, /0 to create, 1 to update, 0 to delete/);

    const applied = await cli(['apply', folder, '--yes', '--json'], env());
    assert.equal(applied.code, 0, applied.stdout);
    assert.deepEqual(JSON.parse(applied.stdout).result.applied.map((c: { id: string }) => c.id), ['calendar-sync']);
    assert.equal((await cli(['plan', folder], env())).code, 0);
    for (const out of [exported, planned, text, applied]) assert.ok(!/PRIVATE KEY|sessionToken/.test(out.stdout + out.stderr));
  });

  it('refuses to apply without --yes when nobody can confirm, and writes nothing (exit 1)', async () => {
    const folder = folderFor();
    assert.equal((await cli(['export', folder], env())).code, 0);
    editJson(folder, 'apps/calendar-sync.json', (v) => { v.manifest.description = 'unconfirmed'; });
    pod().control.clearRequests();
    const run = await cli(['apply', folder], env());
    assert.equal(run.code, 1);
    assert.match(run.stdout, /nobody can confirm here \(not a terminal\)\. Pass --yes/);
    assert.ok(!apiRequests(pod()).some((r) => r.method === 'POST' && r.path.endsWith('/update')));
  });

  it('exits 1 naming the file, the line and the field of a malformed file, with nothing sent', async () => {
    const folder = folderFor();
    assert.equal((await cli(['export', folder], env())).code, 0);
    editJson(folder, 'apps/calendar-sync.json', (v) => { v.manifest.permissions = ['send messages']; });
    const run = await cli(['apply', folder, '--yes', '--json'], env());
    assert.equal(run.code, 1);
    const { error } = JSON.parse(run.stdout).result;
    assert.deepEqual([error.file, error.field, typeof error.line], ['apps/calendar-sync.json', 'manifest.permissions[0]', 'number']);
    const plain = await cli(['plan', folder], env());
    assert.equal(plain.code, 1);
    assert.match(plain.stderr, /^Error: apps\/calendar-sync\.json line \d+, field manifest\.permissions\[0\]: .* Nothing was sent to the pod\.\n$/);
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
