/**
 * The vault's files in the data directory, all through `openDataFile` (atomic writes, backups,
 * cross-process lock):
 * - `vault.json`: key slots, the data key's fingerprint and the vault settings (no secrets);
 * - `secrets.json` and `tokens.json`: sealed entries (secret variables; cached tokens).
 * Damaged vault and secret files are refused rather than replaced by empty ones, since an empty
 * vault would invite a new key and strand every secret sealed with the old one. `vault.json` has
 * a verified copy (`vault.json.bak`) from the moment the vault is set up.
 */
import { z } from 'zod';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { openDataFile, type DataFile, type StoreClass } from '../store/data-file';
import { keySlotSchema } from './key-slots';

export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export const vaultSettingsSchema = z.object({
  /** Lock after this many minutes without secret activity; 0 = never. */
  autoLockMinutes: z.number().int().min(0).max(24 * 60).default(DEFAULT_AUTO_LOCK_MINUTES),
});

export const vaultFileSchema = z.object({
  schemaVersion: z.literal(1),
  /** Fingerprint of the data key; null until the vault is set up. */
  keyId: z.string().nullable(),
  slots: z.array(keySlotSchema),
  settings: vaultSettingsSchema,
});
export type VaultFile = z.infer<typeof vaultFileSchema>;

export const sealedFileSchema = z.object({
  schemaVersion: z.literal(1),
  /** Which data key sealed the entries; null while empty. */
  keyId: z.string().nullable(),
  entries: z.record(z.string(), z.string()),
});
export type SealedFile = z.infer<typeof sealedFileSchema>;

export interface VaultFilesOptions {
  dataDir: string;
  storeClass?: StoreClass;
  problems: StoreProblem[];
  lockStaleMs?: number;
}

export function openVaultFile(options: VaultFilesOptions): DataFile<VaultFile> {
  return openDataFile({
    ...options,
    name: 'vault',
    schema: vaultFileSchema,
    whenUnreadable: 'refuse',
    copyFirstWrite: true,
    initial: () => ({ schemaVersion: 1, keyId: null, slots: [], settings: { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES } }),
  });
}

/** `secrets.json` refuses when damaged; `tokens.json` starts over (tokens can be fetched again). */
export function openSealedFile(options: VaultFilesOptions & { name: 'secrets' | 'tokens' }): DataFile<SealedFile> {
  return openDataFile({
    ...options,
    schema: sealedFileSchema,
    whenUnreadable: options.name === 'secrets' ? 'refuse' : 'start-empty',
    initial: () => ({ schemaVersion: 1, keyId: null, entries: {} }),
  });
}
