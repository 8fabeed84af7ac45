// A way back from a logged change. Undo re-applies the recorded before-state through the normal save path, which
// re-reads the resource and compares it with the recorded after-state: a change made by someone else in between is
// shown and asked about, never overwritten silently. Recreate offers a deleted app back through the create path.
// Both run as changes of their own, so the log gains an entry that names the one it reverts.
import { AccountsApi, ApplicationDetail, CompanyCertAttributes, PodAppEntitlement, ReadGroup, groupUpdate } from '../../api';
import type { CommandContext } from '../../commands/commandContext';
import type { saveApplication } from '../../editors/applicationSave';
import type { showManifestDiff } from '../../editors/manifestSnapshots';
import { UserCancelled } from '../../ui/prompts';
import type { ActivityEntry } from '../activityEntry';
import { withChange } from '../changeContext';
import { redact } from '../redact';

/**
 * The extension's own save path and diff (passed in: the part's copies of those modules would hold their own state,
 * and the diff documents are served by the extension's provider; see src/parts/README.md).
 */
export interface RevertHost {
  saveApplication: typeof saveApplication;
  showManifestDiff: typeof showManifestDiff;
}

/** What no undo or recreate can bring back, said before anything is sent. */
const CANNOT_COME_BACK = {
  application: 'The app\'s RSA keys (the log keeps only their fingerprints), its notification API key and its users\' entitlements cannot come back: rotate a new key after recreating it.',
  connection: 'A connection request that was accepted or rejected cannot be undone: the pod has no way to take an answer back. After an accept, Remove Connection ends the connection; after a reject, a new request must be sent (Send Connection Request).',
};

/**
 * Why a logged change has no Undo, said plainly, or undefined when Undo can try: the Activity view offers Undo only
 * then, and Undo from the palette shows this sentence.
 */
export function cannotUndo(entry: ActivityEntry): string | undefined {
  if (!entry.result.ok) return 'This change did not succeed: there is nothing to undo.';
  if (entry.resource.kind === 'connection') return CANNOT_COME_BACK.connection;
  if (entry.source === 'cli') return 'This change was made by the symphony-pod CLI (pod as code): undo it the same way, by applying the folder as it was before (for example after git revert), so the folder and the pod stay the same.';
  if (!(entry.resource.kind in UNDOABLE) || (entry.action !== 'update' && !(entry.action === 'delete' && entry.resource.kind === 'group'))) return `A ${entry.action} of a ${entry.resource.kind} cannot be undone from the log.`;
  if (entry.before === undefined) return 'This change cannot be undone: its before-state was not recorded.';
  return undefined;
}

/** The kinds Undo knows how to put back through their save path. */
const UNDOABLE = { certificate: true, application: true, entitlement: true, group: true, account: true };

export async function undo(context: CommandContext, host: RevertHost, entry: ActivityEntry): Promise<string> {
  const refusal = cannotUndo(entry);
  if (refusal) throw new Error(refusal);
  const ui = context.promptHost.current;
  const change = { action: 'symphonyPodAdmin.activity.undo', reverts: entry.id };
  const podId = entry.pod.id;
  if (!context.store.get(podId)) throw new Error(`The pod ${entry.pod.label} is no longer configured.`);
  const client = context.sessions.client(podId);
  switch (entry.resource.kind) {
    case 'certificate': {
      const current = (await client.certs.getCompanyCertificate(entry.resource.id)).companyCertAttributes ?? {};
      const before = entry.before as CompanyCertAttributes;
      const after = (entry.sent ?? {}) as CompanyCertAttributes;
      await confirmIfChanged(context, host, entry, current, { ...current, ...after }, before);
      await withChange({ ...change, before: current, resource: entry.resource }, () => client.certs.updateCompanyCertificate(entry.resource.id, { name: before.name, type: before.type, status: before.status }));
      context.tree.refreshCategory(podId, 'certificates');
      break;
    }
    case 'application': {
      const current = await client.apps.getApplication(entry.resource.id);
      // The log holds no secret: the keys and API key are the pod's current ones, so undo never touches them.
      const withSecrets = (logged: unknown): ApplicationDetail => ({ ...(logged as ApplicationDetail), authenticationKeys: current.authenticationKeys,
        ...(current.notification || (logged as ApplicationDetail).notification ? { notification: { ...(logged as ApplicationDetail).notification, apiKey: current.notification?.apiKey } } : {}) });
      const base = entry.after === undefined ? current : withSecrets(entry.after);
      await withChange(change, () => host.saveApplication(context, { podId, appId: entry.resource.id, edited: withSecrets(entry.before), base }));
      break;
    }
    case 'entitlement': {
      // The normal save path of an entitlement is the pod's list update; its conflict check is the one below.
      const current = (await client.apps.listPodAppEntitlements()).find((e) => e.appId === entry.resource.id);
      if (!current) throw new Error(`The application ${entry.resource.id} is no longer on ${entry.pod.label}: there is no entitlement to put back.`);
      const sent = (Array.isArray(entry.sent) ? entry.sent[0] : entry.sent) as PodAppEntitlement | undefined;
      const before = entitlementOf(entry.before as PodAppEntitlement);
      await confirmIfChanged(context, host, entry, entitlementOf(current), entitlementOf(sent ?? current), before);
      await withChange({ ...change, before: entitlementOf(current), resource: entry.resource }, () =>
        client.apps.updatePodAppEntitlements([{ appId: current.appId, appName: current.appName, ...before }]));
      context.tree.refreshCategory(podId, 'applications');
      break;
    }
    case 'account': {
      // A service account's attribute (only the field changed is sent back) or its status, through the same calls.
      const accounts = client.area(AccountsApi);
      const detail = await accounts.getAccount(entry.resource.id);
      const before = entry.before as Record<string, string>;
      const sent = (entry.sent ?? {}) as Record<string, string>;
      const now: Record<string, string | undefined> = 'status' in before ? { status: detail.userSystemInfo?.status === 'DISABLED' ? 'DISABLED' : 'ENABLED' }
        : Object.fromEntries(Object.keys(before).map((k) => [k, (detail.userAttributes as Record<string, string | undefined> | undefined)?.[k]]));
      await confirmIfChanged(context, host, entry, now, Object.fromEntries(Object.keys(before).map((k) => [k, sent[k]])), before);
      await withChange({ ...change, before: now, resource: entry.resource }, () => ('status' in before
        ? accounts.setAccountStatus(entry.resource.id, before.status as 'ENABLED' | 'DISABLED') : accounts.updateAccount(entry.resource.id, before)));
      context.tree.refreshCategory(podId, 'serviceAccounts');
      break;
    }
    case 'group': {
      const current = await client.groups.getGroup(entry.resource.id);
      const before = entry.before as ReadGroup;
      await confirmIfChanged(context, host, entry, comparable(current), comparable(entry.after ?? { ...before, ...(entry.sent as object) }), comparable(before));
      await withChange({ ...change, before: current, resource: entry.resource }, () =>
        client.groups.updateGroup(entry.resource.id, groupUpdate({ ...before, eTag: current.eTag }, before.status ?? 'ACTIVE'), current.eTag ?? ''));
      context.tree.refresh();
      break;
    }
  }
  const message = `Undid the ${entry.action} of the ${entry.resource.kind} ${entry.resource.name || entry.resource.id} on ${entry.pod.label}.`;
  void ui.info(message);
  return message;
}

