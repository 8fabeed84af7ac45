// Service accounts: `serviceAccounts/<userName>.json` with the account's attributes (every `V2UserAttributes` field
// the pod accepts, `ACCOUNT_ATTRIBUTE_FIELDS`, but the keys and the account type), its roles, and its current public
// key as a SHA-256 fingerprint (`serviceAccountKeyHolder`): the folder never holds key material, so keys are changed
// with Rotate Key, and a plan only says when the pod's key is not the one the folder names. Known by username. The
// pod has no delete: a DISABLED account is a tombstone (not exported; enabled again when the folder has it), and a
// prune disables. One listing pass (the user list, SYSTEM accounts kept), no detail reads.
import {
  ACCOUNT_ATTRIBUTE_FIELDS, AccountsApi, PodClient, V2UserAttributes, V2UserDetail, ValidationIssue, formatFingerprint, issuesOf,
  validateAccountAttributes, validateRoleId,
} from '../../api';
import { keyInfos, serviceAccountKeyHolder } from '../../credentials/keyRotation';
import { l10n } from '../../text/l10n';
import { canonical, isObject, Json, JsonObject, listFiles } from '../folderFiles';
import { PodResource, ResourceKind, compact } from './kind';

/** The attributes the folder holds: what an admin decides, not the keys (rotated, never declared) nor the type (SYSTEM). */
const ATTRIBUTES = ACCOUNT_ATTRIBUTE_FIELDS.filter((f) => !['currentKey', 'previousKey', 'accountType'].includes(f));
const FIELDS = [...ATTRIBUTES, 'roles', 'currentKey'];

