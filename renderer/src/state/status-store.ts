/**
 * A main-process status the window keeps in step: read on `load`, then replaced by every event the
 * main process sends when it changes (the vault, the workspace folder). Holds what the status
 * holds and nothing more: no passphrase, no secret.
 */
import { create } from 'zustand';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { api } from '../lib/api';

export interface StatusState<S> {
  status: S | null;
  error: ErrorInfo | null;
  load(): Promise<void>;
  receive(status: S): void;
}

export function createStatusStore<E extends EventName>(event: E, read: () => Promise<Result<EventPayload<E>>>) {
  return create<StatusState<EventPayload<E>>>((set) => {
    let listening = false;
    return {
      status: null,
      error: null,
      async load() {
        // Subscribed on first load rather than at import, so importing the store has no side effect.
        if (!listening) {
          listening = true;
          api.on(event, (status) => set({ status }));
        }
        const result = await read();
        set(result.ok ? { status: result.value, error: null } : { error: result.error });
      },
      receive: (status) => set({ status }),
    };
  });
}
