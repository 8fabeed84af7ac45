// The certificate type and status pickers, with what each value means: shared by Add Certificate (a lazily loaded
// part) and Update / Change Status.
import * as vscode from 'vscode';
import { CompanyCertStatusName, CompanyCertTypeName } from '../api';
import { PickItem } from '../ui/prompts';
import { CommandContext, prompts } from './commandContext';

const types: CompanyCertTypeName[] = ['USER', 'USERSIGNING', 'OPERATIONSUSER', 'OPERATIONSSIGNING'];
/** What a certificate type means (the type itself is the pod's code, shown as it is). */
function typeHelp(type: CompanyCertTypeName): string {
  switch (type) {
    case 'USER': return vscode.l10n.t('authenticates a user or service account');
    case 'USERSIGNING': return vscode.l10n.t('a CA that signs user certificates');
    case 'OPERATIONSUSER': return vscode.l10n.t('authenticates an operations account');
    case 'OPERATIONSSIGNING': return vscode.l10n.t('a CA that signs operations certificates');
  }
}
const statuses: CompanyCertStatusName[] = ['TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'];
/** What a certificate status means (the status itself is the pod's code, shown as it is). */
export function statusHelp(status: CompanyCertStatusName): string {
  switch (status) {
    case 'TRUSTED': return vscode.l10n.t('accounts can authenticate with it');
    case 'KNOWN': return vscode.l10n.t('known to the pod, not trusted for authentication');
    case 'REVOKED': return vscode.l10n.t('revoked: not accepted for authentication');
    case 'DISABLED': return vscode.l10n.t('disabled: not accepted for authentication');
  }
}

/** A picker item's description: what the value means, and "current" for the one the certificate has. */
const describe = (help: string, current: boolean) => [help, current ? vscode.l10n.t('current') : undefined].filter(Boolean).join(' · ');

export function pickType(context: CommandContext, current: CompanyCertTypeName | undefined): Promise<CompanyCertTypeName> {
  const items = types.map((t) => ({ label: t, description: describe(typeHelp(t), t === current), value: t }));
  return prompts(context).pick(moveFirst(items, current), { title: vscode.l10n.t('Certificate type') });
}

export function pickStatus(context: CommandContext, current: CompanyCertStatusName | undefined, title = vscode.l10n.t('Certificate status')): Promise<CompanyCertStatusName> {
  const items = statuses.map((s) => ({ label: s, description: describe(statusHelp(s), s === current), value: s }));
  return prompts(context).pick(moveFirst(items, current), { title });
}

function moveFirst<T>(items: PickItem<T>[], value: T | undefined): PickItem<T>[] {
  return [...items.filter((i) => i.value === value), ...items.filter((i) => i.value !== value)];
}
