import * as assert from 'node:assert/strict';
import { PodEmulator, makeTestCertificate, startPodEmulator } from '../../../src/podEmulator';
import { pod, signIn } from './helpers';

const DAY = 86400_000;

describe('pod emulator: company certificates', () => {
  let emu: PodEmulator;
  let token: string;
  before(async () => { emu = await startPodEmulator(); token = await signIn(emu); });
  after(() => emu.close());
  beforeEach(() => emu.control.reset());

  const attributes = { name: 'Trading bot', type: { type: 'USER' }, status: { type: 'TRUSTED' } };

  it('creates a valid certificate and returns its detail with certInfo sections', async () => {
    const cert = makeTestCertificate({ commonName: 'trading-bot', keyType: 'ec' });
    const res = await pod(emu, token, 'POST', '/pod/v2/companycert/create', { pem: cert.pem, attributes });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.companyCertInfo.fingerPrint, cert.fingerPrint);
    assert.equal(res.body.companyCertInfo.commonName, 'trading-bot');
    assert.deepEqual(res.body.certInfo.map((s: { name: string }) => s.name), ['General', 'Validity', 'Public Key']);
    const got = await pod(emu, token, 'GET', `/pod/v1/companycert/${cert.fingerPrint}/get`);
    assert.equal(got.body.companyCertAttributes.name, 'Trading bot');
  });

  it('refuses an expired certificate, saying so', async () => {
    const cert = makeTestCertificate({ commonName: 'old', keyType: 'ec', notBefore: new Date(Date.now() - 10 * DAY), notAfter: new Date(Date.now() - DAY) });
    const res = await pod(emu, token, 'POST', '/pod/v2/companycert/create', { pem: cert.pem, attributes });
    assert.equal(res.status, 400);
    assert.match(res.body.message, /expired/i);
  });

  it('refuses a malformed PEM and a duplicate', async () => {
    const bad = await pod(emu, token, 'POST', '/pod/v2/companycert/create', { pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', attributes });
    assert.deepEqual([bad.status, bad.body.code], [400, 400]);
    const cert = makeTestCertificate({ commonName: 'dup', keyType: 'ec' });
    assert.equal((await pod(emu, token, 'POST', '/pod/v2/companycert/create', { pem: cert.pem, attributes })).status, 200);
    assert.equal((await pod(emu, token, 'POST', '/pod/v2/companycert/create', { pem: cert.pem, attributes })).status, 400);
  });

  it('links a created certificate to its known issuer', async () => {
    const list = await pod(emu, token, 'GET', '/pod/v1/companycert/list?limit=1');
    const caFp = list.body[0].companyCertInfo.fingerPrint;
    const ca = makeTestCertificate({ commonName: 'Desk CA', isCA: true, keyType: 'ec' });
    const leaf = makeTestCertificate({ commonName: 'desk-bot', issuer: ca, keyType: 'ec' });
    await pod(emu, token, 'POST', '/pod/v2/companycert/create', { pem: ca.pem, attributes });
    const res = await pod(emu, token, 'POST', '/pod/v2/companycert/create', { pem: leaf.pem, attributes });
    assert.equal(res.body.companyCertInfo.issuerFingerPrint, ca.fingerPrint);
    const issued = await pod(emu, token, 'GET', `/pod/v1/companycert/${ca.fingerPrint}/issuedBy`);
    assert.deepEqual(issued.body.map((c: { companyCertInfo: { fingerPrint: string } }) => c.companyCertInfo.fingerPrint), [leaf.fingerPrint]);
    assert.ok((await pod(emu, token, 'GET', `/pod/v1/companycert/${caFp}/issuedBy`)).body.length > 3);
  });

  it('pages with skip and limit in a stable order', async () => {
    const all = (await pod(emu, token, 'GET', '/pod/v1/companycert/list')).body;
    assert.equal(all.length, 40);
    const pages = [];
    for (let skip = 0; ; skip += 15) {
      const page = (await pod(emu, token, 'GET', `/pod/v1/companycert/list?skip=${skip}&limit=15`)).body;
      pages.push(...page);
      if (page.length < 15) { break; }
    }
    assert.deepEqual(pages, all);
    assert.equal((await pod(emu, token, 'GET', '/pod/v1/companycert/list?limit=abc')).status, 400);
  });

  it('updates attributes, filters by type, deletes, and answers 400 to unknown fingerprints (the spec documents no 404)', async () => {
    const fp = (await pod(emu, token, 'GET', '/pod/v1/companycert/list?skip=5&limit=1')).body[0].companyCertInfo.fingerPrint;
    const upd = await pod(emu, token, 'POST', `/pod/v1/companycert/${fp}/update`, { name: 'Renamed', type: { type: 'OPERATIONSUSER' }, status: { type: 'DISABLED' } });
    assert.deepEqual(upd.body, { format: 'TEXT', message: 'Certificate updated' });
    const ops = (await pod(emu, token, 'POST', '/pod/v1/companycert/type/list', [{ type: 'OPERATIONSUSER' }])).body;
    assert.ok(ops.some((c: { companyCertAttributes: { name: string } }) => c.companyCertAttributes.name === 'Renamed'));
    assert.ok(ops.every((c: { companyCertAttributes: { type: { type: string } } }) => c.companyCertAttributes.type.type === 'OPERATIONSUSER'));
    assert.ok((await pod(emu, token, 'GET', '/pod/v1/companycert/podmanaged/list')).body.length > 0);
    assert.equal((await pod(emu, token, 'POST', '/pod/v1/companycert/delete', { id: fp })).status, 200);
    assert.equal((await pod(emu, token, 'GET', `/pod/v1/companycert/${fp}/get`)).status, 400);
    assert.equal((await pod(emu, token, 'POST', '/pod/v1/companycert/delete', { id: fp })).status, 400);
  });
});
