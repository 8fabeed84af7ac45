// The live quick pick behind Prompts.searchPick: it searches as the user types (debounced; a newer text aborts the
// older search, see SearchAsYouType), shows results as they arrive, and resolves with the picked item's value.
// Items are never filtered by VS Code: results match on fields the label does not show (email, fingerprint).
import * as vscode from 'vscode';
import { SearchAsYouType } from '../api';
import { PickItem, SearchPickOptions, UserCancelled } from './prompts';

export function showSearchPick<T>(options: SearchPickOptions<T>): Promise<T> {
  const quickPick = vscode.window.createQuickPick<PickItem<T | undefined>>();
  Object.assign(quickPick, { title: options.title, placeholder: options.placeHolder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
  const show = (items: PickItem<T | undefined>[]) => (quickPick.items = items.map((item) => ({ ...item, alwaysShow: true })));
  const searches = new SearchAsYouType(async (text, signal) => {
    quickPick.busy = true;
    try {
      await options.search(text, signal, (items) => signal.aborted || show(items));
    } finally {
      if (!signal.aborted) quickPick.busy = false;
    }
  });
  show(options.initial ?? []);
  return new Promise<T>((resolve, reject) => {
    const subscriptions = [
      quickPick.onDidChangeValue((text) => void searches.type(text)),
      quickPick.onDidAccept(() => {
        const value = quickPick.selectedItems[0]?.value;
        if (value === undefined) return; // a hint or a pod's error: nothing to open
        finish();
        resolve(value);
      }),
      quickPick.onDidHide(() => {
        finish();
        reject(new UserCancelled());
      }),
    ];
    const finish = () => {
      searches.cancel();
      subscriptions.forEach((s) => s.dispose());
      quickPick.dispose();
    };
    quickPick.show();
  });
}
