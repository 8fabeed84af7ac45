// The one way an edited application manifest reaches a pod, shared by the JSON document (Save), "Apply Manifest to
// Pod…" and the app form: validate locally with the pod's rules (no request on bad input) → fetch the pod's
// current version → if it changed since the editor's base, show a diff and ask "Overwrite" → create or update →
// re-read → refresh the app list in the tree. Every failure throws; the caller keeps the user's edits.
import { ApplicationDetail, AppAuthenticationKeys, PodApiError, assertNoIssues, validateApplicationDetail } from '../api';
import { CommandContext, prompts, withProgress } from '../commands/commandContext';
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
  assertNoIssues(validateApplicationDetail(edited, creating));
  const editedId = edited.applicationInfo?.appId;
  if (!creating && editedId !== undefined && editedId !== appId) {
    throw new PodApiError(`The app id cannot be changed (it is "${appId}"): put it back, or create a new app with "New App Manifest".`, {
      kind: 'validation', field: 'applicationInfo.appId',
    });
  }
  const apps = context.sessions.client(podId).apps;
  const podLabel = context.store.get(podId)?.label ?? podId;
  const name = edited.applicationInfo?.name || editedId || appId || 'the application';

  if (creating) {
    const created = await withProgress(`Creating ${name} on ${podLabel}…`, () => apps.createApplication(requestBody(edited, undefined)));
    return afterWrite(context, podId, created);
  }
  const current = await apps.getApplication(appId);
  if (base && !sameManifest(current, base)) await confirmOverwrite(context, { podLabel, name, appId, current, edited });
  const saved = await withProgress(`Saving ${name} on ${podLabel}…`, () => apps.updateApplication(appId, requestBody(edited, current)));
  return afterWrite(context, podId, saved);
}

async function confirmOverwrite(
  context: CommandContext,
  change: { podLabel: string; name: string; appId: string; current: ApplicationDetail; edited: ApplicationDetail },
): Promise<void> {
  const { podLabel, name, appId, current, edited } = change;
  const diff = await showManifestDiff(
    { label: `${podLabel} (pod)`, text: formatManifest(current) },
    { label: 'yours', text: formatManifest(edited) },
    `${appId}.json`,
    `${name}: ${podLabel} ↔ yours`,
  );
  try {
    const overwrite = await prompts(context).confirm(
      `"${name}" was changed on ${podLabel} since you opened it. Overwrite the pod's version with yours?`,
      `App id ${appId}\n\nThe diff shows the pod's current version (left) and yours (right). Overwrite replaces the pod's version; Cancel keeps your edits unsaved.`,
      'Overwrite',
    );
    if (!overwrite) throw new UserCancelled();
  } finally {
    await diff.close();
  }
}

/**
 * What is sent: the pod reads `authenticationKeys` as instructions (SAVE / REVOKE / EXTEND), not as state, so key
 * entries it already has, unchanged and without an action, are left out; a rotated (previous) key exists only on
 * the pod that rotated it, so it is sent only with an action.
 */
function requestBody(edited: ApplicationDetail, current: ApplicationDetail | undefined): ApplicationDetail {
  const { authenticationKeys, ...rest } = edited;
  if (!authenticationKeys) return edited;
  const keys: AppAuthenticationKeys = {};
  const { current: active, previous } = authenticationKeys;
  const unchanged = !active?.action && active?.key?.trim() === current?.authenticationKeys?.current?.key?.trim();
  if (active && !unchanged) keys.current = active;
  if (previous?.action) keys.previous = previous;
  return keys.current || keys.previous ? { ...rest, authenticationKeys: keys } : rest;
}

/** Create and update answer with the app as the pod now has it: no second read is needed. */
function afterWrite(context: CommandContext, podId: string, saved: ApplicationDetail): ApplicationDetail {
  context.tree.refreshCategory(podId, 'applications');
  return saved;
}
