// Groups (Profile Manager): `groups/<type>/<name>.json` with owner, profile, the three lists and members. A group
// is known by its type and name: its id and eTag are the pod's. Groups marked DELETED are tombstones: not exported,
// restored (status ACTIVE) when the folder has them again, and a prune marks a group DELETED (there is no DELETE).
// Updates use If-Match with the eTag read just before the write, so a change made meanwhile is a 412, never lost.
import { CreateGroup, ReadGroup, groupUpdate, validateGroup } from '../../api';
import { l10n } from '../../text/l10n';
import { READ_CONCURRENCY, mapConcurrently } from '../concurrency';
import { Json, JsonObject, fileSlug, isObject, listFiles } from '../folderFiles';
import { DesiredResource, PodResource, ResourceKind, compact } from './kind';

const FIELDS = ['name', 'ownerType', 'ownerId', 'subType', 'referrer', 'profile', 'visibilityRestriction', 'implicitConnection', 'interactionTransfer', 'members'];
const PROFILE_FIELDS = [
  'displayName', 'companyName', 'email', 'mobile', 'jobTitle', 'jobRole', 'jobDepartment', 'jobDivision', 'jobPhone', 'jobCity',
  'industryOfInterest', 'assetClassesOfInterest', 'marketCoverage', 'responsibility', 'function', 'instrument',
];

export const groupsKind: ResourceKind = {
  name: 'groups',
  order: 3,
  keyOrder: [...FIELDS, ...PROFILE_FIELDS, 'memberTenant', 'memberId'],

  async list(client, progress) {
    const types = await client.groups.listTypes();
    const lists = await mapConcurrently(types, READ_CONCURRENCY, async (t) => {
      const groups = await client.groups.listAllGroups(t.id!);
      progress(l10n.t('groups: {0} of type {1} read', groups.length, String(t.id)));
      return groups;
    });
    return podGroups(lists.flat());
  },

  files: (root) => listFiles(root, 'groups', '.json', 1),

  async fromFile(file, value) {
    if (!isObject(value)) throw file.error([], l10n.t('a group file is one JSON object: { "name", "ownerType", "ownerId", "profile", "members", … }.'));
    for (const key of Object.keys(value)) if (!FIELDS.includes(key) && key !== '$schema') throw file.error([key], l10n.t('unknown field "{0}" ({1}).', key, FIELDS.join(', ')));
    if (typeof value.name !== 'string' || !value.name.trim()) throw file.error(['name'], l10n.t('name is required.'));
    if (isObject(value.profile)) for (const key of Object.keys(value.profile)) if (!PROFILE_FIELDS.includes(key)) throw file.error(['profile', key], l10n.t('unknown profile field "{0}".', key));
    if (value.members !== undefined && (!Array.isArray(value.members) || value.members.some((m) => !isObject(m)))) {
      throw file.error(['members'], l10n.t('members is a list of { "memberTenant": …, "memberId": … }.'));
    }
    const type = file.file.split('/')[1];
    const { $schema: _schema, ...fields } = value;
    return { id: `${type}/${value.name}`, label: value.name, source: file, value: { ...normalize(fields), type, status: 'ACTIVE' } };
  },

  toFiles(resource, taken) {
    const { type, status: _status, ...value } = resource.value;
    let file = `groups/${fileSlug(String(type))}/${fileSlug(resource.label)}.json`;
    if (taken.has(file)) file = file.replace(/\.json$/, `-${(resource.pod as ReadGroup).id}.json`);
    return [{ file, value }];
  },

  validate(desired) {
    return validateGroup(createBody(desired));
  },

  async reread(client, ids) {
    const out = new Map<string, PodResource | undefined>();
    const creates = ids.filter((i) => !i.current);
    const types = [...new Set(creates.map((i) => i.desired!.value.type as string))];
    const listed = podGroups((await mapConcurrently(types, READ_CONCURRENCY, (t) => client.groups.listAllGroups(t))).flat());
    for (const { id } of creates) out.set(id, listed.find((g) => g.id === id));
    await mapConcurrently(ids.filter((i) => i.current), READ_CONCURRENCY, async ({ id, current }) => {
      out.set(id, podGroup(await client.groups.getGroup((current!.pod as ReadGroup).id!), id));
    });
    return out;
  },

  async create({ client }, desired) {
    await client.groups.createGroup(createBody(desired));
  },

  async update({ client }, current, desired) {
    const read = current.pod as ReadGroup;
    const { status: _status, ...fields } = desired.value;
    await client.groups.updateGroup(read.id!, groupUpdate({ ...read, ...(fields as object) } as ReadGroup, 'ACTIVE'), read.eTag!);
  },

  async remove({ client }, current) {
    const read = current.pod as ReadGroup;
    await client.groups.updateGroup(read.id!, groupUpdate(read, 'DELETED'), read.eTag!);
  },
};

function createBody(desired: DesiredResource): CreateGroup {
  const { status: _status, ...fields } = desired.value;
  return fields as unknown as CreateGroup;
}

/** One resource per type and name; an active group wins over a tombstone; a second active one cannot be managed. */
function podGroups(groups: ReadGroup[]): PodResource[] {
  const byId = new Map<string, PodResource>();
  for (const g of [...groups].sort((a, b) => (a.status === 'DELETED' ? 1 : 0) - (b.status === 'DELETED' ? 1 : 0))) {
    const id = `${g.type}/${g.name}`;
    const taken = byId.get(id);
    if (!taken) byId.set(id, podGroup(g, id));
    else if (g.status !== 'DELETED') {
      byId.set(`${id}~${g.id}`, { ...podGroup(g, `${id}~${g.id}`), unmanageable: l10n.t('another {0} group is named "{1}": rename one to manage it', String(g.type), String(g.name)) });
    }
  }
  return [...byId.values()];
}

function podGroup(g: ReadGroup, id: string): PodResource {
  const value = normalize({ ...groupUpdate(g, g.status ?? 'ACTIVE'), id: undefined, eTag: undefined } as unknown as JsonObject);
  return { id, label: g.name, value, pod: g, tombstone: g.status === 'DELETED' };
}

/** Members sorted by id, empty lists and profile members dropped, so the same group always reads the same. */
function normalize(fields: JsonObject): JsonObject {
  const out = compact(fields);
  if (isObject(out.profile)) out.profile = compact(out.profile);
  for (const list of ['visibilityRestriction', 'implicitConnection', 'interactionTransfer']) {
    if (isObject(out[list])) out[list] = compact(out[list] as JsonObject);
  }
  if (Array.isArray(out.members)) {
    out.members = (out.members as JsonObject[]).map((m) => compact({ memberTenant: m.memberTenant, memberId: m.memberId }))
      .sort((a, b) => Number(a.memberId) - Number(b.memberId)) as Json[];
  }
  return out;
}

