// `symphony-pod export DIR [--env NAME]`: writes the pod's resources into DIR (new, or refreshed keeping overlays).
import { exportPod } from '../../podAsCode';
import { l10n } from '../../text/l10n';
import { EXIT } from '../exitCodes';
import { progressHost } from '../output';
import { Verb } from '../verb';
import { podUrlOfEnvironment } from './folderOptions';

export const exportVerb: Verb = {
  name: 'export',
  get summary() {
    return l10n.t('Write the pod\'s apps, certificates and groups into a folder (new, or refreshed keeping its placeholders).');
  },
  define: (c) => c.argument('<dir>', l10n.t('the pod folder')),
  async run({ io, args: [dir], options, client }) {
    const environment = options.env as string | undefined;
    const pod = client(await podUrlOfEnvironment(dir, environment));
    try {
      const result = await exportPod(pod, dir, { environment, host: progressHost(io) });
      const counts = Object.entries(result.counts).map(([k, n]) => `${n} ${k}`).join(', ');
      return {
        status: EXIT.ok, result,
        text: l10n.t('Exported {counts} from {pod} to {dir}. Files written: {written}, removed: {removed}, unchanged: {unchanged}.', {
          counts, pod: result.podUrl, dir, written: result.written.length, removed: result.removed.length, unchanged: result.unchanged,
        }),
      };
    } finally {
      pod.dispose();
    }
  },
};
