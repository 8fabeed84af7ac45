import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { ApplicationDetail } from '../../../src/api';
import { apiRequests, clientFor, isApiError, usePod } from './podFixture';

function appKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const newApp = (appId: string, publicKeyPem?: string): ApplicationDetail => ({
  applicationInfo: { appId, name: `App ${appId}`, appUrl: 'https://apps.example.com/app', domain: 'example.com', publisher: 'Tests' },
  iconUrl: 'https://apps.example.com/icon.png', description: 'made by a test', permissions: ['SEND_MESSAGES', 'CUSTOM_PERMISSION_1'],
  properties: [{ key: 'region', value: 'emea' }],
  ...(publicKeyPem ? { authenticationKeys: { current: { key: publicKeyPem, action: 'SAVE' } } } : {}),
});

describe('PodClient applications (emulator)', () => {
  const pod = usePod();

  it('creates, reads, updates and deletes an application', async () => {
    const { client } = clientFor(pod());
    const created = await client.apps.createApplication(newApp('api-test-app'));
    assert.equal(created.applicationInfo?.appId, 'api-test-app');
    assert.deepEqual((await client.apps.getApplication('api-test-app')).permissions, ['SEND_MESSAGES', 'CUSTOM_PERMISSION_1']);
    const updated = await client.apps.updateApplication('api-test-app', { description: 'changed', permissions: ['SEND_MESSAGES'] });
    assert.equal(updated.description, 'changed');
    await client.apps.deleteApplication('api-test-app');
    await assert.rejects(client.apps.getApplication('api-test-app'), isApiError(/App api-test-app not found/, { status: 400 }));
    client.dispose();
  });

  it('lists the pod\'s applications with their entitlements and updates them', async () => {
    const { client } = clientFor(pod());
    const list = await client.apps.listPodAppEntitlements();
    assert.ok(list.length > 0);
    const first = { ...list[0], listed: !list[0].listed };
    const after = await client.apps.updatePodAppEntitlements([first]);
    assert.equal(after.find(e => e.appId === first.appId)?.listed, first.listed);
    client.dispose();
  });

  it('reads, replaces and patches a user\'s app entitlements', async () => {
    const { client } = clientFor(pod());
    const me = await client.signIn();
    const uid = String(me.id);
    const apps = await client.apps.listPodAppEntitlements();
    const current = await client.apps.getUserAppEntitlements(uid);
    assert.ok(Array.isArray(current));
    const replaced = await client.apps.replaceUserAppEntitlements(uid, [{ appId: apps[0].appId, listed: true, install: true }]);
    assert.equal(replaced.find(e => e.appId === apps[0].appId)?.install, true);
    const patched = await client.apps.patchUserAppEntitlements(me.id as number, [{ appId: apps[0].appId, install: 'FALSE' }]);
    assert.equal(patched.find(e => e.appId === apps[0].appId)?.install, false);
    client.dispose();
  });

  it('authenticates an application with its RSA key', async () => {
    const { client } = clientFor(pod());
    const keys = appKeys();
    await client.apps.createApplication(newApp('obo-app', keys.publicKeyPem));
    const token = await client.apps.authenticateApp('obo-app', keys.privateKeyPem);
    assert.ok(token.token);
    await assert.rejects(client.apps.authenticateApp('obo-app', appKeys().privateKeyPem), isApiError(/refused the sign-in/, { status: 401, kind: 'auth' }));
    client.dispose();
  });

  it('refuses bad permissions, http URLs, a long appId, a blank name and a private key before any request', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    const cases: Array<[ApplicationDetail, string, RegExp]> = [
      [{ ...newApp('a'), permissions: ['send messages'] }, 'permissions[0]', /upper-case letters, digits and underscore/],
      [{ ...newApp('a'), iconUrl: 'http://apps.example.com/icon.png' }, 'iconUrl', /The icon URL must start with https:\/\//],
      [{ ...newApp('a'), iconUrl: 'javascript:alert(1)' }, 'iconUrl', /https:\/\//],
      [newApp('x'.repeat(257)), 'applicationInfo.appId', /at most 256/],
      [{ ...newApp('a'), applicationInfo: { appId: 'a', name: '  ' } }, 'applicationInfo.name', /name is required/],
      [{ ...newApp('a'), applicationInfo: { appId: 'a', name: 'n', appUrl: 'https://x.example.com', domain: 'other.org' } }, 'applicationInfo.domain', /does not match/],
      [{ ...newApp('a'), authenticationKeys: { current: { key: appKeys().privateKeyPem } } }, 'authenticationKeys.current.key', /This is a private key/],
    ];
    for (const [detail, field, message] of cases) {
      await assert.rejects(client.apps.createApplication(detail), isApiError(message, { kind: 'validation', field }));
    }
    await assert.rejects(client.apps.updateApplication('a', { permissions: ['OK', ''] }), isApiError(/cannot be empty/, { field: 'permissions[1]' }));
    await assert.rejects(client.apps.getUserAppEntitlements('-5'), isApiError(/positive/, { kind: 'validation', field: 'uid' }));
    await assert.rejects(client.apps.updatePodAppEntitlements([{ appId: 'a', appName: 'x'.repeat(51), enable: true, listed: true, install: true }]), isApiError(/at most 50/));
    assert.equal(emu.control.requests().length, 0);
    client.dispose();
  });

  it('names the roles needed when a non-admin creates an application', async () => {
    const { client } = clientFor(pod(), 'user');
    await assert.rejects(client.apps.createApplication(newApp('nope')), isApiError(/SUPER_ADMINISTRATOR or USER_PROVISIONING/, { status: 403 }));
    client.dispose();
  });

  it('shows the pod\'s message for an application that already exists', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await client.apps.createApplication(newApp('twice'));
    await assert.rejects(client.apps.createApplication(newApp('twice')), isApiError(/already exists/, { status: 400 }));
    assert.equal(apiRequests(emu).filter(r => r.method === 'POST').length, 2);
    client.dispose();
  });
});
