// The Symphony MCP server: the agent tools' catalog (src/agentTools/) over the Model Context Protocol. It holds no
// tool logic: tools/list is the catalog's offered tools with their schemas and read-only hints, tools/call runs
// the catalog. Write tools are listed and run only when the server was started with writes allowed; a production pod
// refuses them unless it was also started with an unlock reason (`--unlock`), and the client's write gate refuses
// what the host would let through. Each call runs as a change "symphony-pod mcp <tool>" for the activity log.
// Nothing is written to stdout but protocol messages.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { withChange } from '../activity/changeContext';
import { agentTools, offeredTools, runTool } from '../agentTools/catalog';
import { clientHost } from '../agentTools/clientHost';
import type { PodRef, ToolHost } from '../agentTools/tool';
import type { PodClient } from '../api';

export interface McpServerOptions {
  /** A client for the one pod served (the CLI's `connect()`); closed with the server. */
  client: PodClient;
  /** Its name for answers and confirmations, and its environment ("production" is never written to). */
  pod: Omit<PodRef, 'id' | 'signedIn'>;
  /** `--allow-writes`: offer and run the write tools (each still refused on a production pod without its unlock). */
  allowWrites: boolean;
  /** `--unlock "reason"`: why a production pod may be changed; without it a production pod refuses every write. */
  unlockReason?: string;
  /** Days before expiry that the expiry report includes (default 30, as the extension's setting). */
  warningDays?: number;
  /** The activity log's folder, for symphony_activity_log (`--activity-log` / `SYMPHONY_ACTIVITY_LOG`). */
  activityLogDir?: string;
  /** Default: stdio. Tests may pass an in-memory transport. */
  transport?: Transport;
  /** Diagnostics (stderr by default): a tool that failed, never a token. */
  log?: (line: string) => void;
  version?: string;
}

/** Starts the server on its transport; resolves once it is connected, with a way to close it. */
export async function runMcpServer(options: McpServerOptions): Promise<{ close(): Promise<void> }> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { client } = options;
  const host: ToolHost = clientHost({
    pod: { id: 'pod', ...options.pod },
    client,
    warningDays: options.warningDays ?? 30,
    activityLogDir: options.activityLogDir,
    productionLock: (pod) => (options.unlockReason ? undefined
      : `${pod.label} is a production pod: agents change it only when the server was started with --unlock "reason" (and --allow-writes).`),
  });
  const offered = offeredTools({ allowWrites: options.allowWrites });
  const server = new Server({ name: 'symphony-pod-admin', version: options.version ?? '0.0.0' }, { capabilities: { tools: {} } });

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: offered.map((tool) => ({
      name: tool.name, title: tool.title, description: tool.description, inputSchema: tool.inputSchema,
      annotations: { title: tool.title, readOnlyHint: tool.access === 'read', destructiveHint: tool.access === 'write', openWorldHint: false },
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: input } = request.params;
    if (!offered.some((t) => t.name === name)) {
      const write = agentTools.some((t) => t.name === name && t.access === 'write');
      return failure(write ? `${name} changes the pod: this server is read-only (start it with --allow-writes to allow changes).` : `No tool is named "${name}".`);
    }
    try {
      const text = await withChange({ action: `symphony-pod mcp ${name}` }, () => runTool(name, input ?? {}, host));
      return { content: [{ type: 'text' as const, text }] };
    } catch (error) {
      log(`${name} failed: ${(error as Error).message}`);
      return failure((error as Error).message);
    }
  });

  await server.connect(options.transport ?? new StdioServerTransport());
  return {
    async close() {
      await server.close();
      client.dispose();
    },
  };
}

function failure(text: string) {
  return { content: [{ type: 'text' as const, text }], isError: true };
}
