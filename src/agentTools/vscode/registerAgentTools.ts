// Registers the Symphony language-model tools with VS Code's chat. The names, descriptions and input schemas come
// from package.json (`contributes.languageModelTools`, equal to src/agentTools/catalog.ts, a unit test checks it); the
// tools themselves are a lazily loaded part, so this file is all they add to the extension bundle. They are offered
// while `symphonyPodAdmin.agentTools.enabled` is on and VS Code's AI features are not disabled: the contribution's
// `when` hides them, and they are not registered at all otherwise. With `symphonyPodAdmin.agentTools.mcpServers` on,
// each RSA pod is also offered to VS Code as a read-only MCP server (`symphony-pod mcp`), for agents that only use MCP.
import * as vscode from 'vscode';
import type { Activity } from '../../activity/vscode/activityCommands';
import type { ApplicationDetail } from '../../api';
import type { CommandContext } from '../../commands/commandContext';
import type { ExpiryRadar } from '../../credentials/expiryRadar';
import type { PodSecrets } from '../../pods/podSecrets';
import { loadPart } from '../../parts/loadPart';

/** What the tools need of the extension: objects with state are passed in, never created by the part. */
export interface AgentToolServices {
  context: CommandContext;
  radar: ExpiryRadar;
  /** Only for the MCP server definitions: an encrypted key's passphrase, handed to the server VS Code starts. */
  secrets: PodSecrets;
  keysChanged(target: { podId: string; appId: string }, detail: ApplicationDetail): void;
  /** The extension's activity log (symphony_activity_log reads it). */
  activity: Activity;
  subscriptions: vscode.Disposable[];
}

export function agentToolsEnabled(): boolean {
  // Two sections, not getConfiguration() of everything: this runs at activation.
  return vscode.workspace.getConfiguration('symphonyPodAdmin').get<boolean>('agentTools.enabled', true)
    && !vscode.workspace.getConfiguration('chat').get<boolean>('disableAIFeatures', false);
}

export const MCP_PROVIDER_ID = 'symphonyPodAdmin.mcpServers';

export function registerAgentTools(services: AgentToolServices, extension: vscode.Extension<unknown>): vscode.Disposable {
  const names = ((extension.packageJSON.contributes?.languageModelTools ?? []) as Array<{ name: string }>).map((t) => t.name);
  const part = () => loadPart<typeof import('./part')>('agentTools');
  let registered: vscode.Disposable[] = [];
  const update = () => {
    if (agentToolsEnabled() && registered.length === 0) {
      registered = names.map((name) => {
        return vscode.lm.registerTool<unknown>(name, {
          prepareInvocation: (options) => part().prepare(services, name, options.input),
          invoke: async (options) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(await part().invoke(services, name, options.input))]),
        });
      });
    } else if (!agentToolsEnabled()) {
      registered.forEach((d) => d.dispose());
      registered = [];
    }
  };
  update();
  const serversChanged = new vscode.EventEmitter<void>();
  const mcp = vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
    onDidChangeMcpServerDefinitions: serversChanged.event,
    provideMcpServerDefinitions: () => (agentToolsEnabled() && vscode.workspace.getConfiguration('symphonyPodAdmin').get<boolean>('agentTools.mcpServers', false)
      ? part().mcpServers(services, extension.extensionPath, String(extension.packageJSON.version)) : []),
    resolveMcpServerDefinition: (server) => part().resolveMcpServer(services, server),
  });
  const watchers = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('symphonyPodAdmin.agentTools') && !e.affectsConfiguration('chat.disableAIFeatures')) return;
      update();
      serversChanged.fire();
    }),
    services.context.store.onDidChange(() => serversChanged.fire()),
  ];
  return new vscode.Disposable(() => {
    [...watchers, mcp, serversChanged].forEach((d) => d.dispose());
    registered.forEach((d) => d.dispose());
    services.subscriptions.forEach((d) => d.dispose());
  });
}
