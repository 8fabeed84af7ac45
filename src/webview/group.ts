// Group detail view: profile form, lists and status (saved with the eTag the form was loaded from), members by name
// with "add by user id" and Remove Member, avatar preview and upload. When the pod says the group changed meanwhile,
// the view shows what changed there next to the user's values (beside the Save button), and sends the same edit
// again only when the user asks to reapply it.
import type { FieldChange, GroupEdit, GroupListName, GroupModel, HostToView, IdLists } from '../editors/webviewMessages';
import { ValueElement, button, dataTable, date, groupListNames, h, l10n, namedInput, notice, on, pairTable, profileListFields, profileTextFields, replaceFormOnNextLoad, section, select, send, splitList, startView, textField, valueOf } from './common';

// Getters: a label is read when the form is drawn, after the host sent its translations.
const profileLabels: Record<string, string> = {
  get displayName() { return l10n.t('Display name'); },
  get companyName() { return l10n.t('Company'); },
  get email() { return l10n.t('Email'); },
  get mobile() { return l10n.t('Mobile'); },
  get jobTitle() { return l10n.t('Job title'); },
  get jobRole() { return l10n.t('Job role'); },
  get jobDepartment() { return l10n.t('Department'); },
  get jobDivision() { return l10n.t('Division'); },
  get jobPhone() { return l10n.t('Work phone'); },
  get jobCity() { return l10n.t('City'); },
  get industryOfInterest() { return l10n.t('Industries of interest'); },
  get assetClassesOfInterest() { return l10n.t('Asset classes of interest'); },
  get marketCoverage() { return l10n.t('Market coverage'); },
  get responsibility() { return l10n.t('Responsibilities'); },
  get function() { return l10n.t('Functions'); },
  get instrument() { return l10n.t('Instruments'); },
};
const listLabels: Record<GroupListName, string> = {
  get visibilityRestriction() { return l10n.t('Visibility restriction'); },
  get implicitConnection() { return l10n.t('Implicit connection'); },
  get interactionTransfer() { return l10n.t('Interaction transfer'); },
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
      notice('error', l10n.t('{0}: enter ids as positive whole numbers separated by commas.', listLabels[list]), `${list}-${tenants ? 'users' : 'tenants'}`);
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
  if (Object.keys(edit).length === 0) return notice('info', l10n.t('Nothing to save: no field has changed.'));
  replaceFormOnNextLoad();
  send({ type: 'group.save', eTag: formETag, edit });
}

function formSection(model: GroupModel, app: HTMLElement): HTMLElement {
  const form = h('form', { class: 'form', 'aria-label': l10n.t('Group profile') },
    textField(l10n.t('Group name'), 'name', model.name),
    select(l10n.t('Status'), 'status', ['ACTIVE', 'DELETED'], model.status),
    ...profileTextFields.map((f) => textField(profileLabels[f], `p-${f}`, model.profile[f] ?? '', { field: f })),
    ...profileListFields.map((f) => textField(l10n.t('{0} (comma-separated)', profileLabels[f]), `p-${f}`, (model.profile[f] ?? []).join(', '), { field: f })),
    h('h3', {}, l10n.t('Lists')),
    ...groupListNames.flatMap((list) => [
      textField(l10n.t('{0}: tenant ids', listLabels[list]), `${list}-tenants`, model[list].tenants.join(', '), { placeholder: l10n.t('e.g. 100, 200') }),
      textField(l10n.t('{0}: user ids', listLabels[list]), `${list}-users`, model[list].users.join(', '), { placeholder: l10n.t('e.g. {0}', '13056700580913') }),
    ]),
    h('div', { class: 'actions' }, button(l10n.t('Save'), 'save', () => save(app))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(app);
  });
  return section(l10n.t('Profile and lists'), h('p', { class: 'hint' }, l10n.t('If someone changes the group before you save, you will see what changed before anything is written.')), form, h('div', { id: 'conflict' }));
}

/** A person by name, with who they are in the tooltip; an id the pod could not resolve stays the id. */
function person(model: GroupModel, id: number | string): HTMLElement {
  const known = model.people.find((p) => p.id === String(id));
  return h('span', { title: known?.tooltip ?? l10n.t('User id: {0}', id) }, known?.name ?? String(id));
}

function addMember(app: HTMLElement): void {
  const userId = valueOf(app, '#new-member').trim();
  if (!/^\d{1,19}$/.test(userId) || /^0+$/.test(userId)) return notice('error', l10n.t('Enter the new member’s user id: a positive whole number.'), 'userId');
  send({ type: 'group.addMember', userId });
}

