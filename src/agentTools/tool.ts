// What an agent tool is, and what a surface (VS Code's language-model tools, the MCP server) gives it to run: the
// pods it may read, a client per pod, and the save paths that writes go through. Plain Node, no `vscode`: the same
// definitions serve both surfaces, which hold no tool logic of their own.
import type { ApplicationDetail, PodAppEntitlement, PodClient, PodToSearch } from '../api';
import type { ActivityEntry } from '../activity/activityEntry';
import type { ExpiryItem } from '../credentials/expiryItems';

/** JSON Schema of a tool's input, as both `contributes.languageModelTools` and MCP `tools/list` carry it. */
export interface InputSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties?: false;
}

/** A pod as a tool sees it: never a secret, never a file path. */
export interface PodRef {
  id: string;
  label: string;
  podUrl: string;
  /** The profile's environment (issue 15 adds it: "production", "uat", …), when it has one. */
  environment?: string;
  signedIn: boolean;
}

export interface ExpiryReportResult {
  items: ExpiryItem[];
  problems: Array<{ podLabel: string; message: string }>;
  warningDays: number;
}

/** What a surface gives the tools. Writes go through the surface's normal save paths, so the write gate and the activity log apply. */
export interface ToolHost {
  pods(): PodRef[];
  client(podId: string): PodClient;
  /** The pod with its cached lists and the areas its account may read, for `src/api/search.ts`. */
  searchTarget(podId: string): PodToSearch;
  expiryReport(): Promise<ExpiryReportResult>;
  /** Why writes to this pod are refused before anything is sent (a production pod without its unlock), or undefined. */
  writeRefusal(pod: PodRef): string | undefined;
  /** The app save pipeline (VS Code: `saveApplication`): `base` is the version read for the change. */
  saveApplication(podId: string, appId: string, base: ApplicationDetail, edited: ApplicationDetail): Promise<ApplicationDetail>;
  updateEntitlement(podId: string, entitlement: PodAppEntitlement): Promise<void>;
  /** Sends one key instruction (`{ authenticationKeys }` only) and returns the app as the pod now has it. */
  changeKeys(podId: string, appId: string, body: ApplicationDetail): Promise<ApplicationDetail>;
  /** Every entry of the activity log (src/activity/), newest first, when the surface has one. */
  activityLog?(): Promise<ActivityEntry[]>;
}

/** What a write will do, for the confirmation the surface shows before running it. */
export interface ChangePreview {
  title: string;
  message: string;
}

export interface AgentTool<Input = any> {
  /** snake_case, stable: the name models and MCP clients call. */
  name: string;
  title: string;
  /** What the model reads to decide when to call it. */
  description: string;
  access: 'read' | 'write';
  inputSchema: InputSchema;
  /** Checks the raw input with the commands' own rules and returns it typed; throws a validation error before any request. */
  parse(input: unknown): Input;
  /** Compact structured text for the model: never a token, key, passphrase or notification API key. */
  invoke(input: Input, host: ToolHost): Promise<string>;
  /** Writes only: what will change, on which pod and environment. Reads nothing it does not need and changes nothing. */
  preview?(input: Input, host: ToolHost): Promise<ChangePreview>;
}
