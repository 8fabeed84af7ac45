// The group detail view: profile form, members table (people by name) with "add by user id" and Remove Member,
// avatar preview and upload, the visibility / implicit-connection / interaction-transfer lists and the status. A
// save sends If-Match with the eTag the view's form was loaded from; on 412 (or a version this panel never saw, as
// after a window reload) the view is shown what changed on the server and nothing is written until the user
// reapplies their edit on top of the server's version.
import * as fs from 'node:fs/promises';
import { noteChange } from '../activity/changeContext';
import { PodApiError, ReadGroup, UpdateGroup, groupUpdate, imageTypeOf, toUserId, validateAvatar, validateRequiredName, validateUserId } from '../api';
import { CommandContext } from '../commands/commandContext';
import { removeMember } from '../commands/groupCommandsPart';
import { l10n } from '../text/l10n';
import { PodNode } from '../tree/podNode';
import { peopleOf, personLabel, personTooltip } from '../tree/people';
import { confirmChange } from '../ui/confirmChange';
import { defined } from './certificateView';
import { httpsOrigin } from './detailPanelHtml';
import { DetailView, ViewUi } from './detailPanels';
import {
  FieldChange, GroupEdit, GroupListName, GroupModel, IdLists, PanelState, ViewToHost, groupListNames, profileListFields, profileTextFields,
} from './webviewMessages';

/** The API's two id lists per group list, by the names the protocol uses. */
const listFields: Record<GroupListName, { tenants: string; users: string; label: string }> = {
  visibilityRestriction: { tenants: 'restrictedTenantsList', users: 'restrictedUsersList', get label() { return l10n.t('Visibility restriction'); } },
  implicitConnection: { tenants: 'connectedTenantsList', users: 'connectedUsersList', get label() { return l10n.t('Implicit connection'); } },
  interactionTransfer: { tenants: 'restrictedTenantsList', users: 'restrictedUsersList', get label() { return l10n.t('Interaction transfer'); } },
};
const keptVersions = 10;

export class GroupView implements DetailView {
  /** The versions this panel has shown, by eTag: a save applies the user's edit to the version it was made on. */
  private readonly versions = new Map<string, ReadGroup>();
  private latest: ReadGroup | undefined;
  private avatarPreview: string | undefined;

  constructor(private readonly context: CommandContext, private readonly state: PanelState) {}

  private get groups() {
    return this.context.sessions.client(this.state.podId).groups;
  }

  async load(): Promise<{ title: string; model: GroupModel }> {
    const group = this.remember(await this.groups.getGroup(this.state.id));
    // A load (open, Reload, a tree refresh) asks for the names again, as a refreshed tree node does.
    return { title: l10n.t('Group: {0}', group.name), model: await this.model(group, true) };
  }

  imageOrigin(): string | undefined {
    return httpsOrigin(this.podUrl);
  }

  private get podUrl(): string | undefined {
    return this.context.store.get(this.state.podId)?.podUrl;
  }

  async handle(message: ViewToHost, ui: ViewUi): Promise<void> {
    switch (message.type) {
      case 'group.save':
        return this.save(message.eTag, message.edit, ui);
      case 'group.addMember':
        return this.addMember(message.userId, ui);
      case 'group.uploadAvatar':
        return this.uploadAvatar(ui);
      case 'group.removeMember': {
        const { group, who } = await removeMember(this.context, { podId: this.state.podId, groupId: this.state.id, memberId: message.memberId });
        this.remember(group);
        ui.post({ type: 'load', state: this.state, model: await this.model(group) });
        return ui.notice('info', l10n.t('Removed {0} from {1}.', who, group.name));
      }
      default:
        return undefined;
    }
  }

  treeList(pod: PodNode) {
    const typeId = this.latest?.type;
    return (typeId ? pod.groups.cachedChild(typeId) : undefined) ?? pod.groups;
  }

  private async save(eTag: string, edit: GroupEdit, ui: ViewUi): Promise<void> {
    const problem = validateEdit(edit);
    if (problem) return ui.notice('error', problem.message, problem.field);
    // A version this panel never saw (the edit came back after a window reload): show the pod's version as a conflict.
    const base = this.versions.get(eTag) ?? (await this.conflict(undefined, edit, ui));
    if (!base) return undefined;
    if (edit.status === 'DELETED' && base.status !== 'DELETED') {
      const confirmed = await confirmChange(this.context, this.state.podId, {
        message: l10n.t('Mark the group "{0}" deleted?', base.name), detail: l10n.t('Group id {0}\n\nIts members lose the distribution list. You can restore it later.', base.id ?? this.state.id),
        action: l10n.t('Mark Deleted'), destructive: true,
      });
      if (!confirmed) return undefined;
    }
    ui.post({ type: 'busy', busy: true, message: l10n.t('Saving…') });
    let saved: ReadGroup;
    try {
      noteChange({ resource: { kind: 'group', id: this.state.id, name: base.name }, before: base });
      saved = await this.groups.updateGroup(this.state.id, applyEdit(base, edit), eTag);
    } catch (error) {
      if (!(error instanceof PodApiError && error.status === 412)) throw error;
      return void (await this.conflict(base, edit, ui));
    }
    this.remember(saved);
    ui.refreshTree();
    ui.post({ type: 'load', state: this.state, model: await this.model(saved) });
    return ui.notice('info', l10n.t('Saved {0}.', saved.name));
  }

