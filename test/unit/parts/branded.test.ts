import * as assert from 'assert';
import { PodApiError } from '../../../src/api/errors';
import { brand } from '../../../src/parts/branded';

describe('branded classes (instanceof across the extension bundle and its lazily loaded parts)', () => {
  it('recognises an instance made by another copy of the class, as a part\'s bundle would make it', () => {
    class CopyOfPodApiError extends Error {}
    brand(CopyOfPodApiError, 'PodApiError');
    assert.ok(new CopyOfPodApiError('x') instanceof PodApiError);
    assert.ok(new PodApiError('x', { kind: 'http', status: 404 }) instanceof CopyOfPodApiError);
  });

  it('does not take another branded class or a plain error for it', () => {
    class Other extends Error {}
    brand(Other, 'Other');
    assert.ok(!(new Other('x') instanceof PodApiError));
    assert.ok(!(new Error('x') instanceof PodApiError));
    assert.ok(!((undefined as unknown as object) instanceof PodApiError));
  });
});
