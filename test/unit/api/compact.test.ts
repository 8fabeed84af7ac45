import * as assert from 'node:assert/strict';
import { StringPool, compactCertificates } from '../../../src/api/compact';
import type { CompanyCertInfoItem } from '../../../src/api';

const page = (): CompanyCertInfoItem[] => JSON.parse(JSON.stringify([
  { companyCertAttributes: { name: 'svc-a', type: { type: 'OPERATIONSUSER' }, status: { type: 'TRUSTED' } },
    companyCertInfo: { fingerPrint: 'aa', issuerFingerPrint: 'ca', commonName: 'svc-a', expiryDate: 1 } },
  { companyCertAttributes: { name: 'svc-b', type: { type: 'OPERATIONSUSER' }, status: { type: 'DISABLED' } },
    companyCertInfo: { fingerPrint: 'bb', issuerFingerPrint: 'ca', commonName: 'other name' } },
  { companyCertInfo: { fingerPrint: 'cc' } },
]));

describe('compactCertificates (repeated values kept once in long listings)', () => {
  it('leaves every certificate reading exactly as the pod sent it', () => {
    const pool = new StringPool();
    const first = compactCertificates(page(), pool);
    const second = compactCertificates(page(), pool);
    assert.deepEqual(first, page());
    assert.deepEqual(second, page());
  });

  it('passes hostile shapes through unchanged instead of failing the listing', () => {
    const hostile = [null, 7, 'text', { companyCertAttributes: 'x', companyCertInfo: [1] }, { companyCertAttributes: { type: null, status: 'TRUSTED' } }] as unknown as CompanyCertInfoItem[];
    const copy = JSON.parse(JSON.stringify(hostile));
    assert.deepEqual(compactCertificates(hostile, new StringPool()), copy);
  });
});

describe('StringPool', () => {
  it('answers an equal string, and starts again past its limit instead of growing', () => {
    const pool = new StringPool(2);
    assert.equal(pool.share('a'), 'a');
    assert.equal(pool.share('b'), 'b');
    assert.equal(pool.share('c'), 'c');
    assert.equal(pool.share('a'), 'a');
    assert.equal(pool.share(undefined), undefined);
    assert.equal((pool as unknown as { strings: Map<string, string> }).strings.size <= 2, true);
  });
});
