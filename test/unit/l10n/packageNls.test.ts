// package.json shows no literal text to users: every title, name, description and welcome text is a `%key%` whose
// English is in package.nls.json, so a translation is one file (package.nls.<locale>.json) and the Marketplace page
// and VS Code read the same text.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { Json, manifestStrings, NLS_REFERENCE } from '../../../scripts/l10n/manifestStrings';

const root = path.join(__dirname, '..', '..', '..', '..');
const FIX = 'Run `npx tsc -p . && node out/scripts/l10n/externalize.js`, which does exactly that, and commit package.json with package.nls.json.';

describe('package.json and package.nls.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { [key: string]: Json };
  const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, unknown>;
  const strings = manifestStrings(pkg);

  it('finds the text users read in package.json (titles, names, descriptions, welcome text, tools)', () => {
    const paths = strings.map((s) => s.path);
    for (const expected of ['displayName', 'contributes.commands[0].title', 'contributes.commands[0].category', 'contributes.views.symphony[0].name',
      'contributes.viewsWelcome[0].contents', 'contributes.configuration.title', 'contributes.languageModelTools[0].modelDescription']) {
      assert.ok(paths.includes(expected), expected);
    }
    assert.ok(!paths.some((p) => /\.(when|command|id|icon|group)$|inputSchema|\.languageModelTools\[\d+\]\.name$/.test(p)), 'ids, when clauses and schemas are not text');
  });

  it('leaves no user-facing string literal in package.json', () => {
    const literal = strings.filter((s) => !NLS_REFERENCE.test(s.value));
    assert.deepEqual(literal.map((s) => `${s.path} is literal text ${JSON.stringify(s.value)}: put "${s.key}": ${JSON.stringify(s.value)} in package.nls.json and "%${s.key}%" in package.json.`), [],
      `User-facing text in package.json must come from package.nls.json. ${FIX}`);
  });

  it('has every %key% of package.json in package.nls.json, as text', () => {
    const missing = strings.flatMap((s) => {
      const key = NLS_REFERENCE.exec(s.value)?.[1];
      return key !== undefined && typeof nls[key] !== 'string' ? [`${s.path} uses %${key}%, which package.nls.json does not define: add "${key}": "<the English text>" to package.nls.json.`] : [];
    });
    assert.deepEqual(missing, []);
  });

  it('keeps no key in package.nls.json that package.json does not use', () => {
    const used = new Set(strings.map((s) => NLS_REFERENCE.exec(s.value)?.[1]));
    const unused = Object.keys(nls).filter((key) => !used.has(key));
    assert.deepEqual(unused.map((key) => `package.nls.json defines "${key}", which package.json no longer uses: remove it (externalize.js does).`), []);
  });

  it('keeps every %key% to the characters VS Code replaces', () => {
    const all = JSON.stringify(pkg).match(/"%[^"]*%"/g) ?? [];
    assert.deepEqual(all.filter((ref) => !NLS_REFERENCE.test(ref.slice(1, -1))), []);
  });
});
