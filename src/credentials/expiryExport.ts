// The expiry report as text for a change ticket: CSV (RFC 4180 quoting, formula-leading cells neutralised) or a
// Markdown table. Dates are ISO 8601 UTC days plus the days left, so the ticket reads the same in every time zone.
import { ExpiryItem, expiryKindLabel } from './expiryItems';

export type ExportFormat = 'csv' | 'markdown';

const headers = ['Pod', 'Kind', 'Name', 'Id', 'Details', 'Expires (UTC)', 'Days left', 'State'];
const dayMs = 24 * 60 * 60 * 1000;

function cells(item: ExpiryItem, now: number): string[] {
  return [
    item.podLabel, expiryKindLabel[item.kind], item.name, item.id, item.detail,
    new Date(item.date).toISOString().replace('T', ' ').slice(0, 16), String(Math.floor((item.date - now) / dayMs)), item.state,
  ];
}

export function exportReport(items: readonly ExpiryItem[], format: ExportFormat, now = Date.now()): string {
  const rows = items.map((item) => cells(item, now));
  if (format === 'csv') return [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const md = (row: string[]) => `| ${row.map(markdownCell).join(' | ')} |`;
  return [md(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(md)].join('\n') + '\n';
}

function csvCell(value: string): string {
  // A cell starting with = + - @ would run as a formula in a spreadsheet; a leading quote keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
