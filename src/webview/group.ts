// Group detail view: profile form, lists and status (saved with the eTag the form was loaded from), members by name
// with "add by user id" and Remove Member, avatar preview and upload. When the pod says the group changed meanwhile,
// the view shows what changed there next to the user's values (beside the Save button), and sends the same edit
// again only when the user asks to reapply it.
import type { FieldChange, GroupEdit, GroupListName, GroupModel, HostToView, IdLists } from '../editors/webviewMessages';
import { ValueElement, button, dataTable, date, groupListNames, h, namedInput, notice, on, pairTable, profileListFields, profileTextFields, replaceFormOnNextLoad, section, select, send, splitList, startView, textField, valueOf } from './common';

const profileLabels: Record<string, string> = {
  displayName: 'Display name', companyName: 'Company', email: 'Email', mobile: 'Mobile', jobTitle: 'Job title', jobRole: 'Job role',
  jobDepartment: 'Department', jobDivision: 'Division', jobPhone: 'Work phone', jobCity: 'City', industryOfInterest: 'Industries of interest',
  assetClassesOfInterest: 'Asset classes of interest', marketCoverage: 'Market coverage', responsibility: 'Responsibilities', function: 'Functions', instrument: 'Instruments',
};
const listLabels: Record<GroupListName, string> = {
  visibilityRestriction: 'Visibility restriction', implicitConnection: 'Implicit connection', interactionTransfer: 'Interaction transfer',
};

/** The model the form was drawn from: the edit is what differs from it. */
let formModel: GroupModel | undefined;
/** The version the user's edits were made on (the form's, or a restored draft's): it goes with the save as If-Match. */
let formETag = '';

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

function save(app: HTMLElement): void {
  if (!formModel) return;
  const edit = collectEdit(app, formModel);
  if (!edit) return;
  if (Object.keys(edit).length === 0) return notice('info', 'Nothing to save: no field has changed.');
  replaceFormOnNextLoad();
  send({ type: 'group.save', eTag: formETag, edit });
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
  return section('Profile and lists', h('p', { class: 'hint' }, 'If someone changes the group before you save, you will see what changed before anything is written.'), form, h('div', { id: 'conflict' }));
}

/** A person by name, with who they are in the tooltip; an id the pod could not resolve stays the id. */
function person(model: GroupModel, id: number | string): HTMLElement {
  const known = model.people.find((p) => p.id === String(id));
  return h('span', { title: known?.tooltip ?? `User id: ${id}` }, known?.name ?? String(id));
}

function addMember(app: HTMLElement): void {
  const userId = valueOf(app, '#new-member').trim();
  if (!/^\d{1,19}$/.test(userId) || /^0+$/.test(userId)) return notice('error', 'Enter the new member’s user id: a positive whole number.', 'userId');
  send({ type: 'group.addMember', userId });
}

function membersSection(model: GroupModel, app: HTMLElement): HTMLElement {
  const input = namedInput('User id of the new member', { id: 'new-member', 'data-field': 'userId', placeholder: 'User id' });
  on(input, 'keydown', (event) => (event as KeyboardEvent).key === 'Enter' && addMember(app));
  const remove = (memberId: number) => {
    const who = model.people.find((p) => p.id === String(memberId))?.name ?? String(memberId);
    return button('Remove', 'remove', () => send({ type: 'group.removeMember', memberId }), { secondary: true, title: `Remove ${who} from the group`, action: 'remove-member', name: `Remove ${who} from the group` });
  };
  return section(`Members (${model.members.length})`,
    // A removed member's row is gone when the answer comes: it is shown here, above the table.
    h('div', { class: 'inline-form', 'data-answers': 'remove-member' }, input, button('Add Member', 'person-add', () => addMember(app))),
    dataTable('Members', ['Member', 'User id', 'Tenant', 'Status', 'Added', ''], model.members.map((m) => [person(model, m.memberId), String(m.memberId), m.memberTenant === undefined ? '' : String(m.memberTenant), m.status ?? '', date(m.addedDate), remove(m.memberId)]), 'No members yet.'));
}

