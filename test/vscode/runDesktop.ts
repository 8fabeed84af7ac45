// Runs the same extension tests in a desktop VS Code through @vscode/test-electron (for developers with a display;
// it downloads a VS Code build into .vscode-test/ on first use, so it needs the internet — CI uses runOffline).
//
//   npm run test:desktop                          all extension tests
//   npm run test:desktop -- activation --grep registers
//
// VSCODE_DESKTOP_VERSION picks the VS Code version (default: 'stable'; '1.90.0' tests the oldest supported one).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const files: string[] = [];
  let grep = '';
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep' || argv[i] === '-g') {
      grep = argv[++i] ?? '';
    } else {
      files.push(path.basename(argv[i]).replace(/\.test\.(ts|js)$/, '').replace(/\.(ts|js)$/, ''));
    }
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'symphony-vscode-desktop-'));
  try {
    await runTests({
      version: process.env.VSCODE_DESKTOP_VERSION || 'stable',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
      extensionTestsEnv: {
        SYMPHONY_VSCODE_TEST_FILES: files.join(','),
        SYMPHONY_VSCODE_TEST_GREP: grep,
      },
    });
    return 0;
  } catch (error) {
    console.error(`[test:desktop] extension tests failed: ${(error as Error)?.message ?? error}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
