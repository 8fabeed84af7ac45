// Entry of dist/mcp.js: `node dist/mcp.js [--allow-writes]`, connected through SYMPHONY_* environment variables
// (connection.ts). Arguments never carry a token or key: anything but the known flags is refused.
import { PodApiError } from '../api';
import { CONNECTION_VARIABLES, connectionFromEnv } from './connection';
import { runMcpServer } from './server';

const usage = [
  'Symphony Pod Admin MCP server (stdio).',
  'Usage: node dist/mcp.js [--allow-writes]',
  '  --allow-writes  offer the tools that change the pod (a production pod still refuses them without its unlock)',
  'Environment:',
  ...Object.entries(CONNECTION_VARIABLES).map(([name, what]) => `  ${name}: ${what}`),
].join('\n');

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write(`${usage}\n`);
    return;
  }
  const unknown = argv.filter((arg) => arg !== '--allow-writes');
  if (unknown.length) throw new PodApiError(`Unknown argument ${JSON.stringify(unknown[0].slice(0, 40))}. Connection settings come from the environment, never from arguments.\n${usage}`, { kind: 'validation' });
  const warningDays = Number(process.env.SYMPHONY_EXPIRY_WARNING_DAYS ?? 30);
  await runMcpServer({ connection: connectionFromEnv(), allowWrites: argv.includes('--allow-writes'), warningDays: Number.isFinite(warningDays) && warningDays >= 0 ? warningDays : 30, version: process.env.npm_package_version });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`symphony-pod mcp: ${(error as Error).message}\n`);
  process.exit(2);
});
