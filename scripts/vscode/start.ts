// `npm start [-- --port 8080] [--pod-port 8443] [--tls] [--fresh] [--desktop]`
// Builds (done by the npm script), starts the pod emulator with demo data and VS Code (code-server) in the browser with
// this extension installed and a "Demo pod" signed in. Ctrl+C stops everything.
//
//   --port N / PORT         code-server port on 127.0.0.1 (default 8080; keep it fixed: secrets are per origin)
//   --pod-port N / POD_PORT pod emulator port (default 8443)
//   --tls                   serve the emulator over HTTPS with its own CA
//   --fresh                 start with an empty VS Code profile (.demo/vscode is removed first)
//   --desktop               use the desktop `code` command instead of code-server (emulator only here)
import { spawn, spawnSync } from 'child_process';
import * as path from 'path';
import { startDemoEnvironment, DemoEnvironment } from './environment';
import { PrerequisiteError, REPO_ROOT, assertPortFree, stopAllCodeServers } from './getVSCode';
import { startPodEmulator } from '../../src/podEmulator';
import * as fs from 'fs';

interface Options {
  port: number;
  podPort: number;
  tls: boolean;
  fresh: boolean;
  desktop: boolean;
}

function parse(argv: string[]): Options {
  const options: Options = {
    port: Number(process.env.PORT || 8080),
    podPort: Number(process.env.POD_PORT || 8443),
    tls: false,
    fresh: false,
    desktop: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = (): number => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1 || value > 65535) {
        throw new PrerequisiteError(`${arg} needs a port number`);
      }
      return value;
    };
    switch (arg) {
      case '--port':
        options.port = number();
        break;
      case '--pod-port':
        options.podPort = number();
        break;
      case '--tls':
        options.tls = true;
        break;
      case '--fresh':
        options.fresh = true;
        break;
      case '--desktop':
        options.desktop = true;
        break;
      case '--help':
      case '-h':
        console.log('usage: npm start [-- --port 8080] [--pod-port 8443] [--tls] [--fresh] [--desktop]');
        process.exit(0);
        break;
      default:
        throw new PrerequisiteError(`Unknown option ${arg} (try --help)`);
    }
  }
  return options;
}

const STATE_DIR = path.join(REPO_ROOT, '.demo');

function codeOnPath(): boolean {
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

function desktopCommand(demoPodFile: string, workspace: string): string {
  return `SYMPHONY_POD_ADMIN_DEMO_POD=${demoPodFile} code --extensionDevelopmentPath=${REPO_ROOT} ${workspace}`;
}

async function runDesktop(options: Options): Promise<void> {
  if (!codeOnPath()) {
    throw new PrerequisiteError('--desktop needs the `code` command on PATH (VS Code: "Shell Command: Install \'code\' command in PATH").');
  }
  await assertPortFree(options.podPort, 'pod emulator; choose another with --pod-port');
  const workspace = path.join(STATE_DIR, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  const emulator = await startPodEmulator({ port: options.podPort, host: '127.0.0.1', tls: options.tls, dataDir: STATE_DIR });
  const demoPodFile = path.join(STATE_DIR, 'demo-pod.json');
  fs.writeFileSync(
    demoPodFile,
    `${JSON.stringify(
      {
        label: 'Demo pod',
        podUrl: emulator.url,
        authMethod: 'rsa',
        username: emulator.admin.username,
        privateKeyPath: emulator.admin.privateKeyPath,
        ...(emulator.caPath ? { caBundlePath: emulator.caPath } : {}),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Pod emulator: ${emulator.url}`);
  console.log(`$ ${desktopCommand(demoPodFile, workspace)}`);
  spawn('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, workspace], {
    env: { ...process.env, SYMPHONY_POD_ADMIN_DEMO_POD: demoPodFile },
    stdio: 'inherit',
  });
  console.log('The emulator keeps running for the desktop window. Press Ctrl+C to stop it.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.once('SIGHUP', stop);
  });
  await emulator.close();
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  if (options.desktop) {
    await runDesktop(options);
    return;
  }
  let env: DemoEnvironment | undefined;
  let stopping = false;
  const stop = async (why: string, code: number) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`\n${why}: stopping VS Code and the pod emulator…`);
    await (env ? env.close() : stopAllCodeServers()); // the emulator runs in this process and ends with it
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stop(signal, 0));
  }
  env = await startDemoEnvironment({
    serverPort: options.port,
    podPort: options.podPort,
    stateDir: STATE_DIR,
    tls: options.tls,
    freshProfile: options.fresh,
    logFile: path.join(STATE_DIR, 'code-server.log'),
  });
  env.server.process.once('exit', (code) => void stop(`code-server exited (${code}); see .demo/code-server.log`, 1));
  const lines = [
    '',
    `  Symphony Pod Admin is running in VS Code at   ${env.url}/`,
    `  Pod emulator ("Demo pod", account ${env.emulator.admin.username}):     ${env.podUrl}`,
    `  Demo pod description: ${path.relative(REPO_ROOT, env.demoPodFile)}`,
    `  To add a pod by hand (Symphony: Add Pod…): URL ${env.podUrl}, RSA key, user ${env.emulator.admin.username},`,
    `    key file ${env.emulator.admin.privateKeyPath}   (read-only account: ${env.emulator.user.username}, ${env.emulator.user.privateKeyPath})`,
    '  After `npm run build`, run "Developer: Reload Window" in VS Code to load the new code.',
  ];
  if (codeOnPath()) {
    lines.push(`  Desktop VS Code instead: ${desktopCommand(env.demoPodFile, env.workspace)}   (or npm start -- --desktop)`);
  }
  lines.push('  Press Ctrl+C to stop.', '');
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error instanceof PrerequisiteError ? error.message : `npm start failed: ${(error as Error)?.stack ?? error}`);
  process.exit(1);
});
