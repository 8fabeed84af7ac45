// `symphony-pod export DIR [--env NAME]`: writes the pod's resources into DIR (new, or refreshed keeping overlays).
import { exportPod } from '../../podAsCode';
import { EXIT } from '../exitCodes';
import { progressHost } from '../output';
import { Verb } from '../verb';
import { podUrlOfEnvironment } from './folderOptions';

export const exportVerb: Verb = {
  name: 'export',
  summary: 'Write the pod\'s apps, certificates and groups into a folder (new, or refreshed keeping its placeholders).',
  define: (c) => c.argument('<dir>', 'the pod folder'),
  async run({ io, args: [dir], options, client }) {
    const environment = options.env as string | undefined;
    const pod = client(await podUrlOfEnvironment(dir, environment));
    try {
      const result = await exportPod(pod, dir, { environment, host: progressHost(io) });
      const counts = Object.entries(result.counts).map(([k, n]) => `${n} ${k}`).join(', ');
      return {
        status: EXIT.ok, result,
        text: `Exported ${counts} from ${result.podUrl} to ${dir}: ${result.written.length} files written, ${result.removed.length} removed, ${result.unchanged} unchanged.`,
      };
    } finally {
      pod.dispose();
    }
  },
};
