// The bench's extension-tests entry, loaded inside the real VS Code extension host by scripts/bench/host.ts (never
// part of `npm test` or `npm run test:vscode`). It measures and writes numbers to the JSON file named by
// SYMPHONY_BENCH_OUT; it asserts nothing, so a missed goal never fails it.
//
//   activation   the bundle is loaded first (timed separately), then the cached module's activate() is wrapped
//                with performance.now(), so "activate()" is exactly our function, and ext.activate() the whole
//                activation as VS Code runs it (ExtensionContext, storage, secrets, plus our activate()).
//                SYMPHONY_BENCH_PROFILE=FILE (`--profile FILE`) writes a CPU profile of both to FILE.
//   tree         10,000 certificates, 50 ms per request: expand "Certificates" (first page), then load every
//                certificate (the list's filter path: listAllCompanyCertificates) and build every tree item, as
//                the view would; heap growth of the extension host across that, after a full GC each side.
//   refresh      "Refresh" on the Certificates node, then expanding it again: requests sent.
//   detail       "Open" on a certificate (symphonyPodAdmin.certs.open, the detail panel): requests sent.
//   save         saveApplication (src/editors/applicationSave.ts) of a manifest with one edited field: requests sent.
//   signin-first sign-in to a signed-out pod (symphonyPodAdmin.pods.signIn, 10,000 certificates, 50 ms per request),
//                then the pod's categories and the first page of Certificates, as the view asks for them: time and
//                every request the emulator logged in each step, whoever sent it (the expiry check a sign-in starts
//                runs alongside); what it sends after the first page is counted apart.
//   tree-100k    the tree measurement again at 100,000 certificates (first page, then the whole list and heap growth).
//   accounts     the first page of "Service accounts" at 50,000 users of which 20 are service accounts, 50 ms per
//                request: the user list has no account-type filter, so its pages of 1,000 are read until a page is full.
//   names        people by name: expanding "Accepted" with 100 connections, a group with 100 members, and hovering
//                every certificate of a page ("updated by"): requests sent (one users lookup per page of ids).
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import type { SymphonyPodAdminApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { PodEmulator } from '../../../src/podEmulator';
import { saveApplication } from '../../../src/editors/applicationSave';
import type { Scale } from '../../../src/podEmulator/seed';
import { addRsaPod, backgroundReads, child, startEmulator } from '../suite/helpers';
import { nextLoad } from '../suite/panelHelpers';

const EXTENSION_ID = 'symphony-pod-admin.symphony-pod-admin';

export interface RequestCount { requests: string[]; duplicates: number }

export interface HostBenchResults {
  vscodeVersion: string;
  node: string;
  activation?: {
    wasAlreadyActive: boolean;
    loadMs?: number;
    activateFnMs?: number;
    /** When activate()'s last registration ran, ms after it began (the registrations run in the turns after it returns). */
    registeredMs?: number;
    extActivateMs?: number;
    /** VS Code's own code-loading marks (ms resolution) when it loaded the module itself. */
    vscodeMarks?: Record<string, number>;
  };
  tree?: TreeResults;
  tree100k?: TreeResults;
  signIn?: {
    certs: number;
    latencyMs: number;
    signInMs: number;
    signIn: RequestCount;
    categoriesMs: number;
    categories: RequestCount;
    firstPageMs: number;
    firstPage: RequestCount;
    firstPageNodes: number;
    /** What the extension sent on its own meanwhile (the expiry check a sign-in starts), after the first page. */
    background: RequestCount;
  };
  accounts?: { users: number; serviceAccounts: number; latencyMs: number; firstPageMs: number; firstPage: RequestCount; firstPageNodes: number };
  refresh?: RequestCount;
  detail?: RequestCount;
  save?: RequestCount;
  names?: { connections: RequestCount; members: RequestCount; hover: RequestCount; connectionCount: number; memberCount: number; hovered: number };
  errors: string[];
}

export interface TreeResults {
  certs: number;
  latencyMs: number;
  firstChildrenMs: number;
  firstChildrenRequests: number;
  firstChildren: number;
  fullListMs: number;
  fullListRequests: number;
  fullListNodes: number;
  treeItemsMs: number;
  /** The issuer lookup (CertificatesNode.isIssuer / issuedCount) for every loaded certificate once, as createNode does. */
  issuerLookupMs: number;
  heapBefore: number;
  heapAfter: number;
  heapGrowth: number;
  gc: boolean;
}

function collectGarbage(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function heapUsed(gc: (() => void) | undefined): number {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

async function measureActivation(results: HostBenchResults): Promise<SymphonyPodAdminApi> {
  const extension = vscode.extensions.getExtension<SymphonyPodAdminApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const activation: NonNullable<HostBenchResults['activation']> = { wasAlreadyActive: extension.isActive };
  results.activation = activation;
  // Activated at start-up (onStartupFinished) before this entry could wrap it: activate() timed itself.
  const timedItself = (api: SymphonyPodAdminApi) => {
    activation.activateFnMs ??= api.activationMs;
    activation.registeredMs = api.registeredMs;
  };
  if (extension.isActive) {
    timedItself(extension.exports);
    return extension.exports;
  }

  const main = require.resolve(path.join(extension.extensionPath, 'dist', 'extension.js'));
  const profile = await startProfile(process.env.SYMPHONY_BENCH_PROFILE);
  let started = performance.now();
  const loaded = require(main) as { activate: (context: vscode.ExtensionContext) => SymphonyPodAdminApi; deactivate?: () => void };
  activation.loadMs = performance.now() - started;
  // VS Code requires the same file and gets this cached module's exports: wrap activate() to time exactly our function.
  const cached = require.cache[main];
  if (cached) {
    cached.exports = {
      activate: (context: vscode.ExtensionContext) => {
        const t0 = performance.now();
        try {
          return loaded.activate(context);
        } finally {
          activation.activateFnMs = performance.now() - t0;
        }
      },
      deactivate: () => loaded.deactivate?.(),
    };
  }
  started = performance.now();
  const api = await extension.activate();
  activation.extActivateMs = performance.now() - started;
  await profile?.stop();
  timedItself(api);
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): Array<{ name: string; startTime: number }> } }).MonacoPerformanceMarks?.getMarks();
  if (marks) {
    activation.vscodeMarks = Object.fromEntries(marks.filter((m) => m.name.includes(EXTENSION_ID)).map((m) => [m.name, m.startTime]));
  }
  return api;
}

