/**
 * The credentials file (`credentials.json`): recipes and where they are used. Non-secret by
 * design, so it stays readable; kept apart from the workspace file so each file has one concern.
 */
import { z } from 'zod';
import { credentialSchema } from '../../../shared/domain/credential';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { openDataFile, type DataFile, type StoreClass } from '../store/data-file';

export const CREDENTIALS_SCHEMA_VERSION = 1;

export const credentialsFileSchema = z.object({
  schemaVersion: z.literal(CREDENTIALS_SCHEMA_VERSION),
  credentials: z.array(credentialSchema),
});
export type CredentialsFile = z.infer<typeof credentialsFileSchema>;

export function openCredentials(options: { dataDir: string; storeClass?: StoreClass; problems: StoreProblem[] }): DataFile<CredentialsFile> {
  return openDataFile({
    ...options,
    name: 'credentials',
    schema: credentialsFileSchema,
    initial: () => ({ schemaVersion: CREDENTIALS_SCHEMA_VERSION, credentials: [] }),
  });
}
