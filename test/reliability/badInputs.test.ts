// The bad-input catalogue for the API client (plain Node, against the emulator): every create / update path and
// sign-in with malformed and hostile input. Each row must fail with a sentence that says what to fix, and the
// emulator must not have seen a single request. The extension-host half (commands, Add Pod, manifest documents,
// webview forms) is test/vscode/suite/reliability.inputs.test.ts.
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { ApplicationDetail, PodClient, rsaAuthenticator, signJwt } from '../../src/api';
import { parseManifest } from '../../src/editors/manifestFormat';
import { makeTestCertificate } from '../../src/podEmulator';
import { badInputCount, catalogue, useSignedInPod } from './fixtures';

const day = 86_400_000;
const tenMegabytes = 'A'.repeat(10 * 1024 * 1024);
const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size - 8, 1)]);
const validCert = makeTestCertificate({ commonName: 'good', notAfter: new Date(Date.now() + 365 * day) });
const expiredCert = makeTestCertificate({ commonName: 'old', notBefore: new Date(Date.now() - 400 * day), notAfter: new Date(Date.now() - day) });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const encrypted = generateKeyPairSync('rsa', {
  modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right horse battery' },
});
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const attrs = { name: 'Bot', type: { type: 'USER' as const }, status: { type: 'TRUSTED' as const } };
const app = (patch: ApplicationDetail = {}, info: Record<string, unknown> = {}): ApplicationDetail => ({
  ...patch, applicationInfo: { appId: 'bad-input-app', name: 'Bad input', appUrl: 'https://apps.acme.example/x', domain: 'acme.example', publisher: 'Acme', ...info },
});
const group = { type: 'SDL', ownerType: 'TENANT' as const, ownerId: 189, name: 'Desk', profile: { displayName: 'Desk' } };
const manifest = (text: string) => (client: PodClient) => client.apps.createApplication(parseManifest(text));

