// Certificate detail view: summary with the expiry highlighted, the attributes form, and the pod's certInfo
// sections as tables. Delete asks for a modal confirmation in the extension host.
import { CertificateModel } from '../editors/webviewMessages';
import { button, dataTable, date, h, l10n, pairTable, replaceFormOnNextLoad, section, select, send, startView, textField, valueOf } from './common';

const types = ['USER', 'USERSIGNING', 'OPERATIONSUSER', 'OPERATIONSSIGNING'] as const;
const statuses = ['TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'] as const;

function expiryText(model: CertificateModel): string {
  if (!model.expiryDate) return l10n.t('No expiry date');
  const when = date(model.expiryDate);
  if (model.expiry === 'expired') return l10n.t('Expired on {0}', when);
  if (model.expiry === 'expiring') return l10n.t('Expires on {0} (within {1} days)', when, model.warningDays);
  return l10n.t('Expires on {0}', when);
}

function render(model: CertificateModel, app: HTMLElement): void {
  const title = model.name || model.commonName || model.fingerPrint;
  const expiry = h('p', { class: `expiry ${model.expiry}`, role: model.expiry === 'ok' ? undefined : 'note' },
    h('vscode-icon', { name: model.expiry === 'expired' ? 'error' : model.expiry === 'expiring' ? 'warning' : 'calendar' }), expiryText(model));

  const save = () => {
    const type = valueOf(app, '#type') as (typeof types)[number];
    const status = valueOf(app, '#status') as (typeof statuses)[number];
    replaceFormOnNextLoad();
    send({ type: 'certificate.save', attributes: { name: valueOf(app, '#name'), type, status } });
  };
  const form = h('form', { class: 'form', 'aria-label': l10n.t('Certificate attributes') },
    textField(l10n.t('Name'), 'name', model.name, { readonly: !model.writable }),
    select(l10n.t('Type'), 'type', types, model.type, !model.writable),
    select(l10n.t('Status'), 'status', statuses, model.status, !model.writable),
    h('div', { class: 'actions' }, button(l10n.t('Save'), 'save', save, { disabled: !model.writable, title: model.writable ? undefined : l10n.t('Needs the User Provisioning role') })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });

  app.replaceChildren(
    h('header', {}, h('h1', {}, title),
      h('div', { class: 'badges' }, h('vscode-badge', {}, model.type || l10n.t('no type')), h('vscode-badge', {}, model.status || l10n.t('no status')), h('span', { class: 'pod' }, model.podLabel)),
      expiry,
      h('div', { class: 'toolbar' },
        button(l10n.t('Copy Fingerprint'), 'copy', () => send({ type: 'certificate.copyFingerprint' }), { secondary: true }),
        button(l10n.t('Reload'), 'refresh', () => send({ type: 'reload' }), { secondary: true }),
        button(l10n.t('Delete…'), 'trash', () => send({ type: 'certificate.delete' }), { secondary: true, disabled: !model.writable }))),
    section(l10n.t('Attributes'), form),
    section(l10n.t('Summary'), pairTable(l10n.t('Certificate summary'), [
      [l10n.t('Fingerprint'), h('code', {}, model.fingerPrint)],
      [l10n.t('Common name'), model.commonName],
      [l10n.t('Issuer fingerprint'), model.issuerFingerPrint ? h('code', {}, model.issuerFingerPrint) : '—'],
      [l10n.t('Expires'), expiryText(model)],
      [l10n.t('Last seen'), date(model.lastSeen) || '—'],
      [l10n.t('Updated'), h('span', {}, date(model.updatedAt) || (model.updatedBy ? '' : '—'), ...updatedBy(model))],
    ])),
    ...model.sections.map((s) => section(s.name || l10n.t('Details'), dataTable(s.name, [l10n.t('Name'), l10n.t('Value')], s.rows.map((r) => [r.name, r.value]), l10n.t('Nothing in this section.')))),
  );
}

startView<CertificateModel>('certificate', { render });

/** " by <name>" (email and id on hover), or " by user <id>" when the pod could not name them. */
function updatedBy(model: CertificateModel): Array<string | HTMLElement> {
  if (model.updatedBy === undefined) return [];
  const person = model.updatedByPerson;
  return [l10n.t(' by '), person ? h('span', { title: person.tooltip }, person.name) : l10n.t('user {0}', model.updatedBy)];
}
