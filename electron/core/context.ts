/**
 * What every handler may use: the open data files, the clock, and the event emitter that
 * reaches the renderer. Built once by `createMainServices`.
 */
import type { EventPayload } from '../../shared/ipc/contract';
import type { EventName } from '../../shared/ipc/contract';
import type { DataFile } from './store/data-file';
import type { Workspace } from './store/workspace';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface CoreContext {
  dataDir: string;
  workspace: DataFile<Workspace>;
  clock: Clock;
  emit: Emit;
}
