// Applications: `apps/<appId>.json` = { manifest, entitlement }. The manifest is the app as the pod holds it minus
// what the pod owns or what is secret: key expiry and the rotated previous key (server-side), key actions
// (instructions, not state) and the notification API key (a secret). Writes go through the editors' rules:
// `applicationChanges` (only what differs is sent), `validateApplicationDetail`, and the key-save refusal check.
import { ApplicationDetail, PodAppEntitlement, PodClient, applicationChanges, issuesOf, noChanges, validateApplicationDetail } from '../../api';
import { keySaveRefusal, saveRefusalMessage } from '../../credentials/keyRotation';
import { l10n } from '../../text/l10n';
import { READ_CONCURRENCY, mapConcurrently } from '../concurrency';
import { FolderFile, Json, JsonObject, isObject, listFiles } from '../folderFiles';
import { ExportFile, PodResource, ResourceKind, compact } from './kind';

interface AppOnPod { detail: ApplicationDetail; entitlement: PodAppEntitlement }
type Entitlement = Pick<PodAppEntitlement, 'enable' | 'listed' | 'install'>;

/** What a new app gets on the pod (and the emulator): enabled, listed, not installed. */
const NEW_APP_ENTITLEMENT: Entitlement = { enable: true, listed: true, install: false };

