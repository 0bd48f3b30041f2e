/**
 * The credential vault: one random 256-bit data key seals every secret (AES-256-GCM); key slots
 * (passphrase, OS keychain) wrap that key. Unlocking unwraps only the data key; secrets are
 * decrypted one by one when read. Locking (by hand, or after the idle time the user set) wipes
 * the key and every decrypted value from memory.
 *
 * The app and the CLI open the same files; writes go through the cross-process file lock.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { VaultStatus } from '../../../shared/ipc/domains/vault';
import { systemClock, type Clock } from '../clock';
import type { DataFile } from '../store/data-file';
import { KEY_BYTES } from './cipher';
import { lockedError, vaultError } from './errors';
import type { ScryptCost } from './kdf';
import {
  assertPassphraseStrength,
  createKeychainSlot,
  createPassphraseSlot,
  keyIdOf,
  openKeychainSlot,
  openPassphraseSlot,
  type KeySlot,
} from './key-slots';
import type { Keychain } from './ports';
import { Redactor } from '../engine/redact';
import { createSealedStore, type SealedStore, type VaultKey } from './sealed-store';
import { openSealedFile, openVaultFile, type SealedFile, type VaultFile, type VaultFilesOptions } from './vault-files';

export interface VaultOptions extends VaultFilesOptions {
  /** The OS keychain; absent in the CLI. */
  keychain?: Keychain;
  time?: Clock;
  /** scrypt cost for new passphrase slots (OWASP's by default; tests use a cheaper one). */
  scryptCost?: ScryptCost;
}

export interface Vault {
  status(): VaultStatus;
  setup(request: { passphrase?: string; useKeychain?: boolean }): Promise<VaultStatus>;
  unlock(request: { passphrase: string } | { method: 'keychain' }): Promise<VaultStatus>;
  lock(): VaultStatus;
  changePassphrase(request: { current?: string; next: string }): Promise<VaultStatus>;
  updateSettings(request: { autoLockMinutes?: number; useKeychain?: boolean }): Promise<VaultStatus>;
  /** Secret variables and other long-lived secrets (`secrets.json`). */
  readonly secrets: SealedStore;
  /** Cached tokens (`tokens.json`). */
  readonly tokens: SealedStore;
  /** Masks every secret value known in this session; main process only. */
  readonly redactor: Redactor;
  onChange(listener: (status: VaultStatus) => void): () => void;
  dispose(): void;
}

const NO_KEYCHAIN: Keychain = {
  status: () => ({ usable: false, reason: 'this process has no access to a system keychain (the CLI never has one), so the vault needs a passphrase.' }),
  encrypt: () => {
    throw new Error('no keychain');
  },
  decrypt: () => {
    throw new Error('no keychain');
  },
};

