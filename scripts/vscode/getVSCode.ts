// Provides a real VS Code that runs offline: code-server (VS Code inside, from the npm registry) on its own Node 24,
// installed once into the git-ignored `.vscode-test/` folder and reused afterwards.
//
//   node out/scripts/vscode/getVSCode.js          install (or check) and print what is there
//
// Everything code-server writes goes under `.vscode-test/` (or the profile folder a caller chooses): its own
// user-data-dir, extensions-dir, config file and XDG_* folders, never the user's home.
import { spawn, spawnSync, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';

export const CODE_SERVER_VERSION = '4.139.1';
/** The VS Code inside that code-server release. */
export const VSCODE_VERSION = '1.139.1';
export const NODE_MAJOR = '24';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The cache folder; `SYMPHONY_VSCODE_CACHE` moves it (for example to a CI cache volume). */
export const CACHE_DIR = path.resolve(process.env.SYMPHONY_VSCODE_CACHE || path.join(REPO_ROOT, '.vscode-test'));

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface VSCodeInstall {
  /** Node 24 binary code-server runs on. */
  nodePath: string;
  /** code-server's entry script (run it with `nodePath`). */
  codeServerEntry: string;
  codeServerVersion: string;
  vscodeVersion: string;
  /** Environment for anything that runs code-server or builds against its Node (Node 24 first on PATH). */
  env: NodeJS.ProcessEnv;
}

export class PrerequisiteError extends Error {}

function log(message: string): void {
  process.stderr.write(`[vscode] ${message}\n`);
}

/** The browser the runners drive: `CHROME_PATH`, else Debian's chromium. Throws with what to install. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) {
      throw new PrerequisiteError(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
    }
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  throw new PrerequisiteError(
    'Chromium is missing: the VS Code tests and screenshots drive the workbench in it.\n' +
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  or point CHROME_PATH at a Chrome/Chromium binary you already have (CHROME_PATH=/path/to/chrome).',
  );
}

/** code-server's `kerberos` module is built from source offline, which needs the Kerberos headers. */
function checkKerberosHeaders(): void {
  const headers = ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h', '/usr/include/krb5.h'];
  if (headers.some((file) => fs.existsSync(file))) {
    return;
  }
  const krb5Config = spawnSync('krb5-config', ['--version'], { stdio: 'ignore' });
  if (krb5Config.status === 0) {
    return;
  }
  throw new PrerequisiteError(
    'The Kerberos development headers are missing (no /usr/include/gssapi/gssapi.h, no krb5-config):\n' +
      "  code-server's `kerberos` native module is compiled during its install and needs them.\n" +
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y libkrb5-dev\n' +
      '  Fedora/RHEL:    sudo dnf install -y krb5-devel',
  );
}

function node24Paths(): { prefix: string; bin: string; node: string; headers: string } {
  const prefix = path.join(CACHE_DIR, 'node24');
  const pkg = path.join(prefix, 'node_modules', 'node');
  const bin = path.join(pkg, 'bin');
  return {
    prefix,
    bin,
    node: path.join(bin, 'node'),
    headers: path.join(pkg, 'node_modules', `node-${process.platform}-${process.arch}`),
  };
}

function codeServerPaths(): { prefix: string; entry: string; marker: string } {
  const prefix = path.join(CACHE_DIR, 'code-server');
  return {
    prefix,
    entry: path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(prefix, '.installed'),
  };
}

/** The environment for npm and code-server: Node 24 first on PATH, no npm lifecycle variables from a parent run. */
function node24Env(): NodeJS.ProcessEnv {
  const node = node24Paths();
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // An outer `npm run` exports its own execpath, package and lifecycle variables; they would make the nested
    // npm or node-gyp use the system Node 20 instead of Node 24. Its user agent ("npm/11 node/v20") too: the nested
    // npm would keep it, and code-server's postinstall reads the Node version from it.
    if (/^npm_(lifecycle|package|node_execpath|execpath|command|config_(node_gyp|local_prefix|prefix|global_prefix|nodedir|user_agent))/i.test(key)) {
      continue;
    }
    env[key] = value;
  }
  env.PATH = `${node.bin}${path.delimiter}${process.env.PATH ?? ''}`;
  env.npm_config_nodedir = node.headers;
  // npm finds its global npmrc next to the node running it; with Node 24 first on PATH that would be the cache
  // folder, and the machine's settings (registry, cafile, proxy) would be lost. Keep the system npm's one.
  const globalconfig = systemGlobalConfig();
  if (globalconfig) {
    env.npm_config_globalconfig = globalconfig;
  }
  return env;
}

