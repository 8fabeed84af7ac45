// A way back from a logged change. Undo re-applies the recorded before-state through the normal save path, which
// re-reads the resource and compares it with the recorded after-state: a change made by someone else in between is
// shown and asked about, never overwritten silently. Recreate offers a deleted app back through the create path.
// Both run as changes of their own, so the log gains an entry that names the one it reverts.
import { AccountsApi, ApplicationDetail, CompanyCertAttributes, PodAppEntitlement, ReadGroup, groupUpdate } from '../../api';
import type { CommandContext } from '../../commands/commandContext';
import type { saveApplication } from '../../editors/applicationSave';
import type { showManifestDiff } from '../../editors/manifestSnapshots';
import { l10n } from '../../text/l10n';
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

/** What no undo or recreate can bring back, said before anything is sent (getters: read when shown, in the user's language). */
const CANNOT_COME_BACK = {
  get application() {
    return l10n.t('The app\'s RSA keys (the log keeps only their fingerprints), its notification API key and its users\' entitlements cannot come back: rotate a new key after recreating it.');
  },
  get connection() {
    return l10n.t('A connection request that was accepted or rejected cannot be undone: the pod has no way to take an answer back. After an accept, Remove Connection ends the connection; after a reject, a new request must be sent (Send Connection Request).');
  },
};

/**
 * Why a logged change has no Undo, said plainly, or undefined when Undo can try: the Activity view offers Undo only
 * then, and Undo from the palette shows this sentence.
 */
export function cannotUndo(entry: ActivityEntry): string | undefined {
  if (!entry.result.ok) return l10n.t('This change did not succeed: there is nothing to undo.');
  if (entry.resource.kind === 'connection') return CANNOT_COME_BACK.connection;
  if (entry.source === 'cli') return l10n.t('This change was made by the symphony-pod CLI (pod as code): undo it the same way, by applying the folder as it was before (for example after git revert), so the folder and the pod stay the same.');
  if (!(entry.resource.kind in UNDOABLE) || (entry.action !== 'update' && !(entry.action === 'delete' && entry.resource.kind === 'group'))) return l10n.t('A {0} of a {1} cannot be undone from the log.', entry.action, entry.resource.kind);
  if (entry.before === undefined) return l10n.t('This change cannot be undone: its before-state was not recorded.');
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
  if (!context.store.get(podId)) throw new Error(l10n.t('The pod {0} is no longer configured.', entry.pod.label));
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
      if (!current) throw new Error(l10n.t('The application {0} is no longer on {1}: there is no entitlement to put back.', entry.resource.id, entry.pod.label));
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
  const message = l10n.t('Undid the {action} of the {kind} {name} on {pod}.', { action: entry.action, kind: entry.resource.kind, name: entry.resource.name || entry.resource.id, pod: entry.pod.label });
  void ui.info(message);
  return message;
}

export async function recreate(context: CommandContext, host: RevertHost, entry: ActivityEntry): Promise<string> {
  if (entry.action !== 'delete' || entry.resource.kind !== 'application' || !entry.before) {
    throw new Error(entry.resource.kind === 'certificate'
      ? l10n.t('The pod never returns a certificate\'s PEM, so the log cannot hold it: add the certificate again from its PEM file (Add Company Certificate).')
      : entry.before ? l10n.t('A deleted {0} cannot be recreated from the log.', entry.resource.kind)
        : l10n.t('A deleted {0} cannot be recreated from the log: its manifest was not recorded.', entry.resource.kind));
  }
  const before = entry.before as ApplicationDetail;
  const { authenticationKeys: _keys, notification, ...manifest } = before;
  const edited: ApplicationDetail = { ...manifest, ...(notification?.url ? { notification: { url: notification.url } } : {}) };
  const ok = await context.promptHost.current.confirm(l10n.t('Recreate the application "{0}" on {1}?', before.applicationInfo?.name ?? entry.resource.id, entry.pod.label),
    l10n.t('App id {0}, from its manifest as it was deleted.\n\n{1}', entry.resource.id, CANNOT_COME_BACK.application), l10n.t('Recreate'));
  if (!ok) throw new UserCancelled();
  await withChange({ action: 'symphonyPodAdmin.activity.recreate', reverts: entry.id }, () => host.saveApplication(context, { podId: entry.pod.id, edited }));
  const message = l10n.t('Recreated {0} on {1}. {2}', entry.resource.id, entry.pod.label, CANNOT_COME_BACK.application);
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
  const diff = await host.showManifestDiff({ label: l10n.t('{0} now', entry.pod.label), text: `${JSON.stringify(redact(current), null, 2)}\n` }, { label: l10n.t('before the change'), text: `${JSON.stringify(redact(before), null, 2)}\n` },
    `${entry.resource.id}.json`, l10n.t('{0}: {1} now ↔ before the change', what, entry.pod.label));
  try {
    const ok = await context.promptHost.current.confirm(l10n.t('The {0} "{1}" was changed on {2} after this change. Overwrite it with the state before the change?', entry.resource.kind, what, entry.pod.label),
      l10n.t('The diff shows the pod\'s current version (left) and the state before the logged change (right). Cancel changes nothing.'), l10n.t('Overwrite'));
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
