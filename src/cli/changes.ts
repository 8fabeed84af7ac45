// What the CLI does with every change it sends, whatever the verb: the production rules (production.ts) as the
// client's write gate, and the activity log (src/activity/), the same JSON lines as the extension's, each entry
// marked `source: "cli"` with the reason of --unlock. A failed log write never fails the change: it is one warning
// on stderr. Where the log lives: --activity-log, else SYMPHONY_ACTIVITY_LOG, else the extension's own log folder
// when VS Code has one on this machine (so its Activity view shows the CLI's changes), else ~/.symphony-pod/activity.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActivityLog } from '../activity/activityLog';
import { ActivityRecorder } from '../activity/recorder';
import type { PodClientOptions } from '../api';
import { l10n } from '../text/l10n';
import { CONNECTION_ENV } from './connection';
import type { CliIo } from './output';
import { CliTarget, parseEnvironment, parseReason, productionGate } from './production';

export const ACTIVITY_LOG_ENV = 'SYMPHONY_ACTIVITY_LOG';
/** The extension's id: VS Code names its global storage folder after it. */
const EXTENSION_ID = 'symphony-pod-admin.symphony-pod-admin';
const EDITIONS = ['Code', 'Code - Insiders', 'VSCodium'];

export class CliChanges {
  private readonly environment;
  private readonly reason;
  private current: CliTarget | undefined;
  private recorder: ActivityRecorder | undefined;

  /** Reads and checks the options first, so a bad value stops the verb before any request. */
  constructor(private readonly options: Record<string, unknown>, private readonly io: CliIo) {
    this.environment = parseEnvironment((options.podEnvironment as string | undefined) ?? io.env[CONNECTION_ENV.environment], options.podEnvironment ? '--pod-environment' : CONNECTION_ENV.environment);
    this.reason = parseReason(options.unlock);
  }

  /** The client options of the pod at `podUrl`: the gate and the log's observer. */
  hooks(podUrl: string): Pick<PodClientOptions, 'writeGate' | 'onWrite'> {
    const account = (this.options.username as string | undefined) ?? (this.io.env[CONNECTION_ENV.username] || undefined);
    const target: CliTarget = {
      id: podUrl, url: podUrl, label: this.io.env[CONNECTION_ENV.label]?.trim() || new URL(podUrl).hostname,
      environment: this.environment, ...(this.reason ? { reason: this.reason } : {}), ...(account ? { account } : {}),
    };
    this.current = target;
    return {
      writeGate: productionGate(target),
      onWrite: (outcome) => this.log().record(outcome, { ...target, source: 'cli' }),
    };
  }

  /** The pod connected to (after `hooks`). */
  get target(): CliTarget {
    if (!this.current) throw new Error('No pod is connected yet.');
    return this.current;
  }

  /** Resolves once every entry is on disk (or failed and was warned about). */
  async flush(): Promise<void> {
    await this.recorder?.log.flush();
  }

  private log(): ActivityRecorder {
    if (!this.recorder) {
      const dir = activityLogDir(this.options.activityLog as string | undefined, this.io.env);
      this.recorder = new ActivityRecorder(new ActivityLog(dir, {
        onError: (error) => this.io.stderr.write(`${l10n.t('Warning: the change was made but not written to the activity log in {0}: {1}', dir, (error as Error).message)}\n`),
      }));
    }
    return this.recorder;
  }
}

/** The activity log's folder (see the header). */
export function activityLogDir(flag: string | undefined, env: NodeJS.ProcessEnv, home = os.homedir(), platform = process.platform): string {
  const chosen = flag?.trim() || env[ACTIVITY_LOG_ENV]?.trim();
  if (chosen) return path.resolve(chosen);
  const storage = extensionStorageDirs(env, home, platform).find((dir) => fs.existsSync(dir));
  return storage ? path.join(storage, 'activity') : path.join(home, '.symphony-pod', 'activity');
}

/** Where VS Code (desktop, Insiders, VSCodium, code-server) keeps this extension's global storage. */
function extensionStorageDirs(env: NodeJS.ProcessEnv, home: string, platform: NodeJS.Platform): string[] {
  const userDataDirs = platform === 'win32' ? EDITIONS.map((e) => path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), e))
    : platform === 'darwin' ? EDITIONS.map((e) => path.join(home, 'Library', 'Application Support', e))
      : [...EDITIONS.map((e) => path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), e)), path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'code-server')];
  return userDataDirs.map((dir) => path.join(dir, 'User', 'globalStorage', EXTENSION_ID));
}
