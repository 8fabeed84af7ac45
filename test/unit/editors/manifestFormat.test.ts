import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ManifestSyntaxError, formatManifest, parseManifest, sameManifest } from '../../../src/editors/manifestFormat';
import { unchangedFromBase } from '../../../src/editors/manifestProblems';

describe('manifest text', () => {
  it('prints known keys in schema order, then unknown keys sorted, with 2 spaces', () => {
    const text = formatManifest({
      zeta: 1, permissions: ['SEND_MESSAGES'], alpha: true,
      applicationInfo: { publisher: 'Acme', appId: 'a', name: 'A' },
      properties: [{ value: 'v', key: 'k' }],
      authenticationKeys: { previous: { action: 'REVOKE', key: 'p' }, current: { key: 'c' } },
    } as never);
    const keys = Object.keys(JSON.parse(text));
    assert.deepEqual(keys, ['applicationInfo', 'permissions', 'authenticationKeys', 'properties', 'alpha', 'zeta']);
    assert.match(text, /^\{\n {2}"applicationInfo": \{\n {4}"appId": "a",\n {4}"name": "A",\n {4}"publisher": "Acme"/);
    assert.match(text, /"key": "k",\n\s+"value": "v"/);
    assert.match(text, /"current": \{[^}]*\},\n\s+"previous": \{\n\s+"key": "p",\n\s+"action": "REVOKE"/);
    assert.ok(text.endsWith('}\n'));
  });

  it('treats key order and undefined fields as the same manifest', () => {
    assert.ok(sameManifest({ iconUrl: 'https://x', description: undefined }, { iconUrl: 'https://x' }));
    assert.ok(!sameManifest({ iconUrl: 'https://x' }, { iconUrl: 'https://y' }));
  });

  it('says where invalid JSON breaks', () => {
    assert.throws(() => parseManifest('{\n  "iconUrl": "https://x",\n}'), (e: Error) => e instanceof ManifestSyntaxError && /not valid JSON \(line 3, column 1\)/.test(e.message));
    assert.throws(() => parseManifest('[1]'), /one JSON object/);
    assert.throws(() => parseManifest('  '), /empty/);
  });

  it('reads a manifest with a byte-order mark', () => {
    assert.deepEqual(parseManifest('\uFEFF{"iconUrl":"https://x"}'), { iconUrl: 'https://x' });
  });

  it('ships a schema that knows every field the text form orders', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../media/schemas/app-manifest.schema.json'), 'utf8'));
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.properties), ['applicationInfo', 'iconUrl', 'description', 'allowOrigins', 'permissions', 'cert', 'authenticationKeys', 'notification', 'properties']);
    const known = schema.properties.permissions.items.anyOf.find((s: { enum?: string[] }) => s.enum).enum;
    assert.equal(known.length, 13);
    assert.ok(known.includes('TRUST_APP'));
  });

  describe('a problem on what the pod already holds', () => {
    const base = {
      applicationInfo: { appId: 'zoom', name: 'Zoom', vendorId: 'v-1' }, appGroupId: 'grp-7',
      properties: [{ key: 'timeout', value: 30 }],
    } as never;
    const at = (text: string, needle: string) => text.indexOf(needle);

    it('does not count a newer field or a numeric value the user left as the pod has them', () => {
      const text = formatManifest({ ...(base as object), description: 'edited by the user' } as never);
      assert.equal(unchangedFromBase(text, at(text, '"appGroupId"'), base), true);
      assert.equal(unchangedFromBase(text, at(text, '"vendorId"'), base), true);
      assert.equal(unchangedFromBase(text, at(text, '30'), base), true);
    });

    it('counts a field the user added or changed, a problem of the whole manifest, and any problem of a new app', () => {
      const text = formatManifest({ ...(base as object), appGroupId: 'grp-8', colour: 'red', properties: [{ key: 'timeout', value: 31 }] } as never);
      assert.equal(unchangedFromBase(text, at(text, '"appGroupId"'), base), false);
      assert.equal(unchangedFromBase(text, at(text, '"colour"'), base), false);
      assert.equal(unchangedFromBase(text, at(text, '31'), base), false);
      assert.equal(unchangedFromBase(text, 0, base), false);
      assert.equal(unchangedFromBase(text, at(text, '"appGroupId"'), undefined), false);
    });
  });
});
