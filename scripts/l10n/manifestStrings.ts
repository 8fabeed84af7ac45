// Which strings of package.json a user reads (command titles, view names, setting descriptions, tool names, welcome
// text, ...) and the package.nls.json key each one gets. Shared by the test that keeps package.json free of literal
// user-facing text (test/unit/l10n/packageNls.test.ts) and by `externalize.ts`, which moves new text into
// package.nls.json. VS Code replaces a whole-string `%key%` anywhere in the manifest; vsce does the same for the
// Marketplace page.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface ManifestString {
  /** Where it is, e.g. `contributes.commands[3].title`. */
  path: string;
  value: string;
  /** The package.nls.json key this text gets, e.g. `command.certs.delete.title`. */
  key: string;
  /** Writes a new value in its place (in the object given to `manifestStrings`). */
  replace(value: string): void;
}

/** Properties whose text is shown to people, wherever they appear under `contributes` (and the two at the top). */
const USER_FACING = new Set([
  'title', 'shortTitle', 'category', 'contextualTitle', 'description', 'markdownDescription', 'enumDescriptions',
  'markdownEnumDescriptions', 'enumItemLabels', 'deprecationMessage', 'markdownDeprecationMessage', 'contents',
  'displayName', 'modelDescription', 'userDescription', 'label', 'altText', 'aliases',
]);
/** `name` is text only in these lists (elsewhere, e.g. a language model tool's `name`, it is an id). */
const NAMED_LISTS = /^contributes\.(views\.[^.]+|submenus)\[\d+\]$/;
/** A JSON schema (a tool's `inputSchema`) is a contract the model reads, the same text the MCP server sends. */
const NOT_TEXT = new Set(['inputSchema']);

export const NLS_REFERENCE = /^%([\w.-]+)%$/;
const PREFIX = 'symphonyPodAdmin.';

/** Every user-facing string of the manifest, literal or already a `%key%`. */
export function manifestStrings(pkg: { [key: string]: Json }): ManifestString[] {
  const found: ManifestString[] = [];
  for (const top of ['displayName', 'description']) {
    if (typeof pkg[top] === 'string') found.push({ path: top, value: pkg[top] as string, key: top, replace: (v) => { pkg[top] = v; } });
  }
  const visit = (container: Json[] | { [key: string]: Json }, at: string | number, path: string, owner: string, property: string): void => {
    const value = (container as Record<string | number, Json>)[at];
    if (typeof value === 'string') {
      const parent = path.replace(/(\.[^.[]+|\[\d+\])$/, '');
      const isText = USER_FACING.has(property) || (property === 'name' && NAMED_LISTS.test(parent));
      const replace = (v: string) => { (container as Record<string | number, Json>)[at] = v; };
      if (isText) found.push({ path, value, key: keyFor(owner, path, property), replace });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((_, i) => visit(value, i, `${path}[${i}]`, owner, property));
      return;
    }
    if (value && typeof value === 'object') {
      const id = ownerId(value, path) ?? owner;
      for (const k of Object.keys(value)) {
        if (!NOT_TEXT.has(k)) visit(value, k, `${path}.${k}`, id, k);
      }
    }
  };
  visit(pkg, 'contributes', 'contributes', '', '');
  return found;
}

/** What names an entry of a contribution list: its id, command, setting or tool name. */
function ownerId(entry: { [key: string]: Json }, path: string): string | undefined {
  const settingMatch = /^contributes\.configuration(?:\[\d+\])?\.properties\.(.+)$/.exec(path);
  if (settingMatch) return `config.${strip(settingMatch[1])}`;
  const list = /^contributes\.([A-Za-z]+)/.exec(path)?.[1] ?? '';
  const kind: Record<string, [string, string]> = {
    commands: ['command', 'command'], views: ['view', 'id'], viewsContainers: ['viewsContainer', 'id'],
    languageModelTools: ['tool', 'name'], mcpServerDefinitionProviders: ['mcpServer', 'id'], languages: ['language', 'id'],
    submenus: ['submenu', 'id'], walkthroughs: ['walkthrough', 'id'], viewsWelcome: ['viewsWelcome', 'view'],
  };
  const [prefix, idField] = kind[list] ?? [];
  if (!prefix || typeof entry[idField] !== 'string') return undefined;
  // Several welcome texts share a view: the entry's place tells them apart.
  const place = list === 'viewsWelcome' ? `.${/\[(\d+)\]$/.exec(path)?.[1]}` : '';
  return `${prefix}.${strip(entry[idField] as string)}${place}`;
}

function strip(id: string): string {
  return (id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id).replace(/[^\w.-]/g, '-');
}

function keyFor(owner: string, path: string, property: string): string {
  if (property === 'category') return 'category.symphony';
  if (path === 'contributes.configuration.title') return 'configuration.title';
  // An item of a list of text (enumDescriptions, aliases) is numbered.
  const item = new RegExp(`\\.${property}\\[(\\d+)\\]$`).exec(path);
  return `${owner || 'contributes'}.${property}${item ? `.${item[1]}` : ''}`;
}