  /** Shows the pod's current version and what changed there since `base` (unknown: nothing to compare with). */
  private async conflict(base: ReadGroup | undefined, edit: GroupEdit, ui: ViewUi): Promise<undefined> {
    const server = this.remember(await this.groups.getGroup(this.state.id));
    this.context.log.info(`Group ${this.state.id} changed on the pod since it was loaded; waiting for the user to reapply the edit.`);
    ui.post({ type: 'group.conflict', server: await this.model(server), changes: groupChanges(base ?? server, server, edit), edit });
    return undefined;
  }

  private async addMember(userId: string, ui: ViewUi): Promise<void> {
    const problem = validateUserId(userId.trim());
    if (problem) return ui.notice('error', problem, 'userId');
    const group = this.latest ?? this.remember(await this.groups.getGroup(this.state.id));
    const memberId = toUserId(userId.trim());
    if (typeof memberId !== 'number') return ui.notice('error', l10n.t('This user id is too large for the group API.'), 'userId');
    ui.post({ type: 'busy', busy: true, message: l10n.t('Adding {0}…', memberId) });
    const updated = this.remember(await this.groups.addMember(this.state.id, { memberId, memberTenant: group.ownerId }));
    ui.refreshTree();
    const model = await this.model(updated);
    ui.post({ type: 'load', state: this.state, model });
    return ui.notice('info', l10n.t('Added {0} to {1}.', model.people.find((p) => p.id === String(memberId))?.name ?? l10n.t('user {0}', memberId), updated.name));
  }

  private async uploadAvatar(ui: ViewUi): Promise<void> {
    const name = this.latest?.name ?? this.state.id;
    const file = await this.context.promptHost.current.openFile({ title: l10n.t('Avatar for {0} (jpg, png or gif, at most 2 MB)', name), filters: { [l10n.t('Images')]: ['png', 'jpg', 'jpeg', 'gif'] } });
    const bytes = await fs.readFile(file.fsPath);
    const problem = validateAvatar(bytes);
    if (problem) return ui.notice('error', problem, 'avatar');
    ui.post({ type: 'busy', busy: true, message: l10n.t('Uploading the avatar…') });
    const updated = this.remember(await this.groups.uploadAvatar(this.state.id, bytes));
    const type = imageTypeOf(bytes) === 'jpg' ? 'jpeg' : imageTypeOf(bytes);
    this.avatarPreview = `data:image/${type};base64,${bytes.toString('base64')}`;
    ui.refreshTree();
    ui.post({ type: 'load', state: this.state, model: await this.model(updated) });
    return ui.notice('info', l10n.t('Uploaded the avatar of {0}.', updated.name));
  }

  private remember(group: ReadGroup): ReadGroup {
    this.latest = group;
    if (group.eTag) {
      this.versions.delete(group.eTag);
      this.versions.set(group.eTag, group);
      if (this.versions.size > keptVersions) this.versions.delete(this.versions.keys().next().value as string);
    }
    return group;
  }

  private async model(group: ReadGroup, freshNames = false): Promise<GroupModel> {
    const profile = group.profile ?? {};
    const avatar = this.avatarPreview ? { avatarPreview: this.avatarPreview } : avatarOf(profile.avatars ?? [], this.podUrl);
    return {
      kind: 'group',
      podLabel: this.context.store.get(this.state.podId)?.label ?? this.state.podId,
      id: group.id ?? this.state.id,
      eTag: group.eTag ?? '',
      name: group.name ?? '',
      type: group.type ?? '',
      status: group.status ?? 'ACTIVE',
      ownerType: group.ownerType ?? '',
      ownerId: group.ownerId ?? 0,
      ...defined({ createdDate: group.createdDate, updatedDate: group.updatedDate, updatedBy: group.updatedBy }),
      profile: defined(Object.fromEntries([...profileTextFields, ...profileListFields].map((f) => [f, profile[f]]))),
      members: (group.members ?? []).filter((m) => Number.isSafeInteger(m.memberId) && (m.memberId ?? 0) > 0)
        .map((m) => ({ memberId: m.memberId!, ...defined({ memberTenant: m.memberTenant, status: m.status, addedDate: m.addedDate }) })),
      avatars: (profile.avatars ?? []).map((a) => ({ size: a.size ?? '', url: a.url ?? '' })),
      ...avatar,
      people: await this.people(group, freshNames),
      visibilityRestriction: idListsOf(group, 'visibilityRestriction'),
      implicitConnection: idListsOf(group, 'implicitConnection'),
      interactionTransfer: idListsOf(group, 'interactionTransfer'),
    };
  }

