/**
 * Channels for moving environments (and credentials) in and out: our documented export format
 * (see electron/core/portability/README.md), Postman environment files, and collections from
 * other tools (Postman collections, Insomnia, Bruno, OpenAPI). The main process asks for the file
 * with its own dialog; the renderer never names paths. An import is previewed before anything is
 * written: the preview holds the chosen file under an opaque id that the import then names.
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

/** What an import file was recognised as (from its content, not its name). */
export type ImportFormat = 'tokenbench' | 'postman' | 'postman-collection' | 'insomnia' | 'bruno' | 'openapi';

/** How each format is named to the user ("Imported 2 environments from a Postman collection"). */
export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  tokenbench: 'a Tokenbench export',
  postman: 'a Postman environment',
  'postman-collection': 'a Postman collection',
  insomnia: 'an Insomnia export',
  bruno: 'a Bruno collection',
  openapi: 'an OpenAPI document',
};

/** Something in the file Tokenbench has no place for: said, never dropped silently. */
export interface NotMapped {
  /** Where it is in the file, e.g. "Orders / Create order" or "auth of folder Admin". */
  where: string;
  /** What was left out and why. */
  what: string;
}

export interface ImportSummary {
  /** False when the user cancelled the open dialog. */
  imported: boolean;
  format: ImportFormat | null;
  environments: ImportedItem[];
  credentials: ImportedItem[];
  /** Variables left out (disabled in Postman, a name Tokenbench cannot use). */
  skippedVariables: Array<{ environment: string; name: string; reason: string }>;
  /** Secret variables whose values were not in the file: set them before use. */
  secretsWithoutValue: number;
  /** Saved-request collections: the name in the file and the one it got here. */
  collections: ImportedItem[];
  /** Saved requests added. */
  requests: number;
  /** What the file holds that Tokenbench could not map. */
  notMapped: NotMapped[];
  /** Values that were in the file in clear and now sit in the vault as secret variables. */
  secretsMoved: number;
}

/** What an import would create, shown before anything is written. */
export interface ImportPreview {
  /** False when the user cancelled the open dialog. */
  chosen: boolean;
  /** Names the chosen file, held by the main process, for `portability:import`. */
  fileId: string | null;
  fileName: string | null;
  format: ImportFormat | null;
  environments: Array<{ name: string; variables: number; secrets: number }>;
  credentials: Array<{ name: string; kind: string }>;
  collections: Array<{ name: string; requests: number }>;
  /** The first requests, for a look at them (all are counted in `collections`). */
  requests: Array<{ folder: string; name: string; method: string; url: string; credential: string | null }>;
  skippedVariables: ImportSummary['skippedVariables'];
  notMapped: NotMapped[];
  secretsMoved: number;
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
  /** Asks for the file (or takes the one held under `retryId`) and says what importing it would do. */
  'portability:preview': channel<ImportPreview>()(
    z
      .object({
        passphrase: z.string().max(1024).optional(),
        retryId: z.string().max(100).optional(),
      })
      .strict(),
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
