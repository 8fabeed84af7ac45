// Runs an extension-tests entry (a module exporting `run()`) inside a real VS Code extension host, offline:
// code-server (scripts/vscode/getVSCode.ts) serves the workbench with the smoke-test driver enabled, headless
// chromium opens it with a payload naming this repo as the extension under development and the entry, and the
// workbench reports the result through `codeAutomationExit`. Used by the test runner and by the bench.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import { chromium, Browser, Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CodeServer, REPO_ROOT, ensureVSCode, findChromium, installExtension, makeProfile, startCodeServer } from './getVSCode';

export interface ExtensionHostRun {
  /** Compiled entry exporting run(), e.g. out/test/vscode/suite/index.js. */
  testsEntry: string;
  /** Added to code-server's environment, which the extension host inherits. */
  env?: NodeJS.ProcessEnv;
  /**
   * The run fails with 'timeout' when this long passes with no sign of progress: from the start to the first console
   * line that `isProgress` accepts (every line when it is absent), and between two such lines. A suite that is merely
   * slow on a busy machine keeps going; a hung host or a test that never ends (mocha's own timeouts aside) stops it.
   */
  timeoutSeconds: number;
  /** Which console lines count as progress for `timeoutSeconds` (e.g. only the test reporter's). */
  isProgress?(text: string): boolean;
  /** code-server's own log. */
  logFile: string;
  /** Every console line of the workbench and the extension host (console.* in tests arrive here). */
  onConsole(type: string, text: string): void;
  /** Called before teardown when the run failed or timed out, e.g. to take a screenshot. */
  onFailure?(page: Page): Promise<void>;
  /** Keep the temporary profile and workspace (their path is given to `log`). */
  keepTemp?: boolean;
  quietInstall?: boolean;
  /**
   * Test the extension as a user has it: this .vsix is installed into the profile (`--install-extension`) and the
   * repository is not loaded as the extension under development (the tests run from an empty development folder).
   */
  installVsix?: string;
  log(message: string): void;
}

export interface ExtensionHostOutcome {
  /** The workbench's exit code (0 = the entry's run() resolved), or 'timeout'. */
  outcome: number | 'timeout';
  seconds: number;
  vscodeVersion: string;
}

function remoteUri(port: number, file: string): string {
  return `vscode-remote://127.0.0.1:${port}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
}

export async function runInExtensionHost(run: ExtensionHostRun): Promise<ExtensionHostOutcome> {
  const chromePath = findChromium();
  const install = await ensureVSCode({ quiet: run.quietInstall });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'symphony-vscode-host-'));
  const profile = makeProfile(path.join(tmp, 'profile'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  // VS Code runs extension tests only for an extension under development; with a .vsix that is an empty folder, so
  // the extension that runs is the installed one.
  const developmentPath = run.installVsix ? path.join(tmp, 'no-extension') : REPO_ROOT;
  fs.mkdirSync(developmentPath, { recursive: true });

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let cleanedUp = false;
  const cleanup = async (): Promise<void> => {
    if (cleanedUp) return;
    cleanedUp = true;
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (run.keepTemp) run.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  // Ctrl+C must not leave code-server's process group or the browser behind.
  const onSignal = (signal: NodeJS.Signals) => {
    run.log(`${signal}: stopping VS Code and the browser…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const started = Date.now();
    if (run.installVsix) {
      await installExtension(install, profile, run.installVsix);
      run.log(`installed ${path.relative(process.cwd(), run.installVsix)} into the offline VS Code (--install-extension)`);
    }
    server = await startCodeServer({ install, profile, port: 0, logFile: run.logFile, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'], env: run.env });
    run.log(`VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}) on ${server.url}, up in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    browser = await chromium.launch({ executablePath: chromePath, headless: true, args: CHROMIUM_FLAGS });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    let settle: (code: number) => void = () => undefined;
    const result = new Promise<number>((resolve) => (settle = resolve));
    let timer: NodeJS.Timeout | undefined;
    let stalled: () => void = () => undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (stalled = () => resolve('timeout')));
    const progressed = () => {
      clearTimeout(timer);
      timer = setTimeout(stalled, run.timeoutSeconds * 1000);
    };
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (!run.isProgress || run.isProgress(text)) progressed();
      run.onConsole(type, text);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(typeof code === 'number' ? code : 1));
    page.on('pageerror', (error) => run.log(`workbench page error: ${error.message}`));

    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remoteUri(server.port, developmentPath)],
      ['extensionTestsPath', remoteUri(server.port, run.testsEntry)],
      ['skipWelcome', 'true'],
    ]);
    progressed();
    // The run's one limit is `timeoutSeconds` without progress, from here to the workbench's exit code. Loading the
    // workbench page is a step of it, not a deadline of its own: playwright's default 30 s for 'domcontentloaded'
    // failed runs on a busy machine whose workbench would have loaded and passed a few seconds later.
    const opened = page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, { waitUntil: 'commit', timeout: 0 });
    const outcome = await Promise.race([opened.then(() => result), timedOut]);
    clearTimeout(timer);
    if (outcome !== 0) await run.onFailure?.(page);
    return { outcome, seconds: (Date.now() - started) / 1000, vscodeVersion: install.vscodeVersion };
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}
