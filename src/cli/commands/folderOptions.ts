// What the folder verbs share: the pod URL an environment of pod.json names, when no flag or variable names one.
import { KIND_NAMES, readPodConfig } from '../../podAsCode';

export async function podUrlOfEnvironment(dir: string, environment: string | undefined): Promise<string | undefined> {
  if (!environment) return undefined;
  return (await readPodConfig(dir, KIND_NAMES))?.environments[environment]?.podUrl;
}
