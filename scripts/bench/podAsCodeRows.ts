// Pod as code at scale: export and plan of a pod with 1,000 apps, 10,000 certificates and 2,000 groups at 50 ms per
// request, against the floor the issue sets: one listing pass plus one detail read per app. The floor is measured,
// not computed: the same client makes exactly those reads (the three listings side by side, the app reads 8 at a
// time, as the engine does) into memory, with no folder and no comparison.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { PodClient } from '../../src/api';
import { READ_CONCURRENCY, mapConcurrently } from '../../src/podAsCode/concurrency';
import { exportPod, hasWrites, planFolder } from '../../src/podAsCode';
import { CERTS, GROUPS, LATENCY_MS, command, withPod } from './nodeRows';
import { BenchRow, ms } from './report';

export const APPS = 1_000;
const CERT_LIST = '/pod/v1/companycert/list';
export const POD_AS_CODE_ROWS = ['podcode-export', 'podcode-plan'];

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** One listing pass of every kind plus one detail read per app: what no export or plan can do with less. */
async function floorReads(client: PodClient): Promise<number> {
  const [certs, apps, groups] = await Promise.all([
    client.certs.listAllCompanyCertificates(),
    client.apps.listPodAppEntitlements().then((list) => mapConcurrently(list, READ_CONCURRENCY, (e) => client.apps.getApplication(e.appId))),
    client.groups.listTypes().then((types) => Promise.all(types.map((t) => client.groups.listAllGroups(t.id!)))),
  ]);
  return certs.length + apps.length + groups.flat().length;
}

export async function podAsCodeRows(want: (id: string) => boolean): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const scale = `${APPS.toLocaleString('en')} apps, ${CERTS.toLocaleString('en')} certificates, ${GROUPS.toLocaleString('en')} groups, ${LATENCY_MS} ms latency`;
  await withPod({ scale: { apps: APPS, certs: CERTS, groups: GROUPS } }, async ({ emulator, client: newClient }) => {
    const control = emulator.control;
    const client = await newClient();
    await client.groups.listTypes(); // the Profile Manager bearer, untimed
    await control.setLatency(LATENCY_MS);
    const requests = async () => (await control.requests()).filter((r) => !r.path.startsWith('/login/'));
    const count = (log: Array<{ path: string }>, path: string) => log.filter((r) => r.path === path).length;

    await control.clearRequests();
    const floor = await timed(() => floorReads(client));
    const floorLog = await requests();
    const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-podcode-')), 'bench.symphony-pod');
    try {
      await control.clearRequests();
      const exported = await timed(() => exportPod(client, folder));
      const exportLog = await requests();
      await control.clearRequests();
      const planned = await timed(() => planFolder(client, folder));
      const planLog = await requests();
      const floorRequests = floorLog.length;
      const row = (id: string, what: string, t: { ms: number }, log: Array<{ path: string }>, extra: string): BenchRow => {
        const n = log.length;
        const podManaged = count(log, '/pod/v1/companycert/podmanaged/list');
        const certPages = count(log, CERT_LIST) - count(floorLog, CERT_LIST);
        return {
        id, measure: `${what} (${scale})`,
        result: `${ms(t.ms)}, ${n} requests vs floor ${ms(floor.ms)}, ${floorRequests} requests = ${(t.ms / floor.ms).toFixed(2)} × time; ${extra}`,
        value: Math.round(t.ms), unit: 'ms', goal: '≤ 1.25 × floor (one listing pass + one detail read per app)',
        ratio: t.ms / floor.ms / 1.25, met: t.ms <= 1.25 * floor.ms, command: command(id),
        note: n !== floorRequests
          ? `${n - floorRequests} request(s) from the floor: ${podManaged} for the pod-managed certificate list (they never enter the folder), ` +
            (certPages > 0
              ? `${certPages} certificate page(s) past the end (the listing's window of concurrent pages overshoots by a varying amount before the short page arrives).`
              : certPages < 0 ? `${-certPages} certificate page(s) fewer than the floor's listing.` : 'the same certificate pages as the floor.')
          : undefined,
        details: { ms: t.ms, requests: n, floorMs: floor.ms, floorRequests, floorItems: floor.value },
        };
      };
      if (want('podcode-export')) {
        const files = Object.values(exported.value.counts).reduce((a, b) => a + b, 0);
        rows.push(row('podcode-export', 'export a pod to a new folder', exported, exportLog, `${files} resources, ${exported.value.written.length} files written`));
      }
      if (want('podcode-plan')) {
        rows.push(row('podcode-plan', 'plan the exported folder against the same pod', planned, planLog, `${planned.value.changes.length} resources compared, ${hasWrites(planned.value) ? 'changes found (unexpected)' : 'no change'}`));
      }
    } finally {
      fs.rmSync(path.dirname(folder), { recursive: true, force: true });
    }
  });
  return rows;
}
