// The one catalog of agent tools, and the one place that decides which are offered and how a call runs. A new tool
// is one file in tools/ and one line here; the VS Code
// surface also lists it in package.json `contributes.languageModelTools` (a unit test keeps the two equal).
import { toolError } from './errors';
import type { AgentTool, ChangePreview, ToolHost } from './tool';
import { activityLog } from './tools/activityLog';
import { describeAccount } from './tools/describeAccount';
import { describeApplication } from './tools/describeApplication';
import { describeCertificate } from './tools/describeCertificate';
import { describeGroup } from './tools/describeGroup';
import { expiryReport } from './tools/expiryReport';
import { listConnections } from './tools/listConnections';
import { listPods } from './tools/listPods';
import { planPodFolder } from './tools/planPodFolder';
import { rotateKey } from './tools/rotateKey';
import { search } from './tools/search';
import { setEntitlement } from './tools/setEntitlement';
import { updateApplication } from './tools/updateApplication';

export const agentTools: readonly AgentTool[] = [
  listPods,
  search,
  describeCertificate,
  describeApplication,
  describeGroup,
  describeAccount,
  listConnections,
  expiryReport,
  planPodFolder,
  activityLog,
  updateApplication,
  setEntitlement,
  rotateKey,
];

/** The tools a surface offers: read tools always, write tools only when the user allowed them. */
export function offeredTools(options: { allowWrites: boolean }): AgentTool[] {
  return agentTools.filter((tool) => tool.access === 'read' || options.allowWrites);
}

export function toolNamed(name: string): AgentTool {
  const tool = agentTools.find((t) => t.name === name);
  if (!tool) throw new Error(`No Symphony tool is named "${name}".`);
  return tool;
}

/** Validates the input (no request on bad input) and runs the tool; failures become one redacted sentence. */
export async function runTool(name: string, input: unknown, host: ToolHost): Promise<string> {
  const tool = toolNamed(name);
  try {
    return await tool.invoke(tool.parse(input), host);
  } catch (error) {
    throw toolError(error);
  }
}

/** A write's confirmation (pod, environment, change), or undefined for a read. Validates first, like `runTool`. */
export async function previewTool(name: string, input: unknown, host: ToolHost): Promise<ChangePreview | undefined> {
  const tool = toolNamed(name);
  try {
    const parsed = tool.parse(input);
    return tool.preview ? await tool.preview(parsed, host) : undefined;
  } catch (error) {
    throw toolError(error);
  }
}
