// A ToolHost over one pod's client, without `vscode`: what the MCP server (and a CLI) gives the tools. Writes go
// through the client, whose write gate (issue 15) applies to every non-GET request; an app update sends only what
// changed, and refuses when the pod's version changed since the tool read it (no diff to show here).
import { ActivityLog } from '../activity/activityLog';
import { PodApiError, PodClient, SearchLists, SEARCH_AREAS, applicationChanges, noChanges } from '../api';
import { checkPodExpiry } from '../credentials/expiryCheck';
import { sameManifest } from '../editors/manifestFormat';
import type { ExpiryReportResult, PodRef, ToolHost } from './tool';

const REPORT_FRESH_MS = 5 * 60 * 1000;

export interface ClientHostOptions {
  pod: Omit<PodRef, 'signedIn'>;
  client: PodClient;
  /** Days before expiry that the expiry report includes. */
  warningDays: number;
  /**
   * Seam for issue 15: why a production pod refuses writes until it is unlocked, or undefined once unlocked. Without
   * it, a production pod is never written to.
   */
  productionLock?: (pod: PodRef) => string | undefined;
  /** The activity log's folder (`--activity-log` / `SYMPHONY_ACTIVITY_LOG`), read by symphony_activity_log; none without it. */
  activityLogDir?: string;
}

export const isProduction = (pod: PodRef) => /^prod/i.test(pod.environment ?? '');

export function clientHost(options: ClientHostOptions): ToolHost {
  const { client } = options;
  const pod: PodRef = { ...options.pod, signedIn: true };
  const lists = new SearchLists(() => client);
  let report: { at: number; value: Promise<ExpiryReportResult> } | undefined;
  const notThisPod = (podId: string) => {
    if (podId !== pod.id) throw new PodApiError(`This server serves only the pod "${pod.id}".`, { kind: 'validation', field: 'podId' });
  };
  const log = options.activityLogDir ? new ActivityLog(options.activityLogDir) : undefined;
  return {
    pods: () => [pod],
    ...(log ? { activityLog: () => log.read() } : {}),
    client: clientOf,
    searchTarget: (podId) => (notThisPod(podId), { podId, client, lists, areas: SEARCH_AREAS }),
    expiryReport() {
      // Paging through the report (cursor 50, 100, …) reuses one check, as the editor's radar does, for 5 minutes.
      if (!report || Date.now() - report.at > REPORT_FRESH_MS) report = { at: Date.now(), value: expiryReportOf(client, pod, options.warningDays) };
      return report.value;
    },
    writeRefusal(target) {
      if (!isProduction(target)) return undefined;
      // The seam answers undefined once unlocked: only without a seam is production never written to.
      return options.productionLock ? options.productionLock(target)
        : `${target.label} is a production pod: agents do not change it until production is unlocked for this session.`;
    },
    async saveApplication(podId, appId, base, edited) {
      const current = await clientOf(podId).apps.getApplication(appId);
      if (!sameManifest(current, base)) {
        throw new PodApiError(`The application ${appId} was changed on ${pod.label} while this change was prepared: describe it again, then repeat the change.`, { kind: 'validation' });
      }
      const changes = applicationChanges(current, edited);
      return noChanges(changes) ? current : client.apps.updateApplication(appId, changes);
    },
    async updateEntitlement(podId, entitlement) {
      await clientOf(podId).apps.updatePodAppEntitlements([entitlement]);
    },
    async changeKeys(podId, appId, body) {
      await clientOf(podId).apps.updateApplication(appId, body);
      return client.apps.getApplication(appId);
    },
  };

  function clientOf(podId: string): PodClient {
    notThisPod(podId);
    return client;
  }
}

async function expiryReportOf(client: PodClient, pod: PodRef, warningDays: number): Promise<ExpiryReportResult> {
  try {
    return { items: await checkPodExpiry(client, pod, warningDays), problems: [], warningDays };
  } catch (error) {
    return { items: [], problems: [{ podLabel: pod.label, message: (error as Error).message }], warningDays };
  }
}
