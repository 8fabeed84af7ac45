// `symphony-pod apply DIR [--env NAME] [--prune] [--yes] [--unlock REASON] [--confirm-pod NAME]`: plans, shows the
// plan, asks (or takes --yes; with no terminal and no --yes it refuses), then applies. On a production pod it needs
// --unlock "reason" before anything is asked, and a plan that deletes needs the pod's name typed (or --confirm-pod
// NAME): --yes alone never deletes on production. Each write runs in a change scope (the activity log's entry names
// the command, the resource and its state before). Exit 0 = done or nothing to do; 1 = refused, conflict or a failed
// write (the output says what was applied and what was not).
import { currentChange, withChange } from '../../activity/changeContext';
import { PodApiError } from '../../api';
import { PlannedChange, applyPlan, changeReport, hasWrites, planFolder, planReport, writesOf } from '../../podAsCode';
import { l10n } from '../../text/l10n';
import { EXIT } from '../exitCodes';
import { ask, CliIo, confirm, progressHost } from '../output';
import { applyText, planText } from '../planText';
import { CliTarget, productionRefusal } from '../production';
import { Verb } from '../verb';
import { podUrlOfEnvironment } from './folderOptions';

/** The activity log's names of the folder's kinds. */
const RESOURCE_KIND: Record<string, string> = { apps: 'application', certificates: 'certificate', groups: 'group' };

export const applyVerb: Verb = {
  name: 'apply',
  get summary() {
    return l10n.t('Make the pod match the folder: plan, confirm (or --yes), then write in a safe order, stopping at the first failure.');
  },
  define: (c) => c.argument('<dir>', l10n.t('the pod folder'))
    .option('--prune', l10n.t('also delete resources of managed kinds that the folder does not have'))
    .option('-y, --yes', l10n.t('apply without asking (required when not on a terminal)'))
    .option('--unlock <reason>', l10n.t('why you are changing the pod (required on a production pod; kept in the activity log)'))
    .option('--confirm-pod <name>', l10n.t('the pod\'s name ({0}, else its host name): what a plan that deletes on production needs typed', 'SYMPHONY_POD_LABEL')),
  async run({ io, args: [dir], options, client, target }) {
    const environment = options.env as string | undefined;
    const pod = client(await podUrlOfEnvironment(dir, environment));
    try {
      const host = progressHost(io);
      const plan = await planFolder(pod, dir, { environment, prune: !!options.prune, host });
      if (!hasWrites(plan)) return { status: EXIT.ok, result: { plan: planReport(plan), applied: [] }, text: `${planText(plan)}\n${l10n.t('Nothing to apply.')}` };
      const writes = writesOf(plan);
      const deletes = writes.filter((w) => w.action === 'delete').length;
      const what = writes.length === 1 ? l10n.t('apply: 1 change') : l10n.t('apply: {0} changes', writes.length);
      // As the extension refuses a locked pod before asking anything; the client's write gate stays the guarantee.
      const locked = productionRefusal(target(), false, what);
      if (locked) throw locked;
      return await withChange({ action: 'symphony-pod apply' }, async () => {
        const typed = target().environment === 'production' && deletes > 0;
        if (typed) await confirmPodName(io, options, target(), planText(plan), deletes);
        else if (!options.yes) {
          if (!options.json) io.stderr.write(`${planText(plan)}\n`);
          const asked = await confirm(io, writes.length === 1 ? l10n.t('Apply 1 change to {0}?', plan.podUrl) : l10n.t('Apply {0} changes to {1}?', writes.length, plan.podUrl));
          if (!asked) {
            const why = io.stdin.isTTY ? l10n.t('Not applied: you did not confirm.') : l10n.t('Not applied: nobody can confirm here (not a terminal). Pass --yes to apply.');
            return { status: EXIT.error, result: { plan: planReport(plan), applied: [], refused: why }, text: why };
          }
        }
        const result = await applyPlan(pod, plan, {
          eachWrite: (change, write) => withChange({ resource: resourceOf(change), ...(change.current ? { before: change.current.value } : {}) }, write),
        }, host);
        return {
          status: result.failed ? EXIT.error : EXIT.ok,
          result: {
            plan: planReport(plan), applied: result.applied.map(changeReport), notApplied: result.notApplied.map(changeReport),
            failed: result.failed ? { ...changeReport(result.failed.change), error: result.failed.error } : null,
          },
          text: `${options.yes || typed ? `${planText(plan)}\n` : ''}${applyText(result)}`,
        };
      });
    } finally {
      pod.dispose();
    }
  },
};

/**
 * The typed confirmation of a plan that deletes on production: --confirm-pod NAME, else the name typed on the
 * terminal (even with --yes). Records it in the change, which the write gate requires for each delete.
 */
async function confirmPodName(io: CliIo, options: Record<string, unknown>, target: CliTarget, plan: string, deletes: number): Promise<void> {
  const given = options.confirmPod as string | undefined;
  const refuse = (why: string) => new PodApiError(l10n.t('{0} Nothing was sent.', why), { kind: 'locked' });
  let typed: string | undefined;
  if (given !== undefined) typed = given.trim();
  else {
    if (!options.json) io.stderr.write(`${plan}\n`);
    typed = await ask(io, `${deletes === 1
      ? l10n.t('{0} is a production pod and this plan deletes 1 resource. Type the pod\'s name, {0}, to apply:', target.label)
      : l10n.t('{0} is a production pod and this plan deletes {1} resources. Type the pod\'s name, {0}, to apply:', target.label, deletes)} `);
    if (typed === undefined) {
      throw refuse(deletes === 1
        ? l10n.t('{0} is a production pod and this plan deletes 1 resource: --yes is not enough. Pass --confirm-pod "{0}" as well.', target.label)
        : l10n.t('{0} is a production pod and this plan deletes {1} resources: --yes is not enough. Pass --confirm-pod "{0}" as well.', target.label, deletes));
    }
  }
  if (typed !== target.label) throw refuse(l10n.t('The pod is named "{0}", not "{1}".', target.label, typed));
  currentChange()?.typedPods.add(target.id);
}

function resourceOf(change: PlannedChange): { kind: string; id: string; name: string } {
  return { kind: RESOURCE_KIND[change.kind] ?? change.kind, id: change.id, name: change.label };
}
