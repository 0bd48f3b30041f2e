/**
 * Handlers for the vault: status, set up, unlock, lock, change passphrase, settings. Every one
 * answers with the vault's status, which never holds a secret.
 */
import type { vaultChannels } from '../../../shared/ipc/domains/vault';
import type { Vault } from '../vault/vault';
import type { HandlersOf } from './handler-types';

export function vaultHandlers({ vault }: { vault: Vault }): HandlersOf<typeof vaultChannels> {
  return {
    'vault:status': async () => vault.status(),
    'vault:setup': (request) => vault.setup(request),
    'vault:unlock': (request) => vault.unlock(request),
    'vault:lock': async () => vault.lock(),
    'vault:change-passphrase': (request) => vault.changePassphrase(request),
    'vault:settings': (request) => vault.updateSettings(request),
  };
}
