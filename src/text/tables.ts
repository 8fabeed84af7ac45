// Rows as text for a change ticket, shared by every export (the expiry report, the activity log): CSV with RFC 4180
// quoting and formula-leading cells neutralised, or a Markdown table. Plain Node.

export type TableFormat = 'csv' | 'markdown';

export function tableText(headers: readonly string[], rows: readonly string[][], format: TableFormat): string {
  if (format === 'csv') return [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const md = (row: readonly string[]) => `| ${row.map(markdownCell).join(' | ')} |`;
  return [md(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(md)].join('\n') + '\n';
}

export function csvCell(value: string): string {
  // A cell starting with = + - @ would run as a formula in a spreadsheet; a leading quote keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
