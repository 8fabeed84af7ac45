// set_app_entitlement: turns an app's pod entitlement on or off (enabled, listed in the Market, installed for
// everyone), sending only the five fields the operation defines, as the Toggle Entitlement command does.
import { PodAppEntitlement } from '../../api';
import { l10n } from '../../text/l10n';
import { answer } from '../format';
import { optionalBoolean, podName, refuse, signedInPod } from '../input';
import type { AgentTool, ToolHost } from '../tool';
import { AppInput, appInputSchema, parseAppFields } from './describeApplication';
import { writablePod } from './writes';

export interface SetEntitlementInput extends AppInput { enable?: boolean; listed?: boolean; install?: boolean }

const flags = ['enable', 'listed', 'install'] as const;

async function read(input: SetEntitlementInput, host: ToolHost) {
  const pod = writablePod(host, signedInPod(host, input.podId));
  const current = (await host.client(input.podId).apps.listPodAppEntitlements()).find((e) => e.appId === input.appId);
  if (!current) refuse('appId', `The pod ${pod.label} has no application "${input.appId}".`);
  const updated: PodAppEntitlement = { appId: current.appId, appName: current.appName, enable: input.enable ?? current.enable, listed: input.listed ?? current.listed, install: input.install ?? current.install };
  const changes = flags.filter((f) => updated[f] !== current[f]).map((f) => `${f} ${current[f]} → ${updated[f]}`);
  return { pod, current, updated, changes };
}

export const setEntitlement: AgentTool<SetEntitlementInput> = {
  name: 'symphony_set_app_entitlement',
  get title() {
    return l10n.t('Change an application\'s pod entitlement');
  },
  description: 'Turns an application\'s pod entitlement on or off: "enable" (usable on the pod), "listed" (visible in the Symphony Market), "install" (installed for everyone). Give only what changes. The user is asked to confirm.',
  access: 'write',
  inputSchema: {
    type: 'object',
    properties: {
      ...appInputSchema,
      enable: { type: 'boolean', description: 'The app can be used on this pod.' },
      listed: { type: 'boolean', description: 'Visible in the Symphony Market.' },
      install: { type: 'boolean', description: 'Installed for everyone in the company.' },
    },
    required: ['podId', 'appId'],
    additionalProperties: false,
  },
  parse(input) {
    const { fields, podId, appId } = parseAppFields(input, flags);
    const parsed = { podId, appId, enable: optionalBoolean(fields, 'enable'), listed: optionalBoolean(fields, 'listed'), install: optionalBoolean(fields, 'install') };
    if (flags.every((f) => parsed[f] === undefined)) refuse('enable', 'Give at least one of "enable", "listed", "install" (true or false).');
    return parsed;
  },
  async preview(input, host) {
    const { pod, current, changes } = await read(input, host);
    // Shown to the user (VS Code's confirmation): in their language, unlike what the model reads.
    const values = { app: current.appName || input.appId, pod: pod.label, environment: pod.environment ?? '' };
    return {
      title: pod.environment ? l10n.t('Change the entitlement of {app} on {pod} ({environment})?', values) : l10n.t('Change the entitlement of {app} on {pod}?', values),
      message: changes.length ? l10n.t('Pod {0}, application {1}: {2}.', podName(pod), input.appId, changes.join(', '))
        : l10n.t('Pod {0}, application {1}: no change (already so).', podName(pod), input.appId),
    };
  },
  async invoke(input, host) {
    const { pod, updated, changes } = await read(input, host);
    if (changes.length) await host.updateEntitlement(input.podId, updated);
    return answer(changes.length ? `Changed the entitlement of ${input.appId} on ${podName(pod)}: ${changes.join(', ')}.` : `Nothing to change on ${input.appId}: the entitlement is already so.`,
      { appId: updated.appId, name: updated.appName, enabled: updated.enable, listed: updated.listed, installedForEveryone: updated.install });
  },
};
