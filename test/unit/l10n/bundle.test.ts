// l10n/bundle.l10n.json is what a translator starts from: it must hold every message the code passes to `l10n.t`,
// and only those, or a translation silently misses text.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { codeMessages } from '../../../scripts/l10n/codeMessages';
import { l10n, useTranslator } from '../../../src/text/l10n';

const root = path.join(__dirname, '..', '..', '..', '..');
const FIX = 'Run `npx tsc -p . && node out/scripts/l10n/bundle.js` and commit l10n/bundle.l10n.json.';

describe('l10n bundle', () => {
  const { bundle, problems } = codeMessages(path.join(root, 'src'));
  const onDisk = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;

  it('can extract every l10n.t message (a literal, never a variable or a template with values)', () => {
    assert.deepEqual(problems, [], 'Write the message as a string literal with {0} placeholders: l10n.t(\'Deleted {0}.\', name).');
  });

  it('holds every l10n.t message of the code, and nothing else', () => {
    const missing = Object.keys(bundle).filter((key) => !(key in onDisk));
    const stale = Object.keys(onDisk).filter((key) => !(key in bundle));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, `l10n/bundle.l10n.json is out of date. ${FIX}`);
    assert.deepEqual(onDisk, bundle, `l10n/bundle.l10n.json is out of date. ${FIX}`);
  });
});

describe('l10n.t for plain-Node layers', () => {
  afterEach(() => useTranslator(undefined));

  it('gives the English with placeholders filled when no translator is set (tests, the bench)', () => {
    assert.equal(l10n.t('Deleted {0} of {1}.', 2, 3), 'Deleted 2 of 3.');
    assert.equal(l10n.t('Signed in to {pod} as {user}.', { pod: 'East', user: 'bot' }), 'Signed in to East as bot.');
    assert.equal(l10n.t('No placeholder {0} without values.'), 'No placeholder {0} without values.');
  });

  it('uses the process\'s translator, also from another bundle\'s copy of the module (a lazily loaded part)', () => {
    useTranslator((message, ...args) => `fr:${message}:${args.join(',')}`);
    const key = Symbol.for('symphony-pod-admin.l10n');
    const shared = (globalThis as unknown as Record<symbol, { translate?: (m: string) => string }>)[key];
    assert.equal(shared.translate!('x'), 'fr:x:', 'the translator lives under the process-wide key');
    assert.equal(l10n.t('Deleted {0}.', 'A'), 'fr:Deleted {0}.:A');
  });
});
