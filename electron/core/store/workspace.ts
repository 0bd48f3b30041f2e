/**
 * The workspace file: environments and other non-secret data, readable JSON
 * (`workspace.json` in the data directory). Secret values never go here.
 */
import { z } from 'zod';
import { environmentSchema } from '../../../shared/domain/environment';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { openDataFile, type DataFile, type StoreClass } from './data-file';

export const WORKSPACE_SCHEMA_VERSION = 1;

export const workspaceSchema = z.object({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
  environments: z.array(environmentSchema),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export function openWorkspace(options: { dataDir: string; storeClass?: StoreClass; problems: StoreProblem[] }): DataFile<Workspace> {
  return openDataFile({
    ...options,
    name: 'workspace',
    schema: workspaceSchema,
    initial: () => ({ schemaVersion: WORKSPACE_SCHEMA_VERSION, environments: [] }),
  });
}
