// What one kind of resource (apps, certificates, groups, and later service accounts) tells the engine. Each kind
// lives in one file and owns both sides: how the pod's resource reads as a folder value (server-side fields
// stripped by `normalize`), how a file reads as a desired value, and the writes (through the client's validated
// calls). Adding a kind = one file + one line in `registry.ts`.
import { PodClient, ValidationIssue } from '../../api';
import { FolderFile, Json, JsonObject } from '../folderFiles';

/** A resource as the pod holds it, normalized: what the folder would say about it. */
export interface PodResource {
  id: string;
  /** Readable name for tables and messages. */
  label: string;
  /** Normalized: no ETags, timestamps, pod-assigned ids or key expiry. Feeds export, plan and the content hash. */
  value: JsonObject;
  /** What the writes need and the folder does not hold (a group's id and eTag, the app's raw detail…). */
  pod: unknown;
  /** Kept by the pod but gone for the user (a group marked DELETED): absent, unless the folder brings it back. */
  tombstone?: boolean;
  /** Why the folder cannot describe it (a second group with the same name): listed, never exported or deleted. */
  unmanageable?: string;
}

/** A resource as the folder describes it (placeholders filled in). */
export interface DesiredResource {
  id: string;
  label: string;
  value: JsonObject;
  /** The folder file (for messages with lines, and links). */
  source: FolderFile;
  /** Files beside it that belong to it (a certificate's PEM). */
  extra?: Record<string, string>;
}

/** One file the export writes, relative to the folder. */
export interface ExportFile { file: string; value: JsonObject }

export interface WriteContext {
  client: PodClient;
}

export interface ResourceKind {
  /** The folder's name for the kind, also its folder (`apps/`, `certificates/`, `groups/`). */
  readonly name: string;
  /** Writes run in ascending order; deletes in descending order. */
  readonly order: number;
  /** Field order for the files' text (known keys first, for readability). */
  readonly keyOrder: readonly string[];
  /** Reads every resource of the kind from the pod (one listing pass, and the detail reads it cannot do without). */
  list(client: PodClient, progress: (message: string) => void): Promise<PodResource[]>;
  /** The kind's files in the folder, relative paths. */
  files(root: string): Promise<string[]>;
  /** Turns a parsed, filled file into a desired resource; throws a PodFolderError naming the field when malformed. */
  fromFile(file: FolderFile, value: Json, root: string): Promise<DesiredResource>;
  /** The files that describe a pod resource (relative paths chosen by the kind; `taken` holds paths already used). */
  toFiles(resource: PodResource, taken: ReadonlySet<string>): ExportFile[];
  /** Local checks, with the pod's own rules, of what would be sent (the full value for a create). */
  validate(desired: DesiredResource, current: PodResource | undefined): ValidationIssue[];
  /** Reads again the resources about to change (for the conflict check). Missing = absent on the pod now. */
  reread(client: PodClient, ids: Array<{ id: string; current?: PodResource; desired?: DesiredResource }>): Promise<Map<string, PodResource | undefined>>;
  create(context: WriteContext, desired: DesiredResource): Promise<void>;
  update(context: WriteContext, current: PodResource, desired: DesiredResource): Promise<void>;
  remove(context: WriteContext, current: PodResource): Promise<void>;
}

/** Normalized objects drop absent and null members, so "not there" reads the same on both sides. */
export function compact<T extends Record<string, unknown>>(value: T): JsonObject {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as JsonObject;
}
