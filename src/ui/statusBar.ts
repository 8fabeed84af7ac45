// The status bar: the current pod and the account signed in to it (a click switches pods), and for a production pod
// its lock: "Locked" (a click unlocks) or a countdown of the unlock (a click locks now). Production is drawn on the
// error background, UAT on the warning one. It shows from start-up (the extension activates on
// `onStartupFinished`) from what is stored: drawing it sends nothing to a pod.
import * as vscode from 'vscode';
import { environmentLabels, environmentOf } from '../pods/podProfile';
import { PodSessions } from '../pods/podSessions';
import { PodStore } from '../pods/podStore';
import { timeLeft } from '../pods/productionLock';

export class PodStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('symphonyPodAdmin.currentPod', vscode.StatusBarAlignment.Left, 50);
  private readonly lockItem = vscode.window.createStatusBarItem('symphonyPodAdmin.productionLock', vscode.StatusBarAlignment.Left, 49);
  private readonly subscriptions: vscode.Disposable[];
  private visible = false;
  private countdown: NodeJS.Timeout | undefined;

  constructor(private readonly store: PodStore, private readonly sessions: PodSessions) {
    this.item.name = vscode.l10n.t('Symphony Pod');
    this.item.command = 'symphonyPodAdmin.pods.switch';
    this.lockItem.name = vscode.l10n.t('Symphony Production Lock');
    this.subscriptions = [store.onDidChange(() => this.update()), sessions.onDidChange(() => this.update())];
    this.update();
  }

  /** What the items show now (tests read it). */
  get state(): { visible: boolean; text: string; lock?: string } {
    return { visible: this.visible, text: this.item.text, lock: this.lockItem.text || undefined };
  }

  dispose(): void {
    this.stopCountdown();
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
    this.lockItem.dispose();
  }

  private update(): void {
    const pod = this.store.currentId ? this.store.get(this.store.currentId) : undefined;
    this.visible = pod !== undefined;
    this.updateLock();
    if (!pod) return this.item.hide();
    const state = this.sessions.state(pod.id);
    const account = this.sessions.user(pod.id)?.username;
    const environment = environmentOf(pod);
    const tag = environment === 'development' ? '' : ` · ${environmentLabels[environment].toUpperCase()}`;
    this.item.text = `$(${state === 'signedIn' ? 'server-environment' : 'debug-disconnect'}) ${pod.label}${account ? ` · ${account}` : state === 'signedIn' ? '' : ` · ${vscode.l10n.t('signed out')}`}${tag}`;
    this.item.tooltip = vscode.l10n.t('Symphony pod {0} ({1}), {2}\nClick to switch pods.', pod.label, pod.podUrl, environmentLabels[environment]);
    this.item.backgroundColor = environment === 'production' ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : environment === 'uat' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** The lock item of the current pod when it is a production pod; a countdown ticks while it is unlocked. */
  private updateLock(): void {
    const pod = this.store.currentId ? this.store.get(this.store.currentId) : undefined;
    if (!pod || environmentOf(pod) !== 'production') {
      this.stopCountdown();
      this.lockItem.text = '';
      return this.lockItem.hide();
    }
    const unlock = this.sessions.lock.unlocked(pod.id);
    if (!unlock) {
      this.stopCountdown();
      this.lockItem.text = `$(lock) ${vscode.l10n.t('Locked')}`;
      this.lockItem.tooltip = vscode.l10n.t('{0} is a production pod: read-only in this window. Click to unlock it for changes (asks why and for how long).', pod.label);
      this.lockItem.command = { title: vscode.l10n.t('Unlock for Changes…'), command: 'symphonyPodAdmin.pods.unlock', arguments: [{ podId: pod.id }] };
      this.lockItem.backgroundColor = undefined;
    } else {
      this.lockItem.text = `$(unlock) ${vscode.l10n.t('Unlocked {0}', timeLeft(unlock.until))}`;
      this.lockItem.tooltip = vscode.l10n.t('{0} is unlocked for changes: {1}\nClick to lock it now.', pod.label, unlock.reason);
      this.lockItem.command = { title: vscode.l10n.t('Lock Now'), command: 'symphonyPodAdmin.pods.lock', arguments: [{ podId: pod.id }] };
      this.lockItem.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      this.countdown ??= setInterval(() => this.updateLock(), 1000);
    }
    this.lockItem.show();
  }

  private stopCountdown(): void {
    if (this.countdown) clearInterval(this.countdown);
    this.countdown = undefined;
  }
}
