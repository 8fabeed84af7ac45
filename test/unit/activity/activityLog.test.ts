import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { activityEntry, ActivityEntry, describeWrite } from '../../../src/activity/activityEntry';
import { ActivityLog, CURRENT_FILE } from '../../../src/activity/activityLog';
import { withChange } from '../../../src/activity/changeContext';
import { ActivityRecorder } from '../../../src/activity/recorder';
import { redact } from '../../../src/activity/redact';
import { publicKeyFingerprint } from '../../../src/credentials/keyRotation';
import { makeTestCertificate } from '../../../src/podEmulator';
import { clientFor, usePod } from '../api/podFixture';

const pod = { id: 'p1', label: 'Prod', url: 'https://prod.example.com', environment: 'production', account: 'admin-bot', reason: 'CHG-1' };
let n = 0;
function entry(time: string, extra: Partial<ActivityEntry> = {}): ActivityEntry {
  const base = activityEntry({ method: 'POST', path: '/pod/v1/companycert/delete', body: { id: `fp${n++}` }, status: 200, ok: true, at: new Date(time), ms: 3 }, pod, undefined);
  return { ...base, ...extra };
}

describe('Activity log', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-activity-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('appends JSON lines and reads them newest first, skipping a torn last line', async () => {
    const log = new ActivityLog(dir);
    await log.append(entry('2026-11-30T10:00:00Z'));
    await log.append(entry('2026-11-30T11:00:00Z'));
    fs.appendFileSync(path.join(dir, CURRENT_FILE), '{"id":"torn","time":"2026-');
    const read = await log.read();
    assert.deepEqual(read.map((e) => e.time), ['2026-11-30T11:00:00.000Z', '2026-11-30T10:00:00.000Z']);
    assert.equal(read[0].resource.kind, 'certificate');
    assert.equal(read[0].reason, 'CHG-1');
    assert.equal((fs.statSync(path.join(dir, CURRENT_FILE)).mode & 0o777).toString(8), '600');
  });

  it('rotates at its size limit and keeps only the newest rotated files', async () => {
    const log = new ActivityLog(dir, { maxBytes: 1500, keepFiles: 2 });
    for (let i = 0; i < 40; i++) await log.append(entry(`2026-11-30T10:00:${String(i).padStart(2, '0')}Z`));
    const files = fs.readdirSync(dir);
    assert.equal(files.filter((f) => f !== CURRENT_FILE).length, 2, files.join());
    for (const f of files) assert.ok(fs.statSync(path.join(dir, f)).size <= 1500, `${f} is within the limit`);
    const read = await log.read();
    assert.ok(read.length > 3 && read.length < 40, `${read.length} entries kept`);
    assert.equal(read[0].time, '2026-11-30T10:00:39.000Z', 'the newest is kept');
  });

  it('keeps every line whole when two writers (windows, the CLI) append at once', async () => {
    const [a, b] = [new ActivityLog(dir), new ActivityLog(dir)];
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).append(entry(`2026-11-30T10:${String(i).padStart(2, '0')}:00Z`))));
    assert.equal((await a.read()).length, 50);
  });

  it('never fails or delays the change when the log cannot be written', async () => {
    const blocked = path.join(dir, 'a-file');
    fs.writeFileSync(blocked, '');
    const errors: unknown[] = [];
    const log = new ActivityLog(blocked, { onError: (e) => errors.push(e) });
    await log.append(entry('2026-11-30T10:00:00Z'));
    assert.equal(errors.length, 1);
    assert.deepEqual(await log.read(), []);
  });

  it('builds the entry from the change context it ran in: command, resource, before', () => {
    const inContext = withChange({ action: 'symphonyPodAdmin.certs.update', before: { name: 'Old' } }, () => new ActivityRecorder(new ActivityLog(dir)).record(
      { method: 'POST', path: '/pod/v1/companycert/AB%3ACD/update', body: { name: 'New' }, status: 200, ok: true, response: { format: 'TEXT', message: 'OK' }, at: new Date(), ms: 1, traceId: 't-1' }, pod));
    assert.deepEqual([inContext.action, inContext.command, inContext.resource, inContext.before, inContext.sent, inContext.after, inContext.result],
      ['update', 'symphonyPodAdmin.certs.update', { kind: 'certificate', id: 'AB:CD', name: 'New' }, { name: 'Old' }, { name: 'New' }, undefined, { ok: true, status: 200, traceId: 't-1' }]);
    assert.deepEqual(describeWrite('PUT', '/profile-manager/v1/groups/g1', { status: 'DELETED' }), { action: 'delete', resource: { kind: 'group', id: 'g1', name: undefined } });
  });

  it('never keeps a token, key, passphrase or API key; public keys become fingerprints, certificates stay', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const cert = makeTestCertificate({ commonName: 'kept' }).pem;
    const out = JSON.stringify(redact({
      sessionToken: 'tok-123456789', passphrase: 'horse battery', notification: { url: 'https://x', apiKey: 'api-secret-1' },
      authenticationKeys: { current: { key: publicKey, action: 'SAVE' } }, somewhere: privateKey, pem: cert,
      jwt: 'eyJhbGciOiJSUzUxMiJ9.eyJzdWIiOiJib3QifQ.c2ln', image: 'A'.repeat(400), id: 12n,
    }));
    for (const secret of ['tok-123456789', 'horse battery', 'api-secret-1', 'PRIVATE KEY', 'eyJhbGci', 'BEGIN PUBLIC KEY']) assert.ok(!out.includes(secret), secret);
    assert.ok(out.includes(publicKeyFingerprint(publicKey)));
    assert.ok(out.includes('BEGIN CERTIFICATE'), 'a certificate is public and needed to recreate it');
    assert.ok(out.includes('[image, 300 bytes]'));
  });

  describe('recording a real client\'s writes', () => {
    const emu = usePod();

    it('records a change with the pod\'s answer, and the change survives a log that cannot be written', async () => {
      const errors: unknown[] = [];
      const blocked = path.join(dir, 'blocked');
      fs.writeFileSync(blocked, '');
      const recorder = new ActivityRecorder(new ActivityLog(blocked, { onError: (e) => errors.push(e) }));
      const { client } = clientFor(emu(), 'admin', { onWrite: (o) => recorder.record(o, pod) });
      const fingerPrint = [...emu().control.state.certs.keys()][0];
      await client.certs.updateCompanyCertificate(fingerPrint, { name: 'Still saved' });
      assert.equal(emu().control.state.certs.get(fingerPrint)?.attributes.name, 'Still saved');
      await recorder.log.read();
      assert.equal(errors.length, 1, 'the failure is told, not thrown');

      const working = new ActivityRecorder(new ActivityLog(dir));
      const second = clientFor(emu(), 'admin', { onWrite: (o) => working.record(o, pod) }).client;
      await second.certs.updateCompanyCertificate(fingerPrint, { name: 'Logged' });
      await second.certs.listCompanyCertificates({ skip: 0, limit: 5 });
      const [logged] = await working.log.read();
      assert.deepEqual([logged.action, logged.resource.id, logged.result.status, logged.sent], ['update', fingerPrint, 200, { name: 'Logged' }]);
      assert.equal((await working.log.read()).length, 1, 'reads are not recorded');
      client.dispose();
      second.dispose();
    });
  });
});
