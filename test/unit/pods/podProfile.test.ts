import * as assert from 'node:assert/strict';
import { readablePodId } from '../../../src/pods/podProfile';

describe('the id of a new pod', () => {
  it('is the pod name made safe for a URI segment, then four random hex digits', () => {
    assert.match(readablePodId('ACME Prod (EU)', []), /^acme-prod-eu-[0-9a-f]{4}$/);
    assert.match(readablePodId('  Société Générale UAT ', []), /^societe-generale-uat-[0-9a-f]{4}$/);
  });

  it('never takes an id another pod holds, and differs each time (a pod added again is a new pod)', () => {
    const first = readablePodId('Dev', []);
    assert.notEqual(readablePodId('Dev', [first]), first);
    const many = new Set(Array.from({ length: 50 }, () => readablePodId('Dev', [])));
    assert.ok(many.size > 40, `${many.size} distinct ids of 50`);
  });

  it('is "pod-…" for a name with nothing usable, and keeps only what is safe in a path', () => {
    assert.match(readablePodId('日本', []), /^pod-[0-9a-f]{4}$/);
    assert.match(readablePodId('../../etc', []), /^etc-[0-9a-f]{4}$/);
    assert.ok(readablePodId('a very long pod name that goes on and on and on and on', []).length <= 45);
  });
});