/**
 * `npm run bench -- --only activation --profile FILE`: a CPU profile (100 µs samples) of loading the bundle and
 * activating, written to FILE (open it in Chrome DevTools or VS Code). The in-process inspector, so nothing to attach.
 */
async function startProfile(file: string | undefined): Promise<{ stop(): Promise<void> } | undefined> {
  if (!file) return undefined;
  const inspector = await import('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = await post<{ profile: unknown }>('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Expands "Certificates" (first page), then loads and builds every certificate node; heap growth across the whole list. */
async function measureListing(api: SymphonyPodAdminApi, certificates: TreeNode, control: PodEmulator['control'], certs: number, latencyMs: number): Promise<{ tree: TreeResults; first: TreeNode[] }> {
  const gc = collectGarbage();
  control.setLatency(latencyMs);
  const listRequests = () => control.requests().filter((r) => r.path.startsWith('/pod/v1/companycert/'));

  const heapBefore = heapUsed(gc);
  control.clearRequests();
  let started = performance.now();
  const first = await api.tree.getChildren(certificates);
  first.forEach((node) => api.tree.getTreeItem(node));
  const firstChildrenMs = performance.now() - started;
  const firstChildrenRequests = listRequests().length;

  // The whole list: a filter that every certificate matches loads the rest (listAllCompanyCertificates) and
  // shows every item; building each TreeItem is what the view does next.
  control.clearRequests();
  (certificates as TreeNode & { filter?: string }).filter = '';
  started = performance.now();
  const all = await api.tree.getChildren(certificates);
  const fullListMs = performance.now() - started;
  const fullListRequests = listRequests().length;
  started = performance.now();
  all.forEach((node) => api.tree.getTreeItem(node));
  const treeItemsMs = performance.now() - started;
  const heapAfter = heapUsed(gc);
  // The issuer lookup createNode makes for every certificate (isIssuer; issuedCount before 115d622, which was O(n) per node).
  const list = certificates as TreeNode & {
    isIssuer?: (fingerPrint: string | undefined) => boolean;
    issuedCount?: (fingerPrint: string | undefined) => number;
    loadedItems?: Array<{ companyCertInfo?: { fingerPrint?: string } }>;
  };
  const lookup = list.isIssuer?.bind(list) ?? list.issuedCount?.bind(list);
  started = performance.now();
  for (const item of list.loadedItems ?? []) lookup?.(item.companyCertInfo?.fingerPrint);
  const issuerLookupMs = performance.now() - started;
  (certificates as TreeNode & { filter?: string }).filter = undefined;
  return {
    first,
    tree: {
      issuerLookupMs,
      certs, latencyMs, firstChildrenMs, firstChildrenRequests, firstChildren: first.length, fullListMs, fullListRequests,
      fullListNodes: all.length, treeItemsMs, heapBefore, heapAfter, heapGrowth: heapAfter - heapBefore, gc: gc !== undefined,
    },
  };
}

/** A pod added through "Add Pod…" on a fresh emulator, signed in, its background reads done; the emulator is closed after `fn`. */
async function withPod<T>(api: SymphonyPodAdminApi, scale: Scale, label: string, fn: (podId: string, control: PodEmulator['control']) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ scale });
  try {
    const podId = await addRsaPod(api, emulator, label);
    await api.tree.getChildren();
    return await fn(podId, emulator.control);
  } finally {
    // The profile is a throwaway folder the runner deletes; only the emulator needs closing.
    await emulator.close();
  }
}

