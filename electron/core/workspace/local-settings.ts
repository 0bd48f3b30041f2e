/**
 * What this machine remembers about workspace folders, in the data folder
 * (`workspace-folder.json`): which folder the app had open, and the masked hints of secret
 * variables whose values this machine's vault holds (hints never go into the shared folder).
 */
import { z } from 'zod';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { openDataFile, type DataFile } from '../store/data-file';
import type { HintStore } from './folder';

const settingsSchema = z.object({
  schemaVersion: z.literal(1),
  folder: z.string().nullable(),
  hints: z.record(z.string(), z.string()),
});
export type WorkspaceSettings = z.infer<typeof settingsSchema>;

export function openWorkspaceSettings(options: { dataDir: string; problems: StoreProblem[] }): DataFile<WorkspaceSettings> {
  return openDataFile({
    ...options,
    name: 'workspace-folder',
    schema: settingsSchema,
    initial: () => ({ schemaVersion: 1, folder: null, hints: {} }),
  });
}

export function hintStore(settings: DataFile<WorkspaceSettings>): HintStore {
  return {
    read: () => settings.read().hints,
    write: async (environmentIds, hints) => {
      const ids = new Set(environmentIds);
      await settings.update((current) => {
        // Hints of other workspaces' environments stay; these environments' hints are replaced.
        const kept = Object.entries(current.hints).filter(([key]) => !ids.has(key.slice(0, key.lastIndexOf('/'))));
        return { ...current, hints: { ...Object.fromEntries(kept), ...hints } };
      });
    },
  };
}
