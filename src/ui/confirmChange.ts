// The one confirmation of a change to a pod: a modal that names the resource and the pod's environment, and, for a
// change that takes something away on a production pod (delete, revoke, remove, reject, prune, bulk), the pod's
// name typed first. The typed name is recorded in the change (activity/changeContext.ts): the production gate
// refuses a destructive write without it, so a delete that skips this helper cannot reach a production pod.
import { currentChange } from '../activity/changeContext';
import type { CommandContext } from '../commands/commandContext';
import { environmentOf, podTitle } from '../pods/podProfile';
import { l10n } from '../text/l10n';

export interface ChangeConfirmation {
  /** "Delete the certificate "x"?": the pod and environment are added. */
  message: string;
  detail: string;
  /** The modal's button, e.g. "Delete Certificate". */
  action: string;
  /** Takes something away (delete, revoke, remove, reject, prune, bulk): production wants the pod's name typed. */
  destructive?: boolean;
}

/**
 * Resolves true when the user confirmed; false when they chose not to (Escape on the typed name cancels quietly).
 * A locked production pod is refused before anything is asked (the same refusal as the client's gate).
 */
export async function confirmChange(context: Pick<CommandContext, 'promptHost' | 'store' | 'sessions'>, podId: string, confirmation: ChangeConfirmation): Promise<boolean> {
  const ui = context.promptHost.current;
  const profile = context.store.get(podId);
  if (profile) context.sessions.lock.refuseIfLocked(profile, confirmation.action);
  const where = (what: string) => (profile ? l10n.t('{0} on {1}', what, podTitle(profile)) : what);
  if (profile && confirmation.destructive && environmentOf(profile) === 'production') {
    const scope = currentChange();
    if (!scope) throw new Error('A production delete must run inside a change (registerCommand or withChange): nothing was sent.');
    await ui.input({
      title: where(confirmation.message.replace(/\?$/, '')),
      prompt: l10n.t('{0} is a production pod. Type its name, {0}, to go on; Escape keeps everything as it is.', profile.label),
      placeHolder: profile.label,
      validate: (v) => (v.trim() === profile.label ? undefined : l10n.t('Type {0} exactly.', profile.label)),
    });
    scope.typedPods.add(profile.id);
  }
  return ui.confirm(l10n.t('{0}?', where(confirmation.message.replace(/\?$/, ''))), confirmation.detail, confirmation.action);
}
