// The agent tools' lazily loaded part (dist/parts/agentTools.js, src/parts/README.md): the VS Code host of the
// tool catalog over the extension's pods, sessions, tree and save paths, and the two calls a language-model tool
// makes: prepare (a write's confirmation naming pod, environment and change) and invoke. Loaded at the first call.
import * as path from 'node:path';
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
    activityLog: () => services.activity.log.read(),
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
  const invocationMessage = vscode.l10n.t('Symphony: {0}', toolNamed(name).title);
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

/**
 * Each RSA pod as a read-only MCP server VS Code can start (`symphony-pod mcp`, no --allow-writes): the connection
 * in environment variables, never a secret in the definition; an encrypted key's passphrase is added only when VS Code
 * starts the server (`resolveMcpServer`). Pods signed in by certificate or pasted token cannot be served this way.
 */
export function mcpServers(services: AgentToolServices, extensionPath: string, version: string): vscode.McpStdioServerDefinition[] {
  return services.context.store.list()
    .filter((p) => p.authMethod === 'rsa' && p.username && p.privateKeyPath)
    .map((p) => {
      const days = String(vscode.workspace.getConfiguration('symphonyPodAdmin').get<number>('certificates.expiryWarningDays', 30));
      const environment = (p as { environment?: string }).environment;
      const env: Record<string, string> = {
        SYMPHONY_POD_URL: p.podUrl, SYMPHONY_USERNAME: p.username!, SYMPHONY_PRIVATE_KEY_FILE: p.privateKeyPath!, SYMPHONY_POD_LABEL: p.label,
        ...(p.caBundlePath ? { SYMPHONY_CA_BUNDLE: p.caBundlePath } : {}), ...(environment ? { SYMPHONY_POD_ENVIRONMENT: environment } : {}),
      };
      return new vscode.McpStdioServerDefinition(serverLabel(p.label), process.execPath, [path.join(extensionPath, 'dist', 'cli.js'), 'mcp', '--days', days], env, version);
    });
}

const serverLabel = (podLabel: string) => `Symphony: ${podLabel}`;

export async function resolveMcpServer(services: AgentToolServices, server: vscode.McpServerDefinition): Promise<vscode.McpServerDefinition> {
  const pod = services.context.store.list().find((p) => serverLabel(p.label) === server.label);
  if (!pod || !(server instanceof vscode.McpStdioServerDefinition)) return server;
  const passphrase = await services.secrets.get(pod.id, 'passphrase');
  if (passphrase !== undefined) server.env = { ...server.env, SYMPHONY_PRIVATE_KEY_PASSPHRASE: passphrase };
  return server;
}
