// plan: compares a folder with a pod. Every managed kind is listed once from the pod (one listing pass, plus the
// detail reads a kind cannot do without), matched by id with the folder's resources, and each resource gets one
// action with its field-level differences. The Plan is a value: apply executes it as it is, never recomputing.
import { PodClient } from '../api';
import { l10n } from '../text/l10n';
import { FieldDiff, contentHash, fieldDiffs } from './diff';
import { readFolderConfig, readResources } from './desiredState';
import { fieldPathOf } from './folderFiles';
import { DesiredResource, PodResource, ResourceKind } from './kinds/kind';
import { RESOURCE_KINDS } from './kinds/registry';

export type ChangeAction = 'create' | 'update' | 'delete' | 'unchanged' | 'unmanaged';
export const WRITE_ACTIONS: readonly ChangeAction[] = ['create', 'update', 'delete'];

export interface PlannedChange {
  kind: string;
  id: string;
  label: string;
  action: ChangeAction;
  /** The folder file, when the folder has the resource. */
  file?: string;
  fields: FieldDiff[];
  /** Why a resource is left alone: "ignored in pod.json" or "not in the folder". */
  reason?: string;
  /** Hash of the pod's normalized resource when planned ("absent" for a create): apply compares it. */
  podHash: string;
  current?: PodResource;
  desired?: DesiredResource;
}

export interface Plan {
  folder: string;
  podUrl: string;
  environment?: string;
  prune: boolean;
  /** Every kind and whether this folder manages it (a kind not managed is never read nor written). */
  kinds: Array<{ name: string; managed: boolean }>;
  changes: PlannedChange[];
}

export interface EngineHost {
  /** Progress for a person (the CLI writes it to stderr on a terminal only; VS Code shows a notification). */
  progress(message: string): void;
}

export const silentHost: EngineHost = { progress: () => undefined };

export interface PlanOptions { environment?: string; prune?: boolean; host?: EngineHost }

export async function planFolder(client: PodClient, folder: string, options: PlanOptions = {}): Promise<Plan> {
  const host = options.host ?? silentHost;
  const { config, variables, kinds } = await readFolderConfig(folder, options.environment);
  // The folder's files are read while the pod's listings run (reads only: a bad file still stops the plan before any write).
  const [resources, listed] = await Promise.all([readResources(folder, kinds, variables), listKinds(client, kinds, host)]);
  const state = { config, kinds: resources };
  const changes: PlannedChange[] = [];
  for (const [i, { kind, resources }] of state.kinds.entries()) {
    const onPod = new Map(listed[i].map((r) => [r.id, r]));
    const ignored = new Set(state.config.ignore[kind.name] ?? []);
    for (const desired of resources) {
      const current = onPod.get(desired.id);
      onPod.delete(desired.id);
      const base = { kind: kind.name, id: desired.id, label: desired.label, file: desired.source.file, podHash: contentHash(current?.value), current, desired };
      if (ignored.has(desired.id)) {
        changes.push({ ...base, action: 'unmanaged', fields: [], reason: l10n.t('ignored in pod.json') });
        continue;
      }
      const issue = kind.validate(desired, current)[0];
      if (issue) throw desired.source.error(fieldPathOf(issue.field), issue.message);
      const fields = fieldDiffs(current?.value, desired.value);
      changes.push({ ...base, action: !current ? 'create' : fields.length ? 'update' : 'unchanged', fields: current ? fields : [] });
    }
    for (const current of onPod.values()) {
      if (current.tombstone) continue;
      const base = { kind: kind.name, id: current.id, label: current.label, fields: [], podHash: contentHash(current.value), current };
      if (current.unmanageable) changes.push({ ...base, action: 'unmanaged', reason: current.unmanageable });
      else if (ignored.has(current.id)) changes.push({ ...base, action: 'unmanaged', reason: l10n.t('ignored in pod.json') });
      else if (options.prune) changes.push({ ...base, action: 'delete' });
      else changes.push({ ...base, action: 'unmanaged', reason: l10n.t('not in the folder (apply --prune deletes it)') });
    }
  }
  return {
    folder, podUrl: client.podUrl, environment: options.environment, prune: !!options.prune,
    kinds: RESOURCE_KINDS.map((k) => ({ name: k.name, managed: state.config.manages.includes(k.name) })),
    changes,
  };
}

/** Every kind's resources from the pod, the kinds read side by side (each keeps its own paging and concurrency). */
export function listKinds(client: PodClient, kinds: readonly ResourceKind[], host: EngineHost): Promise<PodResource[][]> {
  host.progress(l10n.t('Reading {0} from {1}…', kinds.map((k) => k.name).join(', '), client.podUrl));
  return Promise.all(kinds.map((kind) => kind.list(client, host.progress)));
}

export function hasWrites(plan: Plan): boolean {
  return plan.changes.some((c) => WRITE_ACTIONS.includes(c.action));
}

export function countActions(changes: readonly PlannedChange[]): Record<ChangeAction, number> {
  const counts: Record<ChangeAction, number> = { create: 0, update: 0, delete: 0, unchanged: 0, unmanaged: 0 };
  for (const c of changes) counts[c.action]++;
  return counts;
}

/** The plan for machines and people: every change except the unchanged ones (counted), without pod internals. */
export function planReport(plan: Plan) {
  return {
    pod: plan.podUrl, folder: plan.folder, environment: plan.environment ?? null, prune: plan.prune,
    kinds: plan.kinds, counts: countActions(plan.changes),
    changes: plan.changes.filter((c) => c.action !== 'unchanged').map(changeReport),
  };
}

export function changeReport(c: PlannedChange) {
  return { kind: c.kind, id: c.id, label: c.label, action: c.action, file: c.file ?? null, reason: c.reason ?? null, fields: c.fields };
}
