// What each read expects the pod's answer to look like, checked once in the HTTP layer before any caller sees the
// body. A pod, a proxy or a gateway can answer 200 with anything (an object where a list belongs, an item without
// its id, an HTML page, nothing at all); the caller then gets one clear PodApiError instead of a crash, an
// "x is not iterable" or a tree node without a label. The fields required here are the ones the tree and the
// commands rely on (labels, ids used in later paths), so a checked answer can always be shown.

/** An expectation for an answer: `what` names it in messages; `problem` says what was wrong, or undefined. */
export interface Shape {
  what: string;
  /** True when an empty answer (no body) is acceptable, e.g. a write that returns nothing. */
  mayBeEmpty?: boolean;
  problem(value: unknown): string | undefined;
}

type Record_ = Record<string, unknown>;
const isObject = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "an object", "a list", "a string", … as a sentence fragment. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'an empty answer';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** A field rule: the dotted path of a field that must be a non-empty string / a number / an object. */
type FieldRule = [path: string, kind: 'text' | 'number' | 'object' | 'boolean' | 'list'];

function valueAt(item: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), item);
}

function fieldProblem(item: unknown, rules: FieldRule[]): string | undefined {
  if (!isObject(item)) return describeValue(item);
  for (const [path, kind] of rules) {
    // "members[].memberId": an optional list whose every item needs the field.
    const nested = /^(\w+)\[\]\.(.+)$/.exec(path);
    if (nested) {
      const list = item[nested[1]];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) return `an item whose ${nested[1]} is ${describeValue(list)}`;
      for (let i = 0; i < list.length; i++) {
        const p = fieldProblem(list[i], [[nested[2], kind]]);
        if (p) return `an item whose ${nested[1]}[${i}] is ${p.replace(/^an item /, 'an object ')}`;
      }
      continue;
    }
    const v = valueAt(item, path);
    const ok = kind === 'text' ? typeof v === 'string' && v.trim() !== ''
      : kind === 'number' ? typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))
        : kind === 'object' ? isObject(v)
          : kind === 'boolean' ? typeof v === 'boolean'
            : Array.isArray(v);
    if (!ok) return v === undefined ? `an item without ${path}` : `an item whose ${path} is ${describeValue(v)}`;
  }
  return undefined;
}

/** One object with the given fields. */
export function objectOf(what: string, rules: FieldRule[] = [], mayBeEmpty = false): Shape {
  return {
    what, mayBeEmpty,
    problem: value => {
      if (!isObject(value)) return describeValue(value);
      const p = fieldProblem(value, rules);
      return p?.replace(/^an item/, 'an object');
    },
  };
}

/** A JSON list whose every item has the given fields. */
export function listOf(what: string, rules: FieldRule[]): Shape {
  return {
    what,
    problem: value => {
      if (!Array.isArray(value)) return describeValue(value);
      for (let i = 0; i < value.length; i++) {
        const p = fieldProblem(value[i], rules);
        if (p) return `a list whose item ${i + 1} is ${p.replace(/^an item /, 'an object ')}`;
      }
      return undefined;
    },
  };
}

/** A JSON list of strings. */
export function textListOf(what: string): Shape {
  return {
    what,
    problem: value => {
      if (!Array.isArray(value)) return describeValue(value);
      const i = value.findIndex(v => typeof v !== 'string');
      return i < 0 ? undefined : `a list whose item ${i + 1} is ${describeValue(value[i])}`;
    },
  };
}

/** A Profile Manager cursor page: { data: [...], pagination? } whose items have the given fields. */
export function cursorPageOf(what: string, rules: FieldRule[]): Shape {
  const items = listOf(what, rules);
  return {
    what,
    problem: value => {
      if (!isObject(value)) return describeValue(value);
      if (value.data !== undefined) {
        const p = items.problem(value.data);
        if (p) return `a page whose data is ${p}`;
      }
      if (value.pagination !== undefined && value.pagination !== null && !isObject(value.pagination)) {
        return `a page whose pagination is ${describeValue(value.pagination)}`;
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
  sessionInfo: objectOf('the signed-in account'),
  podCertificate: objectOf("the pod's certificate"),
  certList: listOf('a list of certificates', CERT_ITEM),
  certDetail: objectOf('a certificate', CERT_ITEM),
  application: objectOf('an application', [['applicationInfo.appId', 'text']]),
  podAppEntitlements: listOf('a list of application entitlements', [['appId', 'text'], ['enable', 'boolean'], ['listed', 'boolean'], ['install', 'boolean']]),
  userAppEntitlements: listOf("a list of the user's application entitlements", [['appId', 'text']]),
  connectionList: listOf('a list of connections', [['userId', 'number']]),
  connection: objectOf('a connection', [['userId', 'number']]),
  groupTypes: cursorPageOf('a page of group types', [['id', 'text']]),
  groupType: objectOf('a group type', [['id', 'text']]),
  groupPage: cursorPageOf('a page of groups', GROUP),
  group: objectOf('a group', GROUP),
  // 204 "No user found" has no body.
  userList: objectOf('a list of users', [['users[].id', 'number']], true),
  userSearchResults: objectOf('user search results', [['users[].id', 'number']], true),
  accountList: listOf('a list of accounts', ACCOUNT),
  account: objectOf('an account', ACCOUNT),
  accountStatus: objectOf("an account's status", [['status', 'text']]),
  roleList: listOf('a list of roles', [['id', 'text']]),
  featureNames: textListOf('a list of feature names'),
  features: listOf("a list of an account's features", [['entitlment', 'text'], ['enabled', 'boolean']]),
  // 204 "No user found" has no body.
  sessions: objectOf("a list of an account's sessions", [['sessions[].sessionId', 'text']], true),
  avatars: listOf("a list of an account's avatars", []),
} satisfies Record<string, Shape>;

/** The sentence for an answer that does not have the expected shape. */
export function unexpectedAnswer(method: string, path: string, expected: string, got: string): string {
  return `Unexpected answer from the pod at ${method} ${path}: expected ${expected}, got ${got}.`;
}
