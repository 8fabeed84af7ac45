import * as assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApplicationDetail } from '../../../src/api';
import {
  appKeyInfos, extendPreviousKey, generateKeyPairToFile, keyDate, keySaveRefusal, publicKeyFingerprint, revokeCurrentKey, revokePreviousKey, sameKey,
  saveCurrentKey, saveRefusalMessage,
} from '../../../src/credentials/keyRotation';
import { apiRequests, clientFor, usePod } from '../api/podFixture';

const publicPem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('Key rotation', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-keys-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the generated private key as PKCS#8 PEM with mode 0600 and returns only the public key', async () => {
    const file = path.join(dir, 'new.pem');
    const { publicKeyPem } = await generateKeyPairToFile(file, 2048);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^-----BEGIN PRIVATE KEY-----\n/);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const derived = createPublicKey(createPrivateKey(text)).export({ type: 'spki', format: 'pem' }).toString();
    assert.equal(derived, publicKeyPem);
    assert.doesNotMatch(publicKeyPem, /PRIVATE/);
  });

  it('replaces an existing file and still leaves it readable only by the owner', async () => {
    const file = path.join(dir, 'existing.pem');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    await generateKeyPairToFile(file, 2048);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.match(fs.readFileSync(file, 'utf8'), /BEGIN PRIVATE KEY/);
  });

  it('fingerprints the DER public key with SHA-256, whatever the PEM line breaks', () => {
    const pem = publicPem();
    assert.match(publicKeyFingerprint(pem), /^[0-9a-f]{64}$/, 'the pod\'s own format: lower-case hex');
    assert.ok(sameKey(pem, pem.replace(/\n/g, '\r\n')));
    assert.equal(publicKeyFingerprint('not a key'), '');
  });

  it('builds key bodies that carry one key instruction and nothing else', () => {
    const base: ApplicationDetail = {
      applicationInfo: { appId: 'a', name: 'A' }, permissions: ['SEND_MESSAGES'],
      authenticationKeys: { current: { key: 'CUR' }, previous: { key: 'PREV', expirationDate: 5 } },
    };
    assert.deepEqual(saveCurrentKey('NEW'), { authenticationKeys: { current: { key: 'NEW', action: 'SAVE' } } });
    assert.deepEqual(revokeCurrentKey(base), { authenticationKeys: { current: { key: 'CUR', action: 'REVOKE' } } });
    assert.deepEqual(revokePreviousKey(base), { authenticationKeys: { previous: { key: 'PREV', action: 'REVOKE' } } });
    assert.deepEqual(extendPreviousKey(base), { authenticationKeys: { previous: { key: 'PREV', action: 'EXTEND' } } });
    assert.deepEqual(extendPreviousKey(base, 99), { authenticationKeys: { previous: { key: 'PREV', action: 'EXTEND', expirationDate: 99 } } });
    assert.throws(() => revokePreviousKey({ applicationInfo: { appId: 'a' } }), /no rotated/);
  });
});

