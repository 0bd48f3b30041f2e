/**
 * What every handler may use: the open data files, the clock, and the event emitter that
 * reaches the renderer. Built once by `createMainServices`.
 */
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { Clock } from './engine';
import type { DataFile } from './store/data-file';
import type { Workspace } from './store/workspace';

export type { Clock } from './engine';
export { systemClock } from './engine';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface CoreContext {
  dataDir: string;
  workspace: DataFile<Workspace>;
  clock: Clock;
  emit: Emit;
}
