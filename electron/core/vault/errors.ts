/**
 * The vault's failures, each with its own code so the UI and the CLI can tell them apart:
 * locked, not set up, wrong passphrase, a value that failed its integrity check, a missing key
 * slot or secret, a key that does not match the stored secrets.
 */
import { AppError } from '../../../shared/errors';

export type VaultErrorCode =
  | 'vault-locked'
  | 'vault-not-set-up'
  | 'vault-already-set-up'
  | 'vault-wrong-passphrase'
  | 'vault-tampered'
  | 'vault-unknown-format'
  | 'vault-slot-missing'
  | 'vault-keychain-unavailable'
  | 'vault-key-mismatch'
  | 'vault-weak-passphrase'
  | 'secret-missing';

export function vaultError(code: VaultErrorCode, message: string, hint?: string): AppError {
  return new AppError(code, message, hint ? { hint } : {});
}

export function lockedError(): AppError {
  return vaultError(
    'vault-locked',
    'The vault is locked, so secrets cannot be read or changed.',
    'Unlock it with your passphrase (in the app: the lock icon; in the CLI: set TOKENBENCH_PASSPHRASE or type it when asked).',
  );
}
