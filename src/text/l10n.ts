// Translated text for the plain-Node layers (api, activity, podAsCode, agentTools, and the VS Code layers' modules
// that plain-Node tests import). They cannot import `vscode`, so they call `l10n.t` from here, written exactly as
// `vscode.l10n.t` is (the same bundle key: the English message, `{0}` / `{name}` placeholders), and the process
// decides where translations come from:
//   - the extension calls `useTranslator(vscode.l10n.t)` at activation: the same lookup as the VS Code layers;
//   - the CLI and the MCP server call `useTranslator` with `@vscode/l10n`'s `t`, configured with the bundle file
//     VS Code would pick (`l10n/bundle.l10n.<locale>.json`), as VS Code documents for processes outside the extension;
//   - nobody (plain-Node tests, the bench): English.
// The translator is kept with `processWide`, so a lazily loaded part (its own copy of this module) uses it too.
import { processWide } from '../parts/processWide';

export type L10nArgs = Array<string | number | boolean> | [Record<string, string | number | boolean>];
export type Translator = (message: string, ...args: L10nArgs) => string;

const state = processWide('l10n', () => ({ translate: undefined as Translator | undefined }));

export const l10n = {
  /** The message in the user's language, `{0}` / `{name}` replaced by the arguments. */
  t(message: string, ...args: L10nArgs): string {
    return state.translate ? state.translate(message, ...args) : english(message, args);
  },
};

/** Where this process's translations come from (see the header). */
export function useTranslator(translate: Translator | undefined): void {
  state.translate = translate;
}

function english(message: string, args: L10nArgs): string {
  if (args.length === 0) return message;
  const values = (typeof args[0] === 'object' ? args[0] : args) as Record<string, unknown>;
  return message.replace(/\{([^}]+)\}/g, (match, name: string) => (values[name] === undefined ? match : String(values[name])));
}
