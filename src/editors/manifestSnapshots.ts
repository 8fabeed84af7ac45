// Read-only manifest texts for diffs ("the pod's version" ↔ "yours"): a TextDocumentContentProvider on its own
// scheme, so neither side can be edited or saved by mistake. Each snapshot gets a fresh URI; they live until the
// diff that shows them is closed.
import * as vscode from 'vscode';

export const SNAPSHOT_SCHEME = 'symphony-pod-snapshot';

class ManifestSnapshots implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** A read-only document showing `text`, named `<label>/<fileName>` in the editor title. */
  add(label: string, fileName: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SNAPSHOT_SCHEME, path: `/${label}/${fileName}`, query: `v=${++this.next}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  forget(...uris: vscode.Uri[]): void {
    for (const uri of uris) this.texts.delete(uri.toString());
  }
}

const snapshots = new ManifestSnapshots();

export function registerManifestSnapshots(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SNAPSHOT_SCHEME, snapshots);
}

/** An open diff of two manifest texts; `close` closes its tab and drops the texts. */
export interface ManifestDiff {
  close(): Promise<void>;
}

/** Shows `left` ↔ `right` in a diff editor, both sides read-only. */
export async function showManifestDiff(
  left: { label: string; text: string },
  right: { label: string; text: string },
  fileName: string,
  title: string,
): Promise<ManifestDiff> {
  const leftUri = snapshots.add(left.label, fileName, left.text);
  const rightUri = snapshots.add(right.label, fileName, right.text);
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, title, { preview: false });
  return {
    async close() {
      const tabs = vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === rightUri.toString());
      if (tabs.length) await vscode.window.tabGroups.close(tabs);
      snapshots.forget(leftUri, rightUri);
    },
  };
}
