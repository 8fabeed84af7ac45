// The certificate type and status pickers, with what each value means: shared by Add Certificate (a lazily loaded
// part) and Update / Change Status.
import { CompanyCertStatusName, CompanyCertTypeName } from '../api';
import { PickItem } from '../ui/prompts';
import { CommandContext, prompts } from './commandContext';

const types: CompanyCertTypeName[] = ['USER', 'USERSIGNING', 'OPERATIONSUSER', 'OPERATIONSSIGNING'];
const typeHelp: Record<CompanyCertTypeName, string> = {
  USER: 'authenticates a user or service account',
  USERSIGNING: 'a CA that signs user certificates',
  OPERATIONSUSER: 'authenticates an operations account',
  OPERATIONSSIGNING: 'a CA that signs operations certificates',
};
const statuses: CompanyCertStatusName[] = ['TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'];
export const statusHelp: Record<CompanyCertStatusName, string> = {
  TRUSTED: 'accounts can authenticate with it',
  KNOWN: 'known to the pod, not trusted for authentication',
  REVOKED: 'revoked: not accepted for authentication',
  DISABLED: 'disabled: not accepted for authentication',
};

export function pickType(context: CommandContext, current: CompanyCertTypeName | undefined): Promise<CompanyCertTypeName> {
  const items = types.map((t) => ({ label: t, description: `${typeHelp[t]}${t === current ? ' · current' : ''}`, value: t }));
  return prompts(context).pick(moveFirst(items, current), { title: 'Certificate type' });
}

export function pickStatus(context: CommandContext, current: CompanyCertStatusName | undefined, title = 'Certificate status'): Promise<CompanyCertStatusName> {
  const items = statuses.map((s) => ({ label: s, description: [statusHelp[s], s === current ? 'current' : undefined].filter(Boolean).join(' · '), value: s }));
  return prompts(context).pick(moveFirst(items, current), { title });
}

function moveFirst<T>(items: PickItem<T>[], value: T | undefined): PickItem<T>[] {
  return [...items.filter((i) => i.value === value), ...items.filter((i) => i.value !== value)];
}
