/**
 * The workspace file: environments and other non-secret data, readable JSON
 * (`workspace.json` in the data directory). Secret values never go here.
 */
import { z } from 'zod';
import { environmentSchema } from '../../../shared/domain/environment';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { openDataFile, type DataFile, type StoreClass } from './data-file';
import type { Migration } from './migrations';

export const WORKSPACE_SCHEMA_VERSION = 1;

/** Steps from older workspace formats, oldest first (none yet: format 1 is the first). */
export const workspaceMigrations: readonly Migration[] = [];

export const workspaceSchema = z.object({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
  environments: z.array(environmentSchema),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export function openWorkspace(options: { dataDir: string; storeClass?: StoreClass; problems: StoreProblem[]; lockStaleMs?: number }): DataFile<Workspace> {
  return openDataFile({
    ...options,
    name: 'workspace',
    schema: workspaceSchema,
    version: { current: WORKSPACE_SCHEMA_VERSION, migrations: workspaceMigrations },
    initial: () => ({ schemaVersion: WORKSPACE_SCHEMA_VERSION, environments: [] }),
  });
}
