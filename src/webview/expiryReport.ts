// Expiry report front-end: one table of expiring and expired company certificates and rotated app keys across the
// signed-in pods, oldest date first, with Open and Rotate / Replace per row, and export as CSV or Markdown.
import { countOf } from '../api/wording';
import { ExpiryReportModel, ExpiryRow } from '../editors/webviewMessages';
import { button, date, h, section, send, startView } from './common';

const dayMs = 24 * 60 * 60 * 1000;

function daysLeft(row: ExpiryRow, now: number): string {
  const days = Math.floor((row.date - now) / dayMs);
  return row.state === 'expired' ? `expired ${countOf(-days, 'day')} ago` : `${countOf(days, 'day')} left`;
}

function rowElement(row: ExpiryRow, now: number): HTMLElement {
  const ref = { podId: row.podId, kind: row.kind, id: row.id };
  const icon = h('vscode-icon', { name: row.state === 'expired' ? 'error' : 'warning', class: row.state, title: row.state });
  return h('tr', { 'data-state': row.state },
    h('td', {}, icon, ' ', date(row.date)),
    h('td', {}, daysLeft(row, now)),
    h('td', {}, row.podLabel),
    h('td', {}, row.kind === 'certificate' ? 'Company certificate' : row.kind === 'appKey' ? 'Rotated app key' : 'Rotated service account key'),
    h('td', {}, h('strong', {}, row.name), h('div', { class: 'hint' }, row.detail)),
    h('td', {},
      button('Open', 'go-to-file', () => send({ type: 'expiryReport.open', ...ref }), { secondary: true, name: `Open ${row.name}` }),
      ' ',
      button(row.kind === 'certificate' ? 'Replace…' : 'Rotate…', row.kind === 'certificate' ? 'replace' : 'key', () => send({ type: 'expiryReport.replace', ...ref }), { secondary: true, name: `${row.kind === 'certificate' ? 'Replace' : 'Rotate'} ${row.name}…` })));
}

function render(model: ExpiryReportModel, app: HTMLElement): void {
  const now = Date.now();
  const expired = model.rows.filter((r) => r.state === 'expired').length;
  const table = model.rows.length === 0
    ? h('p', { class: 'empty' }, `Nothing expires within ${model.warningDays} days on ${model.podCount === 1 ? 'the signed-in pod' : `the ${model.podCount} signed-in pods`}.`)
    : h('table', { class: 'grid' },
      h('caption', {}, `${countOf(model.rows.length, 'credential')}: ${expired} expired, ${model.rows.length - expired} within ${model.warningDays} days`),
      h('thead', {}, h('tr', {}, ...['Expires', 'When', 'Pod', 'Kind', 'Name', 'Actions'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...model.rows.map((row) => rowElement(row, now))));
  const problems = model.problems.length ? [section('Pods not checked', h('ul', {}, ...model.problems.map((p) => h('li', {}, `${p.podLabel}: ${p.message}`))))] : [];
  app.replaceChildren(
    h('header', {}, h('h1', {}, 'Expiry Report'),
      h('div', { class: 'badges' }, h('vscode-badge', {}, String(model.rows.length)), h('span', { class: 'pod' }, `${countOf(model.podCount, 'signed-in pod')} · checked ${date(model.checkedAt)}`)),
      h('div', { class: 'toolbar' },
        button('Export CSV', 'export', () => send({ type: 'expiryReport.export', format: 'csv' }), { secondary: true, disabled: model.rows.length === 0 }),
        button('Export Markdown', 'markdown', () => send({ type: 'expiryReport.export', format: 'markdown' }), { secondary: true, disabled: model.rows.length === 0 }),
        button('Reload', 'refresh', () => send({ type: 'reload' }), { secondary: true }))),
    section('Company certificates and rotated app keys', table),
    ...problems,
  );
}

startView<ExpiryReportModel>('expiryReport', { render });
