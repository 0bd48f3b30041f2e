/**
 * DPoP proof keys, sealed in the vault beside the tokens bound to them (`tokens.json`, under the
 * token's id + "/dpop-key"): they survive restarts, the CLI signs with the app's key, and
 * forgetting a credential's tokens after it changed (deleteWhere) forgets its key too.
 */
import type { TokenKey } from '../../../shared/domain/token';
import type { Redactor } from '../engine/redact';
import type { SealedStore } from './sealed-store';
import { idOf } from './token-cache';

export interface VaultProofKeys {
  get(key: TokenKey): Promise<string | undefined>;
  set(key: TokenKey, stored: string): Promise<void>;
}

const proofKeyId = (key: TokenKey) => `${idOf(key)}/dpop-key`;

export function createVaultProofKeys(vault: { tokens: SealedStore; redactor: Redactor }): VaultProofKeys {
  return {
    async get(key) {
      const text = vault.tokens.read(proofKeyId(key), 'a DPoP key');
      if (text !== undefined) vault.redactor.add(text);
      return text;
    },
    async set(key, stored) {
      vault.redactor.add(stored);
      await vault.tokens.write({ [proofKeyId(key)]: stored });
    },
  };
}
