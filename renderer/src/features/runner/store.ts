/**
 * The runner's state: the draft being composed (and the saved request it came from), the request
 * in flight, and the last result or error. Everything here is masked data from the main process.
 */
import { create } from 'zustand';
import type { ErrorInfo } from '../../../../shared/errors';
import { emptyDraft, type RequestDraft } from '../../../../shared/runner/draft';
import type { HistoryEntryView, RunResult, SentRequest } from '../../../../shared/runner/results';
import type { SavedRequest } from '../../../../shared/runner/saved';
import { api, toErrorInfo, unwrap } from '../../lib/api';
import { changeMethod, type SetAsideBody } from './method-change';

interface RunnerState {
  draft: RequestDraft;
  /** The saved request being edited, if any. */
  saved: Pick<SavedRequest, 'id' | 'name' | 'collection' | 'folder'> | null;
  sendId: string | null;
  result: RunResult | null;
  /** The request of a failed send reopened from history (what was sent, masked). */
  failedRequest: SentRequest | null;
  error: ErrorInfo | null;
  /** Set when the main process asks to confirm a production request. */
  confirmation: ErrorInfo | null;
  notice: string | null;
  /** A body kept out of the request while the method sends none (see method-change.ts). */
  setAside: SetAsideBody | null;
  /** The history entry last reopened, highlighted in the list. */
  reopenedId: string | null;
  edit(change: (draft: RequestDraft) => RequestDraft): void;
  open(draft: RequestDraft, saved?: RunnerState['saved'], notice?: string | null): void;
  openHistory(entry: HistoryEntryView): void;
  markSaved(saved: SavedRequest): void;
  setMethod(method: string): void;
  /** A blank request (no headers or body left from an import), in the same environment and credential. */
  newRequest(): void;
  send(confirmed?: boolean): Promise<void>;
  cancel(): Promise<void>;
  dismissConfirmation(): void;
  clearError(): void;
}

let sends = 0;

export const useRunner = create<RunnerState>((set, get) => ({
  draft: emptyDraft(),
  saved: null,
  sendId: null,
  result: null,
  failedRequest: null,
  error: null,
  confirmation: null,
  notice: null,
  setAside: null,
  reopenedId: null,
  edit: (change) => set({ draft: change(get().draft) }),
  open: (draft, saved = null, notice = null) => set({ draft, saved, notice, error: null, confirmation: null, setAside: null, reopenedId: null }),
  openHistory: (entry) =>
    set({
      reopenedId: entry.summary.id,
      setAside: null,
      draft: entry.draft,
      saved: null,
      result: entry.result,
      failedRequest: entry.result ? null : entry.request,
      error: entry.error,
      confirmation: null,
      notice: null,
    }),
  setMethod: (method) => {
    const change = changeMethod(get().draft, method, get().setAside);
    set({ draft: change.draft, setAside: change.setAside, ...(change.notice ? { notice: change.notice } : {}) });
  },
  newRequest: () => {
    const { environmentId, credentialId, timeoutSeconds } = get().draft;
    set({ draft: emptyDraft({ environmentId, credentialId, timeoutSeconds }), saved: null, result: null, failedRequest: null, error: null, confirmation: null, notice: null, setAside: null, reopenedId: null });
  },
  markSaved: (saved) => set({ saved: { id: saved.id, name: saved.name, collection: saved.collection, folder: saved.folder } }),
  async send(confirmed = false) {
    if (get().sendId) return;
    sends += 1;
    const sendId = `send-${Date.now()}-${sends}`;
    set({ sendId, error: null, confirmation: null, notice: null });
    try {
      const result = await unwrap(api.runner.send({ draft: get().draft, sendId, confirmed }));
      set({ result, failedRequest: null });
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.code === 'confirmation-required') set({ confirmation: info });
      else set({ error: info });
    } finally {
      set({ sendId: null });
    }
  },
  async cancel() {
    const { sendId } = get();
    if (!sendId) return;
    const result = await api.runner.cancel({ sendId });
    if (!result.ok) set({ error: result.error });
  },
  dismissConfirmation: () => set({ confirmation: null }),
  clearError: () => set({ error: null }),
}));
