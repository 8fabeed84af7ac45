// The expiry report as text for a change ticket: CSV (RFC 4180 quoting, formula-leading cells neutralised) or a
// Markdown table. Dates are ISO 8601 UTC days plus the days left, so the ticket reads the same in every time zone.
import { l10n } from '../text/l10n';
import { TableFormat, tableText } from '../text/tables';
import { ExpiryItem, expiryKindLabel } from './expiryItems';

export type ExportFormat = TableFormat;

const headers = () => [l10n.t('Pod'), l10n.t('Kind'), l10n.t('Name'), l10n.t('Id'), l10n.t('Details'), l10n.t('Expires (UTC)'), l10n.t('Days left'), l10n.t('State')];
const dayMs = 24 * 60 * 60 * 1000;

function cells(item: ExpiryItem, now: number): string[] {
  return [
    item.podLabel, expiryKindLabel[item.kind], item.name, item.id, item.detail,
    new Date(item.date).toISOString().replace('T', ' ').slice(0, 16), String(Math.floor((item.date - now) / dayMs)), item.state,
  ];
}

export function exportReport(items: readonly ExpiryItem[], format: ExportFormat, now = Date.now()): string {
  return tableText(headers(), items.map((item) => cells(item, now)), format);
}
