// Starts the pod emulator for a test file and builds PodClients signed in as demo-admin or demo-user.

import { Authenticate, PodApiError, PodClient, PodClientOptions, RequestLogLine, memoryTokenStore, rsaAuthenticator } from '../../../src/api';
import { EmulatorOptions, PodEmulator, startPodEmulator } from '../../../src/podEmulator';

export interface TestClient { client: PodClient; logs: RequestLogLine[]; authCalls: () => number }

export const FAST_RETRY = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 };

export function clientFor(emu: PodEmulator, who: 'admin' | 'user' = 'admin', extra: Partial<PodClientOptions> = {}): TestClient {
  const account = emu[who];
  const rsa = rsaAuthenticator({ podUrl: emu.url, username: account.username, privateKeyPem: account.privateKeyPem, transport: { caPem: emu.caPem } });
  let calls = 0;
  const authenticate: Authenticate = async () => { calls++; return rsa(); };
  const logs: RequestLogLine[] = [];
  const client = new PodClient({
    podUrl: emu.url, caPem: emu.caPem, authenticate, tokens: memoryTokenStore(), retry: FAST_RETRY,
    logger: line => logs.push(line), ...extra,
  });
  return { client, logs, authCalls: () => calls };
}

/** Starts one emulator for the enclosing describe(), reset (data, faults, log) before each test. */
export function usePod(options: EmulatorOptions = {}): () => PodEmulator {
  let emu: PodEmulator | undefined;
  before(async () => { emu = await startPodEmulator(options); });
  beforeEach(() => { emu?.control.reset(); });
  after(async () => { await emu?.close(); });
  return () => {
    if (!emu) throw new Error('emulator not started');
    return emu;
  };
}

/** Requests the emulator saw, without sign-in traffic. */
export function apiRequests(emu: PodEmulator): Array<{ method: string; path: string; status: number }> {
  return emu.control.requests().filter(r => !r.path.startsWith('/login/') && !r.path.startsWith('/sessionauth/'));
}

export function isApiError(pattern: RegExp, props: Partial<Pick<PodApiError, 'kind' | 'status' | 'field' | 'code'>> = {}) {
  return (err: unknown): boolean => {
    if (!(err instanceof PodApiError)) throw err;
    if (!pattern.test(err.message)) throw new Error(`message "${err.message}" does not match ${pattern}`);
    for (const [k, v] of Object.entries(props)) {
      if ((err as unknown as Record<string, unknown>)[k] !== v) throw new Error(`${k} is ${String((err as unknown as Record<string, unknown>)[k])}, expected ${String(v)} (${err.message})`);
    }
    return true;
  };
}