let globalConfig: string | undefined;
function systemGlobalConfig(): string {
  if (globalConfig === undefined) {
    globalConfig =
      process.env.npm_config_globalconfig ||
      spawnSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8' }).stdout?.trim() ||
      '';
  }
  return globalConfig;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    log(`$ ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

function readMarker(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

async function ensureNode24(): Promise<string> {
  const node = node24Paths();
  const marker = path.join(node.prefix, '.installed');
  if (readMarker(marker)?.startsWith(`node@${NODE_MAJOR}`) && fs.existsSync(node.node) && fs.existsSync(node.headers)) {
    return node.node;
  }
  log(`Installing Node ${NODE_MAJOR} from the npm registry into ${path.relative(REPO_ROOT, node.prefix)} (about 10 s)…`);
  fs.rmSync(node.prefix, { recursive: true, force: true });
  fs.mkdirSync(node.prefix, { recursive: true });
  await run(
    'npm',
    ['install', '--prefix', node.prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `node@${NODE_MAJOR}`],
    node24Env(),
    node.prefix,
  );
  const version = spawnSync(node.node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (!version?.startsWith(`v${NODE_MAJOR}.`)) {
    throw new Error(`Node ${NODE_MAJOR} install in ${node.prefix} did not produce a working node (got "${version}").`);
  }
  if (!fs.existsSync(node.headers)) {
    throw new Error(`Node ${NODE_MAJOR} headers not found at ${node.headers}; delete ${node.prefix} and retry.`);
  }
  fs.writeFileSync(marker, `node@${NODE_MAJOR} ${version}\n`);
  log(`Node ${version} ready.`);
  return node.node;
}

/** Installs Node 24 and code-server once into `.vscode-test/`; later calls only check the markers. */
export async function ensureVSCode(options: { quiet?: boolean } = {}): Promise<VSCodeInstall> {
  const started = Date.now();
  const cs = codeServerPaths();
  const wanted = `code-server@${CODE_SERVER_VERSION}`;
  const nodePath = await ensureNode24();
  if (readMarker(cs.marker) === wanted && fs.existsSync(cs.entry)) {
    if (!options.quiet) {
      log(`Using cached ${wanted} (VS Code ${VSCODE_VERSION}) in ${path.relative(REPO_ROOT, cs.prefix) || cs.prefix}.`);
    }
  } else {
    checkKerberosHeaders();
    log(`Installing ${wanted} (VS Code ${VSCODE_VERSION}) from the npm registry (about 2 minutes, ~630 MB)…`);
    fs.rmSync(cs.prefix, { recursive: true, force: true });
    fs.mkdirSync(cs.prefix, { recursive: true });
    await run(
      'npm',
      ['install', '--prefix', cs.prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', wanted],
      node24Env(),
      cs.prefix,
    );
    if (!fs.existsSync(cs.entry)) {
      throw new Error(`code-server installed but ${cs.entry} is missing; delete ${cs.prefix} and retry.`);
    }
    fs.writeFileSync(cs.marker, `${wanted}\n`);
    log(`${wanted} installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  }
  return {
    nodePath,
    codeServerEntry: cs.entry,
    codeServerVersion: CODE_SERVER_VERSION,
    vscodeVersion: VSCODE_VERSION,
    env: node24Env(),
  };
}

export interface ProfileDirs {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
  xdgDir: string;
}

/** A sandbox for one code-server: its user data, extensions, config file and XDG folders all under `root`. */
export function makeProfile(root: string): ProfileDirs {
  const dirs: ProfileDirs = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configFile: path.join(root, 'config.yaml'),
    xdgDir: path.join(root, 'xdg'),
  };
  for (const dir of [dirs.userDataDir, dirs.extensionsDir, dirs.xdgDir]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  return dirs;
}

export interface CodeServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Kills the whole process group (server, extension host, watchers). Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  install: VSCodeInstall;
  profile: ProfileDirs;
  /** 0 = code-server listens on a free port it picks itself (read back from its start-up line). */
  port: number;
  /** Folder the workbench opens; none when omitted. */
  folder?: string;
  /** Extra environment for the server (inherited by the extension host). */
  env?: NodeJS.ProcessEnv;
  extraArgs?: string[];
  /** Where the server's output goes; inherited when omitted. */
  logFile?: string;
}

/** The stop functions of the code-servers this process started and has not stopped yet. */
const started = new Set<() => Promise<void>>();

