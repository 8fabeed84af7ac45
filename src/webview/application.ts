// Application detail view: a form over the manifest (info, URLs, description, permissions checklist with custom
// entries, properties, notification callback) and a summary of the keys (type and fingerprint). "Open as JSON"
// opens the same manifest as a document; saving from here takes the same path as saving that document.
import { ApplicationEdit, ApplicationModel, Draft } from '../editors/webviewMessages';
import { ValueElement, button, dataTable, date, draftChanged, h, namedInput, notice, on, replaceFormOnNextLoad, section, send, startView, textField, valueOf } from './common';

let model: ApplicationModel | undefined;
let custom: string[] = [];
let properties: Array<{ key: string; value: string }> = [];

type TextKey = 'name' | 'publisher' | 'appUrl' | 'domain' | 'iconUrl' | 'allowOrigins' | 'notificationUrl';
const textFields: Array<[TextKey, string, string]> = [
  ['name', 'Name', 'applicationInfo.name'],
  ['publisher', 'Publisher', 'applicationInfo.publisher'],
  ['appUrl', 'App URL (https://…)', 'applicationInfo.appUrl'],
  ['domain', 'Domain', 'applicationInfo.domain'],
  ['iconUrl', 'Icon URL (https://…)', 'iconUrl'],
  ['allowOrigins', 'Allowed origins (CORS)', 'allowOrigins'],
  ['notificationUrl', 'Notification callback URL', 'notification.url'],
];

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
    return h('vscode-checkbox', { 'data-permission': p, label: base.knownPermissions.includes(p) ? p : `${p} (custom)`, checked: checked.has(p) });
  });
  const input = namedInput('Custom permission', { id: 'new-permission', 'data-field': 'permissions', placeholder: 'CUSTOM_PERMISSION' });
  const addCustom = () => {
    const name = (input as ValueElement).value.trim();
    if (!/^[A-Z0-9_]{1,64}$/.test(name)) return notice('error', 'A permission may only contain upper-case letters, digits and underscore (A-Z, 0-9, _), at most 64.', 'permissions');
    if (!custom.includes(name) && !base.knownPermissions.includes(name)) custom.push(name);
    const section = app.querySelector('#permissions')!;
    section.replaceWith(permissionsSection(base, app));
    return draftChanged();
  };
  on(input, 'keydown', (event) => (event as KeyboardEvent).key === 'Enter' && addCustom());
  const part = section('Permissions', h('div', { class: 'checklist', role: 'group', 'aria-label': 'Permissions' }, ...boxes),
    h('div', { class: 'inline-form' }, input, button('Add Custom Permission', 'add', addCustom, { secondary: true })));
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
    }, { secondary: true, title: `Remove property ${p.key}`, action: 'remove-property', name: `Remove property ${p.key || i + 1}` });
    return h('tr', { 'data-property': i }, h('td', {}, key), h('td', {}, value), h('td', {}, remove));
  });
  const table = rows.length
    ? h('table', { class: 'grid' }, h('caption', {}, 'Properties (shared with the app client side: no secrets)'), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Key'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, ''))), h('tbody', {}, ...rows))
    : h('p', { class: 'empty' }, 'No properties.');
  const part = section('Properties', table, button('Add Property', 'add', () => {
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
  const off = (needed: boolean, why: string) => ({ secondary: true, disabled: !next.writable || !needed, title: !next.writable ? 'Needs the User Provisioning role' : needed ? undefined : why });
  return h('div', { class: 'actions' },
    button('Rotate RSA Key…', 'key', act('rotate'), { disabled: !next.writable }),
    button('Extend Previous Key…', 'history', act('extendPrevious'), off(has('previous'), 'No rotated key')),
    button('Revoke Previous Key…', 'close', act('revokePrevious'), off(has('previous'), 'No rotated key')),
    button('Revoke Current Key…', 'warning', act('revokeCurrent'), off(has('current'), 'No current key')));
}

function render(next: ApplicationModel, app: HTMLElement): void {
  model = next;
  custom = [];
  properties = next.properties.map((p) => ({ ...p }));
  const save = () => {
    const edit = collectEdit(app, next);
    if (Object.keys(edit).length === 0) return notice('info', 'Nothing to save: no field has changed.');
    replaceFormOnNextLoad();
    return send({ type: 'application.save', edit });
  };
  const openJson = on(h('a', { href: '#', class: 'link' }, h('vscode-icon', { name: 'json' }), 'Open as JSON'), 'click', (event) => {
    event.preventDefault();
    send({ type: 'application.openJson' });
  });
  app.replaceChildren(
    h('header', {}, h('h1', {}, next.name || next.appId),
      h('div', { class: 'badges' }, h('vscode-badge', {}, next.appId), h('span', { class: 'pod' }, next.podLabel)),
      h('div', { class: 'toolbar' }, openJson, button('Reload', 'refresh', () => send({ type: 'reload' }), { secondary: true }))),
    section('Manifest',
      h('div', { class: 'form' },
        ...textFields.map(([key, label, field]) => textField(label, key, next[key], { field, readonly: !next.writable })),
        textField('Description', 'description', next.description, { multiline: true, readonly: !next.writable }),
        h('p', { class: 'hint' }, next.notificationApiKeySet ? 'A notification API key is set; it is kept as it is (edit it in the JSON view).' : 'No notification API key is set.'))),
    permissionsSection(next, app),
    propertiesSection(app),
    section('Keys', dataTable('Authentication keys and certificate', ['Slot', 'Type', 'SHA-256 fingerprint', 'Expires', 'Action'],
      next.keys.map((k) => [k.slot === 'previous' ? 'previous (rotated)' : k.slot, k.type, h('code', {}, k.fingerprint || '—'), date(k.expirationDate) || '—', k.action ?? '']), 'No key or certificate.'),
      keyActions(next)),
    h('div', { class: 'actions sticky' }, button('Save', 'save', save, { disabled: !next.writable, title: next.writable ? undefined : 'Needs the User Provisioning role' })),
  );
}

startView<ApplicationModel>('application', { render, extraFields, restore });
