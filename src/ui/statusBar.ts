// The status bar item: the current pod and the account signed in to it; a click switches pods. It shows from
// start-up (the extension activates on `onStartupFinished`) from what is stored: drawing it sends nothing to a pod.
import * as vscode from 'vscode';
import { PodSessions } from '../pods/podSessions';
import { PodStore } from '../pods/podStore';

export class PodStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('symphonyPodAdmin.currentPod', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  private visible = false;

  constructor(private readonly store: PodStore, private readonly sessions: PodSessions) {
    this.item.name = 'Symphony Pod';
    this.item.command = 'symphonyPodAdmin.pods.switch';
    this.subscriptions = [store.onDidChange(() => this.update()), sessions.onDidChange(() => this.update())];
    this.update();
  }

  /** What the item shows now (tests read it). */
  get state(): { visible: boolean; text: string } {
    return { visible: this.visible, text: this.item.text };
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }

  private update(): void {
    const pod = this.store.currentId ? this.store.get(this.store.currentId) : undefined;
    this.visible = pod !== undefined;
    if (!pod) return this.item.hide();
    const state = this.sessions.state(pod.id);
    const account = this.sessions.user(pod.id)?.username;
    this.item.text = `$(${state === 'signedIn' ? 'server-environment' : 'debug-disconnect'}) ${pod.label}${account ? ` · ${account}` : state === 'signedIn' ? '' : ' · signed out'}`;
    this.item.tooltip = `Symphony pod ${pod.label} (${pod.podUrl})\nClick to switch pods.`;
    this.item.show();
  }
}
