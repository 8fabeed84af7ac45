import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import {
  PodApiError, assertValid, imageTypeOf, toUserId, validateAppId, validateAvatar, validateCertificatePem,
  validateHttpsUrl, validatePermissionName, validatePodUrl, validatePublicKey, validateRequiredName, validateUserId,
  validateApplicationDetail, validateGroup, formatBytes, invisibleCharacters, validateSegment, validateTextField,
  certificateBlocks, MAX_TEXT_FIELD_BYTES, MAX_AVATAR_BYTES,
} from '../../../src/api';
import { makeTestCertificate } from '../../../src/podEmulator';

const DAY = 86_400_000;
const valid = makeTestCertificate({ commonName: 'valid', notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 365 * DAY) });
const expired = makeTestCertificate({ commonName: 'old', notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - DAY) });

describe('local validation', () => {
  describe('certificate PEM', () => {
    it('accepts a current X.509 certificate', () => assert.equal(validateCertificatePem(valid.pem), undefined));
    it('refuses an expired certificate and says when it expired', () => assert.match(validateCertificatePem(expired.pem) ?? '', /expired on \d{4}-\d\d-\d\d/));
    it('says so when a private key is pasted instead', () => assert.match(validateCertificatePem(valid.keyPem) ?? '', /private key, not a certificate/));
    it('refuses damaged PEM and empty input', () => {
      assert.match(validateCertificatePem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----') ?? '', /damaged/);
      assert.match(validateCertificatePem('') ?? '', /Paste the certificate/);
    });
  });

  describe('permission names', () => {
    it('accepts known and custom upper-case names', () => {
      for (const p of ['SEND_MESSAGES', 'ACT_AS_USER', 'CUSTOM_1', 'A'.repeat(64)]) assert.equal(validatePermissionName(p), undefined);
    });
    it('refuses lower case, spaces, dashes, blanks and names over 64 characters', () => {
      for (const p of ['send_messages', 'SEND MESSAGES', 'SEND-MESSAGES', '', '   ', 'A'.repeat(65)]) assert.ok(validatePermissionName(p), p);
    });
  });

  describe('https URLs', () => {
    it('accepts https', () => assert.equal(validateHttpsUrl('https://apps.example.com/icon.png'), undefined));
    it('refuses http, javascript: and nonsense', () => {
      assert.match(validateHttpsUrl('http://apps.example.com', 'The icon URL') ?? '', /The icon URL must start with https:\/\//);
      assert.match(validateHttpsUrl('javascript:alert(1)') ?? '', /https:\/\//);
      assert.ok(validateHttpsUrl('not a url'));
      assert.ok(validateHttpsUrl(''));
    });
  });

  it('requires names that are not blank', () => {
    assert.equal(validateRequiredName('x'), undefined);
    assert.match(validateRequiredName('  ', 'The group name') ?? '', /The group name is required/);
  });

  it('requires an appId of 1 to 256 characters', () => {
    assert.equal(validateAppId('my-app'), undefined);
    assert.equal(validateAppId('a'.repeat(256)), undefined);
    assert.match(validateAppId('a'.repeat(257)) ?? '', /at most 256/);
    assert.ok(validateAppId(''));
  });

  describe('avatars', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(10)]);
    const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
    const gif = Buffer.from('GIF89a....');
    it('recognises jpg, png and gif by their first bytes', () => {
      assert.equal(imageTypeOf(png), 'png');
      assert.equal(imageTypeOf(jpg), 'jpg');
      assert.equal(imageTypeOf(gif), 'gif');
      for (const b of [png, jpg, gif]) assert.equal(validateAvatar(b), undefined);
    });
    it('refuses other files, empty files and images over 2 MB', () => {
      assert.match(validateAvatar(Buffer.from('<svg></svg>')) ?? '', /JPEG, PNG or GIF/);
      assert.ok(validateAvatar(Buffer.alloc(0)));
      assert.match(validateAvatar(Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)])) ?? '', /at most 2,097,152 bytes \(2 MB\)/);
    });
  });

  describe('user ids', () => {
    it('accepts positive int64 as a number or numeric string', () => {
      assert.equal(validateUserId(12345), undefined);
      assert.equal(validateUserId('68719476737'), undefined);
      assert.equal(validateUserId('9223372036854775807'), undefined);
    });
    it('refuses negative, zero, fractional, non-numeric and over-int64 ids', () => {
      for (const id of [-1, 0, 1.5, '1.5', 'abc', '-3', '9223372036854775808', '']) assert.ok(validateUserId(id), String(id));
    });
    it('asks for a string when a number is too large to be exact', () => assert.match(validateUserId(2 ** 60) ?? '', /as text/));
    it('keeps ids beyond 2^53 exact as bigint', () => {
      assert.equal(toUserId('123'), 123);
      assert.equal(toUserId('9223372036854775807'), 9223372036854775807n);
    });
  });

  describe('pod URL', () => {
    it('accepts https and plain http only for localhost', () => {
      for (const u of ['https://acme.symphony.com', 'https://acme.symphony.com/', 'https://acme.symphony.com:8443', 'http://localhost:9999', 'http://127.0.0.1:1234']) {
        assert.equal(validatePodUrl(u), undefined, u);
      }
    });
    it('refuses http elsewhere, credentials, paths, queries', () => {
      assert.match(validatePodUrl('http://acme.symphony.com') ?? '', /https/);
      assert.match(validatePodUrl('https://me:pw@acme.symphony.com') ?? '', /user name or password/);
      assert.match(validatePodUrl('https://acme.symphony.com/pod') ?? '', /without a path/);
      assert.match(validatePodUrl('https://acme.symphony.com/?x=1') ?? '', /query/);
      assert.ok(validatePodUrl('ftp://acme'));
      assert.ok(validatePodUrl(''));
    });
  });

  it('refuses a private key where an app public key belongs', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    assert.equal(validatePublicKey(publicKey.export({ type: 'spki', format: 'pem' }).toString()), undefined);
    assert.match(validatePublicKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()) ?? '', /This is a private key/);
  });

  it('lists every problem of an application, with field names', () => {
    const issues = validateApplicationDetail({
      applicationInfo: { appId: '', name: ' ', appUrl: 'http://x.example.com', domain: 'other.com' },
      iconUrl: 'javascript:alert(1)', permissions: ['OK_ONE', 'bad one'], properties: [{ key: 'k', value: 'v' }, { key: 'k', value: 'w' }],
    }, true);
    assert.deepEqual(issues.map(i => i.field), [
      'applicationInfo.appId', 'applicationInfo.name', 'applicationInfo.appUrl', 'applicationInfo.domain', 'iconUrl', 'permissions[1]', 'properties[1].key',
    ]);
  });

  it('lists every problem of a group', () => {
    const issues = validateGroup({ type: 'SDL', ownerType: 'TENANT', ownerId: 0, name: '', members: [{ memberTenant: 1, memberId: -4 }] });
    assert.deepEqual(issues.map(i => i.field), ['name', 'ownerId', 'members[0].memberId']);
  });

  it('assertValid throws a validation PodApiError naming the field', () => {
    assert.throws(() => assertValid('iconUrl', 'The icon URL must start with https://.'), (err: unknown) =>
      err instanceof PodApiError && err.kind === 'validation' && err.field === 'iconUrl' && err.status === undefined);
    assert.doesNotThrow(() => assertValid('x', undefined));
  });

  describe('hostile text', () => {
    it('names every invisible or direction-changing character, and only those', () => {
      assert.deepEqual(invisibleCharacters('a\u200Fb\u061Cc\u200Fd'), ['U+200F RIGHT-TO-LEFT MARK', 'U+061C ARABIC LETTER MARK']);
      assert.deepEqual(invisibleCharacters('Zoë – 東京 – مرحبا – 🚀'), []);
      for (const cp of [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x2060, 0xFEFF, 0x00AD]) {
        assert.equal(invisibleCharacters(`x${String.fromCodePoint(cp)}`).length, 1, cp.toString(16));
      }
    });

    it('refuses a name holding one, naming it and saying to remove it', () => {
      assert.equal(validateRequiredName('Desk\u200F', 'The group name'), 'The group name contains U+200F RIGHT-TO-LEFT MARK, which is invisible or changes the direction of the text; remove it.');
      assert.match(validateRequiredName('\u2800', 'The name') ?? '', /U\+2800 BRAILLE PATTERN BLANK/);
      assert.equal(validateRequiredName('Zoë Desk', 'The name'), undefined);
    });

    it('states sizes exactly, in bytes', () => {
      assert.equal(formatBytes(2_097_153), '2,097,153 bytes');
      assert.equal(validateAvatar(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(MAX_AVATAR_BYTES + 1 - 8)])),
        'The avatar is 2,097,153 bytes; the pod accepts at most 2,097,152 bytes (2 MB).');
      assert.equal(validateAvatar(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(MAX_AVATAR_BYTES - 8)])), undefined);
      assert.equal(validateRequiredName('n'.repeat(1001)), 'The name is 1,001 characters long; use at most 1,000.');
      assert.equal(validateRequiredName('n'.repeat(1000)), undefined);
    });

    it('limits free text by UTF-8 bytes, keeping line breaks', () => {
      assert.equal(validateTextField('line one\nline two\ttabbed', 'The description'), undefined);
      assert.equal(validateTextField('é'.repeat(MAX_TEXT_FIELD_BYTES / 2), 'The description'), undefined);
      assert.equal(validateTextField('é'.repeat(MAX_TEXT_FIELD_BYTES / 2) + 'x', 'The description'),
        'The description is 65,537 bytes; the largest we send is 65,536 bytes. Shorten it.');
      assert.match(validateTextField('a\u202Eb', 'The description') ?? '', /U\+202E RIGHT-TO-LEFT OVERRIDE/);
    });

    it('keeps path ids to one segment that addresses exactly what it names', () => {
      for (const ok of ['ab12', 'my-app_1', 'a.b', '...', 'ÅÄÖ', 42]) assert.equal(validateSegment(ok, 'appId'), undefined, String(ok));
      for (const bad of ['', ' ', '.', '..', '%2e%2e', '%2E', 'a/b', 'a\\b', 'a?b', 'a#b', 'a\tb', 'a\nb', 'a\u0000b', 'a\u200Bb', 'x'.repeat(1025)]) {
        assert.ok(validateSegment(bad, 'appId'), JSON.stringify(bad));
      }
      assert.match(validateSegment('..', 'appId') ?? '', /^The application id "\.\." is not an id/);
    });

    it('splits a PEM bundle into its certificates and refuses a chain, naming each subject', () => {
      const chain = `${valid.pem}\n${expired.pem}`;
      assert.equal(certificateBlocks(chain).length, 2);
      assert.match(validateCertificatePem(chain) ?? '', /^This PEM holds 2 certificates \(a chain\): 1\. CN=valid; 2\. CN=old\. The pod takes one certificate/);
      assert.equal(validateCertificatePem(`subject=CN=valid\n\n  \n${valid.pem}`), undefined);
    });
  });
});
