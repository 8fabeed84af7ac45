// The activity log on disk: append-only JSON lines in a folder it is given (the extension's global storage; an
// environment variable for the CLI). Appends are queued one at a time and each line is one appendFile call, so the
// windows and the CLI that append at once interleave whole lines. At `maxBytes` the file is renamed aside and a new
// one begun; only the newest `keepFiles` rotated files are kept. The reader skips a torn or foreign line. A failing
// disk never fails the caller: append() always resolves, and tells `onError`. Plain Node.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { ActivityEntry } from './activityEntry';

export interface ActivityLogOptions {
  /** Rotate once the current file would grow past this (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (default 4). */
  keepFiles?: number;
  onError?: (error: unknown) => void;
}

export const CURRENT_FILE = 'activity.jsonl';
const ROTATED = /^activity-(\d+)-[\w-]+\.jsonl$/;

export class ActivityLog {
  private queue: Promise<void> = Promise.resolve();
  private readonly maxBytes: number;
  private readonly keepFiles: number;

  constructor(readonly dir: string, private readonly options: ActivityLogOptions = {}) {
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keepFiles = options.keepFiles ?? 4;
  }

  /** Queues the entry; resolves once it is written, or once writing it failed (told to onError). Never rejects. */
  append(entry: ActivityEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    this.queue = this.queue.then(() => this.write(line)).catch((error: unknown) => {
      try { this.options.onError?.(error); } catch { /* the log must never break a change */ }
    });
    return this.queue;
  }

  /** Resolves once every entry queued so far is written (or failed, told to onError): the CLI waits before it exits. */
  async flush(): Promise<void> {
    await this.queue;
  }

  /** Every readable entry, newest first (current file and rotated files). */
  async read(): Promise<ActivityEntry[]> {
    await this.queue;
    const files = await this.files();
    const entries: ActivityEntry[] = [];
    for (const file of files) {
      const text = await fs.readFile(path.join(this.dir, file), 'utf8').catch(() => '');
      for (const line of text.split('\n')) {
        const entry = parseLine(line);
        if (entry) entries.push(entry);
      }
    }
    return entries.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
  }

  private async write(line: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const current = path.join(this.dir, CURRENT_FILE);
    const size = await fs.stat(current).then((s) => s.size, () => 0);
    if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) await this.rotate(current);
    await fs.appendFile(current, line, { encoding: 'utf8', mode: 0o600 });
  }

  private async rotate(current: string): Promise<void> {
    // Another window may have rotated first: then there is nothing to rename, and that is fine.
    await fs.rename(current, path.join(this.dir, `activity-${Date.now()}-${randomUUID().slice(0, 8)}.jsonl`)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    const rotated = (await fs.readdir(this.dir)).filter((f) => ROTATED.test(f)).sort();
    for (const old of rotated.slice(0, Math.max(0, rotated.length - this.keepFiles))) await fs.rm(path.join(this.dir, old), { force: true });
  }

  private async files(): Promise<string[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    return names.filter((f) => f === CURRENT_FILE || ROTATED.test(f));
  }
}

function parseLine(line: string): ActivityEntry | undefined {
  if (!line.trim()) return undefined;
  try {
    const value = JSON.parse(line) as ActivityEntry;
    return value && typeof value.id === 'string' && typeof value.time === 'string' && value.pod && value.request ? value : undefined;
  } catch {
    return undefined;
  }
}
