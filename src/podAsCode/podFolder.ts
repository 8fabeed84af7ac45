// `pod.json`, the root of a pod folder: which kinds the folder manages, which resources it deliberately leaves
// alone, and per-environment values (dev → UAT → prod). Files use `${name}` placeholders; an environment's
// `variables` fill them in. A whole-string placeholder takes the variable's JSON type (`"${tenantId}"` → 190),
// one inside text is replaced as text. On re-export a file keeps its placeholders where they still say what the pod
// holds (auth0's keyword preservation), so a refresh never flattens the user's overlays.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { l10n } from '../text/l10n';
import { FolderFile, Json, JsonObject, PodFolderError, canonical, isObject, readJsonFile, stableJson } from './folderFiles';

export const POD_FILE = 'pod.json';

export interface EnvironmentConfig { podUrl?: string; variables?: Record<string, Json> }

export interface PodFolderConfig {
  /** The kinds this folder manages. A kind not listed is never read, planned or written. */
  manages: string[];
  /** Per kind, ids the folder deliberately leaves alone (never changed, never pruned). */
  ignore: Record<string, string[]>;
  environments: Record<string, EnvironmentConfig>;
}

export async function readPodConfig(root: string, knownKinds: readonly string[]): Promise<PodFolderConfig | undefined> {
  let file: FolderFile;
  try {
    file = await readJsonFile(root, POD_FILE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const v = file.value;
  if (!isObject(v)) throw file.error([], l10n.t('pod.json must be one JSON object.'));
  for (const key of Object.keys(v)) {
    if (!['$schema', 'manages', 'ignore', 'environments'].includes(key)) throw file.error([key], l10n.t('unknown field "{0}" (pod.json has manages, ignore and environments).', key));
  }
  if (!Array.isArray(v.manages) || v.manages.some((k) => typeof k !== 'string' || !knownKinds.includes(k))) {
    throw file.error(['manages'], l10n.t('manages must list the kinds this folder manages, among {0}.', knownKinds.join(', ')));
  }
  const ignore = v.ignore ?? {};
  if (!isObject(ignore) || Object.entries(ignore).some(([k, ids]) => !knownKinds.includes(k) || !Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))) {
    throw file.error(['ignore'], l10n.t('ignore maps a kind ({0}) to a list of ids to leave alone.', knownKinds.join(', ')));
  }
  const environments = v.environments ?? {};
  if (!isObject(environments)) throw file.error(['environments'], l10n.t('environments maps a name (dev, uat, prod…) to { podUrl, variables }.'));
  for (const [name, env] of Object.entries(environments)) {
    if (!isObject(env) || (env.variables !== undefined && !isObject(env.variables)) || (env.podUrl !== undefined && typeof env.podUrl !== 'string')) {
      throw file.error(['environments', name], l10n.t('environment "{0}" must be { "podUrl": "https://…", "variables": { … } }.', name));
    }
  }
  return { manages: v.manages as string[], ignore: ignore as Record<string, string[]>, environments: environments as Record<string, EnvironmentConfig> };
}

export async function writePodConfig(root: string, config: PodFolderConfig): Promise<void> {
  await fs.mkdir(root, { recursive: true });
  await fs.writeFile(path.join(root, POD_FILE), stableJson(config, ['manages', 'ignore', 'environments']));
}

/** The variables of `environment` (none when the folder has no environments and none is chosen). */
export function variablesOf(config: PodFolderConfig, environment: string | undefined): Record<string, Json> | undefined {
  if (environment === undefined) return undefined;
  const env = config.environments[environment];
  if (!env) {
    const known = Object.keys(config.environments);
    throw new PodFolderError(POD_FILE, undefined, 'environments', known.length
      ? l10n.t('there is no environment "{0}" (the folder has {1}).', environment, known.join(', '))
      : l10n.t('there is no environment "{0}".', environment));
  }
  return env.variables ?? {};
}

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g;
const WHOLE = /^\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}$/;

/** The file's value with its placeholders filled in; an unknown variable names the file, line and field. */
export function substitute(file: FolderFile, variables: Record<string, Json> | undefined): Json {
  return fill(file.value, variables, (at, problem) => { throw file.error(at, problem); });
}

/** `value` with its placeholders filled in; `fail` is told where a variable is missing. */
export function fill(value: Json, variables: Record<string, Json> | undefined, fail: (at: Array<string | number>, problem: string) => never): Json {
  const walk = (v: Json, at: Array<string | number>): Json => {
    if (typeof v === 'string') {
      const lookup = (name: string): Json => {
        if (variables === undefined) fail(at, l10n.t('"{0}" needs an environment: choose one (--env) whose variables define {1}.', `\${${name}}`, name));
        else if (!(name in variables)) fail(at, l10n.t('the variable {0} is not defined for this environment (pod.json environments.<env>.variables).', name));
        return variables![name];
      };
      const whole = WHOLE.exec(v);
      if (whole) return lookup(whole[1]);
      return v.replace(PLACEHOLDER, (_m, name: string) => String(lookup(name)));
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...at, i]));
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...at, k])]));
    return v;
  };
  return walk(value, []);
}

/**
 * What to write on re-export: the pod's value, except where the existing file's text (with its placeholders)
 * still means the same as the pod's value there: that part keeps the file's text.
 */
export function preserveTemplate(template: Json | undefined, podValue: Json, variables: Record<string, Json> | undefined): Json {
  if (template === undefined) return podValue;
  if (sameWhenFilled(template, podValue, variables)) return template;
  if (Array.isArray(template) && Array.isArray(podValue) && template.length === podValue.length) {
    return podValue.map((v, i) => preserveTemplate(template[i], v, variables));
  }
  if (isObject(template) && isObject(podValue)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(podValue)) out[k] = preserveTemplate(template[k], v, variables);
    return out;
  }
  return podValue;
}

function sameWhenFilled(template: Json, podValue: Json, variables: Record<string, Json> | undefined): boolean {
  try {
    return canonical(fill(template, variables, () => { throw new Error('missing'); })) === canonical(podValue);
  } catch {
    return false; // a placeholder this environment cannot fill says nothing about the pod's value: the pod's wins
  }
}
