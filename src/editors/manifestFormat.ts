// The text form of an application manifest (an `ApplicationDetail`): pretty-printed with 2 spaces and a stable key
// order (the schema's order for known keys, then any other key sorted), so that the same app always reads the same
// and two versions can be compared as text. No `vscode` import: the unit tests run it in plain Node.
import type { ApplicationDetail } from '../api';
import { l10n } from '../text/l10n';

/** Known keys of an object in schema order, and the order of its children. */
interface KeyOrder {
  keys: readonly string[];
  children?: Record<string, KeyOrder>;
  /** For arrays of objects: the order of each item. */
  items?: KeyOrder;
}

const authenticationKey: KeyOrder = { keys: ['key', 'expirationDate', 'action'] };

const manifestOrder: KeyOrder = {
  keys: ['applicationInfo', 'iconUrl', 'description', 'allowOrigins', 'permissions', 'cert', 'authenticationKeys', 'notification', 'properties'],
  children: {
    applicationInfo: { keys: ['appId', 'name', 'appUrl', 'domain', 'publisher'] },
    authenticationKeys: { keys: ['current', 'previous'], children: { current: authenticationKey, previous: authenticationKey } },
    notification: { keys: ['url', 'apiKey'] },
    properties: { keys: [], items: { keys: ['key', 'value'] } },
  },
};

function ordered(value: unknown, order: KeyOrder | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, order?.items));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const known = (order?.keys ?? []).filter((key) => key in record);
  const rest = Object.keys(record).filter((key) => !known.includes(key)).sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...rest]) out[key] = ordered(record[key], order?.children?.[key]);
  return out;
}

/** The document text of a manifest: 2-space JSON in schema key order, with a final newline. */
export function formatManifest(detail: ApplicationDetail): string {
  return `${JSON.stringify(ordered(detail, manifestOrder), null, 2)}\n`;
}

/** Whether two manifests say the same thing (key order and absent-vs-undefined do not count). */
export function sameManifest(a: ApplicationDetail | undefined, b: ApplicationDetail | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return formatManifest(a) === formatManifest(b);
}

/** Thrown when a manifest's text cannot be read; the message says where and what. */
export class ManifestSyntaxError extends Error {}

/** Reads a manifest's text: JSON with one object at the top. */
export function parseManifest(text: string): ApplicationDetail {
  const source = text.replace(/^\uFEFF/, '');
  if (!source.trim()) throw new ManifestSyntaxError(l10n.t('The manifest is empty: it must be one JSON object ({ "applicationInfo": … }).'));
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const where = whereIn(source, (error as Error).message);
    const reason = (error as Error).message;
    throw new ManifestSyntaxError(where
      ? l10n.t('The manifest is not valid JSON (line {0}, column {1}): {2}. Nothing was sent to the pod.', where.line, where.column, reason)
      : l10n.t('The manifest is not valid JSON: {0}. Nothing was sent to the pod.', reason));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ManifestSyntaxError(l10n.t('The manifest must be one JSON object ({ "applicationInfo": … }), not an array or a single value.'));
  }
  return value as ApplicationDetail;
}

/** The line and column of the position Node's JSON.parse reports, when it reports one. */
function whereIn(source: string, message: string): { line: number; column: number } | undefined {
  const match = /position (\d+)/.exec(message);
  if (!match) return undefined;
  const before = source.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { line, column };
}

/** What "New App Manifest" starts from: every field a new app usually needs, to fill in (the schema flags what is missing). */
export const manifestTemplate: ApplicationDetail = {
  applicationInfo: { appId: '', name: '', appUrl: 'https://', domain: '', publisher: '' },
  iconUrl: 'https://',
  description: '',
  permissions: ['SEND_MESSAGES', 'GET_BASIC_USER_INFO'],
  authenticationKeys: { current: { key: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n', action: 'SAVE' } },
  properties: [],
};


/** The same JSON value as text whatever its key order: for comparing values of a manifest. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(ordered(value, undefined));
}
