// Certificate detail view: summary with the expiry highlighted, the attributes form, and the pod's certInfo
// sections as tables. Delete asks for a modal confirmation in the extension host.
import { CertificateModel } from '../editors/webviewMessages';
import { button, dataTable, date, h, pairTable, replaceFormOnNextLoad, section, select, send, startView, textField, valueOf } from './common';

const types = ['USER', 'USERSIGNING', 'OPERATIONSUSER', 'OPERATIONSSIGNING'] as const;
const statuses = ['TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'] as const;

function expiryText(model: CertificateModel): string {
  if (!model.expiryDate) return 'No expiry date';
  const when = date(model.expiryDate);
  if (model.expiry === 'expired') return `Expired on ${when}`;
  if (model.expiry === 'expiring') return `Expires on ${when} (within ${model.warningDays} days)`;
  return `Expires on ${when}`;
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
  const form = h('form', { class: 'form', 'aria-label': 'Certificate attributes' },
    textField('Name', 'name', model.name, { readonly: !model.writable }),
    select('Type', 'type', types, model.type, !model.writable),
    select('Status', 'status', statuses, model.status, !model.writable),
    h('div', { class: 'actions' }, button('Save', 'save', save, { disabled: !model.writable, title: model.writable ? undefined : 'Needs the User Provisioning role' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });

  app.replaceChildren(
    h('header', {}, h('h1', {}, title),
      h('div', { class: 'badges' }, h('vscode-badge', {}, model.type || 'no type'), h('vscode-badge', {}, model.status || 'no status'), h('span', { class: 'pod' }, model.podLabel)),
      expiry,
      h('div', { class: 'toolbar' },
        button('Copy Fingerprint', 'copy', () => send({ type: 'certificate.copyFingerprint' }), { secondary: true }),
        button('Reload', 'refresh', () => send({ type: 'reload' }), { secondary: true }),
        button('Delete…', 'trash', () => send({ type: 'certificate.delete' }), { secondary: true, disabled: !model.writable }))),
    section('Attributes', form),
    section('Summary', pairTable('Certificate summary', [
      ['Fingerprint', h('code', {}, model.fingerPrint)],
      ['Common name', model.commonName],
      ['Issuer fingerprint', model.issuerFingerPrint ? h('code', {}, model.issuerFingerPrint) : '—'],
      ['Expires', expiryText(model)],
      ['Last seen', date(model.lastSeen) || '—'],
      ['Updated', h('span', {}, date(model.updatedAt) || (model.updatedBy ? '' : '—'), ...updatedBy(model))],
    ])),
    ...model.sections.map((s) => section(s.name || 'Details', dataTable(s.name, ['Name', 'Value'], s.rows.map((r) => [r.name, r.value]), 'Nothing in this section.'))),
  );
}

startView<CertificateModel>('certificate', { render });

/** " by <name>" (email and id on hover), or " by user <id>" when the pod could not name them. */
function updatedBy(model: CertificateModel): Array<string | HTMLElement> {
  if (model.updatedBy === undefined) return [];
  const person = model.updatedByPerson;
  return [' by ', person ? h('span', { title: person.tooltip }, person.name) : `user ${model.updatedBy}`];
}
