// activate() returns as soon as the services and the view exist; the rest of the registrations (commands, editors,
// providers, language-model tools) run in the turns of the event loop that follow, one group per turn, so the
// extension host, which every extension shares, is never held for the whole start-up at once. activate() returns
// the promise of those turns: VS Code counts the extension as active, and lets a command, tool, view or restored
// panel that activated it run, only once that promise has resolved, so nothing is ever asked for before it exists.
// Plain Node (no `vscode` import), so it is unit-tested.

export interface Disposable { dispose(): unknown }

/** The next turn of the event loop: I/O and other extensions' messages run before it. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs each step in its own turn, in order, keeping what it registered in `keep` (the extension's subscriptions)
 * as soon as it returns. A step that throws rejects the promise and the steps after it do not run.
 */
export async function inTurns(steps: ReadonlyArray<() => readonly Disposable[]>, keep: Disposable[], turn: () => Promise<void> = nextTurn): Promise<void> {
  for (const step of steps) {
    await turn();
    keep.push(...step());
  }
}
