/**
 * The engine's token cache, sealed in the vault (`tokens.json`): tokens survive a restart and
 * the CLI reuses the app's tokens (and the other way round) instead of asking for new ones.
 * Generic over the token shape: the engine owns what a cached token holds.
 */
import type { Redactor } from '../engine/redact';
import type { TokenKey } from '../../../shared/domain/token';
import type { SealedStore } from './sealed-store';


export interface VaultTokenCache<T> {
  get(key: TokenKey): Promise<T | undefined>;
  set(key: TokenKey, token: T): Promise<void>;
  delete(key: TokenKey): Promise<void>;
  /** Forgets every token of a credential or an environment (after it changed or was deleted). */
  deleteWhere(match: Partial<TokenKey>): Promise<void>;
}

/** How files beside the cache (the shared guard) name an environment x credential too. */
export const idOf = (key: TokenKey) => `${encodeURIComponent(key.environmentId)}/${encodeURIComponent(key.credentialId)}`;

export function keyOf(id: string): TokenKey {
  const [environmentId = '', credentialId = ''] = id.split('/').map(decodeURIComponent);
  return { environmentId, credentialId };
}

/** Long strings inside a token (the token itself, a refresh token) are what logs must not show. */
const MIN_TOKEN_PART_LENGTH = 16;

function rememberParts(value: unknown, memory: Redactor): void {
  if (typeof value === 'string' && value.length >= MIN_TOKEN_PART_LENGTH) memory.add(value);
  else if (value && typeof value === 'object') Object.values(value).forEach((child) => rememberParts(child, memory));
}

export function createVaultTokenCache<T>(vault: { tokens: SealedStore; redactor: Redactor }): VaultTokenCache<T> {
  return {
    async get(key) {
      const text = vault.tokens.read(idOf(key), 'a cached token');
      if (text === undefined) return undefined;
      const token = JSON.parse(text) as T;
      rememberParts(token, vault.redactor);
      return token;
    },
    async set(key, token) {
      rememberParts(token, vault.redactor);
      await vault.tokens.write({ [idOf(key)]: JSON.stringify(token) });
    },
    async delete(key) {
      await vault.tokens.remove((id) => id === idOf(key));
    },
    async deleteWhere(match) {
      await vault.tokens.remove((id) => {
        const key = keyOf(id);
        return (match.environmentId === undefined || key.environmentId === match.environmentId) && (match.credentialId === undefined || key.credentialId === match.credentialId);
      });
    },
  };
}
