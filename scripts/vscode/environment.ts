// The demo environment shared by `npm start` and `npm run ui:screenshots`: the pod emulator with demo data, a demo
// pod description for the extension, and code-server (VS Code 1.139.1) with this repository's extension installed.
//
// The extension is loaded straight from the repository: its folder is linked into the sandboxed extensions dir as
// `<publisher>.<name>-<version>` and listed in that dir's extensions.json, so `npm run build` + "Developer: Reload
// Window" picks up a change without packaging a .vsix.
import * as fs from 'fs';
import * as path from 'path';
import { startPodEmulator, PodEmulator } from '../../src/podEmulator';
import {
  CodeServer,
  REPO_ROOT,
  assertPortFree,
  ensureVSCode,
  freePort,
  makeProfile,
  startCodeServer,
} from './getVSCode';

export interface DemoEnvironmentOptions {
  /** code-server port on 127.0.0.1; 0 = any free port. Keep it fixed so SecretStorage survives reloads. */
  serverPort: number;
  /** Pod emulator port on 127.0.0.1; 0 = any free port. Fixed keeps the stored pod URL valid across runs. */
  podPort: number;
  /** Emulator data (keys) and demo-pod.json; code-server's profile goes in `<stateDir>/vscode`. */
  stateDir: string;
  /** Serve the emulator over HTTPS with its own CA (the demo pod then names the CA bundle). */
  tls?: boolean;
  /** Remove the code-server profile first (a clean VS Code state). */
  freshProfile?: boolean;
  /** Where code-server's output goes (inherited when omitted). */
  logFile?: string;
  /** The demo pod's environment (development when omitted); screenshots of the production lock use 'production'. */
  demoEnvironment?: 'development' | 'uat' | 'production';
}

export interface DemoEnvironment {
  url: string;
  podUrl: string;
  demoPodFile: string;
  workspace: string;
  server: CodeServer;
  emulator: PodEmulator;
  /** Environment the extension needs (SYMPHONY_POD_ADMIN_DEMO_POD). */
  extensionEnv: Record<string, string>;
  close(): Promise<void>;
}

interface Manifest {
  name: string;
  publisher: string;
  version: string;
}

/** Links the repository into `extensionsDir` as an installed extension and registers it in extensions.json. */
export function linkExtension(extensionsDir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
  const id = `${manifest.publisher}.${manifest.name}`;
  const folderName = `${id}-${manifest.version}`;
  fs.mkdirSync(extensionsDir, { recursive: true });
  for (const entry of fs.readdirSync(extensionsDir)) {
    if (entry.startsWith(`${id}-`) && entry !== folderName) {
      fs.rmSync(path.join(extensionsDir, entry), { recursive: true, force: true }); // an older version's link
    }
  }
  const link = path.join(extensionsDir, folderName);
  let linked = false;
  try {
    linked = fs.lstatSync(link).isSymbolicLink() && fs.realpathSync(link) === fs.realpathSync(REPO_ROOT);
  } catch {
    linked = false;
  }
  if (!linked) {
    fs.rmSync(link, { recursive: true, force: true });
    fs.symlinkSync(REPO_ROOT, link, 'dir');
  }
  const listFile = path.join(extensionsDir, 'extensions.json');
  let list: { identifier: { id: string } }[] = [];
  try {
    list = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  } catch {
    list = [];
  }
  list = list.filter((entry) => entry.identifier?.id?.toLowerCase() !== id.toLowerCase());
  list.push({
    identifier: { id },
    version: manifest.version,
    location: { $mid: 1, path: link, scheme: 'file' },
    relativeLocation: folderName,
  } as { identifier: { id: string } });
  fs.writeFileSync(listFile, JSON.stringify(list));
  return id;
}

/** A calm first window: no welcome page, no chat side bar, no "open the parent git repository?" prompt. */
function writeDefaultSettings(userDataDir: string): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (fs.existsSync(file)) {
    return; // the user's own changes win
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'git.openRepositoryInParentFolders': 'never',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
  };
  fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

export async function startDemoEnvironment(options: DemoEnvironmentOptions): Promise<DemoEnvironment> {
  const stateDir = path.resolve(options.stateDir);
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first.');
  }
  const install = await ensureVSCode();
  if (options.serverPort) {
    await assertPortFree(options.serverPort, 'code-server; choose another with --port');
  }
  if (options.podPort) {
    await assertPortFree(options.podPort, 'pod emulator; choose another with --pod-port');
  }
  fs.mkdirSync(stateDir, { recursive: true });
  const profileRoot = path.join(stateDir, 'vscode');
  if (options.freshProfile) {
    fs.rmSync(profileRoot, { recursive: true, force: true });
  }
  const profile = makeProfile(profileRoot);
  const workspace = path.join(stateDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  linkExtension(profile.extensionsDir);
  writeDefaultSettings(profile.userDataDir);

  const emulator = await startPodEmulator({ port: options.podPort, host: '127.0.0.1', tls: options.tls, dataDir: stateDir });
  const demoPodFile = path.join(stateDir, 'demo-pod.json');
  const demoPod: Record<string, string> = {
    label: 'Demo pod',
    podUrl: emulator.url,
    authMethod: 'rsa',
    username: emulator.admin.username,
    privateKeyPath: emulator.admin.privateKeyPath,
  };
  if (emulator.caPath) {
    demoPod.caBundlePath = emulator.caPath;
  }
  if (options.demoEnvironment) demoPod.environment = options.demoEnvironment;
  fs.writeFileSync(demoPodFile, `${JSON.stringify(demoPod, null, 2)}\n`);
  const extensionEnv = { SYMPHONY_POD_ADMIN_DEMO_POD: demoPodFile };

  let server: CodeServer;
  try {
    server = await startCodeServer({
      install,
      profile,
      port: options.serverPort || (await freePort()),
      folder: workspace,
      env: extensionEnv,
      logFile: options.logFile,
    });
  } catch (error) {
    await emulator.close().catch(() => undefined);
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    podUrl: emulator.url,
    demoPodFile,
    workspace,
    server,
    emulator,
    extensionEnv,
    close: () =>
      (closing ??= (async () => {
        await server.stop();
        await emulator.close().catch(() => undefined);
      })()),
  };
}
