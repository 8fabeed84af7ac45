// list_pods: the pods configured in this surface, their environment and whether they are signed in. Every other
// tool takes one of these ids.
import { l10n } from '../../text/l10n';
import { answer } from '../format';
import { fieldsOf } from '../input';
import type { AgentTool } from '../tool';

export const listPods: AgentTool<Record<string, never>> = {
  name: 'symphony_list_pods',
  get title() {
    return l10n.t('List Symphony pods');
  },
  description: 'Lists the Symphony pods the user administers: id (what the other tools take as "podId"), name, URL, environment (e.g. production) and whether it is signed in. Call this first.',
  access: 'read',
  inputSchema: { type: 'object', properties: {}, additionalProperties: false },
  parse: (input) => (fieldsOf(input ?? {}, []), {}),
  async invoke(_input, host) {
    const pods = host.pods();
    const signedIn = pods.filter((p) => p.signedIn).length;
    return answer(
      pods.length ? `${pods.length} pod${pods.length === 1 ? '' : 's'}, ${signedIn} signed in.` : 'No pod is configured (Symphony: Add Pod…).',
      pods.map((p) => ({ podId: p.id, name: p.label, url: p.podUrl, environment: p.environment, signedIn: p.signedIn })),
    );
  },
};
