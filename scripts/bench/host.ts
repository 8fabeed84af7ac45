// Runs the bench's extension-tests entry (out/test/vscode/bench/index.js) in the real VS Code extension host with
// the offline machinery from scripts/vscode/getVSCode.ts: code-server (cached in .vscode-test/) + headless chromium
// opening the workbench with our repo as the extension under development. The entry writes its numbers to the JSON
// file named by SYMPHONY_BENCH_OUT (the extension host inherits code-server's environment).
//
// test/vscode/runOffline.ts does the same for the test suite but is a script with no exported function, so the
// browser part (≈ 40 lines) is repeated here; `runInExtensionHost` is exported for reuse.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, Browser } from 'playwright-core';
import {
  CHROMIUM_FLAGS, CodeServer, REPO_ROOT, ensureVSCode, findChromium, freePort, makeProfile, startCodeServer,
} from '../vscode/getVSCode';
import type { HostBenchResults } from '../../test/vscode/bench/index';

export interface HostRunOptions {
  /** Compiled extension-tests entry exporting run(). */
  testsEntry: string;
  env?: NodeJS.ProcessEnv;
  timeoutSeconds?: number;
  log?: (line: string) => void;
}

function remoteUri(port: number, file: string): string {
  return `vscode-remote://127.0.0.1:${port}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Starts code-server + chromium, runs `testsEntry` in the extension host, returns the workbench's exit code. */
export async function runInExtensionHost(options: HostRunOptions): Promise<{ code: number; vscodeVersion: string }> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench:host] ${line}\n`));
  const chromePath = findChromium();
  const install = await ensureVSCode({ quiet: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'symphony-bench-host-'));
  const profile = makeProfile(path.join(tmp, 'profile'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    const port = await freePort();
    server = await startCodeServer({
      install, profile, port, logFile: path.join(tmp, 'code-server.log'),
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver'], env: options.env,
    });
    browser = await chromium.launch({ executablePath: chromePath, headless: true, args: CHROMIUM_FLAGS });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    let settle: (code: number) => void = () => undefined;
    const result = new Promise<number>((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (type === 'error') log(`extension host: ${(Array.isArray(args) ? args : [args]).map(String).join(' ')}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(typeof code === 'number' ? code : 1));
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remoteUri(port, REPO_ROOT)],
      ['extensionTestsPath', remoteUri(port, options.testsEntry)],
      ['skipWelcome', 'true'],
    ]);
    log(`VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}) on ${server.url}`);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, { waitUntil: 'domcontentloaded' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), (options.timeoutSeconds ?? 300) * 1000)));
    const code = await Promise.race([result, timeout]);
    clearTimeout(timer);
    if (code === -1) throw new Error(`the extension host did not finish within ${options.timeoutSeconds ?? 300} s (log: ${path.join(tmp, 'code-server.log')})`);
    return { code, vscodeVersion: install.vscodeVersion };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs test/vscode/bench in the extension host and returns what it measured. */
export async function runHostBench(settings: { certs: number; latencyMs: number }): Promise<HostBenchResults> {
  const testsEntry = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'bench', 'index.js');
  if (!fs.existsSync(testsEntry)) throw new Error(`${path.relative(REPO_ROOT, testsEntry)} is missing: run \`npm run compile\` first.`);
  const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'symphony-bench-')), 'host.json');
  try {
    const { code } = await runInExtensionHost({
      testsEntry,
      env: { SYMPHONY_BENCH_OUT: outFile, SYMPHONY_BENCH_CERTS: String(settings.certs), SYMPHONY_BENCH_LATENCY_MS: String(settings.latencyMs) },
    });
    if (!fs.existsSync(outFile)) throw new Error(`the extension-host bench wrote no results (workbench exit code ${code})`);
    return JSON.parse(fs.readFileSync(outFile, 'utf8')) as HostBenchResults;
  } finally {
    fs.rmSync(path.dirname(outFile), { recursive: true, force: true });
  }
}
