// Remembers what this window read from or wrote to SecretStorage, so a request does not go to the keychain for its
// token every time: in VS Code a SecretStorage read is a round trip to the window (and, on the desktop, the OS
// keychain), about 10 ms in the offline VS Code, ahead of every request. Memory only, never written anywhere else;
// the keychain stays the only place a secret is kept. Another window that changes a secret (signs in, signs out)
// fires `onDidChange` in this one too, which forgets the remembered value, so the next read goes to the keychain.
// Plain Node (no `vscode` import): the unit tests drive it with a fake storage.

/** The part of VS Code's SecretStorage this needs. */
export interface SecretStorageLike {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
  onDidChange(listener: (e: { key: string }) => unknown): { dispose(): unknown };
}

export class SecretCache {
  /** Per key: the value as read or written (a read still on its way is shared by every caller). */
  private readonly known = new Map<string, Promise<string | undefined>>();
  private readonly listener: { dispose(): unknown };

  constructor(private readonly storage: SecretStorageLike) {
    this.listener = storage.onDidChange((e) => this.known.delete(e.key));
  }

  get(key: string): Promise<string | undefined> {
    const known = this.known.get(key);
    if (known) return known;
    const read = Promise.resolve(this.storage.get(key));
    this.known.set(key, read);
    // A failed read is not remembered: the next one asks the keychain again.
    read.catch(() => { if (this.known.get(key) === read) this.known.delete(key); });
    return read;
  }

  async store(key: string, value: string): Promise<void> {
    this.known.delete(key); // a read racing the write must not leave the old value behind
    await this.storage.store(key, value);
    this.known.set(key, Promise.resolve(value));
  }

  async delete(key: string): Promise<void> {
    this.known.delete(key);
    try {
      await this.storage.delete(key);
    } finally {
      this.known.delete(key);
    }
  }

  dispose(): void {
    this.listener.dispose();
    this.known.clear();
  }
}
