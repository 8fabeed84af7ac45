// The kinds a pod folder can manage, in one list. A new kind is one file in this folder and one entry here; the engine, the CLI, the VS Code part and pod.json's `manages` take it from this list.
import { appsKind } from './apps';
import { certificatesKind } from './certificates';
import { groupsKind } from './groups';
import { ResourceKind } from './kind';
import { serviceAccountsKind } from './serviceAccounts';

export const RESOURCE_KINDS: readonly ResourceKind[] = [certificatesKind, appsKind, groupsKind, serviceAccountsKind];

export const KIND_NAMES = RESOURCE_KINDS.map((k) => k.name);

export function kindNamed(name: string): ResourceKind {
  const kind = RESOURCE_KINDS.find((k) => k.name === name);
  if (!kind) throw new Error(`Unknown resource kind ${name}`);
  return kind;
}
