/**
 * The OS keychain for the vault, through Electron's safeStorage (Keychain on macOS, DPAPI on
 * Windows, libsecret / KWallet on Linux). On Linux without a secret service, Electron falls back
 * to a hard-coded key ("basic_text"): that is obfuscation, not protection, so the vault is told
 * the keychain is not usable and asks for a passphrase instead.
 */
import { safeStorage } from 'electron';
import type { Keychain } from '../core/vault/ports';

export const electronKeychain: Keychain = {
  status() {
    if (!safeStorage.isEncryptionAvailable()) {
      return { usable: false, reason: 'this system offers no keychain to Tokenbench. Protect the vault with a passphrase instead.' };
    }
    if (process.platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') {
        return {
          usable: false,
          reason: `no secret service (GNOME Keyring, KWallet) is running, so Electron would only obscure the key with a built-in password ("${backend}"). Protect the vault with a passphrase instead, or start a secret service and restart Tokenbench.`,
        };
      }
    }
    return { usable: true };
  },
  // safeStorage works on strings; base64 carries the raw key bytes through unchanged.
  encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
  decrypt: (cipher) => Buffer.from(safeStorage.decryptString(cipher), 'base64'),
};
