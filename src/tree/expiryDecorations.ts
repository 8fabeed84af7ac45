// Marks expiring and expired credentials in the tree: a warning or error colour and a badge on the label,
// driven by `symphonyPodAdmin.certificates.expiryWarningDays`.
import * as vscode from 'vscode';

export type ExpiryState = 'ok' | 'expiring' | 'expired' | 'unknown';
const scheme = 'symphony-pod-expiry';
const dayMs = 24 * 60 * 60 * 1000;

export function expiryWarningDays(): number {
  return vscode.workspace.getConfiguration('symphonyPodAdmin').get<number>('certificates.expiryWarningDays', 30);
}

export function expiryState(expiryDate: number | undefined, now = Date.now()): ExpiryState {
  if (!expiryDate) return 'unknown';
  if (expiryDate <= now) return 'expired';
  return expiryDate - now <= expiryWarningDays() * dayMs ? 'expiring' : 'ok';
}

export function expiryUri(kind: string, id: string, state: ExpiryState): vscode.Uri {
  return vscode.Uri.from({ scheme, path: `/${kind}/${encodeURIComponent(id)}`, query: state });
}

export class ExpiryDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== scheme) return undefined;
    if (uri.query === 'expired') return new vscode.FileDecoration('✕', vscode.l10n.t('Expired'), new vscode.ThemeColor('list.errorForeground'));
    if (uri.query === 'expiring') return new vscode.FileDecoration('!', vscode.l10n.t('Expires within {0} days', expiryWarningDays()), new vscode.ThemeColor('list.warningForeground'));
    return undefined;
  }
}
