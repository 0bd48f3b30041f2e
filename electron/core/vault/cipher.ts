/**
 * Sealing one secret value with AES-256-GCM under a 256-bit key.
 *
 * A sealed value is `v1:` + base64(iv | tag | ciphertext). The version tag lets the scheme change
 * later; the associated data names the slot the value belongs to, so a ciphertext moved to
 * another entry (or another file) fails authentication instead of decrypting as the wrong secret.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { vaultError } from './errors';

const VERSION = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export function seal(key: Buffer, plaintext: Buffer | string, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  // 16 is also GCM's default tag length, so dropping the option (a mutant) is equivalent; it stays to say it.
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/**
 * Opens a sealed value. `describe` names the value in the user's words for the error that says
 * it was changed or damaged.
 */
export function unseal(key: Buffer, sealed: string, associatedData: string, describe: string): Buffer {
  if (!sealed.startsWith(VERSION)) {
    throw vaultError('vault-unknown-format', `The stored value of ${describe} uses a format this version of Tokenbench does not know (${JSON.stringify(sealed.slice(0, 3))}).`, 'Update Tokenbench, or set the value again.');
  }
  const raw = Buffer.from(sealed.slice(VERSION.length), 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) throw tampered(describe);
  // Without the option GCM takes a tag of any length, but exactly TAG_BYTES are sliced here: an equivalent mutant.
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw tampered(describe);
  }
}

function tampered(describe: string) {
  return vaultError(
    'vault-tampered',
    `The stored value of ${describe} failed its integrity check: it was changed outside Tokenbench or damaged on disk. It was not used.`,
    'Set the value again, or restore the data folder from a backup.',
  );
}
