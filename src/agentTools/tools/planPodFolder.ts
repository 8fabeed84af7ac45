// symphony_plan_pod_folder: what applying a pod folder (pod as code, src/podAsCode/) would change on a pod, with the
// engine of `symphony-pod plan` and of the editor's Plan command. Read-only: nothing is applied.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { validateNoInvisible } from '../../api';
import { planFolder, planReport } from '../../podAsCode';
import { l10n } from '../../text/l10n';
import { answer, pageLine, pageOf } from '../format';
import { cursorOf, fieldsOf, idText, optionalBoolean, optionalText, refuse, requiredText, SCHEMA, signedInPod } from '../input';
import type { AgentTool } from '../tool';

export interface PlanInput { podId: string; folder: string; environment?: string; prune: boolean; cursor: number }

export const planPodFolder: AgentTool<PlanInput> = {
  name: 'symphony_plan_pod_folder',
  get title() {
    return l10n.t('Plan a pod folder against a pod');
  },
  description: 'Compares a pod-as-code folder (pod.json with apps/, certificates/, groups/, serviceAccounts/) with a pod and lists what applying it would create, update (field by field) or delete; 50 changes at a time ("cursor" pages on). Changes nothing.',
  access: 'read',
  inputSchema: {
    type: 'object',
    properties: {
      podId: SCHEMA.podId,
      folder: { type: 'string', description: 'Absolute path of the pod folder (the one holding pod.json).' },
      environment: { type: 'string', description: 'The environment of pod.json whose variables apply.' },
      prune: { type: 'boolean', description: 'Also plan deleting what the folder does not have (in the kinds it manages).' },
      cursor: SCHEMA.cursor,
    },
    required: ['podId', 'folder'],
    additionalProperties: false,
  },
  parse(input) {
    const fields = fieldsOf(input, ['podId', 'folder', 'environment', 'prune', 'cursor']);
    const folder = requiredText(fields, 'folder', (v) => validateNoInvisible(v, 'The folder') ?? (path.isAbsolute(v) ? undefined : 'Give the folder as an absolute path.'));
    if (!isDirectory(folder)) refuse('folder', `${folder} is not a folder on this machine.`);
    return {
      podId: requiredText(fields, 'podId', idText('pod id')), folder, environment: optionalText(fields, 'environment', (v) => validateNoInvisible(v, 'The environment')),
      prune: optionalBoolean(fields, 'prune') ?? false, cursor: cursorOf(fields),
    };
  },
  async invoke({ podId, folder, environment, prune, cursor }, host) {
    const pod = signedInPod(host, podId);
    const report = planReport(await planFolder(host.client(podId), folder, { environment, prune }));
    const page = pageOf(report.changes, cursor);
    const { create, update, delete: deletes, unchanged } = report.counts;
    return answer(`Plan of ${folder} against ${pod.label}: ${create} to create, ${update} to update, ${deletes} to delete, ${unchanged} unchanged. Changes: ${pageLine(page, cursor, 'changes')}`,
      { ...report, changes: page.items });
  },
};

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
