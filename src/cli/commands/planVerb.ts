// `symphony-pod plan DIR [--env NAME] [--prune]`: what apply would do. Exit 0 = nothing to do, 2 = changes planned
// (drift), 1 = error: a pipeline's drift check.
import { hasWrites, planFolder, planReport } from '../../podAsCode';
import { l10n } from '../../text/l10n';
import { EXIT } from '../exitCodes';
import { progressHost } from '../output';
import { planText } from '../planText';
import { Verb } from '../verb';
import { podUrlOfEnvironment } from './folderOptions';

export const planVerb: Verb = {
  name: 'plan',
  get summary() {
    return l10n.t('Compare a folder with the pod: what to create, update (field by field), delete; exit 2 when anything differs.');
  },
  define: (c) => c.argument('<dir>', l10n.t('the pod folder')).option('--prune', l10n.t('plan deleting resources of managed kinds that the folder does not have')),
  async run({ io, args: [dir], options, client }) {
    const environment = options.env as string | undefined;
    const pod = client(await podUrlOfEnvironment(dir, environment));
    try {
      const plan = await planFolder(pod, dir, { environment, prune: !!options.prune, host: progressHost(io) });
      return { status: hasWrites(plan) ? EXIT.changes : EXIT.ok, result: planReport(plan), text: planText(plan) };
    } finally {
      pod.dispose();
    }
  },
};
