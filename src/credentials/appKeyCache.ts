// What the extension last read of each key holder's RSA keys (fingerprints and rotated-key expiry only, never a key),
// per pod, with when it was read: apps (`knownAppKeys`) and service accounts (`knownAccountKeys`). The tree shows
// it without a request per item, the expiry radar reuses it while fresh, and the key commands update it after every
// change.
import { ApplicationDetail, V2UserDetail } from '../api';
import { AppKeyInfo, HeldKeys, appKeyHolder, keyInfos, serviceAccountKeyHolder } from './keyRotation';

export interface KnownAppKeys {
  name: string;
  keys: AppKeyInfo[];
  readAt: number;
}

export class KeyCache<D> {
  private readonly pods = new Map<string, Map<string, KnownAppKeys>>();

  constructor(private readonly describe: (id: string, detail: D) => { name: string; keys: HeldKeys }) {}

  remember(podId: string, id: string, detail: D, now = Date.now()): KnownAppKeys {
    const { name, keys } = this.describe(id, detail);
    const known = { name, keys: keyInfos(keys), readAt: now };
    this.pod(podId).set(id, known);
    return known;
  }

  get(podId: string, id: string): KnownAppKeys | undefined {
    return this.pods.get(podId)?.get(id);
  }

  /** Everything known of a pod. */
  all(podId: string): ReadonlyMap<string, KnownAppKeys> {
    return this.pods.get(podId) ?? new Map();
  }

  /** Forgets items no longer on the pod (keeps those in `ids`), or the whole pod without a list. */
  retain(podId: string, ids?: Iterable<string>): void {
    if (!ids) {
      this.pods.delete(podId);
      return;
    }
    const keep = new Set(ids);
    const pod = this.pod(podId);
    for (const id of [...pod.keys()]) if (!keep.has(id)) pod.delete(id);
  }

  private pod(podId: string): Map<string, KnownAppKeys> {
    let pod = this.pods.get(podId);
    if (!pod) this.pods.set(podId, (pod = new Map()));
    return pod;
  }
}

export type AppKeyCache = KeyCache<ApplicationDetail>;

/** The caches the tree, the radar and the key commands share (created with the extension's module). */
export const knownAppKeys: AppKeyCache = new KeyCache<ApplicationDetail>((appId, detail) => ({ name: detail.applicationInfo?.name || appId, keys: appKeyHolder.keysOf(detail) }));
/** Keyed by user id. */
export const knownAccountKeys = new KeyCache<V2UserDetail>((uid, detail) => ({
  name: detail.userAttributes?.displayName || detail.userAttributes?.userName || uid, keys: serviceAccountKeyHolder.keysOf(detail),
}));
