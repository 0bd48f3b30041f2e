import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { KEY_BYTES, seal, unseal } from './cipher';

const key = randomBytes(KEY_BYTES);
const AAD = 'env/e1/API_KEY';

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** The sealed value with one byte of its binary part flipped. */
function flipped(sealed: string, index: number): string {
  const raw = Buffer.from(sealed.slice(3), 'base64');
  raw[index]! ^= 0x01;
  return `v1:${raw.toString('base64')}`;
}

describe('seal / unseal', () => {
  it('round-trips text and bytes, with a fresh IV each time', () => {
    const sealed = seal(key, 'sk_live_secret', AAD);
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(unseal(key, sealed, AAD, 'API_KEY').toString('utf8')).toBe('sk_live_secret');
    const bytes = randomBytes(64);
    expect(unseal(key, seal(key, bytes, AAD), AAD, 'x').equals(bytes)).toBe(true);
    expect(seal(key, 'same', AAD)).not.toBe(seal(key, 'same', AAD));
    expect(unseal(key, seal(key, '', AAD), AAD, 'x').length).toBe(0);
  });

  it('lays a value out as iv (12) | tag (16) | ciphertext, never the plaintext', () => {
    const sealed = seal(key, 'plaintext-value', AAD);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    expect(raw.length).toBe(12 + 16 + 'plaintext-value'.length);
    expect(raw.includes(Buffer.from('plaintext-value'))).toBe(false);
  });

  it('refuses a value moved to another slot, sealed under another key, or changed in any part', () => {
    const sealed = seal(key, 'sk_live_secret', AAD);
    for (const attempt of [
      () => unseal(key, sealed, 'env/e2/API_KEY', 'API_KEY'),
      () => unseal(randomBytes(KEY_BYTES), sealed, AAD, 'API_KEY'),
      () => unseal(key, flipped(sealed, 0), AAD, 'API_KEY'),
      () => unseal(key, flipped(sealed, 12), AAD, 'API_KEY'),
      () => unseal(key, flipped(sealed, 28), AAD, 'API_KEY'),
      () => unseal(key, sealed.slice(0, -4), AAD, 'API_KEY'),
    ]) {
      const error = failure(attempt);
      expect(error.code).toBe('vault-tampered');
      expect(error.message).toBe('The stored value of API_KEY failed its integrity check: it was changed outside Tokenbench or damaged on disk. It was not used.');
      expect(error.hint).toBe('Set the value again, or restore the data folder from a backup.');
    }
  });

  it('refuses values too short to hold an IV and a tag', () => {
    expect(failure(() => unseal(key, 'v1:', AAD, 'API_KEY')).code).toBe('vault-tampered');
    expect(failure(() => unseal(key, `v1:${Buffer.alloc(27).toString('base64')}`, AAD, 'API_KEY')).code).toBe('vault-tampered');
    // Exactly an IV and a tag: an empty ciphertext whose tag does not verify.
    expect(failure(() => unseal(key, `v1:${Buffer.alloc(28).toString('base64')}`, AAD, 'API_KEY')).code).toBe('vault-tampered');
  });

  it('names an unknown format by its first characters only', () => {
    const error = failure(() => unseal(key, 'v2:c2VjcmV0LXZhbHVl', AAD, 'API_KEY'));
    expect(error.code).toBe('vault-unknown-format');
    expect(error.message).toBe('The stored value of API_KEY uses a format this version of Tokenbench does not know ("v2:").');
    expect(error.message).not.toContain('c2Vj');
    expect(error.hint).toBe('Update Tokenbench, or set the value again.');
  });
});
