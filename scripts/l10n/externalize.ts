// Moves every literal user-facing string of package.json into package.nls.json and writes `%key%` in its place;
// drops keys of package.nls.json that package.json no longer uses. Run after adding a command, a setting, a view or
// a tool:  npx tsc -p . && node out/scripts/l10n/externalize.js
import * as fs from 'fs';
import * as path from 'path';
import { Json, manifestStrings, NLS_REFERENCE } from './manifestStrings';

const root = path.join(__dirname, '..', '..', '..');
const manifestPath = path.join(root, 'package.json');
const nlsPath = path.join(root, 'package.nls.json');
const pkg = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { [key: string]: Json };
const nls: Record<string, string> = fs.existsSync(nlsPath) ? JSON.parse(fs.readFileSync(nlsPath, 'utf8')) : {};

let moved = 0;
for (const text of manifestStrings(pkg)) {
  if (NLS_REFERENCE.test(text.value)) continue;
  let key = text.key;
  for (let n = 2; nls[key] !== undefined && nls[key] !== text.value; n++) key = `${text.key}.${n}`;
  nls[key] = text.value;
  text.replace(`%${key}%`);
  moved++;
  console.log(`${text.path} → %${key}%`);
}
const used = new Set(manifestStrings(pkg).map((t) => NLS_REFERENCE.exec(t.value)?.[1]));
for (const key of Object.keys(nls)) {
  if (!used.has(key)) {
    delete nls[key];
    console.log(`removed unused ${key}`);
  }
}
fs.writeFileSync(manifestPath, JSON.stringify(pkg, null, 2) + '\n');
fs.writeFileSync(nlsPath, JSON.stringify(nls, null, 2) + '\n');
console.log(`${moved} string(s) moved to package.nls.json`);
