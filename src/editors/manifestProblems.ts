// Which schema problems of a manifest document are the user's: a problem on a value the pod already holds (a field
// newer than our schema, a number where it expects text) is the pod's data and does not block a save. No `vscode`
// import (unit-tested in plain Node). The extension's bundle takes jsonc-parser's ES module build (esbuild.js).
import { findNodeAtLocation, getLocation, getNodeValue, parseTree } from 'jsonc-parser';
import type { ApplicationDetail } from '../api';
import { canonicalJson } from './manifestFormat';

/**
 * Whether the JSON value at `offset` in `text` is what the pod already holds in `base`: a problem there (a field
 * newer than our schema, a number where the schema says text) is the pod's data, not the user's change, and must not
 * block saving something else. Syntax errors and problems of the whole manifest are never "unchanged".
 */
export function unchangedFromBase(text: string, offset: number, base: ApplicationDetail | undefined): boolean {
  if (!base) return false;
  const path = getLocation(text, offset).path;
  if (path.length === 0) return false;
  const root = parseTree(text);
  const node = root && findNodeAtLocation(root, path);
  if (!node) return false;
  let held: unknown = base;
  for (const step of path) held = held !== null && typeof held === 'object' ? (held as Record<string | number, unknown>)[step] : undefined;
  return held !== undefined && canonicalJson(getNodeValue(node)) === canonicalJson(held);
}
