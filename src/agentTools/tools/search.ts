// search: certificates, applications, groups, people and service accounts by name, id or fingerprint across the
// signed-in pods, with the engine of Search All Pods (src/api/search.ts): service accounts are the people the pod's
// user search finds with accountType SYSTEM. A pod or area that fails is reported beside the others.
import { MAX_HITS_PER_KIND, SearchHit, searchPods, validateSearchText } from '../../api';
import { l10n } from '../../text/l10n';
import { describeFailure } from '../errors';
import { answer } from '../format';
import { fieldsOf, idText, optionalText, requiredText, SCHEMA, signedInPod } from '../input';
import type { AgentTool } from '../tool';

export const search: AgentTool<{ text: string; podId?: string }> = {
  name: 'symphony_search',
  get title() {
    return l10n.t('Search Symphony pods');
  },
  description: `Finds company certificates, applications, groups, people and service accounts whose name, id, email or fingerprint contains the text, in every signed-in pod (or one pod). At most ${MAX_HITS_PER_KIND} hits per kind and pod: refine the text for more. Use the ids with symphony_describe_certificate, symphony_describe_application, symphony_describe_group, symphony_describe_account (people and service accounts: "userId").`,
  access: 'read',
  inputSchema: {
    type: 'object',
    properties: {
      text: { type: 'string', description: 'At least 2 characters of a name, id, user id or certificate fingerprint.' },
      podId: SCHEMA.somePod,
    },
    required: ['text'],
    additionalProperties: false,
  },
  parse(input) {
    const fields = fieldsOf(input, ['text', 'podId']);
    return { text: requiredText(fields, 'text', validateSearchText), podId: optionalText(fields, 'podId', idText('pod id')) };
  },
  async invoke({ text, podId }, host) {
    const pods = podId ? [signedInPod(host, podId)] : host.pods().filter((p) => p.signedIn);
    if (pods.length === 0) throw new Error('No pod is signed in: the user must sign in to a pod first (Symphony: Sign In).');
    const label = new Map(pods.map((p) => [p.id, p.label]));
    const results = await searchPods(pods.map((p) => host.searchTarget(p.id)), text);
    const hits = results.flatMap((r) => r.hits.map((h) => ({ pod: label.get(r.podId), podId: r.podId, kind: kindOf(h), id: h.id, name: h.name })));
    const failures = results.flatMap((r) => r.failures.map((f) => ({ pod: label.get(r.podId), area: f.area, error: describeFailure(f.error) })));
    const summary = `${hits.length} hit${hits.length === 1 ? '' : 's'} for "${text}" in ${pods.length} pod${pods.length === 1 ? '' : 's'}` +
      (failures.length ? `; ${failures.length} area${failures.length === 1 ? '' : 's'} could not be searched (see "failures").` : '.');
    return answer(summary, failures.length ? { hits, failures } : { hits });
  },
};

/** A person whose account is a bot's is a service account to an agent. */
const kindOf = (hit: SearchHit) => (hit.kind === 'person' && hit.item.accountType === 'SYSTEM' ? 'serviceAccount' : hit.kind);
