// Reads what the folder says: pod.json, then every file of every managed kind, placeholders filled in for the
// chosen environment. All of it is read and checked before the pod is asked anything; the first bad file stops
// everything (an unreadable file never counts as an absent resource).
import { mapConcurrently } from './concurrency';
import { Json } from './folderFiles';
import { DesiredResource, ResourceKind } from './kinds/kind';
import { KIND_NAMES, RESOURCE_KINDS } from './kinds/registry';
import { POD_FILE, PodFolderConfig, readPodConfig, substitute, variablesOf } from './podFolder';
import { PodFolderError, readJsonFile, refusePrivateKeys } from './folderFiles';

/** Files read at once: enough to keep the disk busy, few enough to stay far from the open-files limit. */
export const FILE_CONCURRENCY = 16;

export interface FolderState {
  config: PodFolderConfig;
  variables: Record<string, Json> | undefined;
  /** The managed kinds, in apply order, with what the folder says for each. */
  kinds: Array<{ kind: ResourceKind; resources: DesiredResource[] }>;
}

export async function readFolderState(root: string, environment: string | undefined): Promise<FolderState> {
  const config = await readPodConfig(root, KIND_NAMES);
  if (!config) throw new PodFolderError(POD_FILE, undefined, undefined, `there is no ${POD_FILE} in ${root}: this is not a pod folder (export a pod into it first).`);
  const variables = variablesOf(config, environment);
  const kinds = [];
  for (const kind of RESOURCE_KINDS.filter((k) => config.manages.includes(k.name))) {
    const resources = await mapConcurrently(await kind.files(root), FILE_CONCURRENCY, async (name) => {
      const file = await readJsonFile(root, name);
      refusePrivateKeys(file);
      return kind.fromFile(file, substitute(file, variables), root);
    });
    const seen = new Map<string, string>();
    for (const resource of resources) {
      const other = seen.get(resource.id);
      if (other) throw resource.source.error([], `describes the same ${kind.name} resource (${resource.id}) as ${other}.`);
      seen.set(resource.id, resource.source.file);
    }
    kinds.push({ kind, resources });
  }
  return { config, variables, kinds };
}
