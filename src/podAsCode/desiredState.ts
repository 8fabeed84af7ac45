// Reads what the folder says: pod.json, then every file of every managed kind, placeholders filled in for the
// chosen environment. All of it is read and checked before anything is written to the pod; the first bad file
// stops everything (an unreadable file never counts as an absent resource).
import { l10n } from '../text/l10n';
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
  const { config, variables, kinds } = await readFolderConfig(root, environment);
  return { config, variables, kinds: await readResources(root, kinds, variables) };
}

/** pod.json and the chosen environment's variables: what says which kinds to read, from the folder and the pod. */
export async function readFolderConfig(root: string, environment: string | undefined) {
  const config = await readPodConfig(root, KIND_NAMES);
  if (!config) throw new PodFolderError(POD_FILE, undefined, undefined, l10n.t('there is no {0} in {1}: this is not a pod folder (export a pod into it first).', POD_FILE, root));
  return { config, variables: variablesOf(config, environment), kinds: RESOURCE_KINDS.filter((k) => config.manages.includes(k.name)) };
}

/** Every file of the managed kinds, read and checked; two files for one resource is an error. */
export async function readResources(root: string, kinds: readonly ResourceKind[], variables: Record<string, Json> | undefined): Promise<FolderState['kinds']> {
  const out: FolderState['kinds'] = [];
  for (const kind of kinds) {
    const resources = await mapConcurrently(await kind.files(root), FILE_CONCURRENCY, async (name) => {
      const file = await readJsonFile(root, name);
      refusePrivateKeys(file);
      return kind.fromFile(file, substitute(file, variables), root);
    });
    const seen = new Map<string, string>();
    for (const resource of resources) {
      const other = seen.get(resource.id);
      if (other) throw resource.source.error([], l10n.t('describes the same {0} resource ({1}) as {2}.', kind.name, resource.id, other));
      seen.set(resource.id, resource.source.file);
    }
    out.push({ kind, resources });
  }
  return out;
}