/** Stops every code-server this process started (for a Ctrl+C that arrives while one is still starting). */
export async function stopAllCodeServers(): Promise<void> {
  await Promise.all([...started].map((stop) => stop()));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new PrerequisiteError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} (${what}) is already in use on 127.0.0.1: stop what uses it or choose another port.`
            : `Cannot listen on 127.0.0.1:${port} (${what}): ${error.message}`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(0);
    });
  });
}

/** Starts code-server in its own session (setsid), waits for /healthz. */
/** code-server's environment for a profile: Node 24, XDG folders inside the profile (nothing in the user's home). */
function profileEnv(install: VSCodeInstall, profile: ProfileDirs, extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...install.env,
    XDG_CONFIG_HOME: path.join(profile.xdgDir, 'config'),
    XDG_DATA_HOME: path.join(profile.xdgDir, 'data'),
    XDG_CACHE_HOME: path.join(profile.xdgDir, 'cache'),
    XDG_STATE_HOME: path.join(profile.xdgDir, 'state'),
    ...extra,
  };
  delete env.VSCODE_IPC_HOOK_CLI; // started from a VS Code terminal: do not talk to that VS Code
  return env;
}

/**
 * Installs a .vsix into the profile's extensions folder the way a user does (`code-server --install-extension`),
 * offline: a local file needs no gallery. Resolves with the CLI's output; rejects with it when the install fails.
 */
export function installExtension(install: VSCodeInstall, profile: ProfileDirs, vsix: string): Promise<string> {
  const args = [install.codeServerEntry, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--config', profile.configFile, '--install-extension', vsix];
  return new Promise((resolve, reject) => {
    const child = spawn(install.nodePath, args, { env: profileEnv(install, profile), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`code-server --install-extension ${vsix} failed (exit ${code}):\n${output}`))));
  });
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const { install, profile, port } = options;
  fs.writeFileSync(
    profile.configFile,
    `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\n`,
  );
  const args = [
    install.codeServerEntry,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--reconnection-grace-time',
    '5',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
    '--config',
    profile.configFile,
    ...(options.extraArgs ?? []),
    ...(options.folder ? [options.folder] : []),
  ];
  const env = profileEnv(install, profile, options.env);
  let output: 'inherit' | number = 'inherit';
  if (options.logFile) {
    fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
    output = fs.openSync(options.logFile, 'w');
  }
  // Port 0: the server binds a free port itself and says which. Asking the OS for a free port first and passing it
  // on left a gap in which another test run on the machine could take it, and /healthz then answered from *its* server.
  const readPort = port === 0;
  // detached = setsid(): the server, its extension host and watchers form one process group we can kill as a whole.
  const child = spawn(install.nodePath, args, { env, detached: true, stdio: readPort ? ['ignore', 'pipe', 'pipe'] : ['ignore', output, output] });
  let exited = child.exitCode !== null;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const listening = readPort ? listeningPort(child, output) : Promise.resolve(port);
  if (typeof output === 'number') {
    const fd = output;
    if (readPort) child.once('close', () => fs.closeSync(fd));
    else fs.closeSync(fd);
  }
  const stop = async (): Promise<void> => {
    const pgid = child.pid;
    if (!pgid) {
      return;
    }
    const killGroup = (signal: NodeJS.Signals): boolean => {
      try {
        process.kill(-pgid, signal);
        return true;
      } catch {
        return false; // group already gone
      }
    };
    if (!killGroup('SIGTERM')) {
      return;
    }
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!killGroup(0 as unknown as NodeJS.Signals)) {
        return;
      }
    }
    killGroup('SIGKILL');
    await Promise.race([exitedPromise, new Promise((resolve) => setTimeout(resolve, 1000))]);
  };
  const stopServer = async (): Promise<void> => {
    started.delete(stopServer);
    await stop();
  };
  started.add(stopServer);
  const deadline = Date.now() + 60_000;
  let startupTimer: NodeJS.Timeout | undefined;
  const boundPort = await Promise.race([
    listening,
    exitedPromise.then(() => 0),
    new Promise<number>((resolve) => (startupTimer = setTimeout(() => resolve(0), 60_000))),
  ]);
  clearTimeout(startupTimer);
  if (!boundPort) {
    await stopServer();
    throw new Error(
      (exited ? `code-server exited during start-up (exit ${child.exitCode})` : 'code-server did not say which port it listens on within 60 s') +
        (options.logFile ? `; its output is in ${options.logFile}` : ''),
    );
  }
  const url = `http://127.0.0.1:${boundPort}`;
  const server: CodeServer = { url, port: boundPort, process: child, stop: stopServer };
  while ((await get(`${url}/healthz`)) !== 200) {
    if (exited) {
      throw new Error(
        `code-server exited during start-up (exit ${child.exitCode})` +
          (options.logFile ? `; its output is in ${options.logFile}` : ''),
      );
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer ${url}/healthz within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return server;
}

/** Forwards a piped code-server's output to `output` and resolves with the port from its "listening on" line. */
function listeningPort(child: ChildProcess, output: 'inherit' | number): Promise<number> {
  const forward = (to: NodeJS.WriteStream) => (chunk: Buffer) => (typeof output === 'number' ? fs.writeSync(output, chunk) : to.write(chunk));
  child.stderr!.on('data', forward(process.stderr));
  const toStdout = forward(process.stdout);
  return new Promise((resolve) => {
    let seen: string | undefined = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      toStdout(chunk);
      if (seen === undefined) return;
      seen += chunk.toString();
      const match = /HTTP server listening on https?:\/\/[^\s/]*:(\d+)/.exec(seen);
      if (match) {
        seen = undefined;
        resolve(Number(match[1]));
      }
    });
  });
}

if (require.main === module) {
  const started = Date.now();
  (async () => {
    findChromium();
    const install = await ensureVSCode();
    log(`node: ${install.nodePath}`);
    log(`code-server: ${install.codeServerEntry}`);
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  })().catch((error) => {
    log(error instanceof PrerequisiteError ? error.message : String(error?.stack ?? error));
    process.exit(1);
  });
}