function avatarSection(model: GroupModel): HTMLElement {
  const placeholder = (why: string) => h('div', { class: 'avatar placeholder', role: 'img', 'aria-label': why, title: why }, h('vscode-icon', { name: 'organization', size: 48 }));
  const preview = model.avatarPreview
    ? on(h('img', { class: 'avatar', src: model.avatarPreview, alt: `Avatar of ${model.name}` }), 'error', (event) => (event.target as HTMLElement).replaceWith(placeholder('The avatar could not be loaded from the pod')))
    : placeholder(model.avatarProblem ?? 'No avatar');
  return section('Avatar', h('div', { class: 'avatar-row', 'data-field': 'avatar', tabindex: -1 }, preview,
    h('div', {}, h('p', { class: 'hint' }, 'JPEG, PNG or GIF, at most 2 MB. The file is checked before it is sent.'),
      model.avatarProblem ? h('p', { class: 'hint' }, model.avatarProblem) : undefined,
      button('Upload Image…', 'file-media', () => send({ type: 'group.uploadAvatar' })),
      model.avatars.length ? dataTable('Avatars on the pod', ['Size', 'URL'], model.avatars.map((a) => [a.size, a.url]), '') : h('p', { class: 'empty' }, 'The pod has no avatar for this group.'))));
}

function header(model: GroupModel): HTMLElement {
  return h('header', {}, h('h1', {}, model.profile.displayName || model.name),
    h('div', { class: 'badges' }, h('vscode-badge', {}, model.status), h('vscode-badge', {}, model.type), h('span', { class: 'pod' }, model.podLabel)),
    pairTable('Group', [
      ['Id', h('code', {}, model.id)],
      ['Owner', model.ownerType === 'USER' ? person(model, model.ownerId) : `${model.ownerType.toLowerCase()} ${model.ownerId}`],
      ['Created', date(model.createdDate)],
      ['Updated', h('span', {}, date(model.updatedDate), model.updatedBy ? ' by ' : '', model.updatedBy ? person(model, model.updatedBy) : '')],
    ]),
    h('div', { class: 'toolbar' }, button('Reload', 'refresh', () => send({ type: 'reload' }), { secondary: true })));
}

function render(model: GroupModel, app: HTMLElement): void {
  formModel = model;
  formETag = model.eTag;
  app.replaceChildren(header(model), formSection(model, app), membersSection(model, app), avatarSection(model));
}

function showConflict(server: GroupModel, changes: FieldChange[], edit: GroupEdit): void {
  const box = document.getElementById('conflict');
  if (!box) return;
  const reapply = button('Reapply My Changes', 'check', () => {
    replaceFormOnNextLoad();
    send({ type: 'group.save', eTag: server.eTag, edit });
  });
  box.replaceChildren(h('section', { class: 'conflict', role: 'alert', 'aria-labelledby': 'conflict-title' },
    h('h2', { id: 'conflict-title' }, h('vscode-icon', { name: 'warning' }), 'Changed on the pod since you loaded it — nothing was saved'),
    dataTable('What changed on the pod', ['Field', 'On the pod (before → now)', 'Your edit'], changes.map((c) => [c.field, c.server, c.mine ?? '—']), 'The pod reports a newer version, but no field you can see differs.'),
    h('p', {}, 'Reapply sends only the fields you edited, on top of the pod’s current version.'),
    h('div', { class: 'actions' }, reapply, button('Discard My Changes', 'discard', () => {
      replaceFormOnNextLoad();
      send({ type: 'reload' });
    }, { secondary: true }))));
  (reapply as ValueElement).focus();
}

startView<GroupModel>('group', {
  render,
  draftBase: () => formETag,
  restore: (draft) => void (formETag = draft.base || formETag),
  other(message: HostToView) {
    if (message.type === 'group.conflict') showConflict(message.server, message.changes, message.edit);
  },
});
