// Runs the bench's extension-tests entry (out/test/vscode/bench/index.js) in the real VS Code extension host, with the
// same machinery as the test runner (scripts/vscode/extensionHost.ts). The entry writes its numbers to the JSON
// file named by SYMPHONY_BENCH_OUT (the extension host inherits code-server's environment).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../vscode/getVSCode';
import { runInExtensionHost } from '../vscode/extensionHost';
import type { HostBenchResults } from '../../test/vscode/bench/index';

/** Runs test/vscode/bench in the extension host and returns what it measured. */
export async function runHostBench(settings: { certs: number; latencyMs: number; steps: string[]; profile?: string }): Promise<HostBenchResults> {
  const testsEntry = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'bench', 'index.js');
  if (!fs.existsSync(testsEntry)) throw new Error(`${path.relative(REPO_ROOT, testsEntry)} is missing: run \`npm run compile\` first.`);
  const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'symphony-bench-')), 'host.json');
  try {
    const logFile = path.join(path.dirname(outFile), 'code-server.log');
    const { outcome } = await runInExtensionHost({
      testsEntry,
      env: { SYMPHONY_BENCH_OUT: outFile, SYMPHONY_BENCH_CERTS: String(settings.certs), SYMPHONY_BENCH_LATENCY_MS: String(settings.latencyMs), SYMPHONY_BENCH_STEPS: settings.steps.join(','), ...(settings.profile ? { SYMPHONY_BENCH_PROFILE: settings.profile } : {}) },
      timeoutSeconds: 600,
      logFile,
      quietInstall: true,
      log: (line) => process.stderr.write(`[bench:host] ${line}\n`),
      onConsole: (type, text) => type === 'error' && process.stderr.write(`[bench:host] extension host: ${text}\n`),
    });
    if (outcome === 'timeout') throw new Error(`the extension host did not finish within 600 s (log: ${logFile})`);
    if (!fs.existsSync(outFile)) throw new Error(`the extension-host bench wrote no results (workbench exit code ${outcome})`);
    return JSON.parse(fs.readFileSync(outFile, 'utf8')) as HostBenchResults;
  } finally {
    fs.rmSync(path.dirname(outFile), { recursive: true, force: true });
  }
}
