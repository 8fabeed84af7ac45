// Application detail view: a form over the manifest (info, URLs, description, permissions checklist with custom
// entries, properties, notification callback) and a summary of the keys (type and fingerprint). "Open as JSON"
// opens the same manifest as a document; saving from here takes the same path as saving that document.
import { ApplicationEdit, ApplicationModel, Draft } from '../editors/webviewMessages';
import { ValueElement, button, dataTable, date, draftChanged, h, l10n, namedInput, notice, on, replaceFormOnNextLoad, section, send, startView, textField, valueOf } from './common';

let model: ApplicationModel | undefined;
let custom: string[] = [];
let properties: Array<{ key: string; value: string }> = [];

type TextKey = 'name' | 'publisher' | 'appUrl' | 'domain' | 'iconUrl' | 'allowOrigins' | 'notificationUrl';
// Labels are read when the form is drawn, after the host sent its translations.
const textFields: Array<[TextKey, () => string, string]> = [
  ['name', () => l10n.t('Name'), 'applicationInfo.name'],
  ['publisher', () => l10n.t('Publisher'), 'applicationInfo.publisher'],
  ['appUrl', () => l10n.t('App URL (https://…)'), 'applicationInfo.appUrl'],
  ['domain', () => l10n.t('Domain'), 'applicationInfo.domain'],
  ['iconUrl', () => l10n.t('Icon URL (https://…)'), 'iconUrl'],
  ['allowOrigins', () => l10n.t('Allowed origins (CORS)'), 'allowOrigins'],
  ['notificationUrl', () => l10n.t('Notification callback URL'), 'notification.url'],
];

function slotName(slot: ApplicationModel['keys'][number]['slot']): string {
  return slot === 'previous' ? l10n.t('previous (rotated)') : slot === 'current' ? l10n.t('current') : l10n.t('certificate');
}

function collectEdit(app: HTMLElement, base: ApplicationModel): ApplicationEdit {
  const edit: ApplicationEdit = {};
  for (const [key] of textFields) {
    const value = valueOf(app, `#${key}`);
    if (value !== base[key]) edit[key] = value;
  }
  const description = valueOf(app, '#description');
  if (description !== base.description) edit.description = description;
  const permissions = checkedPermissions(app);
  if ([...permissions].sort().join() !== [...base.permissions].sort().join()) edit.permissions = permissions;
  const props = formProperties(app);
  if (JSON.stringify(props) !== JSON.stringify(base.properties)) edit.properties = props;
  return edit;
}

function checkedPermissions(app: HTMLElement): string[] {
  return [...app.querySelectorAll<ValueElement>('vscode-checkbox[data-permission]')].filter((c) => c.checked).map((c) => c.dataset.permission!);
}

function formProperties(app: HTMLElement): Array<{ key: string; value: string }> {
  return [...app.querySelectorAll('tr[data-property]')].map((row) => ({ key: valueOf(row, '.key'), value: valueOf(row, '.value') }));
}

/** The permission checklist and the property rows, as two draft fields (the user adds to both). */
function extraFields(app: HTMLElement): Draft['fields'] {
  return [
    { id: 'permissions', value: JSON.stringify(checkedPermissions(app).sort()) },
    { id: 'properties', value: JSON.stringify(formProperties(app)) },
  ];
}

function restore(draft: Draft, app: HTMLElement): void {
  if (!model) return;
  const field = (id: string) => draft.fields.find((f) => f.id === id)?.value;
  const permissions = field('permissions');
  if (permissions) {
    const checked = JSON.parse(permissions) as string[];
    custom = checked.filter((p) => !model!.knownPermissions.includes(p));
    app.querySelector('#permissions')!.replaceWith(permissionsSection(model, app));
    app.querySelectorAll<ValueElement>('vscode-checkbox[data-permission]').forEach((c) => (c.checked = checked.includes(c.dataset.permission!)));
  }
  const props = field('properties');
  if (props) {
    properties = JSON.parse(props) as typeof properties;
    app.querySelector('#properties')!.replaceWith(propertiesSection(app));
  }
}

function permissionsSection(base: ApplicationModel, app: HTMLElement): HTMLElement {
  const all = [...base.knownPermissions, ...custom.filter((p) => !base.knownPermissions.includes(p))];
  const checked = new Set([...base.permissions, ...custom]);
  const current = app.querySelectorAll<ValueElement>('vscode-checkbox[data-permission]');
  current.forEach((c) => (c.checked ? checked.add(c.dataset.permission!) : checked.delete(c.dataset.permission!)));
  const boxes = all.map((p) => {
    // The label attribute, not a text child: vscode-checkbox shows (and names itself by) its text when it has any.
    return h('vscode-checkbox', { 'data-permission': p, label: base.knownPermissions.includes(p) ? p : l10n.t('{0} (custom)', p), checked: checked.has(p) });
  });
  const input = namedInput(l10n.t('Custom permission'), { id: 'new-permission', 'data-field': 'permissions', placeholder: 'CUSTOM_PERMISSION' });
  const addCustom = () => {
    const name = (input as ValueElement).value.trim();
    if (!/^[A-Z0-9_]{1,64}$/.test(name)) return notice('error', l10n.t('A permission may only contain upper-case letters, digits and underscore (A-Z, 0-9, _), at most 64.'), 'permissions');
    if (!custom.includes(name) && !base.knownPermissions.includes(name)) custom.push(name);
    const section = app.querySelector('#permissions')!;
    section.replaceWith(permissionsSection(base, app));
    return draftChanged();
  };
  on(input, 'keydown', (event) => (event as KeyboardEvent).key === 'Enter' && addCustom());
  const part = section(l10n.t('Permissions'), h('div', { class: 'checklist', role: 'group', 'aria-label': l10n.t('Permissions') }, ...boxes),
    h('div', { class: 'inline-form' }, input, button(l10n.t('Add Custom Permission'), 'add', addCustom, { secondary: true })));
  part.id = 'permissions';
  return part;
}