async function measureTree(api: SymphonyPodAdminApi, results: HostBenchResults, actions: boolean): Promise<void> {
  const certs = Number(process.env.SYMPHONY_BENCH_CERTS || 10_000);
  const latencyMs = Number(process.env.SYMPHONY_BENCH_LATENCY_MS || 50);
  await withPod(api, { certs, groups: 10 }, 'Bench pod', async (podId, control) => {
    const certificates = await child(api, api.tree.podNode(podId) as TreeNode, 'Certificates');
    const { tree, first } = await measureListing(api, certificates, control, certs, latencyMs);
    results.tree = tree;
    if (!actions) return;
    // Refresh one node: "Refresh" on Certificates (filter cleared), then the view asks for its children again.
    control.setLatency(0);
    control.clearRequests();
    await vscode.commands.executeCommand('symphonyPodAdmin.tree.refreshNode', certificates);
    await api.tree.getChildren(certificates);
    results.refresh = countRequests(control.requests());
    await measureActions(api, podId, first, control, results);
  });
}

/** tree-100k: the same listing at 100,000 certificates, to show how the cost grows from 10,000. */
async function measureTree100k(api: SymphonyPodAdminApi, results: HostBenchResults): Promise<void> {
  const latencyMs = Number(process.env.SYMPHONY_BENCH_LATENCY_MS || 50);
  await withPod(api, { certs: 100_000, groups: 3 }, 'Bench pod 100k', async (podId, control) => {
    const certificates = await child(api, api.tree.podNode(podId) as TreeNode, 'Certificates');
    results.tree100k = (await measureListing(api, certificates, control, 100_000, latencyMs)).tree;
  });
}

/**
 * signin-first: signed out, then "Sign in" on the pod node with 50 ms per request; the clock runs from the command
 * to the categories and on to the first page of Certificates, each as the view asks for it.
 */
