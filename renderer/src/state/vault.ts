/**
 * The vault's state as every view needs it (locked or not, how it can be unlocked), kept in step
 * by the `vault:changed` event. Holds no passphrase and no secret.
 */
import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/errors';
import type { VaultStatus } from '../../../shared/ipc/domains/vault';
import { api } from '../lib/api';

interface VaultState {
  status: VaultStatus | null;
  error: ErrorInfo | null;
  load(): Promise<void>;
  receive(status: VaultStatus): void;
}

export const useVault = create<VaultState>((set) => {
  let listening = false;

  return {
    status: null,
    error: null,
    async load() {
      // Subscribed on first load rather than at import, so importing `useSecretsUnavailable` has no side effect.
      if (!listening) {
        listening = true;
        api.on('vault:changed', (status) => set({ status }));
      }
      const result = await api.vault.status({});
      set(result.ok ? { status: result.value, error: null } : { error: result.error });
    },
    receive: (status) => set({ status }),
  };
});

/**
 * Why secret-dependent actions (token fetches, revealing or saving secrets) cannot run now, in
 * the user's words; null when the vault is unlocked.
 */
export function useSecretsUnavailable(): string | null {
  const state = useVault((s) => s.status?.state ?? null);
  switch (state) {
    case 'unlocked':
      return null;
    case 'locked':
      return 'The vault is locked: unlock it (at the top of the window) to use secrets and get tokens.';
    case 'not-set-up':
      return 'Secrets are kept in the vault, which is not set up yet: set it up at the top of the window.';
    case 'damaged':
      return 'The vault cannot be opened (see the message at the top of the window), so secrets are unavailable.';
    default:
      return 'Checking the vault…';
  }
}
