// One instance per process, whichever bundle asks: the extension and each lazily loaded part (README.md) carry their
// own copy of a module, so a module-level cache would be one per bundle and a part would not see what the tree
// learnt. A cache that must be shared is made with `processWide`, which keeps it under a `Symbol.for` key.

export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`symphony-pod-admin.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return (holder[key] ??= create());
}
