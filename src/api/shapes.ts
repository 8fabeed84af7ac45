// What each read expects the pod's answer to look like, checked once in the HTTP layer before any caller sees the
// body. A pod, a proxy or a gateway can answer 200 with anything (an object where a list belongs, an item without
// its id, an HTML page, nothing at all); the caller then gets one clear PodApiError instead of a crash, an
// "x is not iterable" or a tree node without a label. The fields required here are the ones the tree and the
// commands rely on (labels, ids used in later paths), so a checked answer can always be shown.
import { l10n } from '../text/l10n';

/** An expectation for an answer: `what` names it in messages; `problem` says what was wrong, or undefined. */
export interface Shape {
  readonly what: string;
  /** True when an empty answer (no body) is acceptable, e.g. a write that returns nothing. */
  mayBeEmpty?: boolean;
  problem(value: unknown): string | undefined;
}

type Record_ = Record<string, unknown>;
const isObject = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "an object", "a list", "a string", … as a sentence fragment. */
export function describeValue(value: unknown): string {
  if (value === undefined) return l10n.t('an empty answer');
  if (value === null) return 'null';
  if (Array.isArray(value)) return l10n.t('a list');
  switch (typeof value) {
    case 'object': return l10n.t('an object');
    case 'string': return l10n.t('a string');
    case 'number': return l10n.t('a number');
    case 'boolean': return l10n.t('a boolean');
    default: return l10n.t('a value of type {0}', typeof value);
  }
}

/** A field rule: the dotted path of a field that must be a non-empty string / a number / an object. */
type FieldRule = [path: string, kind: 'text' | 'number' | 'object' | 'boolean' | 'list'];

/** A rule made ready once, when the shape is built: 2,000 members on a page are checked without a regex or split each. */
interface CompiledRule {
  path: string;
  keys: string[];
  kind: FieldRule[1];
  /** "members[].memberId": the optional list (`members`) and the rule each of its items must meet. */
  list?: { name: string; item: CompiledRule[] };
}

function compile(rules: FieldRule[]): CompiledRule[] {
  return rules.map(([path, kind]) => {
    const nested = /^(\w+)\[\]\.(.+)$/.exec(path);
    return nested ? { path, keys: [], kind, list: { name: nested[1], item: compile([[nested[2], kind]]) } } : { path, keys: path.split('.'), kind };
  });
}

function valueAt(item: unknown, keys: string[]): unknown {
  let v = item;
  for (const key of keys) v = isObject(v) ? v[key] : undefined;
  return v;
}

/** What is wrong with an item (an object, or a list's item, which must be an object), said of "an object …". */
function fieldProblem(item: unknown, rules: CompiledRule[]): string | undefined {
  if (!isObject(item)) return describeValue(item);
  for (const { path, keys, kind, list: nested } of rules) {
    if (nested) {
      const list = item[nested.name];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) return l10n.t('an object whose {0} is {1}', nested.name, describeValue(list));
      for (let i = 0; i < list.length; i++) {
        const p = fieldProblem(list[i], nested.item);
        if (p) return l10n.t('an object whose {0} is {1}', `${nested.name}[${i}]`, p);
      }
      continue;
    }
    const v = valueAt(item, keys);
    const ok = kind === 'text' ? typeof v === 'string' && v.trim() !== ''
      : kind === 'number' ? typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))
        : kind === 'object' ? isObject(v)
          : kind === 'boolean' ? typeof v === 'boolean'
            : Array.isArray(v);
    if (!ok) return v === undefined ? l10n.t('an object without {0}', path) : l10n.t('an object whose {0} is {1}', path, describeValue(v));
  }
  return undefined;
}

/**
 * The answers' names are functions (`() => l10n.t('a group')`), asked when a message is made: the shapes are built
 * at module load, before the process has set its translator (src/text/l10n.ts).
 */
type Name = () => string;

/** One object with the given fields. */
export function objectOf(what: Name, rules: FieldRule[] = [], mayBeEmpty = false): Shape {
  const compiled = compile(rules);
  return {
    get what() { return what(); },
    mayBeEmpty,
    problem: value => (isObject(value) ? fieldProblem(value, compiled) : describeValue(value)),
  };
}

