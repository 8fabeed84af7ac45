import * as assert from 'node:assert/strict';
import { generateKeyPairSync, createVerify } from 'node:crypto';
import { JWT_LIFETIME_SECONDS, PodApiError, signJwt } from '../../../src/api';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const encryptedPkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 's3cret' }).toString();
const encryptedPkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 's3cret' }).toString();

function decode(jwt: string): { header: Record<string, unknown>; payload: Record<string, unknown>; verified: boolean } {
  const [h, p, s] = jwt.split('.');
  const verified = createVerify('RSA-SHA512').update(`${h}.${p}`).verify(publicKey, Buffer.from(s, 'base64url'));
  return { header: JSON.parse(Buffer.from(h, 'base64url').toString()), payload: JSON.parse(Buffer.from(p, 'base64url').toString()), verified };
}

function validationError(fn: () => unknown, field: string, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => err instanceof PodApiError && err.kind === 'validation' && err.field === field && pattern.test(err.message));
}

describe('signJwt', () => {
  const now = Date.UTC(2030, 0, 1);

  for (const [label, pem, pass] of [['PKCS#8', pkcs8, undefined], ['PKCS#1', pkcs1, undefined],
    ['encrypted PKCS#8', encryptedPkcs8, 's3cret'], ['encrypted PKCS#1', encryptedPkcs1, 's3cret']] as const) {
    it(`signs an RS512 token with sub and a 240 s expiry from a ${label} key`, () => {
      const { header, payload, verified } = decode(signJwt('bot-user', pem, pass, now));
      assert.equal(header.alg, 'RS512');
      assert.equal(payload.sub, 'bot-user');
      assert.equal(payload.exp, now / 1000 + JWT_LIFETIME_SECONDS);
      assert.ok(JWT_LIFETIME_SECONDS <= 240);
      assert.ok(verified, 'signature verifies with the public key');
    });
  }

  it('says the passphrase is wrong, without repeating it', () => {
    assert.throws(() => signJwt('bot', encryptedPkcs8, 'wrong-pass'), (err: unknown) =>
      err instanceof PodApiError && err.kind === 'validation' && /passphrase is wrong/.test(err.message) && !err.message.includes('wrong-pass'));
  });

  it('asks for the passphrase of an encrypted key', () => {
    validationError(() => signJwt('bot', encryptedPkcs1), 'privateKey', /encrypted: enter its passphrase/);
  });

  it('refuses a public key, a certificate-looking text and garbage', () => {
    validationError(() => signJwt('bot', publicKey.export({ type: 'spki', format: 'pem' }).toString()), 'privateKey', /public key/);
    validationError(() => signJwt('bot', 'hello'), 'privateKey', /not an RSA private key/);
    validationError(() => signJwt('bot', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'), 'privateKey', /damaged/);
  });

  it('refuses a non-RSA key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    validationError(() => signJwt('bot', ec, undefined), 'privateKey', /ec key; Symphony needs an RSA key/);
  });

  it('refuses a blank account name', () => {
    validationError(() => signJwt('  ', pkcs8), 'username', /account name is required/);
  });
});