async function measureSignIn(api: SymphonyPodAdminApi, results: HostBenchResults): Promise<void> {
  const certs = Number(process.env.SYMPHONY_BENCH_CERTS || 10_000);
  const latencyMs = Number(process.env.SYMPHONY_BENCH_LATENCY_MS || 50);
  await withPod(api, { certs, groups: 10 }, 'Sign-in bench pod', async (podId, control) => {
    await vscode.commands.executeCommand('symphonyPodAdmin.pods.signOut', api.tree.podNode(podId));
    control.setLatency(latencyMs);
    control.clearRequests();
    const started = performance.now();
    await vscode.commands.executeCommand('symphonyPodAdmin.pods.signIn', api.tree.podNode(podId));
    const signInMs = performance.now() - started;
    const afterSignIn = control.requests().length;
    const categories = await api.tree.getChildren(api.tree.podNode(podId) as TreeNode);
    categories.forEach((node) => api.tree.getTreeItem(node));
    const categoriesMs = performance.now() - started;
    const afterCategories = control.requests().length;
    const certificates = categories.find((node) => api.tree.getTreeItem(node).label === 'Certificates');
    if (!certificates) throw new Error('no "Certificates" under the pod after sign-in');
    const first = await api.tree.getChildren(certificates);
    first.forEach((node) => api.tree.getTreeItem(node));
    const firstPageMs = performance.now() - started;
    const afterFirst = control.requests().length;
    await backgroundReads(api);
    const all = control.requests();
    results.signIn = {
      certs, latencyMs, signInMs, categoriesMs, firstPageMs, firstPageNodes: first.length,
      signIn: countRequests(all.slice(0, afterSignIn)),
      categories: countRequests(all.slice(afterSignIn, afterCategories)),
      firstPage: countRequests(all.slice(afterCategories, afterFirst)),
      // The expiry check a sign-in starts, as far as it had not run before the first page: counted apart.
      background: countRequests(all.slice(afterFirst)),
    };
  });
}

/** accounts-first: the first page of "Service accounts" at 50,000 users, 20 of them service accounts. */
async function measureAccounts(api: SymphonyPodAdminApi, results: HostBenchResults): Promise<void> {
  const latencyMs = Number(process.env.SYMPHONY_BENCH_LATENCY_MS || 50);
  const users = 50_000;
  const serviceAccounts = 20;
  await withPod(api, { users, serviceAccounts, certs: 10, groups: 3 }, 'Accounts bench pod', async (podId, control) => {
    const node = await child(api, api.tree.podNode(podId) as TreeNode, 'Service accounts');
    control.setLatency(latencyMs);
    control.clearRequests();
    const started = performance.now();
    const first = await api.tree.getChildren(node);
    first.forEach((n) => api.tree.getTreeItem(n));
    const firstPageMs = performance.now() - started;
    results.accounts = { users, serviceAccounts, latencyMs, firstPageMs, firstPage: countRequests(control.requests()), firstPageNodes: first.length };
  });
}

