/**
 * Key slots: each one wraps the vault's data key in its own way, so the data key (and every
 * secret sealed with it) never changes when a passphrase changes or the keychain is added.
 *
 * - a passphrase slot wraps it with a key derived by scrypt, plus a check value that tells a
 *   wrong passphrase apart from a damaged slot;
 * - a keychain slot lets the operating system's keychain (through Electron's safeStorage)
 *   encrypt it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { seal, unseal } from './cipher';
import { vaultError } from './errors';
import { deriveKey, newScryptParams, scryptParamsSchema, type ScryptCost } from './kdf';
import type { Keychain } from './ports';

export const passphraseSlotSchema = z.object({
  type: z.literal('passphrase'),
  kdf: scryptParamsSchema,
  /** HMAC of a fixed label under the derived key: equal only for the right passphrase. */
  check: z.string(),
  wrappedKey: z.string(),
});
export const keychainSlotSchema = z.object({
  type: z.literal('keychain'),
  /** base64 of what the keychain returned. */
  wrappedKey: z.string(),
});
export const keySlotSchema = z.discriminatedUnion('type', [passphraseSlotSchema, keychainSlotSchema]);
export type KeySlot = z.infer<typeof keySlotSchema>;
export type PassphraseSlot = z.infer<typeof passphraseSlotSchema>;

const PASSPHRASE_SLOT_AAD = 'tokenbench/key-slot/passphrase';
export const MIN_PASSPHRASE_LENGTH = 10;

export function assertPassphraseStrength(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw vaultError('vault-weak-passphrase', `That passphrase is too short: use at least ${MIN_PASSPHRASE_LENGTH} characters.`, 'A few unrelated words make a passphrase that is long and easy to remember.');
  }
}

/** A short, non-secret fingerprint of the data key: tells which key the secret files were sealed with. */
export function keyIdOf(dataKey: Buffer): string {
  return createHmac('sha256', dataKey).update('tokenbench/key-id').digest('hex').slice(0, 16);
}

export async function createPassphraseSlot(dataKey: Buffer, passphrase: string, cost?: ScryptCost): Promise<PassphraseSlot> {
  const kdf = newScryptParams(cost);
  const wrappingKey = await deriveKey(passphrase, kdf);
  return { type: 'passphrase', kdf, check: checkOf(wrappingKey), wrappedKey: seal(wrappingKey, dataKey, PASSPHRASE_SLOT_AAD) };
}

export async function openPassphraseSlot(slot: PassphraseSlot, passphrase: string): Promise<Buffer> {
  const wrappingKey = await deriveKey(passphrase, slot.kdf);
  const expected = Buffer.from(slot.check, 'base64');
  const actual = Buffer.from(checkOf(wrappingKey), 'base64');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw vaultError('vault-wrong-passphrase', 'That passphrase does not unlock this vault.', 'Check for typos and Caps Lock. Tokenbench cannot recover a forgotten passphrase.');
  }
  try {
    return unseal(wrappingKey, slot.wrappedKey, PASSPHRASE_SLOT_AAD, 'the vault key');
  } catch {
    // The passphrase is right (its check matched), so the wrapped key itself was changed.
    throw vaultError(
      'vault-tampered',
      'vault.json is damaged or was changed outside Tokenbench: the passphrase is right, but the vault key it protects fails its integrity check. Nothing was unlocked or changed.',
      'Put back vault.json.bak (the copy Tokenbench keeps of the key slots) or your own backup of vault.json: rename it to vault.json in the data folder. Your secrets are intact but cannot be opened without a good vault.json.',
    );
  }
}

export function createKeychainSlot(dataKey: Buffer, keychain: Keychain): KeySlot {
  return { type: 'keychain', wrappedKey: keychain.encrypt(dataKey).toString('base64') };
}

export function openKeychainSlot(slot: Extract<KeySlot, { type: 'keychain' }>, keychain: Keychain): Buffer {
  try {
    return keychain.decrypt(Buffer.from(slot.wrappedKey, 'base64'));
  } catch (error) {
    throw vaultError(
      'vault-keychain-unavailable',
      `The system keychain could not unlock the vault (${error instanceof Error ? error.message : String(error)}). This happens after the keychain was reset or the data folder came from another computer or user.`,
      'Unlock with your passphrase instead.',
    );
  }
}

function checkOf(wrappingKey: Buffer): string {
  return createHmac('sha256', wrappingKey).update('tokenbench/passphrase-check').digest('base64');
}
