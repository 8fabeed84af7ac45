import * as assert from 'node:assert/strict';
import { makeTestCertificate } from '../../../src/podEmulator';
import { apiRequests, clientFor, isApiError, usePod } from './podFixture';

const DAY = 86_400_000;
const freshCert = (cn: string) => makeTestCertificate({ commonName: cn, notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 90 * DAY) });
const USER_TRUSTED = { type: { type: 'USER' as const }, status: { type: 'TRUSTED' as const } };

describe('PodClient company certificates (emulator)', () => {
  const pod = usePod();

  it('lists one page with skip and limit', async () => {
    const { client } = clientFor(pod());
    const page = await client.certs.listCompanyCertificates({ skip: 5, limit: 10 });
    assert.equal(page.length, 10);
    assert.ok(page.every(c => c.companyCertInfo?.fingerPrint && c.companyCertAttributes?.name));
    const q = apiRequests(pod()).map(r => r.path + (r as unknown as { query: string }).query);
    assert.ok(q.some(p => p.includes('/pod/v1/companycert/list') && p.includes('skip=5') && p.includes('limit=10')), q.join(' '));
    client.dispose();
  });

  it('lists everything with concurrent pages, in order, and stops at the short page', async () => {
    const emu = pod();
    emu.control.setLatency(20);
    const { client } = clientFor(emu);
    await client.signIn();
    const sequential = await client.certs.listCompanyCertificates({ skip: 0, limit: 1000 });
    emu.control.clearRequests();
    const all = await client.certs.listAllCompanyCertificates({ pageSize: 7, concurrency: 4 });
    assert.equal(all.length, sequential.length);
    assert.deepEqual(all.map(c => c.companyCertInfo?.fingerPrint), sequential.map(c => c.companyCertInfo?.fingerPrint));
    const skips = emu.control.requests().map(r => Number(new URLSearchParams(r.query).get('skip')));
    const shortPage = Math.floor(sequential.length / 7) * 7;
    assert.ok(skips.includes(shortPage), `the short page at skip=${shortPage} was fetched`);
    assert.ok(Math.max(...skips) <= shortPage + 3 * 7, `no page launched after the short one (max skip ${Math.max(...skips)})`);
    client.dispose();
  });

  it('lists 1,000 certificates in 100-item pages', async () => {
    const emu = pod();
    emu.control.reset({ certs: 1000 });
    const { client } = clientFor(emu);
    const all = await client.certs.listAllCompanyCertificates();
    assert.equal(all.length, 1000);
    assert.equal(new Set(all.map(c => c.companyCertInfo?.fingerPrint)).size, 1000);
    client.dispose();
  });

  it('lists pod-managed certificates and certificates by type', async () => {
    const { client } = clientFor(pod());
    const managed = await client.certs.listPodManagedCertificates({ skip: 0, limit: 100 });
    assert.ok(managed.length > 0);
    const users = await client.certs.listCertificatesByType(['USER']);
    assert.ok(users.length > 0 && users.every(c => c.companyCertAttributes?.type?.type === 'USER'));
    assert.equal((await client.certs.listAllCertificatesByType(['USER'], { pageSize: 3 })).length, users.length);
    client.dispose();
  });

  it('creates, reads, renames, lists issued-by and deletes a certificate', async () => {
    const { client } = clientFor(pod());
    const cert = freshCert('api-test-bot');
    const created = await client.certs.createCompanyCertificate(cert.pem, { name: 'API test', ...USER_TRUSTED });
    const fp = created.companyCertInfo?.fingerPrint as string;
    assert.ok(fp);
    assert.equal((await client.certs.getCompanyCertificate(fp)).companyCertAttributes?.name, 'API test');
    await client.certs.updateCompanyCertificate(fp, { name: 'Renamed' });
    assert.equal((await client.certs.getCompanyCertificate(fp)).companyCertAttributes?.name, 'Renamed');
    assert.ok(Array.isArray(await client.certs.listIssuedBy(fp)));
    await client.certs.deleteCompanyCertificate(fp);
    await assert.rejects(client.certs.getCompanyCertificate(fp), isApiError(new RegExp(`Certificate with fingerprint ${fp} not found`), { status: 400 }));
    client.dispose();
  });

  it('shows the pod\'s own message when it refuses a duplicate', async () => {
    const { client } = clientFor(pod());
    const cert = freshCert('dup');
    await client.certs.createCompanyCertificate(cert.pem, { name: 'one', ...USER_TRUSTED });
    await assert.rejects(client.certs.createCompanyCertificate(cert.pem, { name: 'two', ...USER_TRUSTED }), isApiError(/already exists/, { status: 400, kind: 'http' }));
    client.dispose();
  });

  it('refuses an expired certificate before any request', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    const old = makeTestCertificate({ commonName: 'old', notBefore: new Date(Date.now() - 9 * DAY), notAfter: new Date(Date.now() - DAY) });
    await assert.rejects(client.certs.createCompanyCertificate(old.pem, { name: 'x', ...USER_TRUSTED }), isApiError(/expired on/, { kind: 'validation', field: 'pem' }));
    assert.equal(emu.control.requests().length, 0);
    client.dispose();
  });

  it('refuses a private key pasted as a certificate, a blank name, a missing type and a blank fingerprint before any request', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    const cert = freshCert('x');
    await assert.rejects(client.certs.createCompanyCertificate(cert.keyPem, { name: 'x', ...USER_TRUSTED }), isApiError(/private key, not a certificate/, { field: 'pem' }));
    await assert.rejects(client.certs.createCompanyCertificate(cert.pem, { name: ' ', ...USER_TRUSTED }), isApiError(/name is required/, { field: 'attributes.name' }));
    await assert.rejects(client.certs.createCompanyCertificate(cert.pem, { name: 'x', status: { type: 'TRUSTED' } }), isApiError(/certificate type/, { field: 'attributes.type' }));
    await assert.rejects(client.certs.updateCompanyCertificate('abc', { name: '' }), isApiError(/name is required/, { kind: 'validation' }));
    await assert.rejects(client.certs.getCompanyCertificate(''), isApiError(/required/, { kind: 'validation', field: 'fingerPrint' }));
    await assert.rejects(client.certs.listCompanyCertificates({ skip: -1 }), isApiError(/skip must be a whole number/, { kind: 'validation' }));
    assert.equal(emu.control.requests().length, 0);
    client.dispose();
  });

  it('names the roles needed when a non-admin lists certificates', async () => {
    const { client } = clientFor(pod(), 'user');
    await assert.rejects(client.certs.listCompanyCertificates(), isApiError(/USER_PROVISIONING or SUPER_ADMINISTRATOR/, { status: 403 }));
    client.dispose();
  });
});
