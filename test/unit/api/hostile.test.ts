// Hostile and odd input to the API client (plain Node, against the emulator): ids that would move a request to
// another endpoint, certificate chains, invisible and direction-changing characters, sizes no pod accepts. Each
// row must fail with a sentence that says what to fix, and the emulator must not have seen a single request.
import * as assert from 'node:assert/strict';
import { PodClient, validateCertificatePem } from '../../../src/api';
import { makeTestCertificate } from '../../../src/podEmulator';
import { catalogue, useSignedInPod } from '../../reliability/fixtures';
import { json, startLocalServer } from './localServer';

const day = 86_400_000;
const leaf = makeTestCertificate({ commonName: 'bot.acme.example', notAfter: new Date(Date.now() + 365 * day) });
const ca = makeTestCertificate({ commonName: 'Acme Issuing CA', notAfter: new Date(Date.now() + 365 * day) });
const chain = `${leaf.pem.trim()}\n${ca.pem.trim()}\n`;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const attrs = { name: 'Bot', type: { type: 'USER' as const }, status: { type: 'TRUSTED' as const } };
const group = { type: 'SDL', ownerType: 'TENANT' as const, ownerId: 189, name: 'Desk', profile: { displayName: 'Desk' } };
const app = { applicationInfo: { appId: 'hostile-app', name: 'Hostile', appUrl: 'https://apps.acme.example/h', domain: 'acme.example', publisher: 'Acme' } };
/** Ids that URL parsing or a proxy would turn into another path. */
const badIds: Array<[label: string, id: string, expected: RegExp]> = [
  ['".."', '..', /"\.\." is not an id: "\." and "\.\." would address another endpoint/],
  ['"."', '.', /"\." is not an id/],
  ['an encoded "..": "%2e%2e"', '%2e%2e', /contains "\/", "\\", "\?", "#" or "%"/],
  ['a slash: "../../v2/admin/user/list"', '../../v2/admin/user/list', /contains "\/"/],
  ['a backslash: "..\\\\x"', '..\\x', /contains "\/", "\\"/],
  ['a query: "ab?x=1"', 'ab?x=1', /would change the address/],
  ['a fragment: "ab#x"', 'ab#x', /would change the address/],
  ['a tab: "a\\tb"', 'a\tb', /control character/],
  ['a line break: "..\\n"', '..\n', /control character/],
];

