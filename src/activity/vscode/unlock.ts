// Unlock for Changes… and Lock Now, the commands of this window's production lock (pods/productionLock.ts; in the
// lazily loaded part: they run rarely, the lock itself lives in the extension). Unlocking asks why (as the admin
// portal's "Begin Session" objective) and for how long; the reason goes into every activity-log entry of the
// changes made while it lasts.
import type { CommandContext } from '../../commands/commandContext';
import { environmentOf, PodProfile, podTitle } from '../../pods/podProfile';
import { DEFAULT_UNLOCK_MINUTES } from '../../pods/productionLock';
import { l10n } from '../../text/l10n';
import { PickItem } from '../../ui/prompts';

const durations = [15, DEFAULT_UNLOCK_MINUTES, 60, 120];

export async function lockNow(context: CommandContext, target: { podId?: string } | undefined): Promise<void> {
  const profile = await productionPod(context, target, false);
  context.sessions.lock.lock(profile.id);
  void context.promptHost.current.info(l10n.t('{0} is locked again: changes are refused until you unlock it.', podTitle(profile)));
}

export async function unlock(context: CommandContext, target: { podId?: string } | undefined): Promise<void> {
  const profile = await productionPod(context, target, true);
  const ui = context.promptHost.current;
  const reason = (await ui.input({
    title: l10n.t('Unlock {0} for changes', podTitle(profile)),
    prompt: l10n.t('Why are you changing this production pod? (a change ticket or the objective; it goes into the activity log)'),
    placeHolder: l10n.t('e.g. CHG-1234: rotate the key of the payments bot'),
    validate: (v) => (v.trim().length >= 3 ? undefined : l10n.t('Say why you are changing this production pod.')),
  })).trim();
  const items: PickItem<number>[] = durations.map((m) => ({ label: l10n.t('{0} minutes', m), description: m === DEFAULT_UNLOCK_MINUTES ? l10n.t('default') : undefined, value: m, picked: m === DEFAULT_UNLOCK_MINUTES }));
  const minutes = await ui.pick(moveDefaultFirst(items), { title: l10n.t('Unlock {0} for how long?', podTitle(profile)) });
  context.sessions.lock.unlock(profile.id, reason, minutes);
  context.log.info(`Unlocked ${podTitle(profile)} for ${minutes} minutes: ${reason}`);
  void ui.info(l10n.t('{0} is unlocked for changes for {1} minutes. Lock Now (status bar or the pod\'s menu) ends it sooner.', podTitle(profile), minutes));
}

function moveDefaultFirst(items: PickItem<number>[]): PickItem<number>[] {
  return [...items.filter((i) => i.picked), ...items.filter((i) => !i.picked)];
}

/** The production pod to unlock (a locked one) or lock (an unlocked one): the one given, else the only one, else asked. */
async function productionPod(context: CommandContext, target: { podId?: string } | undefined, toUnlock: boolean): Promise<PodProfile> {
  const given = target?.podId ? context.store.get(target.podId) : undefined;
  if (given) {
    if (environmentOf(given) !== 'production') throw new Error(l10n.t('{0} is not a production pod: it is never locked.', podTitle(given)));
    return given;
  }
  const candidates = context.store.list().filter((p) => environmentOf(p) === 'production' && context.sessions.lock.isLocked(p) === toUnlock);
  if (candidates.length === 0) throw new Error(toUnlock ? l10n.t('No production pod is locked.') : l10n.t('No production pod is unlocked.'));
  if (candidates.length === 1) return candidates[0];
  return context.promptHost.current.pick(candidates.map((p) => ({ label: p.label, description: p.podUrl, value: p })), { title: toUnlock ? l10n.t('Unlock which production pod?') : l10n.t('Lock which production pod?') });
}
