// Writes l10n/bundle.l10n.json, the English of every `l10n.t` message in src/, which translators copy to
// bundle.l10n.<locale>.json. Run after adding or changing a message:  npx tsc -p . && node out/scripts/l10n/bundle.js
import * as fs from 'fs';
import * as path from 'path';
import { codeMessages } from './codeMessages';

const root = path.join(__dirname, '..', '..', '..');
const { bundle, problems } = codeMessages(path.join(root, 'src'));
for (const problem of problems) console.error(`not extractable (write the message as a string literal): ${problem}`);
fs.mkdirSync(path.join(root, 'l10n'), { recursive: true });
fs.writeFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), JSON.stringify(bundle, null, 2) + '\n');
console.log(`l10n/bundle.l10n.json: ${Object.keys(bundle).length} message(s)`);
process.exitCode = problems.length ? 1 : 0;
