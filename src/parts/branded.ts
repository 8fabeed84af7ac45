// `instanceof` that holds across bundles: the extension and each lazily loaded part (README.md) carry their own copy
// of a class, so a plain `instanceof` against the other copy is false. A branded class stamps its instances with a
// process-wide symbol (`Symbol.for`) and checks that symbol instead of the prototype chain.

/** Makes `instanceof ctor` true for any object stamped with `brand`, whichever bundle created it. */
export function brand(ctor: { prototype: object }, name: string): void {
  const key = Symbol.for(`symphony-pod-admin.${name}`);
  Object.defineProperty(ctor.prototype, key, { value: true });
  Object.defineProperty(ctor, Symbol.hasInstance, {
    value: (value: unknown): boolean => typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[key] === true,
  });
}
