/**
 * The encrypted secrets section of an export: scrypt turns the passphrase the user chose for
 * this file into a key, AES-256-GCM seals the values. Independent of the vault's own key, so
 * the file can be opened on another machine with only that passphrase.
 */
import { AppError } from '../../../shared/errors';
import { seal, unseal } from '../vault/cipher';
import { deriveKey, newScryptParams, type ScryptCost } from '../vault/kdf';
import { secretValueSchema, type SecretValue } from './format';
import type { z } from 'zod';
import type { encryptedSecretsSchema } from './format';

type EncryptedSecrets = z.infer<typeof encryptedSecretsSchema>;

const AAD = 'tokenbench-export/v1/secrets';

export async function encryptSecrets(values: SecretValue[], passphrase: string, cost?: ScryptCost): Promise<EncryptedSecrets> {
  const kdf = newScryptParams(cost);
  const key = await deriveKey(passphrase, kdf);
  return { cipher: 'aes-256-gcm', kdf, data: seal(key, JSON.stringify(values), AAD) };
}

export async function decryptSecrets(section: EncryptedSecrets, passphrase: string | undefined): Promise<SecretValue[]> {
  if (!passphrase) {
    throw new AppError('export-passphrase-needed', 'This file holds encrypted secret values.', {
      hint: 'Give the passphrase that was chosen when the file was exported.',
    });
  }
  const key = await deriveKey(passphrase, section.kdf);
  let plain: Buffer;
  try {
    plain = unseal(key, section.data, AAD, 'the secrets in this file');
  } catch (error) {
    if (error instanceof AppError && error.code === 'vault-tampered') {
      throw new AppError('export-wrong-passphrase', 'That passphrase does not open the secrets in this file (or the file was changed after it was exported). Nothing was imported.', {
        hint: 'Check the passphrase chosen at export time.',
      });
    }
    throw error;
  }
  const values = secretValueSchema.array().safeParse(JSON.parse(plain.toString('utf8')));
  if (!values.success) {
    throw new AppError('import-invalid', `The secret values in this file are not usable: ${values.error.issues[0]?.message ?? 'unexpected content'}. Nothing was imported.`);
  }
  return values.data;
}