describe('Key rotation rules (checked before anything is sent)', () => {
  const hour = 3600_000;
  const now = Date.UTC(2026, 10, 30, 12);
  const current = publicPem();
  const previous = publicPem();
  const app = (previousExpires?: number): ApplicationDetail => ({
    applicationInfo: { appId: 'a' },
    authenticationKeys: { current: { key: current }, ...(previousExpires !== undefined ? { previous: { key: previous, expirationDate: previousExpires } } : {}) },
  });

  it('refuses a SAVE while an unexpired previous key exists, naming its expiry and the way forward', () => {
    const refusal = keySaveRefusal(app(now + 5 * hour), publicPem(), now);
    assert.deepEqual(refusal, { reason: 'previousKeyValid', previousExpires: now + 5 * hour, previousFingerprint: publicKeyFingerprint(previous) });
    const message = saveRefusalMessage(refusal!, 'a');
    assert.match(message, /until 2026-11-30 17:00 UTC/);
    assert.match(message, /revoke the previous key first/);
  });

  it('refuses the current key again, whatever its line breaks', () => {
    assert.deepEqual(keySaveRefusal(app(), current.replace(/\n/g, '\r\n'), now), { reason: 'sameAsCurrent' });
  });

  it('allows a SAVE once the previous key has expired, and when there is none', () => {
    assert.equal(keySaveRefusal(app(now - 1), publicPem(), now), undefined);
    assert.equal(keySaveRefusal(app(), publicPem(), now), undefined);
  });

  it('takes a previous key without an expiration date as still valid: only the pod knows when it ends', () => {
    const noDate: ApplicationDetail = { authenticationKeys: { current: { key: current }, previous: { key: previous } } };
    assert.equal(keySaveRefusal(noDate, publicPem(), now)?.reason, 'previousKeyValid');
    assert.match(keyDate(undefined), /not reported/);
  });
});

describe('Key rotation against the emulator: app authentication across the grace period', () => {
  const pod = usePod();
  const hour = 3600_000;
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spa-rotation-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('accepts the old key until the previous key expires or is revoked, and the new key throughout', async () => {
    const { client } = clientFor(pod());
    const oldFile = path.join(dir, 'old.pem');
    const newFile = path.join(dir, 'new.pem');
    const { publicKeyPem: oldPublic } = await generateKeyPairToFile(oldFile, 2048);
    await client.apps.createApplication({
      applicationInfo: { appId: 'rotating', name: 'Rotating', appUrl: 'https://r.example.com', domain: 'example.com', publisher: 'T' },
      authenticationKeys: { current: { key: oldPublic, action: 'SAVE' } },
    });
    const signIn = (file: string) => client.apps.authenticateApp('rotating', fs.readFileSync(file, 'utf8'));
    await signIn(oldFile);

    const { publicKeyPem: newPublic } = await generateKeyPairToFile(newFile, 2048);
    const before = Date.now();
    const rotated = await client.apps.updateApplication('rotating', saveCurrentKey(newPublic));
    const [current, previous] = appKeyInfos(rotated);
    assert.equal(current.fingerprint, publicKeyFingerprint(newPublic));
    assert.equal(previous.fingerprint, publicKeyFingerprint(oldPublic));
    assert.ok(previous.expirationDate! >= before + 72 * hour && previous.expirationDate! <= Date.now() + 72 * hour);
    await signIn(oldFile);
    await signIn(newFile);

    // The grace period ends: the pod stops accepting the old key.
    pod().control.state.apps.get('rotating')!.keys.previous!.expirationDate = Date.now() - 1;
    await assert.rejects(signIn(oldFile), (e: { status?: number }) => e.status === 401);
    await signIn(newFile);

    // EXTEND brings it back for 72 hours (the pod extends in 72-hour steps, whatever date is asked); REVOKE ends it at once.
    const extendedAt = Date.now();
    const extended = await client.apps.updateApplication('rotating', extendPreviousKey(await client.apps.getApplication('rotating'), extendedAt + 10 * 24 * hour));
    const until = extended.authenticationKeys?.previous?.expirationDate ?? 0;
    assert.ok(until >= extendedAt + 72 * hour && until <= Date.now() + 72 * hour, `expirationDate ${until}`);
    await signIn(oldFile);
    const revoked = await client.apps.updateApplication('rotating', revokePreviousKey(extended));
    assert.equal(revoked.authenticationKeys?.previous, undefined);
    await assert.rejects(signIn(oldFile), (e: { status?: number }) => e.status === 401);
    await signIn(newFile);

    await client.apps.updateApplication('rotating', revokeCurrentKey(revoked));
    await assert.rejects(signIn(newFile), (e: { status?: number }) => e.status === 401);
    assert.ok(apiRequests(pod()).every((r) => r.path.startsWith('/pod/')));
  });
});
