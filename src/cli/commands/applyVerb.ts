// `symphony-pod apply DIR [--env NAME] [--prune] [--yes]`: plans, shows the plan, asks (or takes --yes; with no
// terminal and no --yes it refuses), then applies. Exit 0 = done or nothing to do; 1 = refused, conflict or a failed
// write (the output says what was applied and what was not).
import { applyPlan, changeReport, hasWrites, planFolder, planReport, writesOf } from '../../podAsCode';
import { EXIT } from '../exitCodes';
import { confirm, progressHost } from '../output';
import { applyText, planText } from '../planText';
import { Verb } from '../verb';
import { podUrlOfEnvironment } from './folderOptions';

export const applyVerb: Verb = {
  name: 'apply',
  summary: 'Make the pod match the folder: plan, confirm (or --yes), then write in a safe order, stopping at the first failure.',
  define: (c) => c.argument('<dir>', 'the pod folder')
    .option('--prune', 'also delete resources of managed kinds that the folder does not have')
    .option('-y, --yes', 'apply without asking (required when not on a terminal)'),
  async run({ io, args: [dir], options, client }) {
    const environment = options.env as string | undefined;
    const pod = client(await podUrlOfEnvironment(dir, environment));
    try {
      const host = progressHost(io);
      const plan = await planFolder(pod, dir, { environment, prune: !!options.prune, host });
      if (!hasWrites(plan)) return { status: EXIT.ok, result: { plan: planReport(plan), applied: [] }, text: `${planText(plan)}\nNothing to apply.` };
      const writes = writesOf(plan);
      if (!options.yes) {
        if (!options.json) io.stderr.write(`${planText(plan)}\n`);
        const asked = await confirm(io, `Apply ${writes.length} change${writes.length === 1 ? '' : 's'} to ${plan.podUrl}?`);
        if (!asked) {
          const why = io.stdin.isTTY ? 'Not applied: you did not confirm.' : 'Not applied: nobody can confirm here (not a terminal). Pass --yes to apply.';
          return { status: EXIT.error, result: { plan: planReport(plan), applied: [], refused: why }, text: why };
        }
      }
      const result = await applyPlan(pod, plan, {}, host);
      return {
        status: result.failed ? EXIT.error : EXIT.ok,
        result: {
          plan: planReport(plan), applied: result.applied.map(changeReport), notApplied: result.notApplied.map(changeReport),
          failed: result.failed ? { ...changeReport(result.failed.change), error: result.failed.error } : null,
        },
        text: `${options.yes ? `${planText(plan)}\n` : ''}${applyText(result)}`,
      };
    } finally {
      pod.dispose();
    }
  },
};
