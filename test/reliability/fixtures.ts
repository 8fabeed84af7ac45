// Shared by the plain-Node reliability tests: one emulator and one signed-in client per file, and the table runner
// for bad inputs (one `it` per row: the error says what to fix, and the emulator saw zero requests).
import * as assert from 'node:assert/strict';
import { PodClient, PodClientOptions, RequestLogLine, memoryTokenStore, rsaAuthenticator } from '../../src/api';
import { EmulatorOptions, PodEmulator, startPodEmulator } from '../../src/podEmulator';

export const FAST_RETRY = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 };

export interface SignedInPod {
  emulator: PodEmulator;
  url: string;
  client: PodClient;
  logs: RequestLogLine[];
}

/** Builds a client for the emulator's demo admin; `authCalls()` counts sign-ins. */
export function adminClient(emulator: PodEmulator, extra: Partial<PodClientOptions> = {}): { client: PodClient; logs: RequestLogLine[]; authCalls: () => number } {
  const rsa = rsaAuthenticator({ podUrl: emulator.url, username: emulator.admin.username, privateKeyPem: emulator.admin.privateKeyPem, transport: { caPem: emulator.caPem } });
  let calls = 0;
  const logs: RequestLogLine[] = [];
  const client = new PodClient({
    podUrl: emulator.url, caPem: emulator.caPem, tokens: memoryTokenStore(), retry: FAST_RETRY, logger: (line) => logs.push(line),
    authenticate: async () => { calls++; return rsa(); },
    ...extra,
  });
  return { client, logs, authCalls: () => calls };
}

/** One emulator and one signed-in admin client for the enclosing describe(); the request log is cleared before each test. */
export function useSignedInPod(options: EmulatorOptions = {}): () => SignedInPod {
  let pod: SignedInPod | undefined;
  before(async () => {
    const emulator = await startPodEmulator({ port: 0, ...options });
    const { client, logs } = adminClient(emulator);
    await client.signIn();
    pod = { emulator, url: emulator.url, client, logs };
  });
  beforeEach(() => pod?.emulator.control.reset());
  after(async () => {
    pod?.client.dispose();
    await pod?.emulator.close();
  });
  return () => {
    if (!pod) throw new Error('emulator not started');
    return pod;
  };
}

export interface BadInput {
  name: string;
  call: (client: PodClient) => Promise<unknown>;
  /** What the message must say: the problem and what to fix. */
  expected: RegExp;
}

let tried = 0;

/** Number of bad-input rows declared so far in this process. */
export function badInputCount(): number {
  return tried;
}

/** One `it` per row: the call fails with the expected sentence, and the emulator's log stays empty. */
export function catalogue(pod: () => SignedInPod, rows: BadInput[]): void {
  tried += rows.length;
  for (const row of rows) {
    it(`refuses ${row.name} before any request`, async () => {
      const { emulator, client } = pod();
      emulator.control.clearRequests();
      let failure: unknown;
      try {
        await row.call(client);
      } catch (error) {
        failure = error;
      }
      assert.ok(failure instanceof Error, `${row.name}: no error was raised`);
      assert.ok(!(failure instanceof TypeError) && !(failure instanceof RangeError), `${row.name}: a crash instead of a message: ${failure.message}`);
      assert.match(failure.message, row.expected);
      assert.ok(failure.message.length < 400, `${row.name}: the message is short (${failure.message.length} characters)`);
      assert.deepEqual(emulator.control.requests(), [], `${row.name}: requests reached the pod`);
    });
  }
}
