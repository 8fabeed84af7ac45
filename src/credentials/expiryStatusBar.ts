// The expiry warning in the status bar: how many credentials expire within the warning window (warning colour)
// or have expired (error colour), hidden when there are none. Checks run when a pod signs in and then every
// `symphonyPodAdmin.expiry.checkIntervalHours` (0 = only at sign-in); a click opens the expiry report. It shows from
// start-up (the extension activates on `onStartupFinished`); its checks never prompt for a pasted token.
import * as vscode from 'vscode';
import { PodSessions } from '../pods/podSessions';
import { LazyStatusBarItem } from '../ui/statusBar';
import { ExpiryRadar, ExpiryReport } from './expiryRadar';

export const showExpiryReportCommand = 'symphonyPodAdmin.credentials.showExpiryReport';
const hourMs = 60 * 60 * 1000;

export function checkIntervalHours(): number {
  return vscode.workspace.getConfiguration('symphonyPodAdmin').get<number>('expiry.checkIntervalHours', 6);
}

export class ExpiryStatusBar implements vscode.Disposable {
  private readonly warning = new LazyStatusBarItem('symphonyPodAdmin.expiry', 49, (item) => {
    item.name = vscode.l10n.t('Symphony credential expiry');
    item.command = showExpiryReportCommand;
  });
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly signedIn = new Set<string>();
  private visible = false;

  constructor(private readonly radar: ExpiryRadar, private readonly sessions: PodSessions, private readonly onError: (message: string) => void) {
    this.subscriptions.push(
      radar.onDidChange((report) => this.show(report)),
      sessions.onDidChange((podId) => podId && this.sessionChanged(podId)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('symphonyPodAdmin.expiry.checkIntervalHours')) this.schedule();
        if (e.affectsConfiguration('symphonyPodAdmin.certificates.expiryWarningDays')) radar.recompute();
      }),
    );
    this.schedule();
  }

  /** What the item shows now (tests read it). */
  get state(): { visible: boolean; text: string; tooltip: string; background: string | undefined } {
    const item = this.warning.shown;
    const background = item?.backgroundColor instanceof vscode.ThemeColor ? (item.backgroundColor as unknown as { id: string }).id : undefined;
    return { visible: this.visible, text: item?.text ?? '', tooltip: String(item?.tooltip ?? ''), background };
  }

  /** Checks the pods already signed in at start-up. */
  start(podIds: string[]): void {
    podIds.forEach((id) => this.signedIn.add(id));
    if (podIds.length) this.runCheck();
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.warning.dispose();
  }

  private sessionChanged(podId: string): void {
    const now = this.sessions.state(podId) === 'signedIn';
    const was = this.signedIn.has(podId);
    if (now && !was) {
      this.signedIn.add(podId);
      this.runCheck([podId]);
    } else if (!now && was) {
      this.signedIn.delete(podId);
      this.radar.forget(podId);
      this.radar.recompute();
    }
  }

  /** Nobody asked for these checks (start-up, timer, sign-in): an expired pasted token waits for "Sign In" instead of prompting. */
  private runCheck(refresh?: string[]): void {
    this.sessions.unattendedWork(() => this.radar.check({ refresh })).catch((error: unknown) => this.onError(String(error)));
  }

  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const hours = checkIntervalHours();
    if (hours > 0) this.timer = setInterval(() => this.runCheck(), hours * hourMs);
  }

  private show(report: ExpiryReport): void {
    const expired = report.items.filter((i) => i.state === 'expired').length;
    const expiring = report.items.length - expired;
    if (report.items.length === 0) {
      this.visible = false;
      this.warning.hide();
      return;
    }
    const item = this.warning.item;
    item.text = `$(${expired ? 'error' : 'warning'}) ${vscode.l10n.t('{0} expiring', report.items.length)}`;
    item.backgroundColor = new vscode.ThemeColor(expired ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    item.tooltip = [
      expired ? vscode.l10n.t('{0} expired', expired) : '', expiring ? vscode.l10n.t('{0} expire within {1} days', expiring, report.warningDays) : '',
      vscode.l10n.t('company certificates and rotated app keys, all signed-in pods'), vscode.l10n.t('Click to open the expiry report.'),
    ].filter(Boolean).join('\n');
    item.accessibilityInformation = { label: vscode.l10n.t('{0} Symphony credentials expiring or expired; open the expiry report', report.items.length) };
    this.visible = true;
    item.show();
  }
}