export const appsKind: ResourceKind = {
  name: 'apps',
  order: 2,
  keyOrder: [
    'manifest', 'entitlement', 'applicationInfo', 'appId', 'name', 'appUrl', 'domain', 'publisher', 'iconUrl', 'description',
    'allowOrigins', 'permissions', 'cert', 'authenticationKeys', 'current', 'notification', 'url', 'properties', 'key', 'value',
    'enable', 'listed', 'install',
  ],

  async list(client, progress) {
    const entitlements = await client.apps.listPodAppEntitlements();
    let done = 0;
    return mapConcurrently(entitlements, READ_CONCURRENCY, async (entitlement) => {
      const detail = await client.apps.getApplication(entitlement.appId);
      if (++done % 100 === 0) progress(l10n.t('apps: {0} of {1} read', done, entitlements.length));
      return podApp({ detail, entitlement });
    });
  },

  files: (root) => listFiles(root, 'apps', '.json'),

  async fromFile(file, value) {
    if (!isObject(value)) throw file.error([], l10n.t('an app file is one JSON object: { "manifest": { … }, "entitlement": { … } }.'));
    for (const key of Object.keys(value)) {
      if (key !== 'manifest' && key !== 'entitlement' && key !== '$schema') throw file.error([key], l10n.t('unknown field "{0}" (an app file has manifest and entitlement).', key));
    }
    const manifest = value.manifest;
    if (!isObject(manifest) || !isObject(manifest.applicationInfo)) throw file.error(['manifest'], l10n.t('manifest must be an object with applicationInfo.'));
    const appId = manifest.applicationInfo.appId;
    const expected = file.file.replace(/^apps\//, '').replace(/\.json$/, '');
    if (appId !== expected) throw file.error(['manifest', 'applicationInfo', 'appId'], l10n.t('the app id must be "{0}", as the file is named (apps/<appId>.json).', expected));
    refuseServerOwned(file, manifest);
    const entitlement = value.entitlement;
    if (entitlement !== undefined) {
      if (!isObject(entitlement)) throw file.error(['entitlement'], l10n.t('entitlement must be { "enable": …, "listed": …, "install": … }.'));
      for (const [k, v] of Object.entries(entitlement)) {
        if (!['enable', 'listed', 'install'].includes(k)) throw file.error(['entitlement', k], l10n.t('unknown field "{0}" (enable, listed, install).', k));
        if (typeof v !== 'boolean') throw file.error(['entitlement', k], l10n.t('{0} must be true or false.', k));
      }
    }
    return { id: appId, label: String(manifest.applicationInfo.name ?? appId), value: compact({ manifest: normalizeManifest(manifest as ApplicationDetail), entitlement }), source: file };
  },

  toFiles(resource) {
    return [{ file: `apps/${resource.id}.json`, value: resource.value }] satisfies ExportFile[];
  },

  validate(desired, current) {
    const manifest = desired.value.manifest as ApplicationDetail;
    const base = current ? (current.pod as AppOnPod).detail : {};
    const changes = applicationChanges(base, manifest);
    const issues = validateApplicationDetail(changes, !current);
    const key = changes.authenticationKeys?.current?.key;
    const refusal = current && key ? keySaveRefusal(base, key) : undefined;
    if (refusal) issues.push(...issuesOf([['authenticationKeys.current.key', saveRefusalMessage(refusal, desired.id)]]));
    return issues.map((issue) => ({ ...issue, field: `manifest.${issue.field}` }));
  },

  async reread(client, ids) {
    const entitlements = new Map((await client.apps.listPodAppEntitlements()).map((e) => [e.appId, e]));
    const out = new Map<string, PodResource | undefined>();
    await mapConcurrently(ids, READ_CONCURRENCY, async ({ id }) => {
      const entitlement = entitlements.get(id);
      out.set(id, entitlement ? podApp({ detail: await client.apps.getApplication(id), entitlement }) : undefined);
    });
    return out;
  },

  async create({ client }, desired) {
    const manifest = desired.value.manifest as ApplicationDetail;
    const created = await client.apps.createApplication(applicationChanges({}, manifest));
    const name = created.applicationInfo?.name ?? manifest.applicationInfo?.name ?? desired.id;
    await saveEntitlement(client, { appId: desired.id, appName: name.slice(0, 50), ...NEW_APP_ENTITLEMENT }, desired.value.entitlement);
  },

  async update({ client }, current, desired) {
    const { detail, entitlement } = current.pod as AppOnPod;
    const changes = applicationChanges(detail, desired.value.manifest as ApplicationDetail);
    if (!noChanges(changes)) await client.apps.updateApplication(current.id, changes);
    try {
      await saveEntitlement(client, entitlement, desired.value.entitlement);
    } catch (error) {
      if (noChanges(changes)) throw error;
      (error as Error).message = l10n.t('The manifest of {0} was saved; its entitlement was not: {1}', current.id, (error as Error).message);
      throw error;
    }
  },

  async remove({ client }, current) {
    await client.apps.deleteApplication(current.id);
  },
};

async function saveEntitlement(client: PodClient, onPod: PodAppEntitlement, wanted: Json | undefined): Promise<void> {
  if (!isObject(wanted)) return;
  const next = { ...onPod, ...(wanted as Partial<Entitlement>) };
  if (next.enable === onPod.enable && next.listed === onPod.listed && next.install === onPod.install) return;
  await client.apps.updatePodAppEntitlements([next]);
}

function podApp({ detail, entitlement }: AppOnPod): PodResource {
  const { enable, listed, install } = entitlement;
  return {
    id: entitlement.appId, label: entitlement.appName || entitlement.appId,
    value: { manifest: normalizeManifest(detail), entitlement: { enable, listed, install } }, pod: { detail, entitlement },
  };
}

/**
 * The manifest as the folder holds it. Absent and null members are dropped; property values are text (a pod's
 * `30` is the folder's `"30"`, as `applicationChanges` sends it); only the current public key stays of the keys.
 */
function normalizeManifest(detail: ApplicationDetail): JsonObject {
  const raw = detail as unknown as JsonObject;
  const out: JsonObject = {};
  for (const [field, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    if (field === 'authenticationKeys') {
      const key = isObject(value) && isObject(value.current) ? value.current.key : undefined;
      if (typeof key === 'string') out.authenticationKeys = { current: { key } };
    } else if (field === 'notification' && isObject(value)) {
      const rest = compact({ ...value, apiKey: undefined });
      if (Object.keys(rest).length) out.notification = rest;
    } else if (field === 'properties' && Array.isArray(value)) {
      out.properties = value.map((p) => (isObject(p) && (typeof p.value === 'number' || typeof p.value === 'boolean') ? { ...p, value: String(p.value) } : p));
    } else if (isObject(value)) {
      out[field] = compact(value);
    } else {
      out[field] = value;
    }
  }
  return out;
}

/** The folder holds what an admin decides; the pod's own state and secrets are refused with the reason. */
function refuseServerOwned(file: FolderFile, manifest: JsonObject): void {
  const keys = manifest.authenticationKeys;
  if (keys !== undefined) {
    if (!isObject(keys)) throw file.error(['manifest', 'authenticationKeys'], l10n.t('authenticationKeys must be { "current": { "key": "-----BEGIN PUBLIC KEY-----…" } }.'));
    for (const slot of Object.keys(keys)) {
      if (slot !== 'current') throw file.error(['manifest', 'authenticationKeys', slot], l10n.t("the folder holds the current public key only: the previous key is the pod's (rotate keys with Rotate Key)."));
    }
    if (isObject(keys.current)) {
      for (const field of Object.keys(keys.current)) {
        if (field !== 'key') throw file.error(['manifest', 'authenticationKeys', 'current', field], l10n.t('"{0}" is the pod\'s (expiry) or an instruction (action): the folder holds the public key only.', field));
      }
    }
  }
  if (isObject(manifest.notification) && manifest.notification.apiKey !== undefined) {
    throw file.error(['manifest', 'notification', 'apiKey'], l10n.t('the notification API key is a secret: it is never kept in the folder (the pod keeps its value).'));
  }
}
