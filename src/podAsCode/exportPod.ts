// export: writes a pod's resources into a folder, new or already there. A file whose resource did not change on the
// pod is left byte for byte; a changed one is rewritten keeping the placeholders that still say what the pod
// holds; files of resources gone from the pod are removed; ignored resources and files are never touched.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { PodClient } from '../api';
import { l10n } from '../text/l10n';
import { mapConcurrently } from './concurrency';
import { FILE_CONCURRENCY, readFolderState } from './desiredState';
import { canonical, stableJson, writeIfChanged } from './folderFiles';
import { KIND_NAMES } from './kinds/registry';
import { POD_FILE, PodFolderConfig, preserveTemplate, readPodConfig, writePodConfig } from './podFolder';
import { EngineHost, silentHost } from './plan';
import { PodFolderError } from './folderFiles';

export interface ExportOptions { environment?: string; host?: EngineHost }

export interface ExportResult {
  folder: string;
  podUrl: string;
  /** Per kind: how many resources the folder now describes. */
  counts: Record<string, number>;
  written: string[];
  removed: string[];
  unchanged: number;
}

export async function exportPod(client: PodClient, folder: string, options: ExportOptions = {}): Promise<ExportResult> {
  const host = options.host ?? silentHost;
  const onDisk = await readPodConfig(folder, KIND_NAMES);
  if (onDisk && Object.keys(onDisk.environments).length && options.environment === undefined) {
    throw new PodFolderError(POD_FILE, undefined, 'environments',
      l10n.t('the folder has environments ({0}): say which one this pod is (--env), so that their values stay placeholders.', Object.keys(onDisk.environments).join(', ')));
  }
  const config: PodFolderConfig = onDisk ?? { manages: [...KIND_NAMES], ignore: {}, environments: {} };
  if (!onDisk) await writePodConfig(folder, config);
  const state = await readFolderState(folder, options.environment);
  const result: ExportResult = { folder, podUrl: client.podUrl, counts: {}, written: [], removed: [], unchanged: 0 };
  for (const { kind } of state.kinds) result.counts[kind.name] = 0;
  host.progress(l10n.t('Reading {0} from {1}…', state.kinds.map((k) => k.kind.name).join(', '), client.podUrl));
  // Each kind writes its files as soon as its own listing is done, while the slower kinds are still being read.
  await Promise.all(state.kinds.map(async ({ kind, resources }) => {
    const onPod = (await kind.list(client, host.progress)).filter((r) => !r.tombstone && !r.unmanageable);
    const ignored = new Set(config.ignore[kind.name] ?? []);
    const inFolder = new Map(resources.map((r) => [r.id, r]));
    const taken = new Set(resources.map((r) => r.source.file));
    const toWrite: Array<{ file: string; text: string }> = [];
    for (const resource of onPod) {
      if (ignored.has(resource.id)) continue;
      const existing = inFolder.get(resource.id);
      inFolder.delete(resource.id);
      if (existing && canonical(existing.value) === canonical(resource.value)) {
        result.unchanged++;
        continue;
      }
      for (const out of kind.toFiles(resource, taken)) {
        const file = existing?.source.file ?? out.file;
        taken.add(file);
        toWrite.push({ file, text: stableJson(preserveTemplate(existing?.source.value, out.value, state.variables), kind.keyOrder) });
      }
    }
    const written = await mapConcurrently(toWrite, FILE_CONCURRENCY, ({ file, text }) => writeIfChanged(folder, file, text));
    toWrite.forEach(({ file }, i) => (written[i] ? result.written.push(file) : result.unchanged++));
    for (const gone of inFolder.values()) {
      if (ignored.has(gone.id)) continue;
      await fs.rm(path.join(folder, gone.source.file));
      result.removed.push(gone.source.file);
    }
    result.counts[kind.name] = onPod.filter((r) => !ignored.has(r.id)).length;
  }));
  return result;
}
