// Expiry report front-end: one table of expiring and expired company certificates and rotated app keys across the
// signed-in pods, oldest date first, with Open and Rotate / Replace per row, and export as CSV or Markdown.
import { ExpiryReportModel, ExpiryRow } from '../editors/webviewMessages';
import { button, date, h, l10n, section, send, startView } from './common';

const dayMs = 24 * 60 * 60 * 1000;

function daysLeft(row: ExpiryRow, now: number): string {
  const days = Math.floor((row.date - now) / dayMs);
  if (row.state === 'expired') return -days === 1 ? l10n.t('expired 1 day ago') : l10n.t('expired {0} days ago', (-days).toLocaleString('en-US'));
  return days === 1 ? l10n.t('1 day left') : l10n.t('{0} days left', days.toLocaleString('en-US'));
}

function rowElement(row: ExpiryRow, now: number): HTMLElement {
  const ref = { podId: row.podId, kind: row.kind, id: row.id };
  const icon = h('vscode-icon', { name: row.state === 'expired' ? 'error' : 'warning', class: row.state, title: row.state });
  return h('tr', { 'data-state': row.state },
    h('td', {}, icon, ' ', date(row.date)),
    h('td', {}, daysLeft(row, now)),
    h('td', {}, row.podLabel),
    h('td', {}, row.kind === 'certificate' ? l10n.t('Company certificate') : row.kind === 'appKey' ? l10n.t('Rotated app key') : l10n.t('Rotated service account key')),
    h('td', {}, h('strong', {}, row.name), h('div', { class: 'hint' }, row.detail)),
    h('td', {},
      button(l10n.t('Open'), 'go-to-file', () => send({ type: 'expiryReport.open', ...ref }), { secondary: true, name: l10n.t('Open {0}', row.name) }),
      ' ',
      row.kind === 'certificate'
        ? button(l10n.t('Replace…'), 'replace', () => send({ type: 'expiryReport.replace', ...ref }), { secondary: true, name: l10n.t('Replace {0}…', row.name) })
        : button(l10n.t('Rotate…'), 'key', () => send({ type: 'expiryReport.replace', ...ref }), { secondary: true, name: l10n.t('Rotate {0}…', row.name) })));
}

function render(model: ExpiryReportModel, app: HTMLElement): void {
  const now = Date.now();
  const expired = model.rows.filter((r) => r.state === 'expired').length;
  const table = model.rows.length === 0
    ? h('p', { class: 'empty' }, model.podCount === 1 ? l10n.t('Nothing expires within {0} days on the signed-in pod.', model.warningDays)
      : l10n.t('Nothing expires within {0} days on the {1} signed-in pods.', model.warningDays, model.podCount))
    : h('table', { class: 'grid' },
      h('caption', {}, model.rows.length === 1 ? l10n.t('1 credential: {0} expired, {1} within {2} days', expired, 1 - expired, model.warningDays)
        : l10n.t('{0} credentials: {1} expired, {2} within {3} days', model.rows.length, expired, model.rows.length - expired, model.warningDays)),
      h('thead', {}, h('tr', {}, ...[l10n.t('Expires'), l10n.t('When'), l10n.t('Pod'), l10n.t('Kind'), l10n.t('Name'), l10n.t('Actions')].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...model.rows.map((row) => rowElement(row, now))));
  const problems = model.problems.length ? [section(l10n.t('Pods not checked'), h('ul', {}, ...model.problems.map((p) => h('li', {}, `${p.podLabel}: ${p.message}`))))] : [];
  app.replaceChildren(
    h('header', {}, h('h1', {}, l10n.t('Expiry Report')),
      h('div', { class: 'badges' }, h('vscode-badge', {}, String(model.rows.length)), h('span', { class: 'pod' },
        model.podCount === 1 ? l10n.t('1 signed-in pod · checked {0}', date(model.checkedAt)) : l10n.t('{0} signed-in pods · checked {1}', model.podCount, date(model.checkedAt)))),
      h('div', { class: 'toolbar' },
        button(l10n.t('Export CSV'), 'export', () => send({ type: 'expiryReport.export', format: 'csv' }), { secondary: true, disabled: model.rows.length === 0 }),
        button(l10n.t('Export Markdown'), 'markdown', () => send({ type: 'expiryReport.export', format: 'markdown' }), { secondary: true, disabled: model.rows.length === 0 }),
        button(l10n.t('Reload'), 'refresh', () => send({ type: 'reload' }), { secondary: true }))),
    section(l10n.t('Company certificates and rotated app keys'), table),
    ...problems,
  );
}

startView<ExpiryReportModel>('expiryReport', { render });
