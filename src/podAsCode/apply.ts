// apply: executes a Plan as it is. First every resource about to change is read again and compared with the plan
// (content hash): if any changed, nothing is written and the error lists them all. Then the writes run one at a
// time in a safe order (certificates before the apps that may use them, apps, groups; deletes last, in reverse),
// each through the client's validated calls, never retried; the first failure stops the apply, and the result says
// exactly what was applied, what failed and what was not applied.
//
// Seams for the production lock and the activity log (issue 15): `beforeWrites` runs once before the first write
// and may refuse; `eachWrite` wraps each write (the CLI runs it in a change scope, so its log entry names the
// resource and its state before); `onChange` is called after every write the pod accepted, with what it was and
// what it is now.
import { PodClient } from '../api';
import { l10n } from '../text/l10n';
import { FieldDiff, contentHash } from './diff';
import { JsonObject } from './folderFiles';
import { PodResource } from './kinds/kind';
import { kindNamed } from './kinds/registry';
import { EngineHost, Plan, PlannedChange, WRITE_ACTIONS, silentHost } from './plan';

export interface ChangeRecord {
  podUrl: string;
  kind: string;
  id: string;
  label: string;
  action: 'create' | 'update' | 'delete';
  fields: FieldDiff[];
  /** The pod's resource (normalized) before the write; absent for a create. */
  before?: JsonObject;
  /** What the folder asked for; absent for a delete. */
  after?: JsonObject;
}

export interface ApplyHooks {
  /** Before the first write; throw to refuse (a production pod locked until unlocked with a reason). */
  beforeWrites?(plan: Plan, writes: readonly PlannedChange[]): Promise<void> | void;
  /** Runs each write (`write`), e.g. inside a change scope; must call it once and return (or throw) what it does. */
  eachWrite?(change: PlannedChange, write: () => Promise<void>): Promise<void>;
  /** After each write the pod accepted. */
  onChange?(record: ChangeRecord): Promise<void> | void;
}

export interface ApplyResult {
  applied: PlannedChange[];
  failed?: { change: PlannedChange; error: string };
  notApplied: PlannedChange[];
}

/** The pod changed since the plan: nothing was written. */
export class PlanConflictError extends Error {
  constructor(readonly conflicts: Array<{ kind: string; id: string; label: string; what: string }>) {
    super(l10n.t('The pod changed since the plan; nothing was written. Plan again and review: {0}.', conflicts.map((c) => `${c.kind} ${c.label} (${c.what})`).join('; ')));
  }
}

export function writesOf(plan: Plan): PlannedChange[] {
  const writes = plan.changes.filter((c) => WRITE_ACTIONS.includes(c.action));
  const order = (c: PlannedChange) => (c.action === 'delete' ? 100 - kindNamed(c.kind).order : kindNamed(c.kind).order);
  return writes.map((c, i) => ({ c, i })).sort((a, b) => order(a.c) - order(b.c) || a.i - b.i).map(({ c }) => c);
}

export async function applyPlan(client: PodClient, plan: Plan, hooks: ApplyHooks = {}, host: EngineHost = silentHost): Promise<ApplyResult> {
  const writes = writesOf(plan);
  if (!writes.length) return { applied: [], notApplied: [] };
  await hooks.beforeWrites?.(plan, writes);
  host.progress(writes.length === 1 ? l10n.t('Checking that 1 resource did not change since the plan…')
    : l10n.t('Checking that {0} resources did not change since the plan…', writes.length));
  const fresh = await rereadAll(client, writes);
  const result: ApplyResult = { applied: [], notApplied: [] };
  for (const [i, change] of writes.entries()) {
    const kind = kindNamed(change.kind);
    host.progress(`${i + 1}/${writes.length}: ${change.action} ${change.kind} ${change.label}`);
    try {
      const current = fresh.get(key(change));
      const write = async () => {
        if (change.action === 'create') await kind.create({ client }, change.desired!);
        else if (change.action === 'update') await kind.update({ client }, current!, change.desired!);
        else await kind.remove({ client }, current!);
      };
      await (hooks.eachWrite ? hooks.eachWrite(change, write) : write());
    } catch (error) {
      result.failed = { change, error: (error as Error).message };
      result.notApplied = writes.slice(i + 1);
      return result;
    }
    result.applied.push(change);
    await hooks.onChange?.({
      podUrl: plan.podUrl, kind: change.kind, id: change.id, label: change.label, action: change.action as ChangeRecord['action'],
      fields: change.fields, before: change.current?.value, after: change.desired?.value,
    });
  }
  return result;
}

const key = (c: { kind: string; id: string }) => `${c.kind}\n${c.id}`;

/** The pod's resources about to change, read now; throws PlanConflictError when any differs from the plan. */
async function rereadAll(client: PodClient, writes: PlannedChange[]): Promise<Map<string, PodResource | undefined>> {
  const fresh = new Map<string, PodResource | undefined>();
  const conflicts: PlanConflictError['conflicts'] = [];
  for (const kindName of [...new Set(writes.map((w) => w.kind))]) {
    const mine = writes.filter((w) => w.kind === kindName);
    const read = await kindNamed(kindName).reread(client, mine);
    for (const change of mine) {
      if (!read.has(change.id)) continue; // this kind cannot read it back (a certificate to create): the pod refuses a duplicate
      const now = read.get(change.id);
      fresh.set(key(change), now);
      if (contentHash(now?.value) !== change.podHash) {
        const what = !now ? l10n.t('deleted since the plan') : change.action === 'create' ? l10n.t('created since the plan') : l10n.t('changed since the plan');
        conflicts.push({ kind: change.kind, id: change.id, label: change.label, what });
      }
    }
  }
  if (conflicts.length) throw new PlanConflictError(conflicts);
  return fresh;
}