/** A JSON list whose every item has the given fields. */
export function listOf(what: Name, rules: FieldRule[]): Shape {
  const compiled = compile(rules);
  return {
    get what() { return what(); },
    problem: value => {
      if (!Array.isArray(value)) return describeValue(value);
      for (let i = 0; i < value.length; i++) {
        const p = fieldProblem(value[i], compiled);
        if (p) return l10n.t('a list whose item {0} is {1}', i + 1, p);
      }
      return undefined;
    },
  };
}

/** A JSON list of strings. */
export function textListOf(what: Name): Shape {
  return {
    get what() { return what(); },
    problem: value => {
      if (!Array.isArray(value)) return describeValue(value);
      const i = value.findIndex(v => typeof v !== 'string');
      return i < 0 ? undefined : l10n.t('a list whose item {0} is {1}', i + 1, describeValue(value[i]));
    },
  };
}

/** A Profile Manager cursor page: { data: [...], pagination? } whose items have the given fields. */
export function cursorPageOf(what: Name, rules: FieldRule[]): Shape {
  const items = listOf(what, rules);
  return {
    get what() { return what(); },
    problem: value => {
      if (!isObject(value)) return describeValue(value);
      if (value.data !== undefined) {
        const p = items.problem(value.data);
        if (p) return l10n.t('a page whose data is {0}', p);
      }
      if (value.pagination !== undefined && value.pagination !== null && !isObject(value.pagination)) {
        return l10n.t('a page whose pagination is {0}', describeValue(value.pagination));
      }
      return undefined;
    },
  };
}

// ---- The shapes of the answers we read ---------------------------------------------------------------------------

const CERT_ITEM: FieldRule[] = [['companyCertAttributes', 'object'], ['companyCertInfo.fingerPrint', 'text']];
const ACCOUNT: FieldRule[] = [['userSystemInfo.id', 'number'], ['userAttributes', 'object']];
const GROUP: FieldRule[] = [['id', 'text'], ['name', 'text'], ['members[].memberId', 'number']];

export const SHAPES = {
  sessionInfo: objectOf(() => l10n.t('the signed-in account')),
  podCertificate: objectOf(() => l10n.t("the pod's certificate")),
  certList: listOf(() => l10n.t('a list of certificates'), CERT_ITEM),
  certDetail: objectOf(() => l10n.t('a certificate'), CERT_ITEM),
  application: objectOf(() => l10n.t('an application'), [['applicationInfo.appId', 'text']]),
  podAppEntitlements: listOf(() => l10n.t('a list of application entitlements'), [['appId', 'text'], ['enable', 'boolean'], ['listed', 'boolean'], ['install', 'boolean']]),
  userAppEntitlements: listOf(() => l10n.t("a list of the user's application entitlements"), [['appId', 'text']]),
  connectionList: listOf(() => l10n.t('a list of connections'), [['userId', 'number']]),
  connection: objectOf(() => l10n.t('a connection'), [['userId', 'number']]),
  groupTypes: cursorPageOf(() => l10n.t('a page of group types'), [['id', 'text']]),
  groupType: objectOf(() => l10n.t('a group type'), [['id', 'text']]),
  groupPage: cursorPageOf(() => l10n.t('a page of groups'), GROUP),
  group: objectOf(() => l10n.t('a group'), GROUP),
  // 204 "No user found" has no body.
  userList: objectOf(() => l10n.t('a list of users'), [['users[].id', 'number']], true),
  userSearchResults: objectOf(() => l10n.t('user search results'), [['users[].id', 'number']], true),
  accountList: listOf(() => l10n.t('a list of accounts'), ACCOUNT),
  account: objectOf(() => l10n.t('an account'), ACCOUNT),
  accountStatus: objectOf(() => l10n.t("an account's status"), [['status', 'text']]),
  roleList: listOf(() => l10n.t('a list of roles'), [['id', 'text']]),
  featureNames: textListOf(() => l10n.t('a list of feature names')),
  features: listOf(() => l10n.t("a list of an account's features"), [['entitlment', 'text'], ['enabled', 'boolean']]),
  // 204 "No user found" has no body.
  sessions: objectOf(() => l10n.t("a list of an account's sessions"), [['sessions[].sessionId', 'text']], true),
  avatars: listOf(() => l10n.t("a list of an account's avatars"), []),
} satisfies Record<string, Shape>;

/** The sentence for an answer that does not have the expected shape. */
export function unexpectedAnswer(method: string, path: string, expected: string, got: string): string {
  return l10n.t('Unexpected answer from the pod at {0} {1}: expected {2}, got {3}.', method, path, expected, got);
}
