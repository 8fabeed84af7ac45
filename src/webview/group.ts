// Group detail view: profile form, lists and status (saved with the eTag the form was loaded from), members with
// "add by user id", avatar preview and upload. When the pod says the group changed meanwhile, the view shows what
// changed there next to the user's values, and sends the same edit again only when the user asks to reapply it.
import { FieldChange, GroupEdit, GroupListName, GroupModel, HostToView, IdLists, groupListNames, profileListFields, profileTextFields } from '../editors/webviewMessages';
import { ValueElement, button, dataTable, date, h, notice, on, pairTable, section, select, send, splitList, startView, textField, valueOf } from './common';

const profileLabels: Record<string, string> = {
  displayName: 'Display name', companyName: 'Company', email: 'Email', mobile: 'Mobile', jobTitle: 'Job title', jobRole: 'Job role',
  jobDepartment: 'Department', jobDivision: 'Division', jobPhone: 'Work phone', jobCity: 'City', industryOfInterest: 'Industries of interest',
  assetClassesOfInterest: 'Asset classes of interest', marketCoverage: 'Market coverage', responsibility: 'Responsibilities', function: 'Functions', instrument: 'Instruments',
};
const listLabels: Record<GroupListName, string> = {
  visibilityRestriction: 'Visibility restriction', implicitConnection: 'Implicit connection', interactionTransfer: 'Interaction transfer',
};

/** The model the form was drawn from: its eTag goes with the save, and the edit is what differs from it. */
let formModel: GroupModel | undefined;
let saving = false;

function ids(text: string): number[] | undefined {
  const parts = splitList(text);
  return parts.every((p) => /^\d{1,15}$/.test(p) && Number(p) > 0) ? parts.map(Number) : undefined;
}

/** The fields whose form value differs from the model the form was drawn from; undefined when a list is not valid. */
function collectEdit(app: HTMLElement, model: GroupModel): GroupEdit | undefined {
  const edit: GroupEdit = {};
  const name = valueOf(app, '#name');
  if (name !== model.name) edit.name = name;
  const status = valueOf(app, '#status') as GroupModel['status'];
  if (status !== model.status) edit.status = status;
  const profile: NonNullable<GroupEdit['profile']> = {};
  for (const f of profileTextFields) if (valueOf(app, `#p-${f}`) !== (model.profile[f] ?? '')) profile[f] = valueOf(app, `#p-${f}`);
  for (const f of profileListFields) {
    const value = splitList(valueOf(app, `#p-${f}`));
    if (value.join(',') !== (model.profile[f] ?? []).join(',')) profile[f] = value;
  }
  if (Object.keys(profile).length > 0) edit.profile = profile;
  for (const list of groupListNames) {
    const tenants = ids(valueOf(app, `#${list}-tenants`));
    const users = ids(valueOf(app, `#${list}-users`));
    if (!tenants || !users) {
      notice('error', `${listLabels[list]}: enter ids as positive whole numbers separated by commas.`, `${list}-${tenants ? 'users' : 'tenants'}`);
      return undefined;
    }
    const lists: IdLists = { tenants, users };
    if (JSON.stringify(lists) !== JSON.stringify(model[list])) edit[list] = lists;
  }
  return edit;
}

function isDirty(app: HTMLElement): boolean {
  if (!formModel) return false;
  const edit = collectEdit(app, formModel);
  return edit === undefined || Object.keys(edit).length > 0;
}

function save(app: HTMLElement): void {
  if (!formModel) return;
  const edit = collectEdit(app, formModel);
  if (!edit) return;
  if (Object.keys(edit).length === 0) return notice('info', 'Nothing to save: no field has changed.');
  saving = true;
  send({ type: 'group.save', eTag: formModel.eTag, edit });
}

function formSection(model: GroupModel, app: HTMLElement): HTMLElement {
  const form = h('form', { class: 'form', 'aria-label': 'Group profile' },
    textField('Group name', 'name', model.name),
    select('Status', 'status', ['ACTIVE', 'DELETED'], model.status),
    ...profileTextFields.map((f) => textField(profileLabels[f], `p-${f}`, model.profile[f] ?? '', { field: f })),
    ...profileListFields.map((f) => textField(`${profileLabels[f]} (comma-separated)`, `p-${f}`, (model.profile[f] ?? []).join(', '), { field: f })),
    h('h3', {}, 'Lists'),
    ...groupListNames.flatMap((list) => [
      textField(`${listLabels[list]}: tenant ids`, `${list}-tenants`, model[list].tenants.join(', '), { placeholder: 'e.g. 100, 200' }),
      textField(`${listLabels[list]}: user ids`, `${list}-users`, model[list].users.join(', '), { placeholder: 'e.g. 13056700580913' }),
    ]),
    h('div', { class: 'actions' }, button('Save', 'save', () => save(app))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(app);
  });
  return section('Profile and lists', h('p', { class: 'hint' }, `Saved with If-Match ${model.eTag}: if someone changes the group first, you will see what changed before anything is written.`), form);
}

