/**
 * The request runner as the app and the CLI use it: send and cancel, page and search large
 * response bodies, export as cURL; saved requests; the history of sent requests. The stores are
 * opened by the composition root (`openRunnerStores`) and handed in.
 */
import type { ChannelName, RequestOf, ResponseOf, StoreProblem } from '../../../shared/ipc/contract';
import type { DataFile, StoreClass } from '../store/data-file';
import { BodyStore } from './body-store';
import type { RunnerDeps } from './deps';
import { exportCurl } from './export-curl';
import { HistoryStore } from './history';
import { reopenEntry } from './reopen';
import { SavedRequests, type RequestsFile } from './saved-requests';
import { sendDraft, type RunnerState } from './send';

export interface RunnerStores {
  bodies: BodyStore;
  history: HistoryStore;
  saved: SavedRequests;
}

export interface RunnerStoreOptions {
  dataDir: string;
  now(): number;
  /** `conf` unless a test passes another class. */
  storeClass?: StoreClass;
  /** Unreadable data files found while opening `requests.json` are reported here. */
  problems?: StoreProblem[];
  /** Bytes of response bodies kept in memory for paging. */
  maxBodyStoreBytes?: number;
  /** The saved requests' file, when the caller has it open already (it may be a workspace folder's). */
  requests?: DataFile<RequestsFile>;
}

export function openRunnerStores(options: RunnerStoreOptions): RunnerStores {
  return {
    bodies: new BodyStore({ maxTotalBytes: options.maxBodyStoreBytes }),
    history: new HistoryStore(options.dataDir),
    saved: new SavedRequests({ dataDir: options.dataDir, storeClass: options.storeClass, problems: options.problems, now: options.now, file: options.requests }),
  };
}

/** Each action takes the request of its IPC channel, so the app's handlers and the CLI pass it on as it is. */
type Call<C extends ChannelName> = (request: RequestOf<C>) => Promise<ResponseOf<C>>;

export interface RunnerService {
  send: Call<'runner:send'>;
  cancel: Call<'runner:cancel'>;
  bodyPage: Call<'runner:body-page'>;
  bodySearch: Call<'runner:body-search'>;
  exportCurl: Call<'runner:export-curl'>;
  listSaved: Call<'requests:list'>;
  save: Call<'requests:save'>;
  deleteSaved: Call<'requests:delete'>;
  listHistory: Call<'history:list'>;
  getHistory: Call<'history:get'>;
  clearHistory: Call<'history:clear'>;
}

export function createRunnerService(deps: RunnerDeps, stores: RunnerStores): RunnerService {
  const state: RunnerState = { deps, bodies: stores.bodies, history: stores.history, inFlight: new Map() };
  const { saved } = stores;

  return {
    send: ({ draft, sendId, confirmed }) => sendDraft(state, draft, sendId, confirmed ?? false),
    cancel: async ({ sendId }) => {
      const controller = state.inFlight.get(sendId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    bodyPage: ({ bodyId, view, from, count }) => state.bodies.page(bodyId, view, from, count),
    bodySearch: ({ bodyId, view, query, from, backwards }) => state.bodies.search(bodyId, view, query, from, backwards),
    exportCurl: ({ draft, reveal }) => exportCurl(deps, draft, reveal),

    listSaved: async () => saved.list(),
    save: async (input) => {
      const { saved: request, all } = await saved.save(input);
      deps.emit('requests:changed', all);
      return request;
    },
    deleteSaved: async ({ id }) => {
      deps.emit('requests:changed', await saved.delete(id));
      return { deleted: id };
    },

    listHistory: async ({ search, limit }) => state.history.list(search, limit),
    getHistory: async ({ id }) => reopenEntry(state.history.get(id), state.bodies),
    clearHistory: async () => {
      const cleared = await state.history.clear();
      deps.emit('history:changed', { latest: null, count: 0 });
      return { cleared };
    },
  };
}
