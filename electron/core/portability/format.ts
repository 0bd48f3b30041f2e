/**
 * The Tokenbench export format, version 1 (documented in README.md). Environments and
 * credentials by name (ids are local to a data folder); secret variables by name only, unless
 * the user asked for an export with secrets: then their values sit in `secrets`, encrypted with
 * the passphrase the user gave.
 */
import { z } from 'zod';
import { environmentNameSchema, variableNameSchema } from '../../../shared/domain/environment';
import { credentialNameSchema } from '../../../shared/domain/credential';
import { RecipeSchema } from '../../../shared/recipe/recipe';
import { scryptParamsSchema } from '../vault/kdf';

export const EXPORT_FORMAT = 'tokenbench-export';
export const EXPORT_VERSION = 1;

export const exportedVariableSchema = z.object({
  name: variableNameSchema,
  /** Always '' for secret variables. */
  value: z.string(),
  secret: z.boolean(),
  description: z.string().max(500).default(''),
});

export const exportedEnvironmentSchema = z.object({
  name: environmentNameSchema,
  production: z.boolean().default(false),
  allowedHosts: z.array(z.string()).default([]),
  allowInsecureTls: z.boolean().default(false),
  confirmProduction: z.boolean().default(true),
  variables: z.array(exportedVariableSchema).default([]),
});

export const exportedCredentialSchema = z.object({
  name: credentialNameSchema,
  presetId: z.string().nullable().default(null),
  recipe: RecipeSchema,
  /** Names of the environments (in this file) it is used in. */
  environments: z.array(z.string()).default([]),
});

export const encryptedSecretsSchema = z.object({
  cipher: z.literal('aes-256-gcm'),
  kdf: scryptParamsSchema,
  /** `v1:` + base64(iv | tag | ciphertext) of the JSON list of `SecretValue`s. */
  data: z.string(),
});

/** One secret value inside the encrypted section. */
export const secretValueSchema = z.object({ environment: z.string(), name: z.string(), value: z.string() });
export type SecretValue = z.infer<typeof secretValueSchema>;

export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  environments: z.array(exportedEnvironmentSchema),
  credentials: z.array(exportedCredentialSchema).default([]),
  secrets: encryptedSecretsSchema.nullable().default(null),
});
export type ExportDocument = z.infer<typeof exportDocumentSchema>;
export type ExportedEnvironment = z.infer<typeof exportedEnvironmentSchema>;
export type ExportedCredential = z.infer<typeof exportedCredentialSchema>;
