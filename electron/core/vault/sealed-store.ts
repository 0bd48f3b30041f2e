/**
 * A file of sealed entries (`secrets.json`, `tokens.json`): id -> AES-GCM ciphertext, bound to
 * its id and file. Values are decrypted one at a time when read (lazily), and the plaintext is
 * kept in memory only while the vault stays unlocked.
 */
import type { DataFile } from '../store/data-file';
import { seal, unseal } from './cipher';
import { vaultError } from './errors';
import type { Redactor } from '../engine/redact';
import type { SealedFile } from './vault-files';

export interface VaultKey {
  dataKey: Buffer;
  keyId: string;
}

export interface SealedStore {
  /** The file the entries live in (to lock it together with others). */
  readonly path: string;
  /** The plaintext of `id`, or undefined when there is none. `describe` names it in errors. */
  read(id: string, describe: string): string | undefined;
  /** Several values, with one look at the file. */
  readMany(requests: Array<{ id: string; describe: string }>): Array<string | undefined>;
  /** Seals and stores the given values (one write for all). */
  write(values: Record<string, string>): Promise<void>;
  /** Removes the entries whose id matches; returns their ids. */
  remove(match: (id: string) => boolean): Promise<string[]>;
  /**
   * Removes the entries whose id matches without needing the key, for values the user has just
   * deleted the owner of (an environment deleted while the vault is locked).
   */
  discard(match: (id: string) => boolean): Promise<string[]>;
  ids(): string[];
  /** Throws `vault-locked` unless the vault is unlocked (to check before changing other files). */
  requireUnlocked(): void;
  /** Removes every entry without needing the key (after a new vault replaced a lost one). */
  clear(): Promise<void>;
  /** Drops every decrypted value from memory (on lock). */
  forget(): void;
}

export interface SealedStoreOptions {
  file: DataFile<SealedFile>;
  label: 'secrets' | 'tokens';
  /** The data key; throws `vault-locked` while locked. */
  key: () => VaultKey;
  /** The vault's redactor: every value decrypted or stored here is masked in logs and errors. */
  memory: Redactor;
}

export function createSealedStore({ file, label, key, memory }: SealedStoreOptions): SealedStore {
  const decrypted = new Map<string, { sealed: string; value: string }>();
  const fileName = `${label}.json`;
  const aad = (id: string) => `tokenbench/${label}/${id}`;

  function assertSameKey(content: SealedFile, keyId: string): void {
    if (content.keyId !== null && content.keyId !== keyId && Object.keys(content.entries).length > 0) {
      throw vaultError(
        'vault-key-mismatch',
        `${fileName} was sealed with a different vault key than vault.json holds (were files copied in from another data folder?). Nothing was read or changed.`,
        `Put back the vault.json that belongs with this ${fileName}, or move ${fileName} away to start without its values.`,
      );
    }
  }

  return {
    get path() {
      return file.path;
    },

    read(id, describe) {
      return this.readMany([{ id, describe }])[0];
    },

    readMany(requests) {
      const vaultKey = key();
      const content = file.read();
      return requests.map(({ id, describe }) => {
        const sealed = content.entries[id];
        if (sealed === undefined) return undefined;
        const known = decrypted.get(id);
        if (known?.sealed === sealed) return known.value;
        assertSameKey(content, vaultKey.keyId);
        const value = unseal(vaultKey.dataKey, sealed, aad(id), describe).toString('utf8');
        decrypted.set(id, { sealed, value });
        memory.add(value);
        return value;
      });
    },

    async write(values) {
      const vaultKey = key();
      const sealedValues = Object.entries(values).map(([id, value]) => {
        memory.add(value);
        return [id, seal(vaultKey.dataKey, value, aad(id))] as const;
      });
      await file.update((current) => {
        assertSameKey(current, vaultKey.keyId);
        return { ...current, keyId: vaultKey.keyId, entries: { ...current.entries, ...Object.fromEntries(sealedValues) } };
      });
      sealedValues.forEach(([id, sealed]) => decrypted.set(id, { sealed, value: values[id]! }));
    },

    remove(match) {
      key();
      return this.discard(match);
    },

    async discard(match) {
      if (!Object.keys(file.read().entries).some(match)) return [];
      let removed: string[] = [];
      await file.update((current) => {
        removed = Object.keys(current.entries).filter(match);
        if (removed.length === 0) return current;
        const entries = { ...current.entries };
        removed.forEach((id) => delete entries[id]);
        return { ...current, entries };
      });
      removed.forEach((id) => decrypted.delete(id));
      return removed;
    },

    ids() {
      return Object.keys(file.read().entries);
    },

    requireUnlocked() {
      key();
    },

    async clear() {
      await file.update((current) => ({ ...current, keyId: null, entries: {} }));
      decrypted.clear();
    },

    forget() {
      decrypted.clear();
    },
  };
}