export async function recreate(context: CommandContext, host: RevertHost, entry: ActivityEntry): Promise<string> {
  if (entry.action !== 'delete' || entry.resource.kind !== 'application' || !entry.before) {
    throw new Error(entry.resource.kind === 'certificate'
      ? 'The pod never returns a certificate\'s PEM, so the log cannot hold it: add the certificate again from its PEM file (Add Company Certificate).'
      : `A deleted ${entry.resource.kind} cannot be recreated from the log${entry.before ? '' : ': its manifest was not recorded'}.`);
  }
  const before = entry.before as ApplicationDetail;
  const { authenticationKeys: _keys, notification, ...manifest } = before;
  const edited: ApplicationDetail = { ...manifest, ...(notification?.url ? { notification: { url: notification.url } } : {}) };
  const ok = await context.promptHost.current.confirm(`Recreate the application "${before.applicationInfo?.name ?? entry.resource.id}" on ${entry.pod.label}?`,
    `App id ${entry.resource.id}, from its manifest as it was deleted.\n\n${CANNOT_COME_BACK.application}`, 'Recreate');
  if (!ok) throw new UserCancelled();
  await withChange({ action: 'symphonyPodAdmin.activity.recreate', reverts: entry.id }, () => host.saveApplication(context, { podId: entry.pod.id, edited }));
  const message = `Recreated ${entry.resource.id} on ${entry.pod.label}. ${CANNOT_COME_BACK.application}`;
  void context.promptHost.current.info(message);
  return message;
}

/**
 * The conflict check of an undo whose save path has none of its own: when the resource no longer matches what the
 * change left, show the pod's version against the before-state and ask before overwriting.
 */
async function confirmIfChanged(context: CommandContext, host: RevertHost, entry: ActivityEntry, current: object, after: object, before: object): Promise<void> {
  if (same(redact(current), redact(after))) return;
  const what = entry.resource.name || entry.resource.id;
  const diff = await host.showManifestDiff({ label: `${entry.pod.label} now`, text: `${JSON.stringify(redact(current), null, 2)}\n` }, { label: 'before the change', text: `${JSON.stringify(redact(before), null, 2)}\n` },
    `${entry.resource.id}.json`, `${what}: ${entry.pod.label} now ↔ before the change`);
  try {
    const ok = await context.promptHost.current.confirm(`The ${entry.resource.kind} "${what}" was changed on ${entry.pod.label} after this change. Overwrite it with the state before the change?`,
      'The diff shows the pod\'s current version (left) and the state before the logged change (right). Cancel changes nothing.', 'Overwrite');
    if (!ok) throw new UserCancelled();
  } finally {
    await diff.close();
  }
}

/** The three settings of a pod entitlement: what its undo compares and puts back. */
function entitlementOf(value: Partial<PodAppEntitlement> | undefined): Pick<PodAppEntitlement, 'enable' | 'listed' | 'install'> {
  return { enable: !!value?.enable, listed: !!value?.listed, install: !!value?.install };
}

/** The fields a group's undo compares: what a user edits, not the pod's bookkeeping (eTag, dates). */
function comparable(group: object): object {
  const { name, status, profile, visibilityRestriction, implicitConnection, interactionTransfer } = group as ReadGroup;
  return { name, status, profile, visibilityRestriction, implicitConnection, interactionTransfer };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
}
