// Which company certificates are the pod's own (`podmanaged/list`), per pod, as last read by the expiry check or by
// a delete. The tree marks them from here without a request of its own, so expanding Certificates stays one
// request; a delete never trusts this alone (see certCommands: it asks the pod unless every chosen certificate is
// already known to be pod-managed).
import * as vscode from 'vscode';
import { CompanyCertInfoItem } from '../api';

export class PodManagedCertificates implements vscode.Disposable {
  private readonly byPod = new Map<string, ReadonlySet<string>>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the pod id when that pod's set changed. */
  readonly onDidChange = this.changed.event;

  remember(podId: string, managed: readonly CompanyCertInfoItem[]): void {
    const next = new Set(managed.map((c) => c.companyCertInfo?.fingerPrint).filter((fp): fp is string => !!fp));
    const previous = this.byPod.get(podId);
    this.byPod.set(podId, next);
    if (!previous || previous.size !== next.size || [...next].some((fp) => !previous.has(fp))) this.changed.fire(podId);
  }

  has(podId: string, fingerPrint: string): boolean {
    return this.byPod.get(podId)?.has(fingerPrint) ?? false;
  }

  forget(podId: string): void {
    if (this.byPod.delete(podId)) this.changed.fire(podId);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The one set the tree, the expiry check and the certificate commands share (created with the extension's module). */
export const knownPodManaged = new PodManagedCertificates();
