/**
 * What the demo remembers between runs (`demo.json`, non-secret): which environment and
 * credentials it created, so it finds them again after a restart, and the demo client's id.
 * Secrets and the port are chosen afresh at each start and written to the environment.
 */
import { z } from 'zod';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { openDataFile, type DataFile, type StoreClass } from '../store/data-file';

export const demoFileSchema = z.object({
  schemaVersion: z.literal(1),
  demo: z
    .object({
      environmentId: z.string().min(1),
      credentials: z.array(z.object({ id: z.string().min(1), dialect: z.enum(['oauth2', 'session']) })),
      clientId: z.string().min(1),
    })
    .nullable(),
});
export type DemoFile = z.infer<typeof demoFileSchema>;
export type DemoRecord = NonNullable<DemoFile['demo']>;

export function openDemoFile(options: { dataDir: string; storeClass?: StoreClass; problems: StoreProblem[] }): DataFile<DemoFile> {
  return openDataFile({ ...options, name: 'demo', schema: demoFileSchema, initial: () => ({ schemaVersion: 1, demo: null }) });
}
