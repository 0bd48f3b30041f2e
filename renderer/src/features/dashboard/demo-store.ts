/**
 * The built-in demo as the dashboard sees it: whether it is set up and running, and the last
 * answer from its API. After an app restart the demo server is started again on demand.
 */
import { create } from 'zustand';
import type { ErrorInfo } from '../../../../shared/errors';
import type { DemoCallResult, DemoStatus } from '../../../../shared/ipc/domains/demo';
import { api, toErrorInfo, unwrap } from '../../lib/api';
import { useVault } from '../../state/vault';

interface DemoState {
  status: DemoStatus | null;
  busy: boolean;
  error: ErrorInfo | null;
  /** The last call to the demo API, per demo credential. */
  answers: Record<string, DemoCallResult>;
  load(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
  hello(credentialId: string): Promise<void>;
  clearError(): void;
}

export const useDemo = create<DemoState>((set, get) => {
  async function run(call: () => Promise<DemoStatus>): Promise<void> {
    set({ busy: true, error: null });
    try {
      set({ status: await call() });
    } catch (error) {
      set({ error: toErrorInfo(error) });
    } finally {
      set({ busy: false });
    }
  }

  // The demo environment may be deleted in the environments view: ask again.
  api.on('environments:changed', () => void get().load());
  // Its secrets live in the vault: once it opens, a demo from an earlier run can start again.
  useVault.subscribe((state, previous) => {
    if (state.status?.state === 'unlocked' && previous.status?.state !== 'unlocked') void get().load();
  });

  return {
    status: null,
    busy: false,
    error: null,
    answers: {},
    async load() {
      try {
        const status = await unwrap(api.demo.status({}));
        set({ status });
        // Set up in an earlier run but not running in this one: start its server again (it
        // writes new secrets, so only once the vault is open).
        const vaultOpen = useVault.getState().status?.state === 'unlocked';
        if (status.installed && !status.running && vaultOpen && !get().busy) await get().start();
      } catch (error) {
        set({ error: toErrorInfo(error) });
      }
    },
    start: () => run(() => unwrap(api.demo.start({}))),
    remove: () => run(() => unwrap(api.demo.remove({}))),
    async hello(credentialId) {
      set({ error: null });
      try {
        const answer = await unwrap(api.demo.hello({ credentialId }));
        set((state) => ({ answers: { ...state.answers, [credentialId]: answer } }));
      } catch (error) {
        set({ error: toErrorInfo(error) });
      }
    },
    clearError: () => set({ error: null }),
  };
});
