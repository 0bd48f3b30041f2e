/**
 * The auth timeline: every token request (redacted by the main process), newest first, kept live
 * by `timeline:added`, optionally narrowed to one environment and/or credential.
 */
import { create } from 'zustand';
import type { TimelineEntryView } from '../../../shared/domain/token';
import type { ErrorInfo } from '../../../shared/errors';
import { api, toErrorInfo, unwrap } from '../lib/api';

export interface TimelineFilter {
  environmentId?: string;
  credentialId?: string;
}

/** As many as the main process keeps. */
const LIMIT = 500;

interface TimelineState {
  entries: TimelineEntryView[];
  filter: TimelineFilter;
  loaded: boolean;
  error: ErrorInfo | null;
  load(): Promise<void>;
  setFilter(filter: TimelineFilter): void;
  clearError(): void;
}

export function matches(entry: TimelineEntryView, filter: TimelineFilter): boolean {
  return (!filter.environmentId || entry.environmentId === filter.environmentId) && (!filter.credentialId || entry.credentialId === filter.credentialId);
}

export const useTimeline = create<TimelineState>((set, get) => {
  api.on('timeline:added', (entry) => {
    if (!get().loaded || !matches(entry, get().filter)) return;
    set((state) => ({ entries: [entry, ...state.entries.filter((e) => e.id !== entry.id)].slice(0, LIMIT) }));
  });

  return {
    entries: [],
    filter: {},
    loaded: false,
    error: null,
    async load() {
      const { filter } = get();
      try {
        const entries = await unwrap(api.timeline.list({ ...filter, limit: LIMIT }));
        // The filter may have changed while this was loading; only the latest answer counts.
        if (get().filter !== filter) return;
        set({ entries: [...entries].sort((a, b) => b.at - a.at), loaded: true, error: null });
      } catch (error) {
        set({ loaded: true, error: toErrorInfo(error) });
      }
    },
    setFilter(filter) {
      set({ filter, loaded: false });
      void get().load();
    },
    clearError: () => set({ error: null }),
  };
});