describe('Reliability: bad inputs to the API client send nothing and say what to fix', () => {
  const pod = useSignedInPod();

  catalogue(pod, [
    // Company certificates
    { name: 'non-PEM text as a certificate', expected: /not a PEM certificate.*BEGIN CERTIFICATE/, call: (c) => c.certs.createCompanyCertificate('hello, I am a certificate', attrs) },
    { name: 'an expired certificate', expected: /expired on \d{4}-\d\d-\d\d/, call: (c) => c.certs.createCompanyCertificate(expiredCert.pem, attrs) },
    { name: 'a private key pasted where the certificate belongs', expected: /private key, not a certificate/, call: (c) => c.certs.createCompanyCertificate(validCert.keyPem, attrs) },
    { name: 'a public key pasted as a certificate', expected: /public key, not a certificate/, call: (c) => c.certs.createCompanyCertificate(rsa.publicKey, attrs) },
    { name: 'a damaged PEM certificate', expected: /damaged or incomplete/, call: (c) => c.certs.createCompanyCertificate(validCert.pem.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!'), attrs) },
    { name: 'an empty certificate', expected: /Paste the certificate/, call: (c) => c.certs.createCompanyCertificate('   ', attrs) },
    { name: 'a 10 MB string as a certificate', expected: /not a PEM certificate/, call: (c) => c.certs.createCompanyCertificate(tenMegabytes, attrs) },
    { name: 'a whitespace certificate name', expected: /certificate name is required/, call: (c) => c.certs.createCompanyCertificate(validCert.pem, { ...attrs, name: ' \t ' }) },
    { name: 'a 10 MB certificate name', expected: /certificate name is 10,485,760 characters long; use at most 1,000\./, call: (c) => c.certs.createCompanyCertificate(validCert.pem, { ...attrs, name: tenMegabytes }) },
    { name: 'control characters in a certificate name', expected: /certificate name contains a control character/, call: (c) => c.certs.updateCompanyCertificate('ab12', { name: 'Bot\u0000\nDROP' }) },
    { name: 'a right-to-left override in a certificate name', expected: /contains U\+202E RIGHT-TO-LEFT OVERRIDE.*remove it/, call: (c) => c.certs.updateCompanyCertificate('ab12', { name: 'invoice\u202Efdp.exe' }) },
    { name: 'an unknown certificate type', expected: /Choose the certificate type/, call: (c) => c.certs.updateCompanyCertificate('ab12', { type: { type: 'ROOT' as never } }) },
    { name: 'an unknown certificate status', expected: /Choose the certificate status/, call: (c) => c.certs.createCompanyCertificate(validCert.pem, { ...attrs, status: { type: 'OK' as never } }) },
    { name: 'a blank fingerprint on delete', expected: /certificate fingerprint is required/, call: (c) => c.certs.deleteCompanyCertificate(' ') },

    // Applications
    { name: 'an http:// app URL', expected: /app URL must start with https:\/\/ \(got http\)/, call: (c) => c.apps.createApplication(app({}, { appUrl: 'http://apps.acme.example/x' })) },
    { name: 'a javascript: app URL', expected: /must start with https:\/\/ \(got javascript\)/, call: (c) => c.apps.createApplication(app({}, { appUrl: 'javascript:alert(document.cookie)' })) },
    { name: 'a data: icon URL', expected: /icon URL must start with https/, call: (c) => c.apps.updateApplication('bad-input-app', { iconUrl: 'data:text/html,<script>alert(1)</script>' }) },
    { name: 'a notification URL that is not a URL', expected: /notification URL is not a valid URL/, call: (c) => c.apps.updateApplication('bad-input-app', { notification: { url: 'hooks.acme.example/in' } }) },
    { name: 'a permission in lower case with a space', expected: /"send messages" may only contain upper-case letters/, call: (c) => c.apps.createApplication(app({ permissions: ['SEND_MESSAGES', 'send messages'] })) },
    { name: 'a permission of 65 characters', expected: /is 65 characters long; a permission has at most 64/, call: (c) => c.apps.createApplication(app({ permissions: ['P'.repeat(65)] })) },
    { name: 'a permission with unicode letters', expected: /may only contain upper-case letters/, call: (c) => c.apps.createApplication(app({ permissions: ['ENVOYER_MESSAGÉS'] })) },
    { name: 'a blank app id', expected: /application id is required/, call: (c) => c.apps.createApplication(app({}, { appId: '  ' })) },
    { name: 'an app id with a slash and a query', expected: /cannot contain \/, \?, #/, call: (c) => c.apps.createApplication(app({}, { appId: '../admin?x=1' })) },
    { name: 'an app id of 257 characters', expected: /257 characters long; the pod allows at most 256/, call: (c) => c.apps.createApplication(app({}, { appId: 'a'.repeat(257) })) },
    { name: 'a blank app name', expected: /application name is required/, call: (c) => c.apps.createApplication(app({}, { name: '\n' })) },
    { name: 'an app certificate that is a private key', expected: /private key, not a certificate/, call: (c) => c.apps.createApplication(app({ cert: validCert.keyPem })) },
    { name: 'an app public key that is the private key', expected: /This is a private key: paste the public key/, call: (c) => c.apps.createApplication(app({ authenticationKeys: { current: { key: rsa.privateKey, action: 'SAVE' } } })) },
    { name: 'an EC public key for an app', expected: /must be an RSA public key/, call: (c) => c.apps.createApplication(app({ authenticationKeys: { current: { key: ec.publicKey } } })) },
    { name: 'a property key used twice', expected: /"region" is used twice/, call: (c) => c.apps.createApplication(app({ properties: [{ key: 'region', value: 'eu' }, { key: 'region', value: 'us' }] })) },
    { name: 'a 10 MB property value', expected: /must be at most 4096 characters/, call: (c) => c.apps.createApplication(app({ properties: [{ key: 'blob', value: tenMegabytes }] })) },
    { name: 'a domain that does not match the app URL', expected: /does not match the app URL's host/, call: (c) => c.apps.createApplication(app({}, { domain: 'evil.example' })) },
    { name: 'an entitlement without its flags', expected: /needs enable, listed and install/, call: (c) => c.apps.updatePodAppEntitlements([{ appId: 'x', appName: 'X' } as never]) },

    // Manifests (JSON read from a document or a workspace file)
    { name: 'invalid JSON in a manifest', expected: /not valid JSON \(line 2, column \d+\).*Nothing was sent/, call: manifest('{\n  "applicationInfo": {{ }\n}') },
    { name: 'a manifest that is an array', expected: /must be one JSON object/, call: manifest('[{"applicationInfo": {}}]') },
    { name: 'an empty manifest', expected: /manifest is empty/, call: manifest(' \n') },
    { name: 'a manifest with an unknown field', expected: /"colour" is not a manifest field/, call: (c) => c.apps.createApplication({ ...app(), colour: 'red' } as ApplicationDetail) },
    { name: 'a manifest with a misspelt field', expected: /"permisions" is not a manifest field/, call: manifest(JSON.stringify({ ...app(), permisions: ['SEND_MESSAGES'] })) },
    { name: 'a manifest whose permissions are a string', expected: /"permissions" must be a JSON array/, call: manifest(JSON.stringify({ ...app(), permissions: 'SEND_MESSAGES' })) },
    { name: 'a manifest whose applicationInfo is a string', expected: /"applicationInfo" must be a JSON object/, call: manifest(JSON.stringify({ applicationInfo: 'my-app' })) },
    { name: 'a manifest with an unknown applicationInfo field', expected: /"applicationInfo.owner" is not a manifest field/, call: manifest(JSON.stringify(app({}, { owner: 'me' }))) },
    { name: 'a manifest whose app name is a number', expected: /"applicationInfo.name" must be a string/, call: (c) => c.apps.updateApplication('bad-input-app', app({}, { name: 42 })) },

    // Connections and user ids
    { name: 'a negative user id', expected: /must be a positive number/, call: (c) => c.connections.createConnection('-5') },
    { name: 'a zero user id', expected: /must be a positive number/, call: (c) => c.connections.acceptConnection(0) },
    { name: 'a fractional user id', expected: /1.5 is not a whole number/, call: (c) => c.connections.createConnection(1.5) },
    { name: 'a user id that is text', expected: /"alice" is not a whole number/, call: (c) => c.connections.getConnection('alice') },
    { name: 'a hexadecimal user id', expected: /"0x10" is not a whole number/, call: (c) => c.apps.getUserAppEntitlements('0x10') },
    { name: 'a user id above int64', expected: /larger than any Symphony user id/, call: (c) => c.connections.removeConnection('9223372036854775808') },
    { name: 'an unsafe JavaScript number as a user id', expected: /too large to be exact/, call: (c) => c.connections.rejectConnection(2 ** 60) },
    { name: 'a blank user id', expected: /A user id is required/, call: (c) => c.connections.createConnection('  ') },

    // Groups and avatars
    { name: 'a 3 MB avatar', expected: /avatar is 3,145,728 bytes; the pod accepts at most 2,097,152 bytes \(2 MB\)/, call: (c) => c.groups.uploadAvatar('g1', png(3 * 1024 * 1024)) },
    { name: 'a "PNG" that is really text', expected: /must be a JPEG, PNG or GIF/, call: (c) => c.groups.uploadAvatar('g1', Buffer.from('<svg onload="alert(1)"></svg>')) },
    { name: 'an empty avatar file', expected: /Choose an image file/, call: (c) => c.groups.uploadAvatar('g1', Buffer.alloc(0)) },
    { name: 'a blank group name', expected: /group name is required/, call: (c) => c.groups.createGroup({ ...group, name: '   ' }) },
    { name: 'a group name with a line break', expected: /group name contains a control character/, call: (c) => c.groups.createGroup({ ...group, name: 'Desk\nBCC everyone' }) },
    { name: 'a negative group owner id', expected: /owner id .* positive whole number/, call: (c) => c.groups.createGroup({ ...group, ownerId: -1 }) },
    { name: 'a group member id that is not a number', expected: /"12a" is not a whole number/, call: (c) => c.groups.addMember('g1', { memberId: '12a' as never, memberTenant: 189 }) },
    { name: 'a group member without a tenant', expected: /needs its tenant/, call: (c) => c.groups.addMember('g1', { memberId: 7 }) },
    { name: 'a group update without a version', expected: /group version \(eTag\) is required/, call: (c) => c.groups.updateGroup('g1', group, '') },

    // Pod URLs and sign-in material
    { name: 'a pod URL with a user name and password', expected: /must not contain a user name or password/, call: async () => new PodClient({ podUrl: 'https://admin:hunter2@acme.symphony.com', authenticate: async () => 'x' }) },
    { name: 'a pod URL with a path', expected: /without a path such as \/pod\/v1/, call: async () => new PodClient({ podUrl: 'https://acme.symphony.com/pod/v1', authenticate: async () => 'x' }) },
    { name: 'a pod URL with a query', expected: /must not contain a query/, call: async () => new PodClient({ podUrl: 'https://acme.symphony.com/?redirect=evil.example', authenticate: async () => 'x' }) },
    { name: 'a plain http pod URL that is not localhost', expected: /plain http is only allowed for localhost/, call: async () => new PodClient({ podUrl: 'http://acme.symphony.com', authenticate: async () => 'x' }) },
    { name: 'a javascript: pod URL', expected: /must start with https:\/\//, call: async () => new PodClient({ podUrl: 'javascript:alert(1)', authenticate: async () => 'x' }) },
    { name: 'an EC private key for RSA sign-in', expected: /This is a ec key; Symphony needs an RSA key/, call: () => signIn(pod().url, ec.privateKey) },
    { name: 'an encrypted key with the wrong passphrase', expected: /the passphrase is wrong/, call: () => signIn(pod().url, encrypted.privateKey, 'wrong horse') },
    { name: 'an encrypted key without its passphrase', expected: /encrypted: enter its passphrase/, call: () => signIn(pod().url, encrypted.privateKey) },
    { name: 'a certificate where the private key belongs', expected: /certificate, not a private key/, call: () => signIn(pod().url, validCert.pem) },
    { name: 'a public key where the private key belongs', expected: /public key; signing in needs the matching private key/, call: () => signIn(pod().url, rsa.publicKey) },
    { name: 'a blank service account name', expected: /account name is required/, call: async () => signJwt(' ', rsa.privateKey) },
  ]);

  it(`tries at least 40 bad inputs (${badInputCount()} in this file)`, () => assert.ok(badInputCount() >= 40));
});

/** A fresh client signing in with the given key: the key is checked before the login request. */
async function signIn(podUrl: string, privateKeyPem: string, passphrase?: string): Promise<unknown> {
  const client = new PodClient({ podUrl, authenticate: rsaAuthenticator({ podUrl, username: 'demo-admin', privateKeyPem, passphrase }) });
  try {
    return await client.signIn();
  } finally {
    client.dispose();
  }
}
