// A very small runtime schema for the webview protocol: each schema checks an unknown value and carries the
// TypeScript type it proves, so the message types are written once and checked the same way on both sides of the
// webview boundary. Objects are strict (an unexpected property is an error). No imports: the webview bundles it.

export interface Schema<T> {
  /** Why the value does not match, or undefined when it does. */
  check(value: unknown, path: string): string | undefined;
  readonly optional?: boolean;
  /** Type carrier only; never set. */
  readonly _type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Props = Record<string, Schema<unknown>>;
type OptionalKeys<P extends Props> = { [K in keyof P]: P[K] extends { optional: true } ? K : never }[keyof P];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<P extends Props> = Simplify<
  { [K in Exclude<keyof P, OptionalKeys<P>>]: Infer<P[K]> } & { [K in OptionalKeys<P>]?: Infer<P[K]> }
>;

const MAX_TEXT = 20_000;

export function text(max = MAX_TEXT): Schema<string> {
  return { check: (v, p) => (typeof v === 'string' && v.length <= max ? undefined : `${p} must be text of at most ${max} characters`) };
}

export const number: Schema<number> = {
  check: (v, p) => (typeof v === 'number' && Number.isFinite(v) ? undefined : `${p} must be a number`),
};

/** A positive whole number that JSON carries exactly (ids of tenants and users up to 2^53). */
export const positiveInteger: Schema<number> = {
  check: (v, p) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? undefined : `${p} must be a positive whole number`),
};

export const boolean: Schema<boolean> = {
  check: (v, p) => (typeof v === 'boolean' ? undefined : `${p} must be true or false`),
};

export function literal<L extends string>(...values: L[]): Schema<L> {
  return { check: (v, p) => (values.includes(v as L) ? undefined : `${p} must be one of ${values.join(', ')}`) };
}

export function array<T>(item: Schema<T>, max = 10_000): Schema<T[]> {
  return {
    check(v, p) {
      if (!Array.isArray(v)) return `${p} must be a list`;
      if (v.length > max) return `${p} has more than ${max} entries`;
      for (let i = 0; i < v.length; i++) {
        const problem = item.check(v[i], `${p}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    },
  };
}

/** An object used as a map: any keys (at most `max`), each value checked by `value`. */
export function dictionary<T>(value: Schema<T>, max = 10_000): Schema<Record<string, T>> {
  return {
    check(v, p) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object`;
      const entries = Object.entries(v);
      if (entries.length > max) return `${p} has more than ${max} entries`;
      for (const [key, item] of entries) {
        const problem = item === undefined ? `${p}.${key} is missing` : value.check(item, `${p}.${key}`);
        if (problem) return problem;
      }
      return undefined;
    },
  };
}

export function optional<T>(schema: Schema<T>): Schema<T | undefined> & { optional: true } {
  return { optional: true, check: (v, p) => (v === undefined ? undefined : schema.check(v, p)) };
}

export function object<P extends Props>(props: P): Schema<ObjectOf<P>> {
  return {
    check(v, p) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object`;
      const record = v as Record<string, unknown>;
      for (const key of Object.keys(record)) if (!Object.prototype.hasOwnProperty.call(props, key)) return `${p}.${key} is not expected`;
      for (const [key, schema] of Object.entries(props)) {
        if (record[key] === undefined && !schema.optional) return `${p}.${key} is missing`;
        const problem = schema.check(record[key], `${p}.${key}`);
        if (problem) return problem;
      }
      return undefined;
    },
  };
}

type Variants = Record<string, Props>;
export type UnionOf<V extends Variants> = { [K in keyof V & string]: Simplify<{ type: K } & ObjectOf<V[K]>> }[keyof V & string];

/** A discriminated union on `type`: each variant names its other properties. */
export function union<V extends Variants>(variants: V): Schema<UnionOf<V>> {
  const schemas = new Map(Object.entries(variants).map(([type, props]) => [type, object({ ...props, type: literal(type) })]));
  return {
    check(v, p) {
      const type = typeof v === 'object' && v !== null ? (v as { type?: unknown }).type : undefined;
      const schema = typeof type === 'string' ? schemas.get(type) : undefined;
      if (!schema) return `${p}.type ${typeof type === 'string' ? `"${type.slice(0, 40)}" is not a known message` : 'is missing'}`;
      return schema.check(v, p);
    },
  };
}

/** One of several complete schemas, chosen by the value's `key` property (for models tagged by `kind`). */
export function oneOf<M extends Record<string, Schema<unknown>>>(key: string, schemas: M): Schema<Infer<M[keyof M]>> {
  return {
    check(v, p) {
      const tag = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
      const schema = typeof tag === 'string' && Object.prototype.hasOwnProperty.call(schemas, tag) ? schemas[tag] : undefined;
      return schema ? schema.check(v, p) : `${p}.${key} must be one of ${Object.keys(schemas).join(', ')}`;
    },
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parse<T>(schema: Schema<T>, value: unknown, what: string): Parsed<T> {
  const problem = schema.check(value, what);
  return problem ? { ok: false, problem } : { ok: true, value: value as T };
}
