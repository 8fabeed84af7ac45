import * as assert from 'node:assert/strict';
import { PodApiError } from '../../../src/api';
import { ApiArea, errorFromNetwork, errorFromResponse } from '../../../src/api/errors';

const map = (status: number, area: ApiArea, body: unknown = undefined, thing?: string) =>
  errorFromResponse({ status, body, method: 'GET', path: '/pod/x', context: { area, thing } });

describe('error mapping', () => {
  it('uses the pod\'s own message for a 400 and keeps the pod code', () => {
    const err = map(400, 'certs', { code: 400, message: 'Certificate is expired' });
    assert.ok(err instanceof PodApiError);
    assert.equal(err.kind, 'http');
    assert.equal(err.status, 400);
    assert.equal(err.code, 400);
    assert.equal(err.podMessage, 'Certificate is expired');
    assert.match(err.message, /Certificate is expired/);
    assert.equal(err.method, 'GET');
    assert.equal(err.path, '/pod/x');
  });

  it('keeps a Profile Manager string code', () => {
    assert.equal(map(400, 'groups', { code: 'BAD_REQUEST', message: 'x' }).code, 'BAD_REQUEST');
  });

  it('says to sign in again on 401', () => {
    const err = map(401, 'session');
    assert.equal(err.kind, 'auth');
    assert.match(err.message, /session has expired.*sign in/i);
  });

  it('names the role needed on 403, per area', () => {
    assert.match(map(403, 'certs').message, /USER_PROVISIONING or SUPER_ADMINISTRATOR/);
    assert.match(map(403, 'apps').message, /SUPER_ADMINISTRATOR or USER_PROVISIONING/);
    assert.match(map(403, 'groups').message, /Group Manager/);
  });

  it('names the thing not found on 404', () => {
    assert.match(map(404, 'certs', undefined, 'the company certificate ABC').message, /Not found: the company certificate ABC/);
    assert.match(map(404, 'apps').message, /Not found: the application/);
  });

  it('says "changed by someone else; reload and reapply" on 412', () => {
    assert.match(map(412, 'groups', undefined, 'the group G1').message, /The group G1 was changed by someone else since you opened it; reload and reapply/);
  });

  it('says the pod is busy on 429 and gives the wait', () => {
    const err = errorFromResponse({ status: 429, body: undefined, method: 'GET', path: '/p', context: { area: 'certs' }, retryAfterSeconds: 120 });
    assert.match(err.message, /busy.*120 s/);
    assert.equal(err.retryAfterSeconds, 120);
  });

  it('mentions the information barrier on 452', () => {
    assert.match(map(452, 'groups', { code: 'IB', message: 'barrier' }).message, /information barrier/i);
  });

  it('calls a 5xx a pod error', () => {
    assert.match(map(500, 'apps').message, /internal error \(500\)/);
    assert.match(map(503, 'apps').message, /internal error \(503\)/);
  });

  for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED']) {
    it(`explains ${code} with the CA bundle setting and NODE_EXTRA_CA_CERTS`, () => {
      const err = errorFromNetwork(Object.assign(new Error('x'), { code }), 'GET', '/pod/v2/sessioninfo', 'pod.example:443', false, 30000);
      assert.equal(err.kind, 'tls');
      assert.equal(err.status, undefined);
      assert.match(err.message, /CA bundle/);
      assert.match(err.message, /NODE_EXTRA_CA_CERTS/);
    });
  }

  it('distinguishes a refused connection and a timeout', () => {
    const refused = errorFromNetwork(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), 'GET', '/p', 'h:1', false, 30000);
    assert.equal(refused.kind, 'network');
    assert.match(refused.message, /refused/);
    const timeout = errorFromNetwork(new Error('aborted'), 'GET', '/p', 'h:1', true, 30000);
    assert.equal(timeout.kind, 'timeout');
    assert.match(timeout.message, /did not answer within 30 s/);
  });
});
