// The expiry radar: for every signed-in pod, the company certificates and rotated app and service-account keys that expire within
// `symphonyPodAdmin.certificates.expiryWarningDays` or already have. A check reads each list at most once (the
// certificate list in one request, the app entitlement list in one request) and reuses what it read within the
// last `freshForMs`. The pod has no list that carries app keys, so an app's keys cost one GET when they are not
// already known and fresh (key commands and earlier checks keep them in `knownAppKeys`). Service accounts carry their
// keys in the user list: every page of it (1000 users a request) is read, reused like the certificate list, and kept
// in `knownAccountKeys`, which the account key commands update. Checks are single-flight.
import * as vscode from 'vscode';
import { CompanyCertInfoItem } from '../api';
import { PodSessions } from '../pods/podSessions';
import { PodStore } from '../pods/podStore';
import { expiryWarningDays } from '../tree/expiryDecorations';
import { describeError } from '../ui/errors';
import { AppKeyCache, KnownAppKeys, knownAccountKeys } from './appKeyCache';
import { PodManagedCertificates } from './podManagedCertificates';
import { ExpiryItem, appKeyItems, certificateItems, rotatedKeyItems, sortByDate } from './expiryItems';

export interface ExpiryProblem {
  podLabel: string;
  message: string;
}

export interface ExpiryReport {
  items: ExpiryItem[];
  problems: ExpiryProblem[];
  warningDays: number;
  checkedAt: number;
  podCount: number;
}

interface PodSnapshot {
  certs?: { list: CompanyCertInfoItem[]; readAt: number };
  appIds?: { list: string[]; readAt: number };
  accountIds?: { list: string[]; readAt: number };
}

const detailConcurrency = 4;

export class ExpiryRadar implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExpiryReport>();
  readonly onDidChange = this.changed.event;
  private readonly snapshots = new Map<string, PodSnapshot>();
  private running: Promise<ExpiryReport> | undefined;
  private last: ExpiryReport | undefined;

  constructor(
    private readonly store: PodStore,
    private readonly sessions: PodSessions,
    private readonly appKeys: AppKeyCache,
    private readonly podManaged: PodManagedCertificates,
    private readonly log: vscode.LogOutputChannel,
    private readonly freshForMs = 5 * 60 * 1000,
  ) {}

  /** The last report, if a check has run. */
  get report(): ExpiryReport | undefined {
    return this.last;
  }

  /** Checks every signed-in pod; `refresh` ignores what is cached (a pod just signed in, or "Refresh" in the report). */
  check(options: { refresh?: string[] | 'all' } = {}): Promise<ExpiryReport> {
    if (this.running) return this.running;
    const refresh = options.refresh ?? [];
    for (const podId of refresh === 'all' ? [...this.snapshots.keys()] : refresh) this.forget(podId);
    this.running = this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Drops what was read from a pod (sign-out, removal). */
  forget(podId: string): void {
    this.snapshots.delete(podId);
    this.appKeys.retain(podId);
    knownAccountKeys.retain(podId);
    this.podManaged.forget(podId);
  }

  /** The report again with items changed by a key command (no request). */
  recompute(): ExpiryReport | undefined {
    if (!this.last) return undefined;
    return this.publish(this.signedInPods(), this.last.problems);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async run(): Promise<ExpiryReport> {
    const pods = this.signedInPods();
    const problems: ExpiryProblem[] = [];
    await Promise.all(pods.map(async (pod) => {
      try {
        await this.read(pod.id);
      } catch (error) {
        const message = describeError(error);
        this.log.warn(`Expiry check, ${pod.label}: ${message}`);
        problems.push({ podLabel: pod.label, message });
      }
    }));
    return this.publish(pods, problems);
  }

  private publish(pods: Array<{ id: string; label: string }>, problems: ExpiryProblem[]): ExpiryReport {
    const now = Date.now();
    const warningDays = expiryWarningDays();
    const items = pods.flatMap((pod) => {
      const snapshot = this.snapshots.get(pod.id);
      const apps = new Map<string, KnownAppKeys>();
      for (const appId of snapshot?.appIds?.list ?? []) {
        const known = this.appKeys.get(pod.id, appId);
        if (known) apps.set(appId, known);
      }
      const accounts = new Map<string, KnownAppKeys>();
      for (const uid of snapshot?.accountIds?.list ?? []) {
        const known = knownAccountKeys.get(pod.id, uid);
        if (known) accounts.set(uid, known);
      }
      return [...certificateItems(pod, snapshot?.certs?.list ?? [], now, warningDays), ...appKeyItems(pod, apps, now, warningDays),
        ...rotatedKeyItems(pod, accounts, 'accountKey', now, warningDays)];
    });
    this.last = { items: sortByDate(items), problems, warningDays, checkedAt: now, podCount: pods.length };
    this.changed.fire(this.last);
    return this.last;
  }

  private signedInPods(): Array<{ id: string; label: string }> {
    return this.store.list().filter((p) => this.sessions.state(p.id) === 'signedIn').map((p) => ({ id: p.id, label: p.label }));
  }

  private async read(podId: string): Promise<void> {
    const snapshot = this.snapshots.get(podId) ?? {};
    this.snapshots.set(podId, snapshot);
    const client = this.sessions.client(podId);
    const now = Date.now();
    const stale = (readAt: number | undefined) => readAt === undefined || now - readAt > this.freshForMs;
    const reads: Array<Promise<void>> = [];
    if (this.sessions.can(podId, 'certificates') && stale(snapshot.certs?.readAt)) {
      // Every page: a pod may cap an unpaged list, and a certificate missed here is the outage this report prevents.
      // A pod with fewer than a page of certificates answers in one request.
      reads.push(client.certs.listAllCompanyCertificates().then((list) => void (snapshot.certs = { list, readAt: now })));
      // The pod's own certificates, for the tree's mark (a short list, read with the certificates it marks). Not an
      // expiry problem when it fails: the delete asks the pod again anyway.
      reads.push(client.certs.listAllPodManagedCertificates().then(
        (list) => this.podManaged.remember(podId, list),
        (error) => this.log.warn(`Expiry check: could not read the pod-managed certificates: ${describeError(error)}`),
      ));
    }
    if (this.sessions.can(podId, 'applications')) {
      reads.push((async () => {
        if (stale(snapshot.appIds?.readAt)) {
          const list = (await client.apps.listPodAppEntitlements()).map((e) => e.appId);
          snapshot.appIds = { list, readAt: now };
          this.appKeys.retain(podId, list);
        }
        const missing = snapshot.appIds!.list.filter((appId) => stale(this.appKeys.get(podId, appId)?.readAt));
        await inBatches(missing, detailConcurrency, async (appId) => {
          this.appKeys.remember(podId, appId, await client.apps.getApplication(appId));
        });
      })());
    }
    if (this.sessions.can(podId, 'accounts') && stale(snapshot.accountIds?.readAt)) {
      reads.push((async () => {
        const list: string[] = [];
        for (let next: number | undefined = 0; next !== undefined;) {
          const page = await client.users.pageServiceAccounts(next, 1);
          for (const account of page.items) {
            const uid = String(account.userSystemInfo?.id);
            knownAccountKeys.remember(podId, uid, account);
            list.push(uid);
          }
          next = page.next;
        }
        knownAccountKeys.retain(podId, list);
        snapshot.accountIds = { list, readAt: now };
      })());
    }
    // Every read ends before the pod's check does (a refused first read must not leave the others still going, or
    // "the check is done" would not mean its requests are), and the first failure is the pod's problem.
    const failed = (await Promise.allSettled(reads)).find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

async function inBatches<T>(items: T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
