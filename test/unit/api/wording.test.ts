import * as assert from 'node:assert/strict';
import { countOf, formatFingerprint, shortFingerprint } from '../../../src/api/wording';

describe('wording', () => {
  it('says a count with its noun, never "(s)"', () => {
    assert.equal(countOf(1, 'request'), '1 request');
    assert.equal(countOf(0, 'request'), '0 requests');
    assert.equal(countOf(1200, 'row'), '1,200 rows');
    assert.equal(countOf(2, 'day'), '2 days');
  });

  it('writes every fingerprint as the pod writes a certificate\'s: lower-case hex without separators', () => {
    assert.equal(formatFingerprint('AB:CD:EF:01'), 'abcdef01');
    assert.equal(formatFingerprint('abcdef01'), 'abcdef01');
    assert.equal(formatFingerprint('not a fingerprint'), 'not a fingerprint', 'anything else is shown as it is');
    assert.equal(shortFingerprint('AA:BB:CC:DD:EE:FF:00:11:22:33'), 'aabbccddeeff0011…');
  });
});
