import * as assert from 'node:assert/strict';
import { PodApiError, PodClient, READS_SENT_AS_POST, WriteAttempt, WriteOutcome, isWrite, lockedError, memoryTokenStore } from '../../../src/api';
import { makeTestCertificate } from '../../../src/podEmulator';
import { json, startLocalServer } from './localServer';
import { clientFor, isApiError, usePod } from './podFixture';

const DAY = 86_400_000;
const refuseAll = (write: WriteAttempt) => { throw lockedError('Prod (production)', write); };

describe('PodClient write gate', () => {
  const pod = usePod();

  it('says which POSTs are reads, in one list', () => {
    for (const path of ['/pod/v1/user/search', '/login/idm/tokens', '/pod/v1/companycert/type/list', '/login/pubkey/authenticate', '/sessionauth/v1/authenticate', '/pod/v1/admin/user/find']) {
      assert.equal(isWrite('POST', path), false, path);
    }
    for (const path of ['/pod/v1/companycert/delete', '/pod/v2/companycert/create', '/pod/v1/admin/app/x/update', '/profile-manager/v1/groups']) {
      assert.equal(isWrite('POST', path), true, path);
    }
    assert.equal(isWrite('GET', '/pod/v1/companycert/delete'), false);
    assert.equal(isWrite('PUT', '/profile-manager/v1/groups/1'), true);
    assert.ok(READS_SENT_AS_POST.every((r) => r.source.startsWith('^') && r.source.endsWith('$')), 'every entry matches a whole path');
  });

  it('refuses every write of every area before any byte is sent, sign-in included', async () => {
    const emu = pod();
    const fingerPrint = [...emu.control.state.certs.keys()][0];
    const pem = makeTestCertificate({ commonName: 'gate', notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 90 * DAY) }).pem;
    const { client } = clientFor(emu, 'admin', { writeGate: refuseAll });
    const group = { type: 'SDL', ownerType: 'TENANT' as const, ownerId: 1, name: 'Gate desk', profile: { displayName: 'Gate desk', companyName: 'Acme' } };
    const writes: Array<[string, () => Promise<unknown>]> = [
      ['create certificate', () => client.certs.createCompanyCertificate(pem, { name: 'g', type: { type: 'USER' }, status: { type: 'TRUSTED' } })],
      ['update certificate', () => client.certs.updateCompanyCertificate(fingerPrint, { name: 'g' })],
      ['delete certificate', () => client.certs.deleteCompanyCertificate(fingerPrint)],
      ['create app', () => client.apps.createApplication({ applicationInfo: { appId: 'gate', name: 'Gate', appUrl: 'https://a.example', domain: 'a.example', publisher: 'p' } })],
      ['update app', () => client.apps.updateApplication('gate', { description: 'x' })],
      ['delete app', () => client.apps.deleteApplication('gate')],
      ['entitlements', () => client.apps.updatePodAppEntitlements([])],
      ['user entitlements', () => client.apps.replaceUserAppEntitlements(1, [])],
      ['patch user entitlements', () => client.apps.patchUserAppEntitlements(1, [])],
      ['create connection', () => client.connections.createConnection(1)],
      ['accept connection', () => client.connections.acceptConnection(1)],
      ['reject connection', () => client.connections.rejectConnection(1)],
      ['remove connection', () => client.connections.removeConnection(1)],
      ['create group', () => client.groups.createGroup(group)],
      ['update group', () => client.groups.updateGroup('g1', group, 'e')],
      ['add member', () => client.groups.addMember('g1', { memberId: 1, memberTenant: 1 })],
      ['avatar', () => client.groups.uploadAvatar('g1', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]))],
    ];
    for (const [what, write] of writes) {
      await assert.rejects(write(), isApiError(/is a production pod and is locked: Unlock for changes… first/, { kind: 'locked' }), what);
    }
    assert.deepEqual(emu.control.requests(), [], 'nothing reached the pod, not even a sign-in');
    client.dispose();
  });

  it('lets reads sent as POST through a gate that refuses every write', async () => {
    const emu = pod();
    const { client } = clientFor(emu, 'admin', { writeGate: refuseAll });
    await client.signIn();
    assert.ok((await client.certs.listCertificatesByType(['USER'])).length > 0);
    await client.users.searchUsers('demo');
    assert.ok((await client.groups.listTypes()).length > 0, 'the Profile Manager token (a POST) was fetched');
    client.dispose();
  });

  it('lets writes through once the owner opens the gate', async () => {
    const emu = pod();
    const fingerPrint = [...emu.control.state.certs.keys()][0];
    const { client } = clientFor(emu, 'admin', { writeGate: refuseAll });
    await assert.rejects(client.certs.updateCompanyCertificate(fingerPrint, { name: 'renamed' }), isApiError(/locked/, { kind: 'locked' }));
    client.setWriteGate(undefined);
    await client.certs.updateCompanyCertificate(fingerPrint, { name: 'renamed' });
    assert.equal(emu.control.state.certs.get(fingerPrint)?.attributes.name, 'renamed');
    client.dispose();
  });

  it('tells the observer each write with status, body, the pod\'s message and trace id; never reads', async () => {
    const server = await startLocalServer((req, res) => {
      if (req.url.includes('/update')) return json(res, 400, { code: 400, message: 'name is too long' }, { 'X-Trace-Id': 'trace-400' });
      if (req.url.startsWith('/pod/v1/companycert/list')) return json(res, 200, []);
      return json(res, 200, { format: 'TEXT', message: 'OK' }, { 'X-Trace-Id': 'trace-ok' });
    });
    const seen: WriteOutcome[] = [];
    const client = new PodClient({ podUrl: server.url, authenticate: async () => 'token', tokens: memoryTokenStore(), onWrite: (o) => seen.push(o) });
    await client.certs.listCompanyCertificates({ skip: 0, limit: 10 });
    await client.certs.deleteCompanyCertificate('abc');
    await assert.rejects(client.certs.updateCompanyCertificate('abc', { name: 'n' }), PodApiError);
    assert.deepEqual(seen.map((o) => [o.method, o.path, o.status, o.ok, o.traceId]), [
      ['POST', '/pod/v1/companycert/delete', 200, true, 'trace-ok'],
      ['POST', '/pod/v1/companycert/abc/update', 400, false, 'trace-400'],
    ]);
    assert.deepEqual(seen[0].body, { id: 'abc' });
    assert.equal(seen[1].podMessage, 'name is too long');
    client.dispose();
    await server.close();
  });

  it('gives the caller the pod\'s answer even when the observer throws', async () => {
    const emu = pod();
    const fingerPrint = [...emu.control.state.certs.keys()][0];
    const { client } = clientFor(emu, 'admin', { onWrite: () => { throw new Error('disk full'); } });
    await client.certs.updateCompanyCertificate(fingerPrint, { name: 'kept' });
    assert.equal(emu.control.state.certs.get(fingerPrint)?.attributes.name, 'kept');
    client.dispose();
  });
});
