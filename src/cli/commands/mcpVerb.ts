// `symphony-pod mcp [--allow-writes]`: the Symphony MCP server on stdin/stdout (src/mcp/server.ts) for the pod the
// connection flags and environment name. Read-only unless --allow-writes; a pod whose SYMPHONY_POD_ENVIRONMENT is
// production is never written to. Runs until the client closes the connection; stdout carries only the protocol.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { runMcpServer } from '../../mcp/server';
import { EXIT } from '../exitCodes';
import { Verb } from '../verb';

export const mcpVerb: Verb = {
  name: 'mcp',
  summary: 'Serve the Symphony tools to an AI agent over MCP (stdio); read-only unless --allow-writes.',
  define: (c) => c
    .option('--allow-writes', 'offer the tools that change the pod (never on a production pod)')
    .option('--days <n>', 'days ahead the expiry report looks', '30')
    .option('--activity-log <dir>', 'the activity log folder symphony_activity_log reads (or SYMPHONY_ACTIVITY_LOG)'),
  async run({ io, options, client }) {
    const days = Number(options.days);
    if (!Number.isFinite(days) || days < 0) throw new Error(`--days must be a number of days, 0 or more (got ${String(options.days)}).`);
    const pod = client();
    const closed = new Promise<void>((resolve) => io.stdin.once('end', resolve));
    const server = await runMcpServer({
      client: pod,
      pod: { label: io.env.SYMPHONY_POD_LABEL?.trim() || new URL(pod.podUrl).hostname, podUrl: pod.podUrl, environment: io.env.SYMPHONY_POD_ENVIRONMENT?.trim() || undefined },
      allowWrites: !!options.allowWrites,
      warningDays: days,
      activityLogDir: (options.activityLog as string | undefined)?.trim() || io.env.SYMPHONY_ACTIVITY_LOG?.trim() || undefined,
      transport: new StdioServerTransport(io.stdin as NodeJS.ReadStream, io.stdout as NodeJS.WriteStream),
      log: (line) => io.stderr.write(`${line}\n`),
    });
    await closed;
    await server.close();
    return { status: EXIT.ok, result: null, text: '' };
  },
};
