// Every read checks the pod's answer before use: a wrong shape, a missing field the tree or a later request relies
// on, an HTML page, an empty or broken body → one "Unexpected answer from the pod at …" error, one request, no crash.
import * as assert from 'node:assert/strict';
import { PodApiError, PodClient } from '../../../src/api';
import { LocalServer, json, startLocalServer } from './localServer';

type Answer = { status?: number; body?: unknown; raw?: string; contentType?: string };

describe('answer shapes (local server)', () => {
  let server: LocalServer;
  let answer: Answer = {};
  let client: PodClient;

  before(async () => {
    server = await startLocalServer((req, res) => {
      if (req.url.startsWith('/login/idm/tokens')) return json(res, 200, { access_token: 'bearer' });
      if (answer.raw !== undefined) {
        res.writeHead(answer.status ?? 200, { 'Content-Type': answer.contentType ?? 'application/json' });
        return res.end(answer.raw);
      }
      json(res, answer.status ?? 200, answer.body);
    });
  });
  beforeEach(() => {
    server.seen.length = 0;
    client = new PodClient({ podUrl: server.url, authenticate: async () => 'session', retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 2 } });
  });
  afterEach(() => client.dispose());
  after(() => server.close());

  const cert = { companyCertAttributes: { name: 'Root' }, companyCertInfo: { fingerPrint: 'ab12' } };
  const cases: Array<{ name: string; answer: Answer; call: (c: PodClient) => Promise<unknown>; expected: RegExp }> = [
    { name: 'an object where the certificate list belongs', answer: { body: { items: [] } }, call: c => c.certs.listCompanyCertificates(),
      expected: /^Unexpected answer from the pod at GET \/pod\/v1\/companycert\/list: expected a list of certificates, got an object\.$/ },
    { name: 'a certificate without its fingerprint', answer: { body: [cert, { companyCertAttributes: { name: 'x' }, companyCertInfo: {} }] },
      call: c => c.certs.listCompanyCertificates(), expected: /expected a list of certificates, got a list whose item 2 is an object without companyCertInfo\.fingerPrint\./ },
    { name: 'a certificate without its attributes', answer: { body: [{ companyCertInfo: { fingerPrint: 'ab' } }] },
      call: c => c.certs.listAllCompanyCertificates(), expected: /item 1 is an object without companyCertAttributes/ },
    { name: 'a pod-managed list that is a string', answer: { body: 'none' }, call: c => c.certs.listPodManagedCertificates(),
      expected: /GET \/pod\/v1\/companycert\/podmanaged\/list: expected a list of certificates, got a string/ },
    { name: 'an issued-by list that is null', answer: { raw: 'null' }, call: c => c.certs.listIssuedBy('ab12'), expected: /expected a list of certificates, got null/ },
    { name: 'a certificate detail that is a list', answer: { body: [cert] }, call: c => c.certs.getCompanyCertificate('ab12'), expected: /expected a certificate, got a list/ },
    { name: 'an empty body for the certificate list', answer: { raw: '' }, call: c => c.certs.listCompanyCertificates(), expected: /expected a list of certificates, got an empty answer/ },
    { name: 'an HTML page for the certificate list', answer: { raw: '<html><body>Sign in</body></html>', contentType: 'text/html' },
      call: c => c.certs.listCompanyCertificates(), expected: /at GET \/pod\/v1\/companycert\/list: expected a list of certificates, got a web page instead of data/ },
    { name: 'JSON cut in the middle', answer: { raw: '[{"companyCertInfo":' }, call: c => c.certs.listCompanyCertificates(), expected: /expected a list of certificates, got text that is not JSON/ },
    { name: 'an app entitlement without appId', answer: { body: [{ appName: 'x', enable: true, listed: true, install: false }] },
      call: c => c.apps.listPodAppEntitlements(), expected: /expected a list of application entitlements, got a list whose item 1 is an object without appId/ },
    { name: 'an app entitlement whose enable is text', answer: { body: [{ appId: 'a', appName: 'x', enable: 'yes', listed: true, install: false }] },
      call: c => c.apps.listPodAppEntitlements(), expected: /item 1 is an object whose enable is a string/ },
    { name: 'an application without applicationInfo', answer: { body: { description: 'x' } }, call: c => c.apps.getApplication('app'),
      expected: /GET \/pod\/v1\/admin\/app\/app\/get: expected an application, got an object without applicationInfo\.appId/ },
    { name: "a user's entitlements that are an object", answer: { body: {} }, call: c => c.apps.getUserAppEntitlements(7), expected: /expected a list of the user's application entitlements, got an object/ },
    { name: 'a connection list that is an object', answer: { body: { userId: 7 } }, call: c => c.connections.listConnections(), expected: /expected a list of connections, got an object/ },
    { name: 'a connection without a user id', answer: { body: { status: 'ACCEPTED' } }, call: c => c.connections.getConnection(7), expected: /expected a connection, got an object without userId/ },
    { name: 'a session info that is a list', answer: { body: [] }, call: c => c.session.getSessionInfo(), expected: /GET \/pod\/v2\/sessioninfo: expected the signed-in account, got a list/ },
    { name: 'group types without an id', answer: { body: { data: [{ name: 'SDL' }] } }, call: c => c.groups.listTypes(),
      expected: /GET \/profile-manager\/v1\/types: expected a page of group types, got a page whose data is a list whose item 1 is an object without id/ },
    { name: 'a page of groups whose data is an object', answer: { body: { data: { id: 'g' } } }, call: c => c.groups.listGroups('SDL'), expected: /expected a page of groups, got a page whose data is an object/ },
    { name: 'a group without a name', answer: { body: { id: 'g1', type: 'SDL' } }, call: c => c.groups.getGroup('g1'), expected: /expected a group, got an object without name/ },
    { name: 'a group member without a member id', answer: { body: { id: 'g1', name: 'Desk', members: [{ memberTenant: 1 }] } }, call: c => c.groups.getGroup('g1'),
      expected: /expected a group, got an object whose members\[0\] is an object without memberId/ },
  ];

  for (const row of cases) {
    it(`reports ${row.name} as an unexpected answer, after one request`, async () => {
      answer = row.answer;
      await assert.rejects(row.call(client), (err: unknown) => {
        assert.ok(err instanceof PodApiError, `not a PodApiError: ${String(err)}`);
        assert.match(err.message, row.expected);
        assert.match(err.message, /^Unexpected answer from the pod at (GET|POST) \//);
        return true;
      });
      assert.equal(server.seen.filter(r => !r.url.startsWith('/login/')).length, 1, 'one request, no retry');
    });
  }

  it('accepts a well-formed answer unchanged', async () => {
    answer = { body: [cert] };
    assert.deepEqual(await client.certs.listCompanyCertificates(), [cert]);
  });

  it('accepts a group page without data or pagination as an empty last page', async () => {
    answer = { body: {} };
    assert.deepEqual(await client.groups.listAllGroups('SDL'), []);
  });
});
