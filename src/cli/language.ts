// The CLI's language. The environment asks for one the POSIX way (LC_ALL, then LC_MESSAGES, then LANG); when it is
// not English, the translator of src/text/l10n.ts (which every plain-Node layer's message goes through) is set from
// `bundle.l10n.<locale>.json` in the extension's l10n folder, the file VS Code itself would load, with
// `@vscode/l10n` as VS Code documents for processes outside the extension host. English reads no file at all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { config, t } from '@vscode/l10n';
import { L10nArgs, useTranslator } from '../text/l10n';

/** `de_DE.UTF-8` → `de-de`; undefined for English, `C` and `POSIX` (and when nothing is set). */
export function requestedLocale(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const tag = value?.split(/[.@]/)[0].replace(/_/g, '-').toLowerCase();
  if (!tag || tag === 'c' || tag === 'posix' || tag === 'en' || tag.startsWith('en-')) return undefined;
  return tag;
}

/**
 * Translates this process's messages into the requested language when `l10nDir` has its bundle (`pt-br`, else `pt`).
 * Returns a warning to show when the bundle exists but cannot be read (the CLI then stays in English).
 */
export function useRequestedLanguage(env: NodeJS.ProcessEnv, l10nDir: string): string | undefined {
  const locale = requestedLocale(env);
  if (!locale) return undefined;
  const file = [locale, locale.split('-')[0]].map((l) => path.join(l10nDir, `bundle.l10n.${l}.json`)).find((f) => fs.existsSync(f));
  if (!file) return undefined;
  try {
    config({ fsPath: file });
  } catch (error) {
    return `Could not read the translations in ${file} (${(error as Error).message}); continuing in English.`;
  }
  useTranslator((message: string, ...args: L10nArgs) =>
    typeof args[0] === 'object' ? t(message, args[0]) : t(message, ...(args as Array<string | number | boolean>)));
  return undefined;
}
