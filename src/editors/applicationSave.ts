// The one way an edited application manifest reaches a pod, shared by the JSON document (Save), "Apply Manifest to
// Pod…" and the app form: validate locally with the pod's rules what the user changed (no request on bad input) →
// fetch the pod's current version → if it changed since the editor's base, show a diff and ask "Overwrite" → a new
// key the pod would refuse is explained before sending → create, or update with only the fields that differ from
// the pod's version → refresh the app list in the tree. Every failure throws; the caller keeps the user's edits.
import { noteChange } from '../activity/changeContext';
import { ApplicationDetail, PodApiError, applicationChanges, assertNoIssues, noChanges, validateApplicationDetail } from '../api';
import { CommandContext, prompts, withProgress } from '../commands/commandContext';
import { keySaveRefusal, saveRefusalMessage } from '../credentials/keyRotation';
import { l10n } from '../text/l10n';
import { UserCancelled } from '../ui/prompts';
import { formatManifest, sameManifest } from './manifestFormat';
import { showManifestDiff } from './manifestSnapshots';

export interface SaveApplicationRequest {
  podId: string;
  /** The app being updated; undefined creates the app `edited.applicationInfo.appId`. */
  appId?: string;
  edited: ApplicationDetail;
  /** The pod's version the edit started from; without it no conflict check is possible, so none is made. */
  base?: ApplicationDetail;
}

/** Saves `edited` to the pod and returns the app as the pod now has it. Throws UserCancelled if the user declines to overwrite. */
export async function saveApplication(context: CommandContext, request: SaveApplicationRequest): Promise<ApplicationDetail> {
  const { podId, appId, edited, base } = request;
  const creating = appId === undefined;
  // What is checked is what would be sent. A new app is compared with nothing: every field, key entries only as
  // instructions (a previous key without an action exists only on the pod that rotated it), property values as
  // text. An update is checked on what the user changed from the base, so what the pod already holds (an expired
  // certificate, numeric property values, newer fields) never blocks an edit.
  const checked = creating ? applicationChanges({}, edited) : base ? applicationChanges(base, edited) : edited;
  assertNoIssues(validateApplicationDetail(checked, creating));
  const editedId = edited.applicationInfo?.appId;
  if (!creating && editedId !== undefined && editedId !== appId) {
    throw new PodApiError(l10n.t('The app id cannot be changed (it is "{0}"): put it back, or create a new app with "New App Manifest".', appId), {
      kind: 'validation', field: 'applicationInfo.appId',
    });
  }
  const apps = context.sessions.client(podId).apps;
  const podLabel = context.store.get(podId)?.label ?? podId;
  const name = edited.applicationInfo?.name || editedId || appId || l10n.t('the application');

  if (creating) {
    const created = await withProgress(l10n.t('Creating {0} on {1}…', name, podLabel), () => apps.createApplication(checked));
    return afterWrite(context, podId, created);
  }
  const current = await apps.getApplication(appId);
  if (base && !sameManifest(current, base)) await confirmOverwrite(context, { podLabel, name, appId, current, edited });
  // Against the pod's version: after "Overwrite", every field the user's version sets differently is sent.
  const changes = applicationChanges(current, edited);
  if (noChanges(changes)) return afterWrite(context, podId, current);
  refuseKeyThePodWouldRefuse(current, changes, appId);
  noteChange({ resource: { kind: 'application', id: appId, name }, before: current });
  const saved = await withProgress(l10n.t('Saving {0} on {1}…', name, podLabel), () => apps.updateApplication(appId, changes));
  return afterWrite(context, podId, saved);
}

/** A new current key while a valid previous key exists, or the current key again: the pod would refuse it. */
function refuseKeyThePodWouldRefuse(current: ApplicationDetail, changes: ApplicationDetail, appId: string): void {
  const key = changes.authenticationKeys?.current;
  if (!key || key.action === 'REVOKE' || !key.key) return;
  const refusal = keySaveRefusal(current, key.key);
  if (refusal) throw new PodApiError(saveRefusalMessage(refusal, appId), { kind: 'validation', field: 'authenticationKeys.current' });
}

async function confirmOverwrite(
  context: CommandContext,
  change: { podLabel: string; name: string; appId: string; current: ApplicationDetail; edited: ApplicationDetail },
): Promise<void> {
  const { podLabel, name, appId, current, edited } = change;
  const diff = await showManifestDiff(
    { label: l10n.t('{0} (pod)', podLabel), text: formatManifest(current) },
    { label: l10n.t('yours'), text: formatManifest(edited) },
    `${appId}.json`,
    l10n.t('{0}: {1} ↔ yours', name, podLabel),
  );
  try {
    const overwrite = await prompts(context).confirm(
      l10n.t('"{0}" was changed on {1} since you opened it. Overwrite the pod\'s version with yours?', name, podLabel),
      l10n.t('App id {0}\n\nThe diff shows the pod\'s current version (left) and yours (right). Overwrite replaces the pod\'s version; Cancel keeps your edits unsaved.', appId),
      l10n.t('Overwrite'),
    );
    if (!overwrite) throw new UserCancelled();
  } finally {
    await diff.close();
  }
}

/** Create and update answer with the app as the pod now has it: no second read is needed. */
function afterWrite(context: CommandContext, podId: string, saved: ApplicationDetail): ApplicationDetail {
  context.tree.refreshCategory(podId, 'applications');
  return saved;
}