function addMember(app: HTMLElement): void {
  const userId = valueOf(app, '#new-member').trim();
  if (!/^\d{1,19}$/.test(userId) || /^0+$/.test(userId)) return notice('error', 'Enter the new member’s user id: a positive whole number.', 'userId');
  send({ type: 'group.addMember', userId });
}

function membersSection(model: GroupModel, app: HTMLElement): HTMLElement {
  const input = h('vscode-textfield', { id: 'new-member', 'data-field': 'userId', placeholder: 'User id', 'aria-label': 'User id of the new member' });
  on(input, 'keydown', (event) => (event as KeyboardEvent).key === 'Enter' && addMember(app));
  return section(`Members (${model.members.length})`,
    h('div', { class: 'inline-form' }, input, button('Add Member', 'person-add', () => addMember(app))),
    dataTable('Members', ['User id', 'Tenant', 'Status', 'Added'], model.members.map((m) => [String(m.memberId), m.memberTenant === undefined ? '' : String(m.memberTenant), m.status ?? '', date(m.addedDate)]), 'No members yet.'));
}

function avatarSection(model: GroupModel): HTMLElement {
  const preview = model.avatarPreview
    ? h('img', { class: 'avatar', src: model.avatarPreview, alt: `Avatar of ${model.name}` })
    : h('div', { class: 'avatar placeholder', role: 'img', 'aria-label': 'No avatar preview' }, h('vscode-icon', { name: 'organization', size: 48 }));
  return section('Avatar', h('div', { class: 'avatar-row', 'data-field': 'avatar', tabindex: -1 }, preview,
    h('div', {}, h('p', { class: 'hint' }, 'JPEG, PNG or GIF, at most 2 MB. The file is checked before it is sent.'),
      button('Upload Image…', 'file-media', () => send({ type: 'group.uploadAvatar' })),
      model.avatars.length ? dataTable('Avatars on the pod', ['Size', 'URL'], model.avatars.map((a) => [a.size, a.url]), '') : h('p', { class: 'empty' }, 'The pod has no avatar for this group.'))));
}

function header(model: GroupModel): HTMLElement {
  return h('header', {}, h('h1', {}, model.profile.displayName || model.name),
    h('div', { class: 'badges' }, h('vscode-badge', {}, model.status), h('vscode-badge', {}, model.type), h('span', { class: 'pod' }, model.podLabel)),
    pairTable('Group', [['Id', h('code', {}, model.id)], ['Owner', `${model.ownerType} ${model.ownerId}`], ['Created', date(model.createdDate)], ['Updated', `${date(model.updatedDate)}${model.updatedBy ? ` by ${model.updatedBy}` : ''}`]]),
    h('div', { class: 'toolbar' }, button('Reload', 'refresh', () => send({ type: 'reload' }), { secondary: true })));
}

function render(model: GroupModel, app: HTMLElement): void {
  const keepForm = formModel !== undefined && formModel.id === model.id && !saving && isDirty(app);
  const form = keepForm ? app.querySelector('#form-section') : undefined;
  if (!keepForm) formModel = model;
  saving = false;
  const formPart = (form as HTMLElement | null | undefined) ?? formSection(model, app);
  formPart.id = 'form-section';
  app.replaceChildren(header(model), h('div', { id: 'conflict' }), formPart, membersSection(model, app), avatarSection(model));
  if (keepForm) notice('info', 'The group changed on the pod. Your unsaved edits are kept; saving will show what changed before anything is written.');
}

function showConflict(server: GroupModel, changes: FieldChange[], edit: GroupEdit): void {
  saving = false;
  const box = document.getElementById('conflict');
  if (!box) return;
  const reapply = button('Reapply My Changes', 'check', () => {
    saving = true;
    send({ type: 'group.save', eTag: server.eTag, edit });
  });
  box.replaceChildren(h('section', { class: 'conflict', role: 'alert', 'aria-labelledby': 'conflict-title' },
    h('h2', { id: 'conflict-title' }, h('vscode-icon', { name: 'warning' }), 'Changed on the pod since you loaded it — nothing was saved'),
    dataTable('What changed on the pod', ['Field', 'On the pod (before → now)', 'Your edit'], changes.map((c) => [c.field, c.server, c.mine ?? '—']), 'The pod reports a newer version, but no field you can see differs.'),
    h('p', {}, 'Reapply sends only the fields you edited, on top of the pod’s current version.'),
    h('div', { class: 'actions' }, reapply, button('Discard My Changes', 'discard', () => {
      formModel = undefined;
      send({ type: 'reload' });
    }, { secondary: true }))));
  (reapply as ValueElement).focus();
}

startView<GroupModel>('group', {
  render,
  idle: () => (saving = false),
  other(message: HostToView) {
    if (message.type === 'group.conflict') showConflict(message.server, message.changes, message.edit);
  },
});
