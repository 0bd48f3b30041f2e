/** Saved requests and the history as the runner's sidebar shows them, kept in step by events. */
import { create } from 'zustand';
import type { ErrorInfo } from '../../../../shared/errors';
import type { HistoryList } from '../../../../shared/runner/results';
import type { SavedRequest } from '../../../../shared/runner/saved';
import { api, toErrorInfo, unwrap } from '../../lib/api';

interface SidebarState {
  saved: SavedRequest[];
  history: HistoryList;
  search: string;
  error: ErrorInfo | null;
  loadSaved(): Promise<void>;
  loadHistory(search?: string): Promise<void>;
  clearHistory(): Promise<void>;
  deleteSaved(id: string): Promise<void>;
  clearError(): void;
}

export const useRunnerSidebar = create<SidebarState>((set, get) => {
  async function attempt(call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } catch (error) {
      set({ error: toErrorInfo(error) });
    }
  }

  api.on('requests:changed', (saved) => set({ saved }));
  api.on('history:changed', () => void get().loadHistory());

  return {
    saved: [],
    history: { entries: [], unreadable: 0 },
    search: '',
    error: null,
    loadSaved: () => attempt(async () => set({ saved: await unwrap(api.requests.list({})) })),
    loadHistory: (search = get().search) =>
      attempt(async () => {
        set({ search });
        const history = await unwrap(api.history.list({ search, limit: 200 }));
        if (get().search === search) set({ history });
      }),
    clearHistory: () => attempt(async () => void (await unwrap(api.history.clear({})))),
    deleteSaved: (id) => attempt(async () => void (await unwrap(api.requests.delete({ id })))),
    clearError: () => set({ error: null }),
  };
});
