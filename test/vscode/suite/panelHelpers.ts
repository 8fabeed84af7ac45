// Driving the detail panels from extension-host tests through the host's test hooks: what a view's webview sends
// reaches `panels.handleMessage`, and what the host sends back is logged in `panels.postedMessages`.
import type { HostToView, ViewToHost } from '../../../src/editors/webviewMessages';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { addRsaPod, child, children, extensionApi, podNode, removePod, startEmulator } from './helpers';

export type Load = Extract<HostToView, { type: 'load' }>;

/** Polls a message log until `find` matches an entry logged after the first `after` entries. */
export async function waitFor<T, U extends T = T>(log: () => readonly T[], after: number, find: (m: T) => m is U): Promise<U> {
  for (;;) {
    const hit = log().slice(after).find(find);
    if (hit) return hit;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The first load posted after `after` messages. It waits for the load the real webview asks for ('ready' when its
 * script starts): answering for a slow webview as well made two loads, and the late one's request landed in the
 * next step's request log.
 */
export async function nextLoad(api: SymphonyPodAdminApi, key: string, after: number): Promise<Load> {
  return waitFor(() => api.panels.postedMessages(key), after, (m): m is Load => m.type === 'load');
}

/** The next draft the view reports after `after` received messages. */
export function nextDraftReport(api: SymphonyPodAdminApi, key: string, after: number): Promise<Extract<ViewToHost, { type: 'draft' }>> {
  return waitFor(() => api.panels.receivedMessages(key), after, (m): m is Extract<ViewToHost, { type: 'draft' }> => m.type === 'draft');
}

/** Sends a message as the view would and returns what the host posted back while handling it. */
export async function exchange(api: SymphonyPodAdminApi, key: string, message: unknown): Promise<HostToView[]> {
  const before = api.panels.postedMessages(key).length;
  await api.panels.handleMessage(key, message);
  return api.panels.postedMessages(key).slice(before);
}

/** One suite's pod on its own emulator, added before the suite and removed after it, with the panel logs at hand. */
export interface PanelPod {
  api: SymphonyPodAdminApi;
  emulator: PodEmulator;
  podId: string;
  pod: TreeNode;
  requests(): ReturnType<PodEmulator['control']['requests']>;
  /** The requests that change something (not GET). */
  writes(): ReturnType<PodEmulator['control']['requests']>;
  posted(key: string): readonly HostToView[];
  /** The first node `depth` levels under a category: ('Groups', 2) is the first group of the first type. */
  first(category: string, depth?: number): Promise<TreeNode>;
}

export function panelPod(label: string): PanelPod {
  const t = {
    requests: () => t.emulator.control.requests(),
    writes: () => t.requests().filter((r) => r.method !== 'GET'),
    posted: (key: string) => t.api.panels.postedMessages(key),
    async first(category: string, depth = 1) {
      let node = await child(t.api, t.pod, category);
      for (let i = 0; i < depth; i++) node = (await children(t.api, node))[0];
      return node;
    },
  } as PanelPod;
  before(async () => {
    t.api = await extensionApi();
    t.emulator = await startEmulator();
    t.podId = await addRsaPod(t.api, t.emulator, label);
    t.pod = await podNode(t.api, t.podId);
  });
  after(async () => {
    for (const key of t.api.panels.openKeys()) t.api.panels.close(key);
    await removePod(t.api, t.podId);
    await t.emulator.close();
  });
  return t;
}