async function measureActions(api: SymphonyPodAdminApi, podId: string, first: TreeNode[], control: PodEmulator['control'], results: HostBenchResults): Promise<void> {
  try {
    // Open a certificate's detail: the "Open" command on a certificate node (a webview panel that loads the detail).
    const certNode = first.find((node) => api.tree.getTreeItem(node).contextValue === 'certificate');
    if (certNode) {
      const opened = (await vscode.commands.getCommands(true)).includes('symphonyPodAdmin.certs.open');
      if (!opened) throw new Error('symphonyPodAdmin.certs.open is not registered');
      control.clearRequests();
      const key = await vscode.commands.executeCommand<string>('symphonyPodAdmin.certs.open', certNode);
      if (!key) throw new Error('symphonyPodAdmin.certs.open returned no panel key');
      // The panel's first load is posted once its webview asked for it and the detail (with names) came back.
      await nextLoad(api, key, 0);
      results.detail = countRequests(control.requests());
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  } catch (error) {
    results.errors.push(`detail: ${(error as Error)?.stack ?? error}`);
  }
  // Save a manifest: saveApplication of the pod's version with one field edited (no conflict). The first seeded app
  // holds a numeric property value, as real pods do: it must not cost a request or block the save.
  try {
    const appId = [...control.state.apps.keys()][0];
    const client = api.sessions.client(podId);
    const current = await client.apps.getApplication(appId);
    const log = vscode.window.createOutputChannel('Symphony bench', { log: true });
    try {
      control.clearRequests();
      await saveApplication({ store: api.store, sessions: api.sessions, tree: api.tree, promptHost: api.promptHost, log }, {
        podId, appId, edited: { ...current, description: 'Edited by the bench' }, base: current,
      });
      results.save = countRequests(control.requests());
    } finally {
      log.dispose();
    }
  } catch (error) {
    results.errors.push(`save: ${(error as Error)?.stack ?? error}`);
  }
}

/** Names for ids: each list of up to 100 people costs one GET /pod/v3/users, whether connections, members or hovers. */
async function measureNames(api: SymphonyPodAdminApi, results: HostBenchResults): Promise<void> {
  const people = 100;
  const emulator = await startEmulator({ scale: { connections: people * 4, groups: 3, certs: 100 } });
  try {
    const state = emulator.control.state;
    const group = [...state.groups.values()][0];
    const internal = [...state.directory.values()].filter((u) => u.internal);
    for (let i = internal.length; i < people; i++) {
      const id = internal[0].id + 100_000 + i;
      state.directory.set(id, { ...internal[0], id, username: `bench.member${i}`, displayName: `Bench Member ${i}`, emailAddress: `bench.member${i}@acme.example` });
    }
    group.members = [...state.directory.values()].filter((u) => u.internal).slice(0, people)
      .map((u) => ({ memberTenant: state.podId, memberId: u.id, addedDate: new Date().toISOString(), status: 'ENABLED' as const }));
    const podId = await addRsaPod(api, emulator, 'Names bench pod');
    await api.tree.getChildren();
    const pod = api.tree.podNode(podId) as TreeNode;
    const control = emulator.control;

    const accepted = await child(api, await child(api, pod, 'Connections'), 'Accepted');
    control.clearRequests();
    const connections = await api.tree.getChildren(accepted);
    connections.forEach((node) => api.tree.getTreeItem(node));
    const connectionCount = countRequests(control.requests());

    const type = (await api.tree.getChildren(await child(api, pod, 'Groups')))[0];
    const groupNode = (await api.tree.getChildren(type)).find((node) => api.tree.getTreeItem(node).label === group.name)!;
    control.clearRequests();
    const members = await api.tree.getChildren(groupNode);
    members.forEach((node) => api.tree.getTreeItem(node));
    const memberCount = countRequests(control.requests());

    const certs = await api.tree.getChildren(await child(api, pod, 'Certificates'));
    control.clearRequests();
    const hovered = certs.filter((node) => api.tree.getTreeItem(node).contextValue?.startsWith('certificate'));
    for (const node of hovered) await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node);
    results.names = {
      connections: connectionCount, members: memberCount, hover: countRequests(control.requests()),
      connectionCount: connections.length, memberCount: members.length, hovered: hovered.length,
    };
  } finally {
    await emulator.close();
  }
}

function countRequests(log: Array<{ method: string; path: string; query: string }>): RequestCount {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const r of log) {
    const key = `${r.method} ${r.path}?${r.query}`;
    if (seen.has(key)) duplicates++;
    seen.add(key);
  }
  return { requests: log.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`), duplicates };
}

export async function run(): Promise<void> {
  const out = process.env.SYMPHONY_BENCH_OUT;
  const results: HostBenchResults = { vscodeVersion: vscode.version, node: process.version, errors: [] };
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (error) {
      results.errors.push(`${name}: ${(error as Error)?.stack ?? error}`);
      return undefined;
    }
  };
  const api = await step('activation', () => measureActivation(results));
  if (api) {
    await step('ready', () => api.ready);
    // SYMPHONY_BENCH_STEPS (from `--only`) runs only the steps asked for: tree-100k alone takes minutes.
    const steps = process.env.SYMPHONY_BENCH_STEPS?.split(',');
    const want = (name: string) => !steps || steps.includes(name);
    if (want('tree') || want('actions')) await step('tree', () => measureTree(api, results, want('actions')));
    if (want('signin')) await step('signin', () => measureSignIn(api, results));
    if (want('tree100k')) await step('tree100k', () => measureTree100k(api, results));
    if (want('accounts')) await step('accounts', () => measureAccounts(api, results));
    if (want('names')) await step('names', () => measureNames(api, results));
  }
  const text = JSON.stringify(results, null, 2);
  if (out) fs.writeFileSync(out, text);
  else console.log(text);
}
