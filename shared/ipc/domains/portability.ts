/**
 * Channels for moving environments (and credentials) in and out: our documented export format
 * (see electron/core/portability/README.md) and Postman environment files. The main process
 * asks for the file with its own dialog; the renderer never names paths.
 */
import { z } from 'zod';
import { idListSchema, channel } from '../define';

export interface ExportSummary {
  /** False when the user cancelled the save dialog. */
  saved: boolean;
  /** File name only (no folders), for the confirmation message. */
  fileName: string | null;
  environments: number;
  credentials: number;
  /** True only for an export encrypted with the passphrase the user gave. */
  secretsIncluded: boolean;
}

export interface ImportedItem {
  /** The name in the file. */
  name: string;
  /** The name it got here; differs from `name` when that name was taken; null when skipped. */
  importedAs: string | null;
  /** Why it was not imported, when it was not. */
  skipped?: string;
}

export interface ImportSummary {
  /** False when the user cancelled the open dialog. */
  imported: boolean;
  format: 'tokenbench' | 'postman' | null;
  environments: ImportedItem[];
  credentials: ImportedItem[];
  /** Variables left out (disabled in Postman, a name Tokenbench cannot use). */
  skippedVariables: Array<{ environment: string; name: string; reason: string }>;
  /** Secret variables whose values were not in the file: set them before use. */
  secretsWithoutValue: number;
}

export const conflictPolicySchema = z.enum(['rename', 'skip']);

export const portabilityChannels = {
  'portability:export': channel<ExportSummary>()(
    z
      .object({
        environmentIds: idListSchema('environment').optional(),
        includeSecrets: z.boolean().optional(),
        /** Encrypts the secret values in the file; required with includeSecrets. */
        passphrase: z.string().max(1024).optional(),
      })
      .strict()
      .refine((r) => !r.includeSecrets || (r.passphrase?.length ?? 0) >= 10, {
        message: 'An export with secret values is encrypted: give a passphrase of at least 10 characters.',
        path: ['passphrase'],
      }),
  ),
  'portability:import': channel<ImportSummary>()(
    z
      .object({
        passphrase: z.string().max(1024).optional(),
        onConflict: conflictPolicySchema.optional(),
        /** From a "passphrase needed" answer: import the file chosen then, without asking again. */
        retryId: z.string().max(100).optional(),
      })
      .strict(),
  ),
};
