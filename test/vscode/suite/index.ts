// The extension tests' entry, loaded inside the VS Code extension host (offline runner, test-electron, launch.json):
// collects every out/test/vscode/suite/**/*.test.js into one mocha (bdd: describe/it) run and rejects on failures.
//
// Filters, set by the runners from their command line (the extension host inherits the server's environment):
//   SYMPHONY_VSCODE_TEST_FILES  comma-separated substrings; only test files whose path contains one of them run
//   SYMPHONY_VSCODE_TEST_GREP   mocha --grep pattern
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/**
 * The offline runner receives the workbench's console and the extension host's console through the same channel;
 * it sets SYMPHONY_VSCODE_TEST_MARK so the tests' lines carry a marker it can tell apart from workbench noise.
 */
function markConsole(): void {
  const mark = process.env.SYMPHONY_VSCODE_TEST_MARK;
  if (!mark) {
    return;
  }
  const original = console.log.bind(console);
  // mocha's reporters print through Base.consoleLog (a reference to console.log taken when mocha was loaded).
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args: unknown[]) =>
    original(mark + util.format(...args));
  // The tests' own console calls. VS Code's extension host forwards console.* through accessors whose setters
  // ignore assignments, so redefine the properties where it allows; where it does not, those lines still reach the
  // runner's workbench log (test-results/workbench-console.log).
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const forward = console[method].bind(console);
    try {
      Object.defineProperty(console, method, {
        configurable: true,
        writable: true,
        value: (...args: unknown[]) => forward(mark + util.format(...args)),
      });
    } catch {
      // not configurable here
    }
  }
}

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...findTests(full));
    } else if (entry.name.endsWith('.test.js')) {
      found.push(full);
    }
  }
  return found.sort();
}

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}

/** Runs every *.test.js under `dir` (a folder of out/test/vscode/: `suite`, or `installed` for the .vsix tests). */
export async function runTestsIn(dir: string): Promise<void> {
  markConsole();
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: process.env.SYMPHONY_VSCODE_TEST_COLOR === '1',
    grep: process.env.SYMPHONY_VSCODE_TEST_GREP || undefined,
  });
  const filters = (process.env.SYMPHONY_VSCODE_TEST_FILES ?? '')
    .split(',')
    .map((filter) => filter.trim())
    .filter(Boolean);
  // out/ is not cleaned between compiles: skip compiled tests whose TypeScript source was deleted.
  const sourceDir = path.resolve(dir, '..', '..', '..', '..', 'test', 'vscode', path.basename(dir));
  const files = findTests(dir)
    .filter((file) => {
      const source = path.join(sourceDir, path.relative(dir, file)).replace(/\.js$/, '.ts');
      if (fs.existsSync(sourceDir) && !fs.existsSync(source)) {
        console.log(`(skipping ${path.relative(dir, file)}: its source ${source} no longer exists)`);
        return false;
      }
      return true;
    })
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));
  if (files.length === 0) {
    throw new Error(`No extension test files in ${dir}` + (filters.length ? ` match ${filters.join(', ')}` : ''));
  }
  for (const file of files) {
    mocha.addFile(file);
  }
  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) =>
        failures > 0 ? reject(new Error(`${failures} extension test(s) failed.`)) : resolve(),
      );
    } catch (error) {
      reject(error);
    }
  });
}
