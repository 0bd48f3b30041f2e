/**
 * Channels for the vault (set up, unlock, lock, passphrase, settings) and the one event that
 * keeps every window's lock icon in step. Nothing here ever carries a secret value back except
 * `secrets:reveal` (see `domains/variables.ts`); passphrases only travel renderer -> main.
 */
import { z } from 'zod';
import { channel, event } from '../define';

export type VaultState = 'not-set-up' | 'locked' | 'unlocked' | 'damaged';
export type UnlockMethod = 'passphrase' | 'keychain';

export interface VaultStatus {
  state: VaultState;
  /** How this vault can be unlocked (its key slots). */
  unlockMethods: UnlockMethod[];
  /** Whether the OS keychain can hold the vault key on this machine, and if not, why. */
  keychain: { usable: boolean; reason?: string };
  autoLockMinutes: number;
  /** When the vault will lock itself if nothing happens (ms epoch); null when locked or never. */
  autoLockAt: number | null;
  /** Why the vault cannot be used, when `state` is `damaged`. */
  problem?: { code: string; message: string; hint?: string };
}

const passphrase = z.string().min(1, 'Type your passphrase.').max(1024, 'Keep the passphrase under 1,024 characters.');

export const vaultChannels = {
  'vault:status': channel<VaultStatus>()(z.object({}).strict()),
  /** A new vault; at least one of passphrase / keychain. */
  'vault:setup': channel<VaultStatus>()(
    z
      .object({ passphrase: passphrase.optional(), useKeychain: z.boolean().optional() })
      .strict()
      .refine((r) => r.passphrase !== undefined || r.useKeychain === true, 'Choose a passphrase, the system keychain, or both.'),
  ),
  'vault:unlock': channel<VaultStatus>()(
    z.union([z.object({ passphrase }).strict(), z.object({ method: z.literal('keychain') }).strict()]),
  ),
  'vault:lock': channel<VaultStatus>()(z.object({}).strict()),
  /** `current` is needed when the vault already has a passphrase; without one it adds a passphrase slot. */
  'vault:change-passphrase': channel<VaultStatus>()(z.object({ current: passphrase.optional(), next: passphrase }).strict()),
  'vault:settings': channel<VaultStatus>()(
    z.object({ autoLockMinutes: z.number().int().min(0).max(24 * 60).optional(), useKeychain: z.boolean().optional() }).strict(),
  ),
};

export const vaultEvents = {
  'vault:changed': event<VaultStatus>(),
};
