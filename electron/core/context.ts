/**
 * What every domain service may use: the workspace file, the clock, and the event emitter that
 * reaches the renderer. Built once by `createMainServices`.
 */
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { Clock } from './clock';
import type { DataFile } from './store/data-file';
import type { Workspace } from './store/workspace';

export type { Clock } from './clock';
export { systemClock } from './clock';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface CoreContext {
  dataDir: string;
  workspace: DataFile<Workspace>;
  clock: Clock;
  emit: Emit;
}
