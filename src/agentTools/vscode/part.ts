// The agent tools' lazily loaded part (dist/parts/agentTools.js, src/parts/README.md): the VS Code host of the
// tool catalog over the extension's pods, sessions, tree and save paths, and the two calls a language-model tool
// makes: prepare (a write's confirmation naming pod, environment and change) and invoke. Loaded at the first call.
import * as vscode from 'vscode';
import { SEARCH_AREAS, SearchLists } from '../../api';
import { saveApplication } from '../../editors/applicationSave';
import { previewTool, runTool, toolNamed } from '../catalog';
import type { PodRef, ToolHost } from '../tool';
import type { AgentToolServices } from './registerAgentTools';

const hosts = new WeakMap<AgentToolServices, ToolHost>();

/** One host per extension instance: its search lists live until the tree changes (refresh, sign-in, an edit). */
function hostOf(services: AgentToolServices): ToolHost {
  let host = hosts.get(services);
  if (!host) hosts.set(services, (host = vscodeHost(services)));
  return host;
}

function vscodeHost(services: AgentToolServices): ToolHost {
  const { context, radar } = services;
  const { store, sessions, tree } = context;
  const lists = new Map<string, SearchLists>();
  services.subscriptions.push(tree.onDidChangeTreeData(() => lists.clear()));
  const listsOf = (podId: string) => lists.get(podId) ?? lists.set(podId, new SearchLists(() => sessions.client(podId))).get(podId)!;
  return {
    pods: () => store.list().map((p): PodRef => ({
      id: p.id, label: p.label, podUrl: p.podUrl, environment: (p as { environment?: string }).environment, signedIn: sessions.state(p.id) === 'signedIn',
    })),
    client: (podId) => sessions.client(podId),
    searchTarget: (podId) => ({
      podId, client: sessions.client(podId), lists: listsOf(podId),
      areas: SEARCH_AREAS.filter((area) => (area === 'certificates' || area === 'applications' ? sessions.can(podId, area) : true)),
    }),
    async expiryReport() {
      const report = await radar.check();
      return { items: report.items, problems: report.problems, warningDays: report.warningDays };
    },
    // The production lock lives in the API client's write gate (issue 15), which every write below passes through.
    writeRefusal: () => undefined,
    saveApplication: (podId, appId, base, edited) => saveApplication(context, { podId, appId, base, edited }),
    async updateEntitlement(podId, entitlement) {
      await sessions.client(podId).apps.updatePodAppEntitlements([entitlement]);
      tree.refreshCategory(podId, 'applications');
    },
    async changeKeys(podId, appId, body) {
      const apps = sessions.client(podId).apps;
      await apps.updateApplication(appId, body);
      const detail = await apps.getApplication(appId);
      services.keysChanged({ podId, appId }, detail);
      return detail;
    },
  };
}

/** The confirmation of a write (VS Code shows it with Continue / Cancel), and the progress message of any call. */
export async function prepare(services: AgentToolServices, name: string, input: unknown): Promise<vscode.PreparedToolInvocation> {
  const preview = await previewTool(name, input, hostOf(services));
  const invocationMessage = `Symphony: ${toolNamed(name).title}`;
  if (!preview) return { invocationMessage };
  return { invocationMessage, confirmationMessages: { title: preview.title, message: preview.message } };
}

/** Runs the tool; its one-line outcome goes to the log (never its input: a public key, a search text). */
export async function invoke(services: AgentToolServices, name: string, input: unknown): Promise<string> {
  try {
    const text = await runTool(name, input, hostOf(services));
    services.context.log.info(`Agent tool ${name}: answered (${text.length} characters)`);
    return text;
  } catch (error) {
    services.context.log.warn(`Agent tool ${name} failed: ${(error as Error).message}`);
    throw error;
  }
}
