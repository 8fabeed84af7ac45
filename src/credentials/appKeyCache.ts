// What the extension last read of each app's RSA keys (fingerprints and rotated-key expiry only, never a key),
// per pod, with when it was read. The tree tooltip shows it without a request per app, the expiry radar reuses it
// while fresh, and the key commands update it after every change.
import { ApplicationDetail } from '../api';
import { AppKeyInfo, appKeyInfos } from './keyRotation';

export interface KnownAppKeys {
  name: string;
  keys: AppKeyInfo[];
  readAt: number;
}

export class AppKeyCache {
  private readonly pods = new Map<string, Map<string, KnownAppKeys>>();

  remember(podId: string, appId: string, detail: ApplicationDetail, now = Date.now()): KnownAppKeys {
    const known = { name: detail.applicationInfo?.name || appId, keys: appKeyInfos(detail), readAt: now };
    this.pod(podId).set(appId, known);
    return known;
  }

  get(podId: string, appId: string): KnownAppKeys | undefined {
    return this.pods.get(podId)?.get(appId);
  }

  /** Forgets apps no longer on the pod (keeps those in `appIds`), or the whole pod without a list. */
  retain(podId: string, appIds?: Iterable<string>): void {
    if (!appIds) {
      this.pods.delete(podId);
      return;
    }
    const keep = new Set(appIds);
    const pod = this.pod(podId);
    for (const appId of [...pod.keys()]) if (!keep.has(appId)) pod.delete(appId);
  }

  private pod(podId: string): Map<string, KnownAppKeys> {
    let pod = this.pods.get(podId);
    if (!pod) this.pods.set(podId, (pod = new Map()));
    return pod;
  }
}

/** The one cache the tree, the radar and the key commands share (created with the extension's module). */
export const knownAppKeys = new AppKeyCache();
