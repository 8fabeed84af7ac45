// Every secret of a pod (session token, groups bearer token, key passphrase) lives in VS Code's SecretStorage,
// which desktop VS Code keeps in the OS keychain, under the pod's id; this window remembers what it read or wrote
// (secretCache.ts), so requests do not wait for the keychain each time. Nothing here is ever logged.
import * as vscode from 'vscode';
import { TokenStore } from '../api';
import { SecretCache } from './secretCache';

export type SecretName = 'session' | 'bearer' | 'passphrase';
const secretNames: readonly SecretName[] = ['session', 'bearer', 'passphrase'];

export class PodSecrets implements vscode.Disposable {
  private readonly secrets: SecretCache;

  constructor(storage: vscode.SecretStorage) {
    this.secrets = new SecretCache(storage);
  }

  dispose(): void {
    this.secrets.dispose();
  }

  private key(podId: string, name: SecretName): string {
    return `symphonyPodAdmin/${podId}/${name}`;
  }

  get(podId: string, name: SecretName): Promise<string | undefined> {
    return this.secrets.get(this.key(podId, name));
  }

  store(podId: string, name: SecretName, value: string): Promise<void> {
    return this.secrets.store(this.key(podId, name), value);
  }

  delete(podId: string, name: SecretName): Promise<void> {
    return this.secrets.delete(this.key(podId, name));
  }

  /** Sign-out and pod removal: nothing of the pod is left in the keychain. */
  async forgetAll(podId: string): Promise<void> {
    await Promise.all(secretNames.map((name) => this.delete(podId, name)));
  }

  /** The API client's view of this pod's tokens. */
  tokenStore(podId: string): TokenStore {
    return {
      get: async (name) => this.get(podId, name),
      set: async (name, value) => this.store(podId, name, value),
      delete: async (name) => this.delete(podId, name),
    };
  }
}

const keyringWarningKey = 'symphonyPodAdmin.keyringWarningShown';

/**
 * Desktop VS Code on Linux needs a Secret Service (gnome-keyring, KWallet) to keep secrets across restarts.
 * Without a session bus there is none, and VS Code would silently keep tokens in memory only: say so, once.
 */
export async function warnIfNoKeyring(state: vscode.Memento): Promise<void> {
  const desktopLinux = process.platform === 'linux' && vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
  if (!desktopLinux || process.env.DBUS_SESSION_BUS_ADDRESS || state.get<boolean>(keyringWarningKey)) return;
  await state.update(keyringWarningKey, true);
  void vscode.window.showWarningMessage(
    vscode.l10n.t('Symphony Pod Admin: no OS keyring (Secret Service) was found, so your session tokens will not survive a restart. Install and unlock gnome-keyring or KWallet (package libsecret-1-0), or start VS Code with --password-store=gnome-libsecret.'),
  );
}
