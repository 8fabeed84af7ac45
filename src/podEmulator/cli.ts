// `npm run pod -- [--port N] [--tls] [--certs N --apps N --groups N --connections N] [--latency MS] [--throttle N] [--lenient] [--data-dir DIR]`
// Starts the emulator in the foreground, prints how to sign in, and closes cleanly on Ctrl+C.
import { startPodEmulator, EmulatorOptions } from './index';

const DEFAULT_PORT = 8443;
const USAGE = 'Usage: node out/src/podEmulator/cli.js [--port N] [--host H] [--tls] [--certs N] [--apps N] [--groups N] [--connections N] [--latency MS] [--throttle N] [--lenient] [--data-dir DIR]';

function parse(argv: string[]): { options: EmulatorOptions; latency: number } {
  const options: EmulatorOptions = { port: DEFAULT_PORT, scale: {} };
  let latency = 0;
  const scale = options.scale as NonNullable<EmulatorOptions['scale']>;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) { throw new Error(`${flag} needs a value`); }
      return v;
    };
    const count = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) { throw new Error(`${flag} needs a non-negative integer`); }
      return n;
    };
    switch (flag) {
      case '--port': options.port = count(); break;
      case '--host': options.host = value(); break;
      case '--tls': options.tls = true; break;
      case '--certs': scale.certs = count(); break;
      case '--apps': scale.apps = count(); break;
      case '--groups': scale.groups = count(); break;
      case '--connections': scale.connections = count(); break;
      case '--latency': latency = count(); break;
      case '--throttle': { const n = count(); options.throttle = n ? { perSecond: n } : undefined; break; }
      case '--lenient': options.strictFields = false; options.notFoundStatus = 404; break;
      case '--data-dir': options.dataDir = value(); break;
      case '--help': case '-h': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`Unknown option ${flag}`);
    }
  }
  return { options, latency };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const pod = await startPodEmulator(parsed.options);
  if (parsed.latency > 0) { pod.control.setLatency(parsed.latency); }
  const lines = [
    `Symphony pod emulator listening on ${pod.url}`,
    pod.sessionAuthUrl ? `Certificate session auth (mutual TLS): ${pod.sessionAuthUrl}` : undefined,
    `Demo admin account:  ${pod.admin.username}`,
    `Private key (RSA):   ${pod.admin.privateKeyPath}`,
    `Non-admin account:   ${pod.user.username} (key ${pod.user.privateKeyPath})`,
    pod.caPath ? `CA certificate:      ${pod.caPath}  (trust it as the pod's CA bundle)` : undefined,
    pod.admin.clientCertPath ? `Client certificate:  ${pod.admin.clientCertPath} (key ${pod.admin.clientKeyPath})` : undefined,
    parsed.latency > 0 ? `Added latency:       ${parsed.latency} ms per request` : undefined,
    parsed.options.throttle ? `Throttle:            ${parsed.options.throttle.perSecond} requests/s, then 429 with Retry-After` : undefined,
    parsed.options.strictFields === false ? 'Lenient:             unknown body fields accepted, unknown app/certificate → 404' : undefined,
    `Control API:         ${pod.url}/_emulator/ (reset, latency, faults, throttle, expire-sessions, requests)`,
    `Sign in: add a pod with URL ${pod.url}, username ${pod.admin.username} and the private key file above.`,
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.filter((l) => l !== undefined).join('\n'));
  let closing = false;
  const stop = (): void => {
    if (closing) { return; }
    closing = true;
    console.log('\nStopping the pod emulator…');
    void pod.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
