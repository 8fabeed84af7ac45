// The pod emulator in its own Node process for the plain-Node rows, so its work (sorting, JSON.stringify, its garbage)
// runs beside the client instead of on the client's event loop and heap — as a real pod on another machine would.
// The parent drives it over IPC: `startEmulatorProcess(options)` returns the URL, CA, admin key and an async control.
import { ChildProcess, fork } from 'child_process';
import type { EmulatorOptions, LoggedRequest } from '../../src/podEmulator';

export interface RemoteEmulator {
  url: string;
  caPem?: string;
  admin: { username: string; privateKeyPem: string };
  control: {
    setLatency(ms: number): Promise<void>;
    requests(): Promise<LoggedRequest[]>;
    clearRequests(): Promise<void>;
    connectionsOpened(): Promise<number>;
  };
  close(): Promise<void>;
}

type Op = 'setLatency' | 'requests' | 'clearRequests' | 'connectionsOpened' | 'close';

export async function startEmulatorProcess(options: EmulatorOptions): Promise<RemoteEmulator> {
  const child: ChildProcess = fork(__filename, ['--child', JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let ready: (v: { url: string; caPem?: string; admin: RemoteEmulator['admin'] }) => void = () => undefined;
  let failed: (e: Error) => void = () => undefined;
  const started = new Promise<{ url: string; caPem?: string; admin: RemoteEmulator['admin'] }>((resolve, reject) => ((ready = resolve), (failed = reject)));
  child.on('message', (msg: { ready?: { url: string; caPem?: string; admin: RemoteEmulator['admin'] }; id?: number; result?: unknown; error?: string }) => {
    if (msg.ready) return ready(msg.ready);
    const w = msg.id === undefined ? undefined : waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id!);
    if (msg.error) w.reject(new Error(msg.error));
    else w.resolve(msg.result);
  });
  child.on('exit', (code) => {
    const error = new Error(`the emulator process exited (code ${code})`);
    failed(error);
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  });
  const call = <T>(op: Op, arg?: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, op, arg });
    });
  const info = await started;
  return {
    ...info,
    control: {
      setLatency: (ms) => call('setLatency', ms),
      requests: () => call('requests'),
      clearRequests: () => call('clearRequests'),
      connectionsOpened: () => call('connectionsOpened'),
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await call('close').catch(() => undefined);
      await exited;
    },
  };
}

async function childMain(options: EmulatorOptions): Promise<void> {
  const { startPodEmulator } = await import('../../src/podEmulator');
  const emulator = await startPodEmulator({ port: 0, ...options });
  const send = (msg: unknown) => process.send?.(msg);
  process.on('message', async (msg: { id: number; op: Op; arg?: unknown }) => {
    try {
      const c = emulator.control;
      let result: unknown;
      if (msg.op === 'setLatency') c.setLatency(msg.arg as number);
      else if (msg.op === 'requests') result = c.requests();
      else if (msg.op === 'clearRequests') c.clearRequests();
      else if (msg.op === 'connectionsOpened') result = c.connectionsOpened();
      else if (msg.op === 'close') {
        await emulator.close();
        send({ id: msg.id });
        process.disconnect?.();
        return;
      }
      send({ id: msg.id, result });
    } catch (error) {
      send({ id: msg.id, error: String((error as Error)?.stack ?? error) });
    }
  });
  process.on('disconnect', () => void emulator.close().finally(() => process.exit(0)));
  send({ ready: { url: emulator.url, caPem: emulator.caPem, admin: { username: emulator.admin.username, privateKeyPem: emulator.admin.privateKeyPem } } });
}

if (require.main === module && process.argv[2] === '--child') {
  childMain(JSON.parse(process.argv[3] ?? '{}') as EmulatorOptions).catch((error) => {
    process.stderr.write(`[bench:emulator] ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  });
}