  /** Names for the owner (when a user), the members and "updated by": one lookup for all of them. */
  private async people(group: ReadGroup, fresh: boolean): Promise<GroupModel['people']> {
    const ids = [...(group.members ?? []).map((m) => m.memberId), group.ownerType === 'USER' ? group.ownerId : undefined, group.updatedBy]
      .map((id) => String(id ?? '')).filter((id) => /^[1-9]\d{0,18}$/.test(id));
    if (ids.length === 0) return [];
    const people = await peopleOf(this.context.sessions, this.state.podId).resolve(ids, { fresh });
    return [...people.values()].map((p) => ({ id: p.id, name: personLabel(p, p.id), tooltip: personTooltip(p, p.id) }));
  }
}

/**
 * The pod's avatar to preview, as an untrusted URL: the largest one, resolved against the pod's URL (a pod gives
 * `../avatars/…`), kept only when it is https on the pod's own origin or a data: image; otherwise why not.
 */
export function avatarOf(avatars: ReadonlyArray<{ size?: string; url?: string }>, podUrl: string | undefined): { avatarPreview?: string; avatarProblem?: string } {
  const pick = avatars.find((a) => a.size === 'original') ?? avatars[0];
  if (!pick?.url) return {};
  if (/^data:image\/(png|jpeg|gif);base64,[A-Za-z0-9+/=]+$/.test(pick.url)) return { avatarPreview: pick.url };
  let url: URL | undefined;
  try {
    url = new URL(pick.url, podUrl ? `${podUrl.replace(/\/+$/, '')}/` : undefined);
  } catch {
    url = undefined;
  }
  const origin = httpsOrigin(podUrl);
  if (url && origin && url.origin === origin) return { avatarPreview: url.href };
  return { avatarProblem: l10n.t('Not previewed: the pod’s avatar address is not an https address on the pod itself.') };
}

function idListsOf(group: ReadGroup, list: GroupListName): IdLists {
  const value = (group[list] ?? {}) as Record<string, unknown>;
  const ids = (name: string) => (Array.isArray(value[name]) ? (value[name] as unknown[]).filter((n): n is number => Number.isSafeInteger(n) && (n as number) > 0) : []);
  return { tenants: ids(listFields[list].tenants), users: ids(listFields[list].users) };
}

function validateEdit(edit: GroupEdit): { field: string; message: string } | undefined {
  if (edit.name !== undefined && validateRequiredName(edit.name)) return { field: 'name', message: validateRequiredName(edit.name, l10n.t('The group name'))! };
  if (edit.profile?.displayName !== undefined && validateRequiredName(edit.profile.displayName)) {
    return { field: 'displayName', message: validateRequiredName(edit.profile.displayName, l10n.t('The profile display name'))! };
  }
  return undefined;
}

/** The update body: the version the edit was made on, with the edited fields replaced. */
export function applyEdit(base: ReadGroup, edit: GroupEdit): UpdateGroup {
  const update = groupUpdate(base, edit.status ?? base.status ?? 'ACTIVE');
  if (edit.name !== undefined) update.name = edit.name.trim();
  if (edit.profile) {
    const profile: Record<string, unknown> = { ...update.profile };
    for (const [field, value] of Object.entries(edit.profile)) {
      const empty = value === undefined || (typeof value === 'string' ? !value.trim() : value.length === 0);
      if (empty) delete profile[field];
      else profile[field] = typeof value === 'string' ? value.trim() : value;
    }
    update.profile = profile as UpdateGroup['profile'];
  }
  for (const list of groupListNames) {
    const ids = edit[list];
    if (ids) (update as unknown as Record<string, unknown>)[list] = { [listFields[list].tenants]: ids.tenants, [listFields[list].users]: ids.users };
  }
  return update;
}

/** What differs between the version the user edited and the server's, field by field, with the user's value. */
export function groupChanges(base: ReadGroup, server: ReadGroup, edit: GroupEdit): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: string, before: unknown, after: unknown, mine: unknown) => {
    const empty = l10n.t('(empty)');
    if (show(before) !== show(after)) changes.push({ field, server: `${show(before) || empty} → ${show(after) || empty}`, ...(mine !== undefined ? { mine: show(mine) || empty } : {}) });
  };
  add(l10n.t('Name'), base.name, server.name, edit.name);
  add(l10n.t('Status'), base.status, server.status, edit.status);
  for (const field of [...profileTextFields, ...profileListFields]) add(l10n.t('Profile: {0}', field), base.profile?.[field], server.profile?.[field], edit.profile?.[field]);
  const memberIds = (g: ReadGroup) => (g.members ?? []).map((m) => m.memberId).sort();
  add(l10n.t('Members'), memberIds(base), memberIds(server), undefined);
  add(l10n.t('Avatar'), base.profile?.avatars?.map((a) => a.url), server.profile?.avatars?.map((a) => a.url), undefined);
  for (const list of groupListNames) {
    const mine = edit[list];
    const [before, after] = [idListsOf(base, list), idListsOf(server, list)];
    add(l10n.t('{0}: tenants', listFields[list].label), before.tenants, after.tenants, mine?.tenants);
    add(l10n.t('{0}: users', listFields[list].label), before.users, after.users, mine?.users);
  }
  return changes;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}
