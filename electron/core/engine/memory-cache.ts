// An in-memory TokenCache: for tests and the CLI's --no-store mode. The vault is the persistent one.
import type { CachedToken, TokenCache, TokenKey } from './types';

export const tokenKeyString = (key: TokenKey): string => `${key.environmentId}\u0000${key.credentialId}`;

export class MemoryTokenCache implements TokenCache {
  private readonly tokens = new Map<string, CachedToken>();

  async get(key: TokenKey): Promise<CachedToken | undefined> {
    const token = this.tokens.get(tokenKeyString(key));
    return token ? { ...token, extras: { ...token.extras } } : undefined;
  }

  async set(key: TokenKey, token: CachedToken): Promise<void> {
    this.tokens.set(tokenKeyString(key), { ...token, extras: { ...token.extras } });
  }

  async delete(key: TokenKey): Promise<void> {
    this.tokens.delete(tokenKeyString(key));
  }

  get size(): number {
    return this.tokens.size;
  }
}