function membersSection(model: GroupModel, app: HTMLElement): HTMLElement {
  const input = namedInput(l10n.t('User id of the new member'), { id: 'new-member', 'data-field': 'userId', placeholder: l10n.t('User id') });
  on(input, 'keydown', (event) => (event as KeyboardEvent).key === 'Enter' && addMember(app));
  const remove = (memberId: number) => {
    const who = model.people.find((p) => p.id === String(memberId))?.name ?? String(memberId);
    return button(l10n.t('Remove'), 'remove', () => send({ type: 'group.removeMember', memberId }), { secondary: true, title: l10n.t('Remove {0} from the group', who), action: 'remove-member', name: l10n.t('Remove {0} from the group', who) });
  };
  return section(`Members (${model.members.length})`,
    // A removed member's row is gone when the answer comes: it is shown here, above the table.
    h('div', { class: 'inline-form', 'data-answers': 'remove-member' }, input, button(l10n.t('Add Member'), 'person-add', () => addMember(app))),
    dataTable(l10n.t('Members'), [l10n.t('Member'), l10n.t('User id'), l10n.t('Tenant'), l10n.t('Status'), l10n.t('Added'), ''], model.members.map((m) => [person(model, m.memberId), String(m.memberId), m.memberTenant === undefined ? '' : String(m.memberTenant), m.status ?? '', date(m.addedDate), remove(m.memberId)]), l10n.t('No members yet.')));
}

function avatarSection(model: GroupModel): HTMLElement {
  const placeholder = (why: string) => h('div', { class: 'avatar placeholder', role: 'img', 'aria-label': why, title: why }, h('vscode-icon', { name: 'organization', size: 48 }));
  const preview = model.avatarPreview
    ? on(h('img', { class: 'avatar', src: model.avatarPreview, alt: l10n.t('Avatar of {0}', model.name) }), 'error', (event) => (event.target as HTMLElement).replaceWith(placeholder(l10n.t('The avatar could not be loaded from the pod'))))
    : placeholder(model.avatarProblem ?? l10n.t('No avatar'));
  return section(l10n.t('Avatar'), h('div', { class: 'avatar-row', 'data-field': 'avatar', tabindex: -1 }, preview,
    h('div', {}, h('p', { class: 'hint' }, l10n.t('JPEG, PNG or GIF, at most 2 MB. The file is checked before it is sent.')),
      model.avatarProblem ? h('p', { class: 'hint' }, model.avatarProblem) : undefined,
      button(l10n.t('Upload Image…'), 'file-media', () => send({ type: 'group.uploadAvatar' })),
      model.avatars.length ? dataTable(l10n.t('Avatars on the pod'), [l10n.t('Size'), l10n.t('URL')], model.avatars.map((a) => [a.size, a.url]), '') : h('p', { class: 'empty' }, l10n.t('The pod has no avatar for this group.')))));
}

function header(model: GroupModel): HTMLElement {
  return h('header', {}, h('h1', {}, model.profile.displayName || model.name),
    h('div', { class: 'badges' }, h('vscode-badge', {}, model.status), h('vscode-badge', {}, model.type), h('span', { class: 'pod' }, model.podLabel)),
    pairTable(l10n.t('Group'), [
      [l10n.t('Id'), h('code', {}, model.id)],
      [l10n.t('Owner'), model.ownerType === 'USER' ? person(model, model.ownerId) : `${model.ownerType.toLowerCase()} ${model.ownerId}`],
      [l10n.t('Created'), date(model.createdDate)],
      [l10n.t('Updated'), h('span', {}, date(model.updatedDate), model.updatedBy ? l10n.t(' by ') : '', model.updatedBy ? person(model, model.updatedBy) : '')],
    ]),
    h('div', { class: 'toolbar' }, button(l10n.t('Reload'), 'refresh', () => send({ type: 'reload' }), { secondary: true })));
}

function render(model: GroupModel, app: HTMLElement): void {
  formModel = model;
  formETag = model.eTag;
  app.replaceChildren(header(model), formSection(model, app), membersSection(model, app), avatarSection(model));
}

function showConflict(server: GroupModel, changes: FieldChange[], edit: GroupEdit): void {
  const box = document.getElementById('conflict');
  if (!box) return;
  const reapply = button(l10n.t('Reapply My Changes'), 'check', () => {
    replaceFormOnNextLoad();
    send({ type: 'group.save', eTag: server.eTag, edit });
  });
  box.replaceChildren(h('section', { class: 'conflict', role: 'alert', 'aria-labelledby': 'conflict-title' },
    h('h2', { id: 'conflict-title' }, h('vscode-icon', { name: 'warning' }), l10n.t('Changed on the pod since you loaded it — nothing was saved')),
    dataTable(l10n.t('What changed on the pod'), [l10n.t('Field'), l10n.t('On the pod (before → now)'), l10n.t('Your edit')], changes.map((c) => [c.field, c.server, c.mine ?? '—']),
      l10n.t('The pod reports a newer version, but no field you can see differs.')),
    h('p', {}, l10n.t('Reapply sends only the fields you edited, on top of the pod’s current version.')),
    h('div', { class: 'actions' }, reapply, button(l10n.t('Discard My Changes'), 'discard', () => {
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
