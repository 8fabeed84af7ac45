// Temporary pod folders and small edits to their files, for the pod-as-code tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh folder named like a pod folder (`*.symphony-pod`), removed after the enclosing describe(). */
export function useFolders(): (name?: string) => string {
  const made: string[] = [];
  after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  return (name = 'dev') => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'podcode-')), `${name}.symphony-pod`);
    made.push(path.dirname(dir));
    return dir;
  };
}

export function readJson(folder: string, file: string): any {
  return JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
}

export function writeJson(folder: string, file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
  fs.writeFileSync(path.join(folder, file), `${JSON.stringify(value, null, 2)}\n`);
}

export function editJson(folder: string, file: string, edit: (value: any) => void): void {
  const value = readJson(folder, file);
  edit(value);
  writeJson(folder, file, value);
}

export function filesUnder(folder: string, dir: string): string[] {
  return fs.readdirSync(path.join(folder, dir)).sort();
}
