// The built-in demo pod: `npm start` runs the pod emulator and tells the extension about it through the
// SYMPHONY_POD_ADMIN_DEMO_POD environment variable (a JSON file). The extension adds it as "Demo pod" and signs in.
// An environment variable is set by whoever starts VS Code, never by an opened folder.
// "Symphony: Try the Demo Pod" (demoPodPart.ts, in the installed extension) shows its own pod the same way.
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
  await showDemoPod(store, sessions, profile, false, log);
}

/** Saves a demo pod's profile (its sign-in is dropped only when the profile changed), makes it current and signs in. */
export async function showDemoPod(store: PodStore, sessions: PodSessions, profile: PodProfile, makeCurrent: boolean, log: (line: string) => void): Promise<void> {
  const existing = store.get(profile.id);
  if (JSON.stringify(existing) !== JSON.stringify(profile)) {
    await store.save(profile);
    await sessions.profileChanged(profile.id);
  }
  if (makeCurrent || !store.currentId || store.currentId === profile.id) await store.setCurrent(profile.id);
  const user = await sessions.signIn(profile.id);
  log(`${profile.label} at ${profile.podUrl}: signed in as ${user.username}`);
}
