/**
 * Handlers for the request runner (`runner:*`), saved requests (`requests:*`) and the history
 * of sent requests (`history:*`).
 */
import { BodyStore } from '../runner/body-store';
import type { RunnerDeps, RunnerHandlers } from '../runner/deps';
import { exportCurl } from '../runner/export-curl';
import { HistoryStore } from '../runner/history';
import { reopenEntry } from '../runner/reopen';
import { SavedRequests } from '../runner/saved-requests';
import { sendDraft, type RunnerState } from '../runner/send';
import type { StoreClass } from '../store/data-file';
import type { StoreProblem } from '../../../shared/ipc/contract';

export type { RunnerDeps, RunnerHandlers } from '../runner/deps';

export interface RunnerHandlerOptions {
  /** `conf` unless a test passes another class. */
  storeClass?: StoreClass;
  /** Unreadable data files found while opening `requests.json` are reported here. */
  problems?: StoreProblem[];
  /** Bytes of response bodies kept in memory for paging. */
  maxBodyStoreBytes?: number;
}

export function runnerHandlers(deps: RunnerDeps, options: RunnerHandlerOptions = {}): RunnerHandlers {
  const state: RunnerState = {
    deps,
    bodies: new BodyStore({ maxTotalBytes: options.maxBodyStoreBytes }),
    history: new HistoryStore(deps.dataDir),
    inFlight: new Map(),
  };
  const saved = new SavedRequests({ dataDir: deps.dataDir, storeClass: options.storeClass, problems: options.problems, now: () => deps.clock.now() });

  return {
    'runner:send': ({ draft, sendId, confirmed }) => sendDraft(state, draft, sendId, confirmed ?? false),
    'runner:cancel': async ({ sendId }) => {
      const controller = state.inFlight.get(sendId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'runner:body-page': ({ bodyId, view, from, count }) => state.bodies.page(bodyId, view, from, count),
    'runner:body-search': ({ bodyId, view, query, from, backwards }) => state.bodies.search(bodyId, view, query, from, backwards),
    'runner:export-curl': ({ draft, reveal }) => exportCurl(deps, draft, reveal),

    'requests:list': async () => saved.list(),
    'requests:save': async (input) => {
      const { saved: request, all } = await saved.save(input);
      deps.emit('requests:changed', all);
      return request;
    },
    'requests:delete': async ({ id }) => {
      deps.emit('requests:changed', await saved.delete(id));
      return { deleted: id };
    },

    'history:list': async ({ search, limit }) => state.history.list(search, limit),
    'history:get': async ({ id }) => reopenEntry(state.history.get(id), state.bodies),
    'history:clear': async () => {
      const cleared = await state.history.clear();
      deps.emit('history:changed', { latest: null, count: 0 });
      return { cleared };
    },
  };
}
