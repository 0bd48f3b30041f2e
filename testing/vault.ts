/**
 * Helpers for the vault's tests (and the CLI's and portability's): a cheap scrypt cost, a
 * keychain stand-in that really encrypts, a fingerprint of a whole data folder, and a temporary
 * data folder. Not used by the app.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScryptCost } from '../electron/core/vault/kdf';
import type { Clipboard, Keychain } from '../electron/core/vault/ports';

/** The cheapest cost the vault accepts: fast tests, same code path. */
export const TEST_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

/** Stands in for the OS keychain: AES-256-GCM under a key that lives only in this object. */
export function testKeychain(usable = true): Keychain & { key: Buffer } {
  const key = randomBytes(32);
  return {
    key,
    status: () => (usable ? { usable: true } : { usable: false, reason: 'the test keychain is switched off' }),
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
    },
  };
}

/** A clipboard in memory, like the system one. */
export function testClipboard(): Clipboard & { text: string } {
  const clipboard = {
    text: '',
    writeText: (text: string) => void (clipboard.text = text),
    readText: () => clipboard.text,
    clear: () => void (clipboard.text = ''),
  };
  return clipboard;
}

/** sha256 over every file's name and bytes under `dir`: equal means nothing on disk changed. */
export function hashDir(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir).sort()) {
    hash.update(path.relative(dir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

export function tempDir(prefix = 'tokenbench-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
