// update_application: changes one field of an app's manifest through the app save pipeline (only the changed field
// is sent; the pod's write gate and the activity log apply). Confirmed by the user before it runs.
import { ApplicationDetail, Check, validateHttpsUrl, validateRequiredName, validateTextField } from '../../api';
import { l10n } from '../../text/l10n';
import { answer } from '../format';
import { oneOf, podName, refuse, requiredText, signedInPod } from '../input';
import type { AgentTool, ToolHost } from '../tool';
import { AppInput, appInputSchema, applicationSummary, parseAppFields } from './describeApplication';
import { writablePod } from './writes';

const FIELDS = {
  name: { label: 'The name', check: (v: string) => validateRequiredName(v, 'The name') },
  publisher: { label: 'The publisher', check: (v: string) => validateRequiredName(v, 'The publisher') },
  appUrl: { label: 'The app URL', check: (v: string) => validateHttpsUrl(v, 'The app URL') },
  domain: { label: 'The domain', check: (v: string) => validateRequiredName(v, 'The domain') },
  iconUrl: { label: 'The icon URL', check: (v: string) => validateHttpsUrl(v, 'The icon URL') },
  description: { label: 'The description', check: (v: string) => validateTextField(v, 'The description') },
} satisfies Record<string, { label: string; check: (value: string) => Check }>;

type Field = keyof typeof FIELDS;
const fieldNames = Object.keys(FIELDS) as Field[];

export interface UpdateApplicationInput extends AppInput { field: Field; value: string }

function edit(detail: ApplicationDetail, field: Field, value: string): ApplicationDetail {
  const edited: ApplicationDetail = structuredClone(detail);
  if (field === 'iconUrl' || field === 'description') edited[field] = value;
  else edited.applicationInfo = { ...edited.applicationInfo, [field]: value };
  return edited;
}

function currentValue(detail: ApplicationDetail, field: Field): string | undefined {
  return field === 'iconUrl' || field === 'description' ? detail[field] : detail.applicationInfo?.[field];
}

async function read(input: UpdateApplicationInput, host: ToolHost) {
  const pod = writablePod(host, signedInPod(host, input.podId));
  const detail = await host.client(input.podId).apps.getApplication(input.appId);
  return { pod, detail, before: currentValue(detail, input.field) };
}

export const updateApplication: AgentTool<UpdateApplicationInput> = {
  name: 'symphony_update_application',
  get title() {
    return l10n.t('Change a field of an application');
  },
  description: `Changes one field of an application's manifest (${fieldNames.join(', ')}) on a pod. The user is asked to confirm. Only that field is sent.`,
  access: 'write',
  inputSchema: {
    type: 'object',
    properties: { ...appInputSchema, field: { type: 'string', enum: fieldNames, description: 'Which field.' }, value: { type: 'string', description: 'The new value (URLs must be https://).' } },
    required: ['podId', 'appId', 'field', 'value'],
    additionalProperties: false,
  },
  parse(input) {
    const { fields, podId, appId } = parseAppFields(input, ['field', 'value']);
    const field = oneOf(fields, 'field', fieldNames);
    if (typeof fields.value !== 'string') refuse('value', '"value" is required: give it as text.');
    const value = field === 'description' ? (fields.value as string) : requiredText(fields, 'value', FIELDS[field].check);
    const problem = FIELDS[field].check(value);
    if (problem) refuse('value', problem);
    return { podId, appId, field, value };
  },
  async preview(input, host) {
    const { pod, detail, before } = await read(input, host);
    // Shown to the user (VS Code's confirmation): in their language, unlike what the model reads.
    const values = { field: input.field, app: detail.applicationInfo?.name ?? input.appId, pod: pod.label, environment: pod.environment ?? '' };
    return {
      title: pod.environment ? l10n.t('Change {field} of {app} on {pod} ({environment})?', values) : l10n.t('Change {field} of {app} on {pod}?', values),
      message: l10n.t('Pod {pod}, application {appId}: {field} changes from {before} to {after}.', {
        pod: podName(pod), appId: input.appId, field: input.field, before: JSON.stringify(before ?? ''), after: JSON.stringify(input.value),
      }),
    };
  },
  async invoke(input, host) {
    const { pod, detail, before } = await read(input, host);
    if (before === input.value) return answer(`Nothing to change: ${input.field} of ${input.appId} on ${pod.label} is already that value.`, applicationSummary(detail));
    const saved = await host.saveApplication(input.podId, input.appId, detail, edit(detail, input.field, input.value));
    return answer(`Changed ${input.field} of ${input.appId} on ${podName(pod)}.`, applicationSummary(saved));
  },
};
