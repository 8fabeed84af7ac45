// The built-in demo pod: `npm start` runs the pod emulator and tells the extension about it through the
// SYMPHONY_POD_ADMIN_DEMO_POD environment variable (a JSON file). The extension adds it as "Demo pod" and signs in.
// An environment variable is set by whoever starts VS Code, never by an opened folder.
import * as fs from 'node:fs/promises';
import { normalizePodUrl } from '../api';
import { PodEnvironment, PodProfile } from './podProfile';
import { PodSessions } from './podSessions';
import { PodStore } from './podStore';

export const demoPodId = 'demo';

interface DemoPodFile {
  label?: string;
  podUrl: string;
  authMethod?: 'rsa';
  username: string;
  privateKeyPath: string;
  caBundlePath?: string;
  environment?: PodEnvironment;
}

export async function addDemoPod(store: PodStore, sessions: PodSessions, log: (line: string) => void): Promise<void> {
  const file = process.env.SYMPHONY_POD_ADMIN_DEMO_POD;
  if (!file) return;
  const demo = JSON.parse(await fs.readFile(file, 'utf8')) as DemoPodFile;
  const profile: PodProfile = {
    id: demoPodId,
    label: demo.label ?? 'Demo pod',
    podUrl: normalizePodUrl(demo.podUrl),
    authMethod: 'rsa',
    username: demo.username,
    privateKeyPath: demo.privateKeyPath,
    caBundlePath: demo.caBundlePath,
    ...(demo.environment ? { environment: demo.environment } : {}),
  };
  const existing = store.get(demoPodId);
  if (JSON.stringify(existing) !== JSON.stringify(profile)) {
    await store.save(profile);
    await sessions.profileChanged(demoPodId);
  }
  if (!store.currentId || store.currentId === demoPodId) await store.setCurrent(demoPodId);
  const user = await sessions.signIn(demoPodId);
  log(`Demo pod at ${profile.podUrl}: signed in as ${user.username}`);
}
