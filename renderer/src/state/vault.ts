/**
 * The vault's state as every view needs it (locked or not, how it can be unlocked), kept in step
 * by the `vault:changed` event. Holds no passphrase and no secret.
 */
import { createStatusStore } from './status-store';
import { api } from '../lib/api';

export const useVault = createStatusStore('vault:changed', () => api.vault.status({}));

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
