/**
 * The Tokenbench export format, version 1 (documented in README.md). Environments and
 * credentials by name (ids are local to a data folder); secret variables by name only, unless
 * the user asked for an export with secrets: then their values sit in `secrets`, encrypted with
 * the passphrase the user gave.
 */
import { z } from 'zod';
import { allowedHostSchema, environmentNameSchema, variableNameSchema } from '../../../shared/domain/environment';
import { credentialNameSchema } from '../../../shared/domain/credential';
import { RecipeSchema } from '../../../shared/recipe/recipe';
import { DEFAULT_SCRYPT, scryptParamsSchema } from '../vault/kdf';

export const EXPORT_FORMAT = 'tokenbench-export';
export const EXPORT_VERSION = 1;

/** The same limit as a value typed in the app. */
export const MAX_VALUE_CHARACTERS = 100_000;
const valueSchema = z.string().max(MAX_VALUE_CHARACTERS, `Keep values under ${MAX_VALUE_CHARACTERS.toLocaleString('en')} characters.`);

/**
 * The passphrase cost a file may ask for: up to 256 MiB of memory (twice the default) and four
 * times the default work. A file asking for more (N=2^22, r=32, p=16 is 16 GiB per pass) could
 * exhaust memory or run for hours before the passphrase is even checked.
 */
export const boundedScryptParamsSchema = scryptParamsSchema.superRefine(({ N, r, p }, ctx) => {
  if (128 * N * r > 256 * 1024 * 1024 || N * r * p > 4 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r * DEFAULT_SCRYPT.p) {
    ctx.addIssue({ code: 'custom', message: `The file asks for a passphrase cost (scrypt N=${N}, r=${r}, p=${p}) far above what Tokenbench exports; it is refused so that opening it cannot exhaust memory or hang.` });
  }
});

export const exportedVariableSchema = z.object({
  name: variableNameSchema,
  /** Always '' for secret variables. */
  value: valueSchema,
  secret: z.boolean(),
  description: z.string().max(500).default(''),
});

export const exportedEnvironmentSchema = z.object({
  name: environmentNameSchema,
  production: z.boolean().default(false),
  allowedHosts: z.array(allowedHostSchema).max(100).default([]),
  allowInsecureTls: z.boolean().default(false),
  confirmProduction: z.boolean().default(true),
  variables: z.array(exportedVariableSchema).max(1000).default([]),
});

export const exportedCredentialSchema = z.object({
  name: credentialNameSchema,
  presetId: z.string().max(100).nullable().default(null),
  recipe: RecipeSchema,
  /** Names of the environments (in this file) it is used in. */
  environments: z.array(z.string().max(80)).max(1000).default([]),
});

export const encryptedSecretsSchema = z.object({
  cipher: z.literal('aes-256-gcm'),
  kdf: boundedScryptParamsSchema,
  /** `v1:` + base64(iv | tag | ciphertext) of the JSON list of `SecretValue`s. */
  data: z.string().max(5_000_000),
});

/** One secret value inside the encrypted section. */
export const secretValueSchema = z.object({ environment: z.string().max(80), name: z.string().max(100), value: valueSchema });
export type SecretValue = z.infer<typeof secretValueSchema>;

export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  exportedAt: z.string().max(100),
  environments: z.array(exportedEnvironmentSchema).max(1000),
  credentials: z.array(exportedCredentialSchema).max(1000).default([]),
  secrets: encryptedSecretsSchema.nullable().default(null),
});
export type ExportDocument = z.infer<typeof exportDocumentSchema>;
export type ExportedEnvironment = z.infer<typeof exportedEnvironmentSchema>;
export type ExportedCredential = z.infer<typeof exportedCredentialSchema>;
