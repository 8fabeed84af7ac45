#!/usr/bin/env node
// Entry of dist/cli.js: sets the language the environment asks for (translations in the l10n folder next to dist/),
// runs the CLI with the process's streams and exits with its code.
import * as path from 'node:path';
import { useRequestedLanguage } from './language';
import { l10n } from '../text/l10n';
import { main } from './main';

const languageWarning = useRequestedLanguage(process.env, path.join(__dirname, '..', 'l10n'));
if (languageWarning) process.stderr.write(`${languageWarning}\n`);

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`${l10n.t('Error: {0}', error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  },
);
