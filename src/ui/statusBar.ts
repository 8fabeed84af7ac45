// The status bar item: the current pod and the account signed in to it; a click switches pods.
import * as vscode from 'vscode';
import { PodSessions } from '../pods/podSessions';
import { PodStore } from '../pods/podStore';

export function createPodStatusBar(store: PodStore, sessions: PodSessions): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('symphonyPodAdmin.currentPod', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Symphony Pod';
  item.command = 'symphonyPodAdmin.pods.switch';
  const update = () => {
    const pod = store.currentId ? store.get(store.currentId) : undefined;
    if (!pod) return item.hide();
    const state = sessions.state(pod.id);
    const account = sessions.user(pod.id)?.username;
    item.text = `$(${state === 'signedIn' ? 'server-environment' : 'debug-disconnect'}) ${pod.label}${account ? ` · ${account}` : state === 'signedIn' ? '' : ' · signed out'}`;
    item.tooltip = `Symphony pod ${pod.label} (${pod.podUrl})\nClick to switch pods.`;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, store.onDidChange(update), sessions.onDidChange(update));
}
