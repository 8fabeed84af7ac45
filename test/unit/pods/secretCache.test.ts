import * as assert from 'node:assert/strict';
import { SecretCache, SecretStorageLike } from '../../../src/pods/secretCache';

/** SecretStorage as VS Code keeps it for every window: reads counted, and changes told to every window's listener. */
function keychain() {
  const values = new Map<string, string>();
  const listeners = new Set<(e: { key: string }) => unknown>();
  let reads = 0;
  let failNextRead = false;
  const changed = (key: string) => { for (const l of listeners) l({ key }); };
  const storage: SecretStorageLike = {
    get: async (key) => {
      reads++;
      await new Promise((resolve) => setImmediate(resolve));
      if (failNextRead) { failNextRead = false; throw new Error('keychain locked'); }
      return values.get(key);
    },
    store: async (key, value) => { await new Promise((resolve) => setImmediate(resolve)); values.set(key, value); changed(key); },
    delete: async (key) => { await new Promise((resolve) => setImmediate(resolve)); values.delete(key); changed(key); },
    onDidChange: (listener) => { listeners.add(listener); return { dispose: () => listeners.delete(listener) }; },
  };
  return { storage, values, reads: () => reads, listeners: () => listeners.size, failNextRead: () => { failNextRead = true; }, otherWindowStores: (key: string, value: string) => { values.set(key, value); changed(key); } };
}

describe('SecretCache (the window remembers its secrets; the keychain keeps them)', () => {
  it('reads a secret from the keychain once, however many requests need it', async () => {
    const k = keychain();
    k.values.set('pod/session', 'token-1');
    const cache = new SecretCache(k.storage);
    const first = await Promise.all([cache.get('pod/session'), cache.get('pod/session')]); // one read, shared
    for (let i = 0; i < 20; i++) assert.equal(await cache.get('pod/session'), 'token-1');
    assert.deepEqual(first, ['token-1', 'token-1']);
    assert.equal(k.reads(), 1);
  });

  it('keeps what it wrote in the keychain, and forgets what it deleted there', async () => {
    const k = keychain();
    const cache = new SecretCache(k.storage);
    await cache.store('pod/session', 'token-2');
    assert.equal(k.values.get('pod/session'), 'token-2', 'written to the keychain');
    assert.equal(await cache.get('pod/session'), 'token-2');
    await cache.delete('pod/session');
    assert.equal(k.values.has('pod/session'), false);
    assert.equal(await cache.get('pod/session'), undefined);
  });

  it('reads again after another window signed in (SecretStorage.onDidChange), and after a failed read', async () => {
    const k = keychain();
    k.values.set('pod/session', 'old');
    const cache = new SecretCache(k.storage);
    assert.equal(await cache.get('pod/session'), 'old');
    k.otherWindowStores('pod/session', 'new');
    assert.equal(await cache.get('pod/session'), 'new');
    k.failNextRead();
    k.otherWindowStores('pod/session', 'newer');
    await assert.rejects(cache.get('pod/session'), /keychain locked/);
    assert.equal(await cache.get('pod/session'), 'newer');
  });

  it('never answers with a value older than a write that has finished', async () => {
    const k = keychain();
    k.values.set('pod/session', 'old');
    const cache = new SecretCache(k.storage);
    const racing = cache.get('pod/session'); // a read already on its way when the write starts
    await cache.store('pod/session', 'fresh');
    assert.equal(await racing, 'old'); // it was asked before the write
    assert.equal(await cache.get('pod/session'), 'fresh');
  });

  it('stops listening when disposed', async () => {
    const k = keychain();
    const cache = new SecretCache(k.storage);
    assert.equal(k.listeners(), 1);
    cache.dispose();
    assert.equal(k.listeners(), 0);
  });
});
