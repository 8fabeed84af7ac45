// `symphony-pod mcp [--allow-writes [--unlock REASON]]`: the Symphony MCP server on stdin/stdout (src/mcp/server.ts)
// for the pod the connection flags and environment name. Read-only unless --allow-writes; on a production pod
// (SYMPHONY_POD_ENVIRONMENT) --allow-writes also needs --unlock "reason", else the server does not start. Runs until
// the client closes the connection; stdout carries only the protocol.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { PodApiError } from '../../api';
import { runMcpServer } from '../../mcp/server';
import { l10n } from '../../text/l10n';
import { activityLogDir } from '../changes';
import { EXIT } from '../exitCodes';
import { podTitle } from '../production';
import { Verb } from '../verb';

export const mcpVerb: Verb = {
  name: 'mcp',
  get summary() {
    return l10n.t('Serve the Symphony tools to an AI agent over MCP (stdio); read-only unless --allow-writes.');
  },
  define: (c) => c
    .option('--allow-writes', l10n.t('offer the tools that change the pod (on a production pod, only with --unlock)'))
    .option('--unlock <reason>', l10n.t('why agents may change this production pod (kept in the activity log)'))
    .option('--days <n>', l10n.t('days ahead the expiry report looks'), '30'),
  async run({ io, options, client, target }) {
    const days = Number(options.days);
    if (!Number.isFinite(days) || days < 0) throw new Error(l10n.t('--days must be a number of days, 0 or more (got {0}).', String(options.days)));
    const pod = client();
    const { label, environment, reason } = target();
    if (options.allowWrites && environment === 'production' && !reason) {
      pod.dispose();
      throw new PodApiError(l10n.t('{0} is a production pod: --allow-writes needs --unlock "reason" too (why agents may change it; the activity log keeps it). Nothing was sent.', podTitle(target())), { kind: 'locked' });
    }
    const closed = new Promise<void>((resolve) => io.stdin.once('end', resolve));
    const server = await runMcpServer({
      client: pod,
      pod: { label, podUrl: pod.podUrl, environment },
      allowWrites: !!options.allowWrites,
      unlockReason: reason,
      warningDays: days,
      activityLogDir: activityLogDir(options.activityLog as string | undefined, io.env),
      transport: new StdioServerTransport(io.stdin as NodeJS.ReadStream, io.stdout as NodeJS.WriteStream),
      log: (line) => io.stderr.write(`${line}\n`),
    });
    await closed;
    await server.close();
    return { status: EXIT.ok, result: null, text: '' };
  },
};
