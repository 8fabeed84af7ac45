// Reading and writing the pod folder's files: stable text (sorted keys unless a kind gives an order, 2 spaces,
// one field per line, a final newline) and parse errors that name the file, the line and the field. Any file
// that cannot be read stops the whole operation: a resource whose file is unreadable is never taken as absent.
import { readFile as readFileCallback, writeFile as writeFileCallback } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Node as JsonNode, ParseError, findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import { l10n } from '../text/l10n';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A problem in the folder: which file, which line, which field. Nothing has been sent to the pod. */
export class PodFolderError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, readonly field: string | undefined, problem: string) {
    super(line && field ? l10n.t('{0} line {1}, field {2}: {3} Nothing was sent to the pod.', file, line, field, problem)
      : line ? l10n.t('{0} line {1}: {2} Nothing was sent to the pod.', file, line, problem)
        : field ? l10n.t('{0}, field {1}: {2} Nothing was sent to the pod.', file, field, problem)
          : l10n.t('{0}: {1} Nothing was sent to the pod.', file, problem));
  }
}

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One parsed file of the folder, able to say on which line a field is. */
export interface FolderFile {
  /** Path relative to the folder, with forward slashes (what messages and plans show). */
  readonly file: string;
  readonly value: Json;
  /** Line (1-based) of the field at `fieldPath` (or of its nearest existing parent). */
  lineOf(fieldPath: ReadonlyArray<string | number>): number | undefined;
  /** A PodFolderError at that field. */
  error(fieldPath: ReadonlyArray<string | number>, problem: string): PodFolderError;
}

export async function readJsonFile(root: string, file: string): Promise<FolderFile> {
  return parseJsonText(file, (await readText(path.join(root, file))).replace(/^\uFEFF/, ''));
}

/**
 * A small file's text. The callback API, not `fs/promises`: its readFile takes four thread-pool trips per file
 * (open, fstat, read, close), which made reading a folder of 12,000 files twice as slow.
 */
export function readText(file: string): Promise<string> {
  return new Promise((resolve, reject) => readFileCallback(file, 'utf8', (error, text) => (error ? reject(error) : resolve(text))));
}

export function parseJsonText(file: string, text: string): FolderFile {
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  let value: Json;
  try {
    value = JSON.parse(text) as Json; // fast; the tree below is built only to say where a problem is
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    throw new PodFolderError(file, first ? lineAt(first.offset) : 1, undefined,
      first ? l10n.t('not valid JSON ({0}).', printParseErrorCode(first.error)) : l10n.t('the file is empty: it must hold one JSON object.'));
  }
  let tree: JsonNode | undefined;
  const lineOf = (fieldPath: ReadonlyArray<string | number>): number | undefined => {
    tree ??= parseTree(text);
    for (let n = fieldPath.length; tree && n >= 0; n--) {
      const node = findNodeAtLocation(tree, fieldPath.slice(0, n) as Array<string | number>);
      if (node) return lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return undefined;
  };
  return { file, value, lineOf, error: (fieldPath, problem) => new PodFolderError(file, lineOf(fieldPath), fieldName(fieldPath), problem) };
}

/** `manifest.permissions[0]` from ['manifest', 'permissions', 0]. */
export function fieldName(fieldPath: ReadonlyArray<string | number>): string | undefined {
  if (!fieldPath.length) return undefined;
  return fieldPath.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** ['applicationInfo', 'appUrl'] from a validation field name such as `applicationInfo.appUrl` or `properties[1].key`. */
export function fieldPathOf(field: string): Array<string | number> {
  return field.split(/\.|(?=\[)/).filter(Boolean).map((p) => (/^\[\d+\]$/.test(p) ? Number(p.slice(1, -1)) : p));
}

/** Stable text: keys in `order` first (for readability), the rest sorted; 2 spaces; a final newline. */
export function stableJson(value: unknown, order: readonly string[] = []): string {
  return `${JSON.stringify(sortKeys(value, order), null, 2)}\n`;
}

function sortKeys(value: unknown, order: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, order));
  if (!isObject(value)) return value;
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const keys = Object.keys(value).filter((k) => value[k] !== undefined)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, sortKeys(value[k], order)]));
}

/** The same JSON value, whatever its key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value, [])) ?? 'undefined';
}

/** Every file under `root/dir` whose name ends with `suffix`, `depth` folders down, sorted; none if `dir` is absent. */
export async function listFiles(root: string, dir: string, suffix: string, depth = 0): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = `${dir}/${entry.name}`;
    if (depth > 0 && entry.isDirectory()) out.push(...await listFiles(root, rel, suffix, depth - 1));
    else if (depth === 0 && entry.isFile() && entry.name.endsWith(suffix)) out.push(rel);
  }
  return out;
}

/** Writes `text` unless the file already holds exactly it; true when written. */
export async function writeIfChanged(root: string, file: string, text: string): Promise<boolean> {
  const target = path.join(root, file);
  const old = await readText(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (old === text) return false;
  if (old === undefined) await fs.mkdir(path.dirname(target), { recursive: true });
  await new Promise<void>((resolve, reject) => writeFileCallback(target, text, (error) => (error ? reject(error) : resolve())));
  return true;
}

/** A file name for a resource name: readable, safe on every OS, never `.`/`..`. */
export function fileSlug(name: string): string {
  const slug = name.normalize('NFKC').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 100);
  return slug || 'unnamed';
}

/** Refuses a private key anywhere in a value: the folder is meant for version control. */
export function refusePrivateKeys(file: FolderFile): void {
  const walk = (v: Json, at: Array<string | number>): void => {
    if (typeof v === 'string' && /PRIVATE KEY-----/.test(v)) throw file.error(at, l10n.t('this holds a private key; the folder must never hold one (keep it in a key store).'));
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(file.value, []);
}