function propertiesSection(app: HTMLElement): HTMLElement {
  const rows = properties.map((p, i) => {
    const key = namedInput(`Property ${i + 1} key`, { class: 'key' });
    const value = namedInput(`Property ${i + 1} value`, { class: 'value' });
    key.value = p.key;
    value.value = p.value;
    const remove = button('', 'trash', () => {
      syncProperties(app);
      properties.splice(i, 1);
      app.querySelector('#properties')!.replaceWith(propertiesSection(app));
      draftChanged();
    }, { secondary: true, title: l10n.t('Remove property {0}', p.key), action: 'remove-property', name: l10n.t('Remove property {0}', p.key || i + 1) });
    return h('tr', { 'data-property': i }, h('td', {}, key), h('td', {}, value), h('td', {}, remove));
  });
  const table = rows.length
    ? h('table', { class: 'grid' }, h('caption', {}, l10n.t('Properties (shared with the app client side: no secrets)')), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, l10n.t('Key')), h('th', { scope: 'col' }, l10n.t('Value')), h('th', { scope: 'col' }, ''))), h('tbody', {}, ...rows))
    : h('p', { class: 'empty' }, l10n.t('No properties.'));
  const part = section(l10n.t('Properties'), table, button(l10n.t('Add Property'), 'add', () => {
    syncProperties(app);
    properties.push({ key: '', value: '' });
    app.querySelector('#properties')!.replaceWith(propertiesSection(app));
    draftChanged();
  }, { secondary: true }));
  part.id = 'properties';
  return part;
}

function syncProperties(app: HTMLElement): void {
  properties = [...app.querySelectorAll('tr[data-property]')].map((row) => ({ key: valueOf(row, '.key'), value: valueOf(row, '.value') }));
}

function keyActions(next: ApplicationModel): HTMLElement {
  const has = (slot: string) => next.keys.some((k) => k.slot === slot);
  const act = (action: 'rotate' | 'extendPrevious' | 'revokePrevious' | 'revokeCurrent') => () => send({ type: 'application.keyAction', action });
  const off = (needed: boolean, why: string) => ({ secondary: true, disabled: !next.writable || !needed, title: !next.writable ? l10n.t('Needs the User Provisioning role') : needed ? undefined : why });
  return h('div', { class: 'actions' },
    button(l10n.t('Rotate RSA Key…'), 'key', act('rotate'), { disabled: !next.writable }),
    button(l10n.t('Extend Previous Key…'), 'history', act('extendPrevious'), off(has('previous'), l10n.t('No rotated key'))),
    button(l10n.t('Revoke Previous Key…'), 'close', act('revokePrevious'), off(has('previous'), l10n.t('No rotated key'))),
    button(l10n.t('Revoke Current Key…'), 'warning', act('revokeCurrent'), off(has('current'), l10n.t('No current key'))));
}

function render(next: ApplicationModel, app: HTMLElement): void {
  model = next;
  custom = [];
  properties = next.properties.map((p) => ({ ...p }));
  const save = () => {
    const edit = collectEdit(app, next);
    if (Object.keys(edit).length === 0) return notice('info', l10n.t('Nothing to save: no field has changed.'));
    replaceFormOnNextLoad();
    return send({ type: 'application.save', edit });
  };
  const openJson = on(h('a', { href: '#', class: 'link' }, h('vscode-icon', { name: 'json' }), l10n.t('Open as JSON')), 'click', (event) => {
    event.preventDefault();
    send({ type: 'application.openJson' });
  });
  app.replaceChildren(
    h('header', {}, h('h1', {}, next.name || next.appId),
      h('div', { class: 'badges' }, h('vscode-badge', {}, next.appId), h('span', { class: 'pod' }, next.podLabel)),
      h('div', { class: 'toolbar' }, openJson, button(l10n.t('Reload'), 'refresh', () => send({ type: 'reload' }), { secondary: true }))),
    section(l10n.t('Manifest'),
      h('div', { class: 'form' },
        ...textFields.map(([key, label, field]) => textField(label(), key, next[key], { field, readonly: !next.writable })),
        textField(l10n.t('Description'), 'description', next.description, { multiline: true, readonly: !next.writable }),
        h('p', { class: 'hint' }, next.notificationApiKeySet ? l10n.t('A notification API key is set; it is kept as it is (edit it in the JSON view).') : l10n.t('No notification API key is set.')))),
    permissionsSection(next, app),
    propertiesSection(app),
    section(l10n.t('Keys'), dataTable(l10n.t('Authentication keys and certificate'), [l10n.t('Slot'), l10n.t('Type'), l10n.t('SHA-256 fingerprint'), l10n.t('Expires'), l10n.t('Action')],
      next.keys.map((k) => [slotName(k.slot), k.type, h('code', {}, k.fingerprint || '—'), date(k.expirationDate) || '—', k.action ?? '']), l10n.t('No key or certificate.')),
      keyActions(next)),
    h('div', { class: 'actions sticky' }, button(l10n.t('Save'), 'save', save, { disabled: !next.writable, title: next.writable ? undefined : l10n.t('Needs the User Provisioning role') })),
  );
}

startView<ApplicationModel>('application', { render, extraFields, restore });
