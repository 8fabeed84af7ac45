// One pod's expiry check without `vscode` and without a cache, for callers outside the editor (the MCP server): the
// certificate list (every page), the app entitlement list, then each app's keys (4 at a time), into the expiry
// radar's rows. The radar (expiryRadar.ts) does the same over every signed-in pod, reusing what it read recently.
import { PodClient } from '../api';
import { KnownAppKeys } from './appKeyCache';
import { ExpiryItem, appKeyItems, certificateItems, sortByDate } from './expiryItems';
import { appKeyInfos } from './keyRotation';

export async function checkPodExpiry(client: PodClient, pod: { id: string; label: string }, warningDays: number, now = Date.now()): Promise<ExpiryItem[]> {
  const [certs, entitlements] = await Promise.all([client.certs.listAllCompanyCertificates(), client.apps.listPodAppEntitlements()]);
  const apps = new Map<string, KnownAppKeys>();
  const queue = entitlements.map((e) => e.appId);
  const worker = async () => {
    for (let appId = queue.shift(); appId !== undefined; appId = queue.shift()) {
      const detail = await client.apps.getApplication(appId);
      apps.set(appId, { name: detail.applicationInfo?.name || appId, keys: appKeyInfos(detail), readAt: now });
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  return sortByDate([...certificateItems(pod, certs, now, warningDays), ...appKeyItems(pod, apps, now, warningDays)]);
}
