// The demo pod of the installed extension ("Symphony: Try the Demo Pod", src/pods/demoPodPart.ts): the emulator with
// its demo data, over HTTPS with a CA generated in this process (keys.ts, x509.ts: node:crypto only, no openssl, no
// key file shipped), on a port the OS picks, and on the loopback address only: nothing else on the network can reach it.
import { PodEmulator, startPodEmulator } from './index';

export const LOOPBACK = '127.0.0.1';

/** Starts the demo pod; `dataDir` receives the demo accounts' private keys (0600) and the CA the profile trusts. */
export function startLocalDemoPod(dataDir: string): Promise<PodEmulator> {
  return startPodEmulator({ host: LOOPBACK, port: 0, tls: true, dataDir });
}
