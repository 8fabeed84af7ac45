// The bench's result format, its table, and the comparison of two runs (`npm run bench -- --compare old.json`).
import * as os from 'os';

export interface BenchRow {
  /** Stable key: `--only <id>` runs it, `--compare` matches rows by it. */
  id: string;
  measure: string;
  /** What was measured, for people (e.g. "63 ms, 1 request"). */
  result: string;
  /** The number compared against the goal and between runs (lower is better for every row). */
  value?: number;
  unit?: string;
  goal: string;
  /** value ÷ the goal's limit (≤ 1 meets it); undefined when the goal is not a single limit. */
  ratio?: number;
  /** true / false; null when the row could not be measured (see note). */
  met: boolean | null;
  command: string;
  /** Why a goal is missed, what limits it, or why a row is not measurable. */
  note?: string;
  details?: Record<string, unknown>;
}

export interface BenchMachine {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the bench started and ended: well above `cores` means other work shared the CPU. */
  loadAverage: { start: number; end?: number };
}

export interface BenchResults {
  date: string;
  machine: BenchMachine;
  git?: { commit: string; dirty: boolean };
  settings: Record<string, unknown>;
  rows: BenchRow[];
  /** Parts of the bench that broke (the exit code is then 1). */
  errors: string[];
}

export function machine(): BenchMachine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: { start: Math.round(os.loadavg()[0] * 100) / 100 },
  };
}

export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function metText(row: BenchRow): string {
  const ratio = row.ratio === undefined ? '' : `${row.ratio.toFixed(2)} `;
  if (row.met === null) return 'not measurable';
  return `${ratio}${row.met ? 'met' : 'MISSED'}`;
}

function table(headers: string[], lines: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [fmt(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

/** The results as a Markdown table plus the notes (this is also what docs/performance.md quotes). */
export function formatResults(results: BenchResults): string {
  const m = results.machine;
  const head = [
    `Symphony Pod Admin bench — ${results.date}`,
    `machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; ` +
      `load average ${m.loadAverage?.start ?? '?'} at start, ${m.loadAverage?.end ?? '?'} at end` +
      (results.git ? `; git ${results.git.commit.slice(0, 10)}${results.git.dirty ? ' (uncommitted changes)' : ''}` : ''),
    `settings: ${Object.entries(results.settings).map(([k, v]) => `${k}=${v}`).join(', ')}`,
    '',
  ];
  const body = table(
    ['measure', 'result', 'goal', 'ratio / met', 'command'],
    results.rows.map((r) => [r.measure, r.result, r.goal, metText(r), `\`${r.command}\``]),
  );
  const notes = results.rows.filter((r) => r.note).map((r) => `- ${r.measure}: ${r.note}`);
  const errors = results.errors.map((e) => `- BENCH ERROR: ${e}`);
  return [...head, body, ...(notes.length ? ['', 'Notes:', ...notes] : []), ...(errors.length ? ['', ...errors] : [])].join('\n');
}

/** Both runs side by side, matched by row id, with the change of the row's number. */
export function formatComparison(old: BenchResults, now: BenchResults): string {
  const ids = [...new Set([...old.rows.map((r) => r.id), ...now.rows.map((r) => r.id)])];
  const lines = ids.map((id) => {
    const a = old.rows.find((r) => r.id === id);
    const b = now.rows.find((r) => r.id === id);
    let change = '';
    if (a?.value !== undefined && b?.value !== undefined && a.unit === b.unit) {
      const delta = b.value - a.value;
      const pct = a.value === 0 ? '' : ` (${delta >= 0 ? '+' : ''}${((delta / a.value) * 100).toFixed(1)}%)`;
      change = `${delta >= 0 ? '+' : ''}${Number(delta.toFixed(2))} ${b.unit ?? ''}${pct}`;
    }
    return [
      (b ?? a)!.measure,
      a ? `${a.result} [${metText(a)}]` : '—',
      b ? `${b.result} [${metText(b)}]` : '—',
      change,
    ];
  });
  return [
    `Comparison: ${old.date} (${old.machine.cores} cores, Node ${old.machine.node}${old.git ? `, ${old.git.commit.slice(0, 10)}` : ''})` +
      ` → ${now.date} (${now.machine.cores} cores, Node ${now.machine.node}${now.git ? `, ${now.git.commit.slice(0, 10)}` : ''})`,
    '',
    table(['measure', 'before', 'now', 'change'], lines),
  ].join('\n');
}
