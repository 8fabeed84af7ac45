import * as assert from 'node:assert/strict';
import { readablePodId } from '../../../src/pods/podProfile';

describe('the id of a new pod', () => {
  it('is the pod name made safe for a URI segment', () => {
    assert.equal(readablePodId('ACME Prod (EU)', []), 'acme-prod-eu');
    assert.equal(readablePodId('  Société Générale UAT ', []), 'societe-generale-uat');
  });

  it('takes -2, -3… when another pod holds the name', () => {
    assert.equal(readablePodId('Dev', ['dev']), 'dev-2');
    assert.equal(readablePodId('dev', ['dev', 'dev-2']), 'dev-3');
  });

  it('is "pod" for a name with nothing usable, and never longer than 40 characters', () => {
    assert.equal(readablePodId('日本', []), 'pod');
    assert.equal(readablePodId('../../etc', []), 'etc');
    const long = readablePodId('a very long pod name that goes on and on and on and on', []);
    assert.ok(long.length <= 40 && !long.endsWith('-'), long);
  });
});
