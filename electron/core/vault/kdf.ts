/**
 * Turning a passphrase into a key: scrypt (memory-hard), with the parameters stored beside the
 * key slot so they can be raised later without breaking existing vaults and exports.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

/** OWASP's recommendation for scrypt: 2^17 x 8 x 128 bytes = 128 MiB of memory per guess. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

export const scryptParamsSchema = z.object({
  name: z.literal('scrypt'),
  // Bounded so an edited file cannot make Tokenbench hang or exhaust memory.
  N: z.number().int().min(2 ** 10).max(2 ** 22).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  /** base64, 16 random bytes. */
  salt: z.string().min(16),
});
export type ScryptParams = z.infer<typeof scryptParamsSchema>;

export type ScryptCost = Pick<ScryptParams, 'N' | 'r' | 'p'>;

export function newScryptParams(cost: ScryptCost = DEFAULT_SCRYPT): ScryptParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

/** A 256-bit key from `passphrase`; runs off the main thread (node's thread pool). */
export function deriveKey(passphrase: string, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