describe('Hostile input to the API client sends nothing and says what to fix', () => {
  const pod = useSignedInPod();

  describe('ids in a path, at every entry point', () => {
    for (const [label, id, expected] of badIds) {
      catalogue(pod, [
        { name: `a certificate fingerprint ${label} (get)`, expected: new RegExp(`certificate fingerprint.*${expected.source}`), call: c => c.certs.getCompanyCertificate(id) },
        { name: `a certificate fingerprint ${label} (update)`, expected, call: c => c.certs.updateCompanyCertificate(id, { name: 'Bot' }) },
        { name: `a certificate fingerprint ${label} (delete)`, expected, call: c => c.certs.deleteCompanyCertificate(id) },
        { name: `a certificate fingerprint ${label} (issued by)`, expected, call: c => c.certs.listIssuedBy(id) },
        { name: `a group id ${label} (get)`, expected: new RegExp(`group id.*${expected.source}`), call: c => c.groups.getGroup(id) },
        { name: `a group id ${label} (update)`, expected, call: c => c.groups.updateGroup(id, group, 'etag-1') },
        { name: `a group id ${label} (add member)`, expected, call: c => c.groups.addMember(id, { memberId: 7, memberTenant: 189 }) },
        { name: `a group id ${label} (avatar)`, expected, call: c => c.groups.uploadAvatar(id, png) },
        { name: `a group type id ${label} (groups of a type)`, expected, call: c => c.groups.listGroups(id) },
        { name: `an application id ${label} (get)`, expected, call: c => c.apps.getApplication(id) },
        { name: `an application id ${label} (delete)`, expected, call: c => c.apps.deleteApplication(id) },
      ]);
    }
    catalogue(pod, [
      { name: 'an application id ".." (update)', expected: /application id.*"\.\."/, call: c => c.apps.updateApplication('..', app) },
      { name: 'a user id "../x" (connection info)', expected: /user id "\.\.\/x" is not a whole number/, call: c => c.connections.getConnection('../x') },
      { name: 'a user id "1/../2" (remove connection)', expected: /user id "1\/\.\.\/2" is not a whole number/, call: c => c.connections.removeConnection('1/../2') },
      { name: 'a user id "7?x" (accept connection)', expected: /user id "7\?x" is not a whole number/, call: c => c.connections.acceptConnection('7?x') },
      { name: 'a user id ".." (user app entitlements)', expected: /user id "\.\." is not a whole number/, call: c => c.apps.getUserAppEntitlements('..') },
    ]);
  });

  describe('certificate chains', () => {
    catalogue(pod, [
      { name: 'a PEM holding a chain of two certificates', expected: /holds 2 certificates \(a chain\): 1\. CN=bot\.acme\.example.*2\. CN=Acme Issuing CA.*upload one/, call: c => c.certs.createCompanyCertificate(chain, attrs) },
    ]);
  });

  describe('invisible and direction-changing characters in names', () => {
    const chars: Array<[string, string]> = [
      ['\u200B', 'U+200B ZERO WIDTH SPACE'], ['\u200C', 'U+200C ZERO WIDTH NON-JOINER'], ['\u200D', 'U+200D ZERO WIDTH JOINER'],
      ['\u200E', 'U+200E LEFT-TO-RIGHT MARK'], ['\u200F', 'U+200F RIGHT-TO-LEFT MARK'], ['\u061C', 'U+061C ARABIC LETTER MARK'],
      ['\u202A', 'U+202A LEFT-TO-RIGHT EMBEDDING'], ['\u202E', 'U+202E RIGHT-TO-LEFT OVERRIDE'], ['\u2066', 'U+2066 LEFT-TO-RIGHT ISOLATE'],
      ['\u2069', 'U+2069 POP DIRECTIONAL ISOLATE'], ['\u2060', 'U+2060 WORD JOINER'], ['\uFEFF', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'], ['\u00AD', 'U+00AD SOFT HYPHEN'],
    ];
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    catalogue(pod, chars.map(([ch, name]) => ({
      name: `a certificate name holding ${name}`, expected: new RegExp(`^The certificate name contains ${escape(name)}.*; remove it\\.$`),
      call: (c: PodClient) => c.certs.createCompanyCertificate(leaf.pem, { ...attrs, name: `Bot${ch}` }),
    })));
    catalogue(pod, [
      { name: 'a certificate name that is only a zero-width space (looks blank)', expected: /contains U\+200B ZERO WIDTH SPACE/, call: c => c.certs.updateCompanyCertificate('ab12', { name: '\u200B' }) },
      { name: 'a group name holding a right-to-left mark', expected: /^The group name contains U\+200F RIGHT-TO-LEFT MARK.*remove it\.$/, call: c => c.groups.createGroup({ ...group, name: 'Desk\u200F' }) },
      { name: 'a group display name holding an isolate', expected: /display name contains U\+2067 RIGHT-TO-LEFT ISOLATE/, call: c => c.groups.createGroup({ ...group, profile: { displayName: '\u2067Desk' } }) },
      { name: 'two invisible characters, both named', expected: /contains U\+200B ZERO WIDTH SPACE and U\+200F RIGHT-TO-LEFT MARK.*remove them/, call: c => c.groups.createGroup({ ...group, name: 'D\u200Besk\u200F' }) },
      { name: 'a user id with a zero-width space (looks like digits)', expected: /user id contains U\+200B ZERO WIDTH SPACE/, call: c => c.connections.createConnection('12\u200B34') },
      { name: 'an application name holding a left-to-right mark', expected: /contains U\+200E LEFT-TO-RIGHT MARK/, call: c => c.apps.createApplication({ applicationInfo: { ...app.applicationInfo, name: 'App\u200E' } }) },
    ]);
  });

  describe('sizes no pod accepts', () => {
    catalogue(pod, [
      { name: 'a 5 MB certificate PEM', expected: /certificate text is [\d,]+ bytes; a certificate is at most 65,536 bytes/, call: c => c.certs.createCompanyCertificate(`${leaf.pem}\n${'#'.repeat(5 * 1024 * 1024)}`, attrs) },
      { name: 'a 5 MB group profile field', expected: /profile field jobTitle is 5,242,880 bytes/, call: c => c.groups.createGroup({ ...group, profile: { displayName: 'Desk', jobTitle: 'x'.repeat(5 * 1024 * 1024) } }) },
      { name: 'an avatar of 2,097,153 bytes', expected: /^The avatar is 2,097,153 bytes; the pod accepts at most 2,097,152 bytes \(2 MB\)\.$/, call: c => c.groups.uploadAvatar('g1', Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024 + 1 - png.length)])) },
    ]);
  });
});

describe('Ids the pod itself returned', () => {
  it('refuses to use a fingerprint ".." that the pod listed: only the list request is sent', async () => {
    const server = await startLocalServer((_req, res) => json(res, 200, [{ companyCertAttributes: { name: 'Odd' }, companyCertInfo: { fingerPrint: '..' } }]));
    const client = new PodClient({ podUrl: server.url, authenticate: async () => 'session' });
    try {
      const [listed] = await client.certs.listCompanyCertificates();
      await assert.rejects(client.certs.listIssuedBy(listed.companyCertInfo!.fingerPrint!), /certificate fingerprint "\.\." is not an id/);
      await assert.rejects(client.certs.deleteCompanyCertificate(listed.companyCertInfo!.fingerPrint!), /certificate fingerprint "\.\." is not an id/);
      assert.deepEqual(server.seen.map(r => r.url), ['/pod/v1/companycert/list']);
    } finally {
      client.dispose();
      await server.close();
    }
  });

  it('a single certificate after leading text and blank lines is still one certificate', () => {
    assert.equal(validateCertificatePem(`Bag Attributes\n  friendlyName: bot\n\n   ${leaf.pem}`), undefined);
  });
});