export function createVault(options: VaultOptions): Vault {
  const time = options.time ?? systemClock;
  const keychain = options.keychain ?? NO_KEYCHAIN;
  // No tails: these messages mix values of many environments, and a tail names which one.
  const memory = new Redactor([], { showTail: false });
  const listeners = new Set<(status: VaultStatus) => void>();
  const vaultFile = openOrKeepError(() => openVaultFile(options));
  let unlocked: VaultKey | undefined;
  let lastActivity = 0;
  let cancelTimer: (() => void) | undefined;

  const content = (): VaultFile => vaultFile().read();
  const idleMs = () => content().settings.autoLockMinutes * 60_000;
  const idleExpired = () => idleMs() > 0 && time.now() - lastActivity >= idleMs();

  function key(): VaultKey {
    if (!unlocked) {
      if (content().slots.length === 0) throw notSetUp();
      throw lockedError();
    }
    if (idleExpired()) {
      lock();
      throw lockedError();
    }
    lastActivity = time.now();
    return unlocked;
  }

  const sealedStore = (label: 'secrets' | 'tokens') => {
    const file = openOrKeepError(() => openSealedFile({ ...options, name: label }));
    return createSealedStore({ file: lazyDataFile(file), label, key, memory });
  };
  const secrets = sealedStore('secrets');
  const tokens = sealedStore('tokens');

  function status(): VaultStatus {
    const keychainStatus = keychain.status();
    let file: VaultFile;
    try {
      file = content();
      if (unlocked && idleExpired()) lock();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { state: 'damaged', unlockMethods: [], keychain: keychainStatus, autoLockMinutes: 0, autoLockAt: null, problem: error.toInfo() };
    }
    const minutes = file.settings.autoLockMinutes;
    return {
      state: file.slots.length === 0 ? 'not-set-up' : unlocked ? 'unlocked' : 'locked',
      unlockMethods: file.slots.map((slot) => slot.type),
      keychain: keychainStatus,
      autoLockMinutes: minutes,
      autoLockAt: unlocked && minutes > 0 ? lastActivity + minutes * 60_000 : null,
    };
  }

  function changed(): VaultStatus {
    const current = status();
    listeners.forEach((listener) => listener(current));
    return current;
  }

  function armAutoLock(): void {
    cancelTimer?.();
    cancelTimer = undefined;
    if (!unlocked || idleMs() === 0) return;
    cancelTimer = time.setTimer(() => {
      cancelTimer = undefined;
      if (!unlocked) return;
      if (idleExpired()) lock();
      else armAutoLock();
    }, Math.max(0, lastActivity + idleMs() - time.now()));
  }

  function becomeUnlocked(dataKey: Buffer, keyId: string): VaultStatus {
    if (keyIdOf(dataKey) !== keyId) {
      throw vaultError('vault-key-mismatch', 'The key slot opened, but the key inside does not belong to this vault (vault.json was edited or mixed with another one). Nothing was changed.', 'Restore vault.json from a backup.');
    }
    unlocked = { dataKey, keyId };
    lastActivity = time.now();
    armAutoLock();
    return changed();
  }

  function lock(): VaultStatus {
    cancelTimer?.();
    cancelTimer = undefined;
    unlocked?.dataKey.fill(0);
    unlocked = undefined;
    secrets.forget();
    tokens.forget();
    memory.forgetAll();
    return changed();
  }

  function assertKeychainUsable(): void {
    const { usable, reason } = keychain.status();
    if (!usable) throw vaultError('vault-keychain-unavailable', `The system keychain cannot hold the vault key here: ${reason ?? 'it is not available'}`, 'Use a passphrase instead.');
  }

  async function addSlot(slot: KeySlot): Promise<void> {
    await vaultFile().update((current) => ({ ...current, slots: [...current.slots.filter((s) => s.type !== slot.type), slot] }));
  }

  return {
    status,
    secrets,
    tokens,
    redactor: memory,
    lock,

    async setup({ passphrase, useKeychain }) {
      if (passphrase === undefined && !useKeychain) throw vaultError('vault-slot-missing', 'Choose a passphrase, the system keychain, or both to protect the vault.');
      if (passphrase !== undefined) assertPassphraseStrength(passphrase);
      if (useKeychain) assertKeychainUsable();
      if (content().slots.length > 0) throw alreadySetUp();
      const dataKey = randomBytes(KEY_BYTES);
      const keyId = keyIdOf(dataKey);
      // Anything already sealed was sealed by an earlier vault whose key is gone.
      if (secrets.ids().length > 0) {
        throw vaultError(
          'vault-key-mismatch',
          'secrets.json holds values sealed by an earlier vault whose vault.json is gone; a new vault could never read them. Nothing was changed.',
          'Put the old vault.json (or vault.json.bak) back, or move secrets.json out of the data folder to start over.',
        );
      }
      const slots: KeySlot[] = [];
      if (passphrase !== undefined) slots.push(await createPassphraseSlot(dataKey, passphrase, options.scryptCost));
      if (useKeychain) slots.push(createKeychainSlot(dataKey, keychain));
      await vaultFile().update((current) => {
        if (current.slots.length > 0) throw alreadySetUp();
        return { ...current, keyId, slots };
      });
      // Tokens cached under a lost vault are worthless; they are simply fetched again.
      if (tokens.ids().length > 0) await tokens.clear();
      return becomeUnlocked(dataKey, keyId);
    },

    async unlock(request) {
      const file = content();
      if (file.slots.length === 0 || file.keyId === null) {
        if (secrets.ids().length > 0) {
          throw vaultError(
            'vault-key-mismatch',
            'vault.json is missing (or empty), but secrets.json holds values sealed by a vault: without its vault.json they cannot be opened. Nothing was changed.',
            'Put vault.json back from vault.json.bak or your own backup (rename it to vault.json in the data folder). Do not set up a new vault: it could never open these values.',
          );
        }
        throw notSetUp();
      }
      if ('passphrase' in request) {
        const slot = file.slots.find((s) => s.type === 'passphrase');
        if (!slot) throw vaultError('vault-slot-missing', 'This vault has no passphrase: it is unlocked by the system keychain of the computer it was set up on.', 'Open the Tokenbench app on that computer, and add a passphrase in the vault settings to use the CLI.');
        return becomeUnlocked(await openPassphraseSlot(slot, request.passphrase), file.keyId);
      }
      const slot = file.slots.find((s) => s.type === 'keychain');
      if (!slot) throw vaultError('vault-slot-missing', 'This vault is not stored in the system keychain.', 'Unlock it with your passphrase.');
      assertKeychainUsable();
      return becomeUnlocked(openKeychainSlot(slot, keychain), file.keyId);
    },

    async changePassphrase({ current, next }) {
      assertPassphraseStrength(next);
      const slot = content().slots.find((s) => s.type === 'passphrase');
      let dataKey: Buffer;
      if (slot) {
        if (current === undefined) throw vaultError('vault-wrong-passphrase', 'Type your current passphrase to change it.');
        dataKey = await openPassphraseSlot(slot, current);
      } else {
        dataKey = Buffer.from(key().dataKey);
      }
      // Re-wrapping the same data key: not one secret needs to be encrypted again.
      await addSlot(await createPassphraseSlot(dataKey, next, options.scryptCost));
      if (!unlocked) dataKey.fill(0);
      return changed();
    },

    async updateSettings({ autoLockMinutes, useKeychain }) {
      if (useKeychain === true) {
        assertKeychainUsable();
        await addSlot(createKeychainSlot(key().dataKey, keychain));
      }
      if (useKeychain === false) {
        key();
        if (!content().slots.some((s) => s.type === 'passphrase')) {
          throw vaultError('vault-slot-missing', 'The keychain is the only way to unlock this vault, so it cannot be turned off.', 'Set a passphrase first.');
        }
        await vaultFile().update((current) => ({ ...current, slots: current.slots.filter((s) => s.type !== 'keychain') }));
      }
      if (autoLockMinutes !== undefined) {
        await vaultFile().update((current) => ({ ...current, settings: { ...current.settings, autoLockMinutes } }));
        armAutoLock();
      }
      return changed();
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    dispose() {
      listeners.clear();
      lock();
    },
  };
}

function notSetUp(): AppError {
  return vaultError('vault-not-set-up', 'There is no vault yet, so there is nowhere to keep secrets.', 'Set up the vault with a passphrase (in the CLI: tokenbench init).');
}

function alreadySetUp(): AppError {
  return vaultError('vault-already-set-up', 'This data folder already has a vault.', 'Unlock it with its passphrase; to change the passphrase, use "Change passphrase".');
}

/** Opens a file now; if it is refused (damaged, too new), keeps the error for every later use. */
function openOrKeepError<T>(open: () => DataFile<T>): () => DataFile<T> {
  try {
    const file = open();
    return () => file;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return () => {
      throw error;
    };
  }
}

function lazyDataFile(file: () => DataFile<SealedFile>): DataFile<SealedFile> {
  return {
    get path() {
      return file().path;
    },
    read: () => file().read(),
    update: (change) => file().update(change),
  };
}
