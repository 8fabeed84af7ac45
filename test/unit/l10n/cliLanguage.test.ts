// The CLI speaks the language the environment asks for when the extension ships its bundle, and English otherwise
// without reading any file; the detail panels get their translations with the model (the same bundle).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { requestedLocale, useRequestedLanguage } from '../../../src/cli/language';
import { main } from '../../../src/cli/main';
import { parseHostMessage } from '../../../src/editors/webviewMessages';
import { useTranslator } from '../../../src/text/l10n';

const WHICH_POD = 'Which pod? Set {0} or pass --pod-url (or --env with a podUrl in pod.json).';

/** Runs `symphony-pod expiry` in process with no pod configured; returns what it wrote on stderr. */
async function expiryWithoutPod(): Promise<string> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const code = await main(['expiry'], { stdout, stderr, stdin: new PassThrough(), env: {} });
  assert.equal(code, 1);
  return text;
}

describe('l10n: the CLI and the detail panels', () => {
  let dir = '';
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-l10n-')); });
  afterEach(() => {
    useTranslator(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the locale from LC_ALL, then LC_MESSAGES, then LANG, and treats English, C and POSIX as English', () => {
    assert.equal(requestedLocale({ LANG: 'de_DE.UTF-8' }), 'de-de');
    assert.equal(requestedLocale({ LC_ALL: 'fr_FR.UTF-8', LC_MESSAGES: 'de_DE', LANG: 'it_IT' }), 'fr-fr');
    assert.equal(requestedLocale({ LC_MESSAGES: 'pt_BR@euro', LANG: 'it_IT' }), 'pt-br');
    for (const english of [{}, { LANG: 'en_US.UTF-8' }, { LANG: 'C' }, { LC_ALL: 'POSIX' }, { LANG: 'C.UTF-8' }]) assert.equal(requestedLocale(english), undefined);
  });

  it('prints a CLI error in the pseudo-locale from bundle.l10n.qps-ploc.json', async () => {
    fs.writeFileSync(path.join(dir, 'bundle.l10n.qps-ploc.json'), JSON.stringify({
      'Error: {0}': '[Ëŕŕöŕ: {0}]',
      [WHICH_POD]: '[Ŵĥîçĥ ƥöð? Šéţ {0} öŕ ƥàšš --pod-url]',
    }));
    assert.equal(useRequestedLanguage({ LANG: 'qps_PLOC.UTF-8' }, dir), undefined);
    assert.equal(await expiryWithoutPod(), '[Ëŕŕöŕ: [Ŵĥîçĥ ƥöð? Šéţ SYMPHONY_POD_URL öŕ ƥàšš --pod-url]]\n');
  });

  it('falls back from a regional locale to its language bundle (pt_BR → bundle.l10n.pt.json)', async () => {
    fs.writeFileSync(path.join(dir, 'bundle.l10n.pt.json'), JSON.stringify({ 'Error: {0}': 'Erro: {0}' }));
    useRequestedLanguage({ LC_ALL: 'pt_BR.UTF-8' }, dir);
    assert.match(await expiryWithoutPod(), /^Erro: Which pod\? Set SYMPHONY_POD_URL/);
  });

  it('stays in English for an English locale, even when a bundle by that name exists, and for a locale with no bundle', async () => {
    fs.writeFileSync(path.join(dir, 'bundle.l10n.en.json'), JSON.stringify({ 'Error: {0}': 'WRONG {0}' }));
    useRequestedLanguage({ LANG: 'en_GB.UTF-8' }, dir);
    useRequestedLanguage({ LANG: 'ja_JP.UTF-8' }, dir);
    assert.equal(await expiryWithoutPod(), 'Error: Which pod? Set SYMPHONY_POD_URL or pass --pod-url (or --env with a podUrl in pod.json).\n');
  });

  it('says so and stays in English when the bundle cannot be read', async () => {
    fs.writeFileSync(path.join(dir, 'bundle.l10n.de.json'), '{ not json');
    const warning = useRequestedLanguage({ LANG: 'de_DE.UTF-8' }, dir);
    assert.match(warning ?? '', /Could not read the translations in .*bundle\.l10n\.de\.json.*continuing in English/);
    assert.match(await expiryWithoutPod(), /^Error: Which pod\?/);
  });

  it('lets the host send a panel its translations with the model, and refuses a translation that is not text', () => {
    const load = { type: 'load', state: { podId: '', kind: 'expiryReport', id: 'Expiry report' }, model: { kind: 'expiryReport', warningDays: 30, checkedAt: 0, podCount: 1, rows: [], problems: [] } };
    assert.ok(parseHostMessage({ ...load, strings: { 'Reload': 'Neu laden', '{0} days left': 'noch {0} Tage' } }).ok);
    const refused = parseHostMessage({ ...load, strings: { Reload: { toString: 'x' } } });
    assert.ok(!refused.ok && /strings\.Reload must be text/.test(refused.problem));
  });
});
