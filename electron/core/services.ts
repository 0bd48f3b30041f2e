/**
 * `createMainServices`: builds everything the main process does, with no Electron import.
 *
 * The Electron main wires `dispatch` to ipcMain and `onEvent` to the window; the CLI and the
 * tests call the same factory directly. Only the transport differs.
 */
import type { StoreProblem, EventPayload } from '../../shared/ipc/contract';
import type { EventName } from '../../shared/ipc/contract';
import { systemClock, type Clock, type CoreContext } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { environmentHandlers } from './handlers/environments';
import { openWorkspace } from './store/workspace';
import type { StoreClass } from './store/data-file';
import { appVersion } from './version';

export interface MainServicesOptions {
  dataDir: string;
  /** `electron-store` in the Electron main; `conf` (the default) elsewhere. */
  storeClass?: StoreClass;
  clock?: Clock;
  /** Where unexpected (already redacted) errors are reported; stderr by default. */
  log?: (message: string) => void;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface MainServices {
  handlers: Handlers;
  dispatch: Dispatch;
  onEvent(listener: EventListener): () => void;
  storeProblems: readonly StoreProblem[];
  dispose(): Promise<void>;
}

export async function createMainServices(options: MainServicesOptions): Promise<MainServices> {
  const problems: StoreProblem[] = [];
  const listeners = new Set<EventListener>();
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));

  const ctx: CoreContext = {
    dataDir: options.dataDir,
    workspace: openWorkspace({ dataDir: options.dataDir, storeClass: options.storeClass, problems }),
    clock: options.clock ?? systemClock,
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    },
  };

  const handlers: Handlers = {
    'app:info': async () => ({ version: appVersion, dataDir: options.dataDir, storeProblems: problems }),
    ...environmentHandlers(ctx),
  };

  return {
    handlers,
    dispatch: createDispatcher(handlers, { onUnexpectedError: (channel, message) => log(`[${channel}] ${message}`) }),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    storeProblems: problems,
    async dispose() {
      listeners.clear();
    },
  };
}
