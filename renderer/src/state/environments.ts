/**
 * Environments as the renderer knows them (non-secret data only), kept in step with the main
 * process through the `environments:changed` event.
 */
import { create } from 'zustand';
import type { Environment } from '../../../shared/domain/environment';
import type { ErrorInfo } from '../../../shared/errors';
import { api, toErrorInfo, unwrap } from '../lib/api';

interface EnvironmentsState {
  environments: Environment[];
  loaded: boolean;
  selectedId: string | null;
  error: ErrorInfo | null;
  load(): Promise<void>;
  select(id: string | null): void;
  remove(id: string): Promise<boolean>;
  clearError(): void;
}

export const useEnvironments = create<EnvironmentsState>((set, get) => {
  /** Runs a main-process call; a failure lands in `error` for the UI to show. */
  async function attempt<T>(call: () => Promise<T>): Promise<T | null> {
    try {
      const value = await call();
      set({ error: null });
      return value;
    } catch (error) {
      set({ error: toErrorInfo(error) });
      return null;
    }
  }

  function receive(environments: Environment[]): void {
    const { selectedId } = get();
    const stillThere = environments.some((e) => e.id === selectedId);
    set({ environments, loaded: true, selectedId: stillThere ? selectedId : (environments[0]?.id ?? null) });
  }

  api.on('environments:changed', receive);

  return {
    environments: [],
    loaded: false,
    selectedId: null,
    error: null,
    async load() {
      const environments = await attempt(() => unwrap(api.environments.list({})));
      if (environments) receive(environments);
    },
    select: (id) => set({ selectedId: id }),
    remove: async (id) => (await attempt(() => unwrap(api.environments.delete({ id })))) !== null,
    clearError: () => set({ error: null }),
  };
});

export function useSelectedEnvironment(): Environment | undefined {
  return useEnvironments((s) => s.environments.find((e) => e.id === s.selectedId));
}