export const serviceAccountsKind: ResourceKind = {
  name: 'serviceAccounts',
  order: 4,
  keyOrder: ['userName', 'displayName', 'emailAddress', ...ATTRIBUTES, 'roles', 'currentKey', 'fingerprint'],

  async list(client, progress) {
    const accounts = await listServiceAccounts(client);
    progress(l10n.t('serviceAccounts: {0} read', accounts.length));
    return accounts.map(podAccount);
  },

  files: (root) => listFiles(root, 'serviceAccounts', '.json'),

  async fromFile(file, value) {
    if (!isObject(value)) throw file.error([], l10n.t('a service account file is one JSON object: { "userName", "displayName", "roles", … }.'));
    for (const key of Object.keys(value)) {
      if (key === 'previousKey' || key === 'accountType') {
        throw file.error([key], l10n.t('"{0}" is the pod\'s: the folder holds service accounts\' attributes, roles and the current key\'s fingerprint.', key));
      }
      if (!FIELDS.includes(key) && key !== '$schema') throw file.error([key], l10n.t('unknown field "{0}" ({1}).', key, FIELDS.join(', ')));
    }
    const userName = file.file.replace(/^serviceAccounts\//, '').replace(/\.json$/, '');
    if (value.userName !== userName) throw file.error(['userName'], l10n.t('the username must be "{0}", as the file is named (serviceAccounts/<userName>.json).', userName));
    if (value.roles !== undefined && (!Array.isArray(value.roles) || value.roles.some((r) => typeof r !== 'string'))) {
      throw file.error(['roles'], l10n.t('roles is a list of role ids, such as ["INDIVIDUAL"].'));
    }
    const key = value.currentKey;
    if (key !== undefined) {
      if (!isObject(key) || Object.keys(key).some((k) => k !== 'fingerprint') || typeof key.fingerprint !== 'string' || !/^[0-9a-fA-F:]{64,95}$/.test(key.fingerprint)) {
        throw file.error(['currentKey'], l10n.t('currentKey is { "fingerprint": "<SHA-256 of the public key, 64 hex digits>" }: the folder never holds a key (rotate keys with Rotate Key).'));
      }
    }
    const { $schema: _schema, ...fields } = value;
    return { id: userName, label: String(value.displayName ?? userName), source: file, value: { ...normalize(fields), status: 'ENABLED' } };
  },

  toFiles(resource) {
    const { status: _status, ...value } = resource.value;
    return [{ file: `serviceAccounts/${resource.id}.json`, value }];
  },

  validate(desired, current) {
    const issues: ValidationIssue[] = [];
    const wanted = desired.value;
    const onPod = current?.value ?? {};
    const wantedKey = (wanted.currentKey as JsonObject | undefined)?.fingerprint;
    if (wantedKey !== undefined && wantedKey !== (onPod.currentKey as JsonObject | undefined)?.fingerprint) {
      issues.push(...issuesOf([['currentKey.fingerprint', current
        ? l10n.t("the pod's current key is {0}, not this one: the folder cannot change keys (rotate with Symphony: Rotate Key…, then export again).",
          String((onPod.currentKey as JsonObject | undefined)?.fingerprint ?? l10n.t('none')))
        : l10n.t('a new service account gets its key with Rotate Key… or Create Service Account, never from the folder: remove currentKey to create it without one.')]]));
    }
    issues.push(...validateAccountAttributes(attributeChanges(onPod, wanted), !current, 'SYSTEM'));
    issues.push(...issuesOf(((wanted.roles as string[] | undefined) ?? []).map((r, i): [string, string | undefined] => [`roles[${i}]`, validateRoleId(r)])));
    return issues;
  },

  async reread(client, ids) {
    const listed = new Map((await listServiceAccounts(client)).map((a) => [a.userAttributes?.userName ?? '', a]));
    return new Map(ids.map(({ id }) => [id, listed.has(id) ? podAccount(listed.get(id)!) : undefined]));
  },

  async create({ client }, desired) {
    const userAttributes = { ...attributeChanges({}, desired.value), accountType: 'SYSTEM' as const };
    await client.area(AccountsApi).createAccount({ userAttributes, roles: (desired.value.roles as string[] | undefined) ?? [] });
  },

  async update({ client }, current, desired) {
    const accounts = client.area(AccountsApi);
    const uid = String((current.pod as V2UserDetail).userSystemInfo!.id);
    const changes = attributeChanges(current.value, desired.value);
    if (Object.keys(changes).length) await accounts.updateAccount(uid, changes);
    if (current.value.status !== 'ENABLED') await accounts.setAccountStatus(uid, 'ENABLED');
    const wanted = desired.value.roles as string[] | undefined;
    if (!wanted) return;
    const held = (current.value.roles as string[] | undefined) ?? [];
    for (const role of wanted.filter((r) => !held.includes(r))) await accounts.addRole(uid, role);
    for (const role of held.filter((r) => !wanted.includes(r))) await accounts.removeRole(uid, role);
  },

  async remove({ client }, current) {
    await client.area(AccountsApi).setAccountStatus(String((current.pod as V2UserDetail).userSystemInfo!.id), 'DISABLED');
  },
};

async function listServiceAccounts(client: PodClient): Promise<V2UserDetail[]> {
  return (await client.users.pageServiceAccounts(0, Number.POSITIVE_INFINITY)).items;
}

function podAccount(account: V2UserDetail): PodResource {
  const a = account.userAttributes ?? {};
  const key = keyInfos(serviceAccountKeyHolder.keysOf(account)).find((k) => k.slot === 'current');
  const attributes = Object.fromEntries(ATTRIBUTES.map((f) => [f, (a as Record<string, unknown>)[f]])) as JsonObject;
  const value = normalize({ ...attributes, roles: (account.roles ?? []) as Json[], ...(key ? { currentKey: { fingerprint: key.fingerprint } } : {}) });
  const status = account.userSystemInfo?.status ?? 'ENABLED';
  return { id: a.userName ?? String(account.userSystemInfo?.id), label: a.displayName || a.userName || '', value: { ...value, status }, pod: account, tombstone: status === 'DISABLED' };
}

/** Absent and empty members dropped, roles sorted, the fingerprint in the one format: the same account always reads the same. */
function normalize(fields: JsonObject): JsonObject {
  const out = compact(fields);
  for (const [field, value] of Object.entries(out)) if (Array.isArray(value) && value.length === 0 && field !== 'roles') delete out[field];
  if (Array.isArray(out.roles)) out.roles = [...new Set(out.roles as string[])].sort();
  if (isObject(out.currentKey) && typeof out.currentKey.fingerprint === 'string') out.currentKey = { fingerprint: formatFingerprint(out.currentKey.fingerprint) };
  return out;
}

/** The attributes the folder changes: only fields it states that differ from the pod's (the pod merges an update). */
function attributeChanges(onPod: JsonObject, wanted: JsonObject): V2UserAttributes {
  const changes: Record<string, unknown> = {};
  for (const field of ATTRIBUTES) {
    if (wanted[field] !== undefined && canonical(wanted[field]) !== canonical(onPod[field])) changes[field] = wanted[field];
  }
  return changes as V2UserAttributes;
}
