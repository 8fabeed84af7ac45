// Where the client keeps its session token and Profile Manager bearer. The extension passes a store backed by
// VS Code SecretStorage; plain Node uses the in-memory one.

export type TokenName = 'session' | 'bearer';

export interface TokenStore {
  get(name: TokenName): Promise<string | undefined>;
  set(name: TokenName, value: string): Promise<void>;
  delete(name: TokenName): Promise<void>;
}

/** Returns a fresh session token (RSA or certificate login, or the pasted-token prompt). */
export type Authenticate = () => Promise<string>;

export function memoryTokenStore(): TokenStore {
  const values = new Map<TokenName, string>();
  return {
    async get(name) { return values.get(name); },
    async set(name, value) { values.set(name, value); },
    async delete(name) { values.delete(name); },
  };
}
