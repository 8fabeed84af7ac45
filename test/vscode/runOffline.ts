// Runs the extension tests (out/test/vscode/suite/index.js) inside a real VS Code extension host, offline:
// code-server (VS Code 1.139.1, installed by scripts/vscode/getVSCode) serves the workbench with the smoke-test driver
// enabled, headless chromium opens it with a payload naming this repo as the extension under development and our
// test entry, and the workbench reports the result through `codeAutomationExit`.
//
//   npm run test:vscode                               all extension tests (after compile + build)
//   node out/test/vscode/runOffline.js activation     only test files whose path contains "activation"
//   node out/test/vscode/runOffline.js --grep "registers"
//   node out/test/vscode/runOffline.js --vsix symphony-pod-admin.vsix
//                                                     the extension as a user installs it: the .vsix (npm run package)
//                                                     installed into the offline VS Code, then out/test/vscode/installed/
//
// Environment: CHROME_PATH (browser), SYMPHONY_VSCODE_TEST_TIMEOUT (seconds without a test's output, default 600), SYMPHONY_VSCODE_KEEP=1
// (keep the temporary profile and workspace), SYMPHONY_VSCODE_VERBOSE=1 (also print the workbench's own console,
// which otherwise goes to test-results/workbench-console.log).
import * as fs from 'fs';
import * as path from 'path';
import { PrerequisiteError, REPO_ROOT } from '../../scripts/vscode/getVSCode';
import { runInExtensionHost } from '../../scripts/vscode/extensionHost';

const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
/** Prefix the tests' console lines carry (see suite/index.ts); the workbench's own console lines do not. */
const TEST_MARK = '~~ext-test~~';
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
/** The tests of the installed .vsix (`--vsix`): they use only what a user has, the package and the VS Code API. */
const INSTALLED_TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'installed', 'index.js');

interface Args {
  files: string[];
  grep?: string;
  vsix?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--grep' || arg === '-g') {
      args.grep = argv[++i];
    } else if (arg.startsWith('--grep=')) {
      args.grep = arg.slice('--grep='.length);
    } else if (arg === '--vsix') {
      args.vsix = path.resolve(argv[++i] ?? '');
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: node out/test/vscode/runOffline.js [file-substring …] [--grep <pattern>] [--vsix <file.vsix>]');
      process.exit(0);
    } else {
      // "test/vscode/suite/activation.test.ts" and "activation" both select activation.test.js
      args.files.push(path.basename(arg).replace(/\.test\.(ts|js)$/, '').replace(/\.(ts|js)$/, ''));
    }
  }
  return args;
}

function say(message: string): void {
  process.stderr.write(`[test:vscode] ${message}\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const timeoutSeconds = Number(process.env.SYMPHONY_VSCODE_TEST_TIMEOUT || 600);
  const testsEntry = args.vsix ? INSTALLED_TESTS_ENTRY : TESTS_ENTRY;
  if (!fs.existsSync(testsEntry)) {
    throw new PrerequisiteError(`${path.relative(REPO_ROOT, testsEntry)} is missing: run \`npm run compile\` first.`);
  }
  if (args.vsix && !fs.existsSync(args.vsix)) {
    throw new PrerequisiteError(`${args.vsix} is missing: run \`npm run package\` first.`);
  }
  if (!args.vsix && !fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    throw new PrerequisiteError('dist/extension.js is missing: run `npm run build` first.');
  }
  const logFile = path.join(RESULTS_DIR, 'code-server.log');
  const workbenchLog = path.join(RESULTS_DIR, 'workbench-console.log');
  const verbose = process.env.SYMPHONY_VSCODE_VERBOSE === '1';
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(workbenchLog, '');
  say(`running extension tests${args.vsix ? ` of the installed ${path.basename(args.vsix)}` : ''}${args.files.length ? ` (files: ${args.files.join(', ')})` : ''}${args.grep ? ` (grep: ${args.grep})` : ''}…`);

  const { outcome, seconds } = await runInExtensionHost({
    testsEntry,
    installVsix: args.vsix,
    timeoutSeconds,
    isProgress: (text) => text.startsWith(TEST_MARK),
    logFile,
    keepTemp: process.env.SYMPHONY_VSCODE_KEEP === '1',
    log: say,
    env: {
      SYMPHONY_VSCODE_TEST_FILES: args.files.join(','),
      SYMPHONY_VSCODE_TEST_GREP: args.grep ?? '',
      SYMPHONY_VSCODE_TEST_COLOR: process.stdout.isTTY ? '1' : '0',
      SYMPHONY_VSCODE_TEST_MARK: TEST_MARK,
    },
    onConsole(type, text) {
      if (text.startsWith(TEST_MARK)) {
        // the tests' own output (mocha's reporter, console.* in tests and in the extension while tests run)
        (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${text.slice(TEST_MARK.length)}\n`);
      } else {
        // the workbench's own console: kept in a file, shown only with SYMPHONY_VSCODE_VERBOSE=1
        fs.appendFileSync(workbenchLog, `[${type}] ${text}\n`);
        if (verbose) process.stderr.write(`  [workbench ${type}] ${text}\n`);
      }
    },
    async onFailure(page) {
      const file = path.join(RESULTS_DIR, 'vscode-failure.png');
      try {
        await page.screenshot({ path: file, timeout: 10_000 });
        say(`screenshot of the workbench: ${path.relative(process.cwd(), file)}`);
      } catch (error) {
        say(`could not take a screenshot: ${(error as Error).message}`);
      }
    },
  });
  const logs = `logs: ${path.relative(process.cwd(), logFile)}, ${path.relative(process.cwd(), workbenchLog)}`;
  if (outcome === 'timeout') {
    say(
      `TIMEOUT: ${timeoutSeconds} s passed with no output from the extension tests (SYMPHONY_VSCODE_TEST_TIMEOUT raises the limit). ` +
        `The extension host may have failed to start the tests; ${logs}.`,
    );
    return 1;
  }
  if (outcome !== 0) say(`extension tests FAILED (exit code ${outcome}) after ${seconds.toFixed(1)} s; ${logs}`);
  else say(`extension tests passed in ${seconds.toFixed(1)} s`);
  return outcome;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(error instanceof PrerequisiteError ? error.message : `error: ${(error as Error)?.stack ?? error}`);
    process.exit(1);
  },
);
