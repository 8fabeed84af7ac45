// The status bar: the current pod and the account signed in to it (a click switches pods), and for a production pod
// its lock: "Locked" (a click unlocks) or a countdown of the unlock (a click locks now). Production is drawn on the
// error background, UAT on the warning one. It shows from start-up (the extension activates on
// `onStartupFinished`) from what is stored: drawing it sends nothing to a pod.
import * as vscode from 'vscode';
import { environmentLabels, environmentOf } from '../pods/podProfile';
import { PodSessions } from '../pods/podSessions';
import { PodStore } from '../pods/podStore';
import { timeLeft } from '../pods/productionLock';

/**
 * A status-bar item made the first time something is shown in it: one that stays hidden (no pod yet, no production
 * pod, nothing expiring) costs start-up nothing.
 */
export class LazyStatusBarItem implements vscode.Disposable {
  private made: vscode.StatusBarItem | undefined;

  constructor(private readonly id: string, private readonly priority: number, private readonly setUp: (item: vscode.StatusBarItem) => void) {}

  /** The item, made now if it was not yet: for setting what it shows. */
  get item(): vscode.StatusBarItem {
    if (!this.made) {
      this.made = vscode.window.createStatusBarItem(this.id, vscode.StatusBarAlignment.Left, this.priority);
      this.setUp(this.made);
    }
    return this.made;
  }

  /** The item if it was ever shown: for reading what it shows without making it. */
  get shown(): vscode.StatusBarItem | undefined {
    return this.made;
  }

  hide(): void {
    this.made?.hide();
  }

  dispose(): void {
    this.made?.dispose();
  }
}

export class PodStatusBar implements vscode.Disposable {
  private readonly pod = new LazyStatusBarItem('symphonyPodAdmin.currentPod', 50, (item) => {
    item.name = vscode.l10n.t('Symphony Pod');
    item.command = 'symphonyPodAdmin.pods.switch';
  });
  private readonly lock = new LazyStatusBarItem('symphonyPodAdmin.productionLock', 49, (item) => (item.name = vscode.l10n.t('Symphony Production Lock')));
  private readonly subscriptions: vscode.Disposable[];
  private visible = false;
  private countdown: NodeJS.Timeout | undefined;

  constructor(private readonly store: PodStore, private readonly sessions: PodSessions) {
    this.subscriptions = [store.onDidChange(() => this.update()), sessions.onDidChange(() => this.update())];
    this.update();
  }

  /** What the items show now (tests read it). */
  get state(): { visible: boolean; text: string; lock?: string } {
    return { visible: this.visible, text: this.pod.shown?.text ?? '', lock: this.lock.shown?.text || undefined };
  }

  dispose(): void {
    this.stopCountdown();
    this.subscriptions.forEach((s) => s.dispose());
    this.pod.dispose();
    this.lock.dispose();
  }

  private update(): void {
    const pod = this.store.currentId ? this.store.get(this.store.currentId) : undefined;
    this.visible = pod !== undefined;
    this.updateLock();
    if (!pod) return this.pod.hide();
    const item = this.pod.item;
    const state = this.sessions.state(pod.id);
    const account = this.sessions.user(pod.id)?.username;
    const environment = environmentOf(pod);
    const tag = environment === 'development' ? '' : ` · ${environmentLabels[environment].toUpperCase()}`;
    item.text = `$(${state === 'signedIn' ? 'server-environment' : 'debug-disconnect'}) ${pod.label}${account ? ` · ${account}` : state === 'signedIn' ? '' : ` · ${vscode.l10n.t('signed out')}`}${tag}`;
    item.tooltip = vscode.l10n.t('Symphony pod {0} ({1}), {2}\nClick to switch pods.', pod.label, pod.podUrl, environmentLabels[environment]);
    item.backgroundColor = environment === 'production' ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : environment === 'uat' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  }

  /** The lock item of the current pod when it is a production pod; a countdown ticks while it is unlocked. */
  private updateLock(): void {
    const pod = this.store.currentId ? this.store.get(this.store.currentId) : undefined;
    if (!pod || environmentOf(pod) !== 'production') {
      this.stopCountdown();
      if (this.lock.shown) this.lock.shown.text = '';
      return this.lock.hide();
    }
    const item = this.lock.item;
    const unlock = this.sessions.lock.unlocked(pod.id);
    if (!unlock) {
      this.stopCountdown();
      item.text = `$(lock) ${vscode.l10n.t('Locked')}`;
      item.tooltip = vscode.l10n.t('{0} is a production pod: read-only in this window. Click to unlock it for changes (asks why and for how long).', pod.label);
      item.command = { title: vscode.l10n.t('Unlock for Changes…'), command: 'symphonyPodAdmin.pods.unlock', arguments: [{ podId: pod.id }] };
      item.backgroundColor = undefined;
    } else {
      item.text = `$(unlock) ${vscode.l10n.t('Unlocked {0}', timeLeft(unlock.until))}`;
      item.tooltip = vscode.l10n.t('{0} is unlocked for changes: {1}\nClick to lock it now.', pod.label, unlock.reason);
      item.command = { title: vscode.l10n.t('Lock Now'), command: 'symphonyPodAdmin.pods.lock', arguments: [{ podId: pod.id }] };
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      this.countdown ??= setInterval(() => this.updateLock(), 1000);
    }
    item.show();
  }

  private stopCountdown(): void {
    if (this.countdown) clearInterval(this.countdown);
    this.countdown = undefined;
  }
}
