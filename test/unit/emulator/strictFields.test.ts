import * as assert from 'node:assert/strict';
import { PodEmulator, makeTestCertificate, startPodEmulator } from '../../../src/podEmulator';
import { Res, bearerFor, pm, pod, signIn } from './helpers';

// A real pod refuses a body with a field the operation does not define (docs admin-guide/api-change-management.md),
// and reads `null` for an optional field as "absent" (the Python SDK 2.x sends every unset optional field as null).
describe('pod emulator: request bodies are checked as a real pod checks them', () => {
  let emu: PodEmulator;
  let token: string;
  let bearer: string;
  before(async () => { emu = await startPodEmulator(); token = await signIn(emu); bearer = await bearerFor(emu, token); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  const refusedNaming = (res: Res, field: string): void => {
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.match(res.body.message, new RegExp(`Unrecognized field "${field.replace(/[[\]]/g, '\\$&')}"`));
  };
  const firstCert = (): string => [...emu.control.state.certs.values()][0].fingerPrint;
  const firstGroup = () => [...emu.control.state.groups.values()][0];

  it('refuses an app update with a field the operation does not define, naming it', async () => {
    refusedNaming(await pod(emu, token, 'POST', '/pod/v1/admin/app/jira-notifier/update', { description: 'x', appGroupId: 'g' }), 'appGroupId');
    assert.notEqual(emu.control.state.apps.get('jira-notifier')!.description, 'x', 'nothing changed');
  });

  it('refuses an app create with an undefined field, also in nested objects and list items', async () => {
    const base = { applicationInfo: { appId: 'strict-app', name: 'Strict' } };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, applicationInfo: { ...base.applicationInfo, loadUrl: 'https://x.example.com' } }, 'applicationInfo.loadUrl'],
      [{ ...base, authenticationKeys: { current: { key: 'k', rsaKey: 'k' } } }, 'authenticationKeys.current.rsaKey'],
      [{ ...base, authenticationKeys: { previous: { key: 'k', fingerprint: 'f' } } }, 'authenticationKeys.previous.fingerprint'],
      [{ ...base, notification: { url: 'https://n.example.com', secret: 's' } }, 'notification.secret'],
      [{ ...base, properties: [{ key: 'a', value: 'b' }, { key: 'c', value: 'd', type: 'string' }] }, 'properties[1].type'],
      [{ ...base, enable: true }, 'enable'],
    ];
    for (const [body, field] of cases) { refusedNaming(await pod(emu, token, 'POST', '/pod/v1/admin/app/create', body), field); }
    assert.equal(emu.control.state.apps.has('strict-app'), false);
  });

  it('accepts an app sent back exactly as read, with every field the update defines', async () => {
    for (const appId of emu.control.state.apps.keys()) {
      const read = await pod(emu, token, 'GET', `/pod/v1/admin/app/${appId}/get`);
      if (appId === 'zoom-meetings') { continue; } // holds fields newer than the spec: sending them back is refused
      const res = await pod(emu, token, 'POST', `/pod/v1/admin/app/${appId}/update`, read.body);
      assert.equal(res.status, 200, `${appId}: ${JSON.stringify(res.body)}`);
      assert.deepEqual(res.body, read.body, `${appId} is unchanged`);
    }
  });

  it('refuses certificate create, update and delete bodies with an undefined field, naming it', async () => {
    const cert = makeTestCertificate({ commonName: 'strict-cert', keyType: 'ec' });
    const attributes = { name: 'Strict', type: { type: 'USER' }, status: { type: 'TRUSTED' } };
    refusedNaming(await pod(emu, token, 'POST', '/pod/v2/companycert/create', { pem: cert.pem, attributes, podManaged: true }), 'podManaged');
    refusedNaming(await pod(emu, token, 'POST', '/pod/v2/companycert/create', { pem: cert.pem, attributes: { ...attributes, type: { type: 'USER', id: 1 } } }), 'attributes.type.id');
    refusedNaming(await pod(emu, token, 'POST', `/pod/v1/companycert/${firstCert()}/update`, { name: 'x', expiryDate: 1 }), 'expiryDate');
    refusedNaming(await pod(emu, token, 'POST', '/pod/v1/companycert/delete', { id: firstCert(), fingerPrint: firstCert() }), 'fingerPrint');
    refusedNaming(await pod(emu, token, 'POST', '/pod/v1/companycert/type/list', [{ type: 'USER', name: 'x' }]), '[0].name');
  });

  it('refuses group create, update, member and avatar bodies with an undefined field, naming it', async () => {
    const g = firstGroup();
    const group = { type: 'SDL', ownerType: 'TENANT', ownerId: emu.control.state.podId, name: 'Strict desk', profile: { displayName: 'Strict desk' } };
    refusedNaming(await pm(emu, bearer, 'POST', '/v1/groups', { ...group, createdDate: 'now' }), 'createdDate');
    refusedNaming(await pm(emu, bearer, 'POST', '/v1/groups', { ...group, profile: { displayName: 'x', avatars: [] } }), 'profile.avatars');
    refusedNaming(await pm(emu, bearer, 'PUT', `/v1/groups/${g.id}`, { ...group, members: [{ memberTenant: 1, memberId: 2, addedDate: 'x' }] }, { 'If-Match': g.eTag }),
      'members[0].addedDate');
    refusedNaming(await pm(emu, bearer, 'POST', `/v1/groups/${g.id}/member`, { member: { memberTenant: 1, memberId: 2, status: 'ENABLED' } }), 'member.status');
    refusedNaming(await pm(emu, bearer, 'POST', `/v1/groups/${g.id}/avatar`, { image: 'AAAA', size: 'small' }), 'size');
  });

  it('refuses connection and entitlement list bodies with an undefined field, naming it', async () => {
    for (const verb of ['create', 'accept', 'reject']) {
      refusedNaming(await pod(emu, token, 'POST', `/pod/v1/connection/${verb}`, { userId: 1, status: 'ACCEPTED' }), 'status');
    }
    refusedNaming(await pod(emu, token, 'POST', '/pod/v1/admin/app/entitlement/list', [{ appId: 'jira-notifier', enable: true, listed: true, install: true, products: [] }]), '[0].products');
    const uid = emu.control.state.accounts.get('demo-user')!.id;
    refusedNaming(await pod(emu, token, 'POST', `/pod/v1/admin/user/${uid}/app/entitlement/list`, [{ appId: 'jira-notifier', listed: true, install: true, enable: true }]), '[0].enable');
    refusedNaming(await pod(emu, token, 'PATCH', `/pod/v1/admin/user/${uid}/app/entitlement/list`, [{ appId: 'jira-notifier', listed: 'KEEP', enable: 'TRUE' }]), '[0].enable');
  });

  it('reads null for an optional field as absent in group updates', async () => {
    const g = firstGroup();
    const body = {
      id: null, status: null, eTag: null, type: 'SDL', ownerType: 'TENANT', ownerId: g.ownerId, name: 'Renamed with nulls', subType: null, referrer: null,
      members: null, profile: null, visibilityRestriction: null, implicitConnection: null, interactionTransfer: null,
    };
    const res = await pm(emu, bearer, 'PUT', `/v1/groups/${g.id}`, body, { 'If-Match': g.eTag });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.name, 'Renamed with nulls');
    assert.equal(res.body.status, g.status);
    assert.equal(res.body.members.length, g.members.length, 'members kept');
    const created = await pm(emu, bearer, 'POST', '/v1/groups', { type: 'SDL', ownerType: 'TENANT', ownerId: g.ownerId, name: 'N', profile: { displayName: 'N', email: null }, subType: null });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });

  it('reads null for an optional field as absent in certificate create and update', async () => {
    const cert = makeTestCertificate({ commonName: 'null-cert', keyType: 'ec' });
    const created = await pod(emu, token, 'POST', '/pod/v2/companycert/create', { pem: cert.pem, attributes: { name: null, type: { type: 'USER' }, status: { type: 'TRUSTED' } } });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal(created.body.companyCertAttributes.name, 'null-cert', 'the name defaults to the CN');
    const updated = await pod(emu, token, 'POST', `/pod/v1/companycert/${cert.fingerPrint}/update`, { name: 'Renamed', type: null, status: null });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    const got = (await pod(emu, token, 'GET', `/pod/v1/companycert/${cert.fingerPrint}/get`)).body.companyCertAttributes;
    assert.deepEqual(got, { name: 'Renamed', type: { type: 'USER' }, status: { type: 'TRUSTED' } });
  });

  it('reads null for an optional field as absent in app create and update', async () => {
    const app = {
      applicationInfo: { appId: 'null-app', name: 'Null', appUrl: null, domain: null, publisher: null },
      iconUrl: null, description: null, allowOrigins: null, permissions: null, cert: null, authenticationKeys: null, notification: null, properties: null,
    };
    assert.equal((await pod(emu, token, 'POST', '/pod/v1/admin/app/create', app)).status, 200);
    const updated = await pod(emu, token, 'POST', '/pod/v1/admin/app/null-app/update', { ...app, applicationInfo: { appId: null, name: null }, description: 'Set' });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.equal(updated.body.applicationInfo.name, 'Null');
    assert.equal(updated.body.description, 'Set');
  });

  it('accepts undefined fields only when started with strictFields: false', async () => {
    const lenient = await startPodEmulator({ strictFields: false });
    try {
      const t = await signIn(lenient);
      const res = await pod(lenient, t, 'POST', '/pod/v1/admin/app/jira-notifier/update', { description: 'x', appGroupId: 'g' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    } finally { await lenient.close(); }
  });
});
