// What a screen reader says for a tree row whose icon shows a state: the state is said in words, once.
import * as assert from 'node:assert/strict';
import { spokenLabel } from '../../../src/tree/spokenLabel';

describe('spokenLabel (tree rows for screen readers)', () => {
  it('says a state the icon shows and the visible text does not, between the label and the description', () => {
    assert.equal(spokenLabel('svc-rates-bot', 'USER · TRUSTED · expires 2026-12-20', ['expires within 30 days']),
      'svc-rates-bot, expires within 30 days, USER · TRUSTED · expires 2026-12-20');
  });

  it('does not repeat a state the description already says', () => {
    assert.equal(spokenLabel('old-cert', 'USER · KNOWN · expired 2025-01-01', ['expired']), 'old-cert, USER · KNOWN · expired 2025-01-01');
    assert.equal(spokenLabel('Rates desk', '3 members · DELETED', ['deleted']), 'Rates desk, 3 members · DELETED');
  });

  it('leaves out states that do not apply and an empty description', () => {
    assert.equal(spokenLabel('healthy-cert', 'USER · TRUSTED · expires 2030-01-01', [false, undefined, '']), 'healthy-cert, USER · TRUSTED · expires 2030-01-01');
    assert.equal(spokenLabel('Load more…', undefined, []), 'Load more…');
  });
});
