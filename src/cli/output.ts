// What a verb prints. Results go to stdout (a table for people, or the `--json` envelope
// `{ status, result, warnings }` for machines); progress and questions go to stderr, and progress only when stderr
// is a terminal, so a pipeline's logs hold only the result.
import * as readline from 'node:readline';
import { Json } from '../podAsCode/folderFiles';
import { EngineHost } from '../podAsCode';
import { l10n } from '../text/l10n';
import { ExitCode } from './exitCodes';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** What a verb returns: its exit code, the value for `--json`, and the text for people. */
export interface VerbResult { status: ExitCode; result: unknown; text: string; warnings?: string[] }

export function write(io: CliIo, json: boolean, outcome: VerbResult): void {
  if (json) io.stdout.write(`${JSON.stringify({ status: outcome.status, result: outcome.result, warnings: outcome.warnings ?? [] }, null, 2)}\n`);
  // A verb that used stdout itself (mcp: the protocol) has no text to add.
  else if (outcome.text) io.stdout.write(outcome.text.endsWith('\n') ? outcome.text : `${outcome.text}\n`);
}

export function progressHost(io: CliIo): EngineHost {
  return { progress: (message) => { if (io.stderr.isTTY) io.stderr.write(`${message}\n`); } };
}

/** Asks a yes/no question on the terminal; false when nobody can answer (no terminal): a pipeline must say --yes. */
export async function confirm(io: CliIo, question: string): Promise<boolean> {
  return /^y(es)?$/i.test((await ask(io, `${question} [y/N] `)) ?? '');
}

/** Asks on the terminal for a line (trimmed); undefined when nobody can answer (no terminal). */
export async function ask(io: CliIo, question: string): Promise<string | undefined> {
  if (!io.stdin.isTTY || !io.stderr.isTTY) return undefined;
  const rl = readline.createInterface({ input: io.stdin, output: io.stderr });
  try {
    return (await new Promise<string>((resolve) => rl.question(question, resolve))).trim();
  } finally {
    rl.close();
  }
}

/** A value for a one-line table cell: JSON, cut at `max` characters. */
export function cell(value: Json | undefined, max = 60): string {
  const text = value === undefined ? l10n.t('(absent)') : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Rows of cells as aligned columns. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n');
}
