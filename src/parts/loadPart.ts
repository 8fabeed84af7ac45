// Loads a lazily bundled part (dist/parts/<name>.js, see README.md) the first time it is needed; Node caches it.
// The require() is left to run time on purpose: esbuild does not follow a computed path, so the part stays out
// of the extension bundle.
import * as path from 'path';

export function loadPart<T>(name: string): T {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`Not a part name: ${name}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, 'parts', `${name}.js`)) as T;
}
