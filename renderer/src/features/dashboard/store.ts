/**
 * The dashboard's token statuses (non-secret: states, times, masked hints), kept live by the
 * `tokens:changed` event, and the actions on them: get or renew, forget, copy (done by the main
 * process), with the production confirmation in between. Token values never reach this store.
 */
import { create } from 'zustand';
import type { TokenKey, TokenStatus } from '../../../../shared/domain/token';
import type { ErrorInfo } from '../../../../shared/errors';
import { api, toErrorInfo, unwrap } from '../../lib/api';
import { useVault } from '../../state/vault';

export type TokenId = string;
export const tokenId = (key: TokenKey): TokenId => `${key.environmentId}|${key.credentialId}`;

export type Busy = 'fetch' | 'forget' | 'copy';

interface PendingConfirmation {
  key: TokenKey;
  renew: boolean;
  message: string;
  hint?: string;
}

interface DashboardState {
  statuses: Record<TokenId, TokenStatus>;
  loaded: boolean;
  loadError: ErrorInfo | null;
  /** The last failed action per card (fetch failures also show in the status itself). */
  actionErrors: Record<TokenId, ErrorInfo>;
  busy: Record<TokenId, Busy>;
  /** Cards whose token was just copied, with when the main process clears the clipboard. */
  copied: Record<TokenId, { clearAfterMs: number; at: number }>;
  confirmation: PendingConfirmation | null;
  /** The card whose token the JWT inspector shows. */
  inspecting: TokenKey | null;
  query: string;
  grouped: boolean;
  /** Cards in a responsive grid, or one line per token for many tokens. */
  layout: 'grid' | 'list';

  load(): Promise<void>;
  /** `automatic`: started by renewal, so a production question is not asked. */
  fetch(key: TokenKey, options?: { renew?: boolean; confirmed?: boolean; automatic?: boolean }): Promise<void>;
  forget(key: TokenKey): Promise<void>;
  copy(key: TokenKey): Promise<void>;
  confirm(): Promise<void>;
  cancelConfirmation(): void;
  inspect(key: TokenKey | null): void;
  dismissError(id: TokenId): void;
  setQuery(query: string): void;
  setGrouped(grouped: boolean): void;
  setLayout(layout: 'grid' | 'list'): void;
}

export const useDashboard = create<DashboardState>((set, get) => {
  function receive(status: TokenStatus): void {
    set((state) => ({ statuses: { ...state.statuses, [tokenId(status.key)]: status } }));
  }

  function patch<K extends 'busy' | 'actionErrors' | 'copied'>(field: K, id: TokenId, value: DashboardState[K][string] | undefined): void {
    set((state) => {
      const next = { ...state[field] } as Record<string, unknown>;
      if (value === undefined) delete next[id];
      else next[id] = value;
      return { [field]: next } as Partial<DashboardState>;
    });
  }

  /** Runs one card action: marks it busy, keeps its readable error, clears both after. */
  async function act<T>(key: TokenKey, busy: Busy, call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ErrorInfo }> {
    const id = tokenId(key);
    patch('busy', id, busy);
    patch('actionErrors', id, undefined);
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    } finally {
      patch('busy', id, undefined);
    }
  }

  let reloading: Promise<void> | null = null;
  /** Environments or credentials changed: cards appear or go, so list again (once per burst). */
  function reload(): void {
    reloading ??= Promise.resolve().then(async () => {
      reloading = null;
      await get().load();
    });
  }

  api.on('tokens:changed', receive);
  api.on('environments:changed', reload);
  api.on('credentials:changed', reload);
  // Locking or unlocking the vault changes what can be known about every token.
  useVault.subscribe((state, previous) => {
    if (state.status?.state !== previous.status?.state && get().loaded) reload();
  });

  return {
    statuses: {},
    loaded: false,
    loadError: null,
    actionErrors: {},
    busy: {},
    copied: {},
    confirmation: null,
    inspecting: null,
    query: '',
    grouped: true,
    layout: 'grid',

    async load() {
      try {
        const list = await unwrap(api.tokens.list({}));
        set({ statuses: Object.fromEntries(list.map((status) => [tokenId(status.key), status])), loaded: true, loadError: null });
      } catch (error) {
        set({ loaded: true, loadError: toErrorInfo(error) });
      }
    },

    async fetch(key, options = {}) {
      // The new status arrives as `tokens:changed` (to every window), not in the answer.
      const result = await act(key, 'fetch', () => unwrap(api.tokens.fetch({ ...key, renew: options.renew, confirmed: options.confirmed, automatic: options.automatic })));
      if (result.ok) return;
      const { error } = result;
      if (error.code === 'confirmation-required') {
        if (!options.automatic) set({ confirmation: { key, renew: options.renew ?? false, message: error.message, hint: error.hint } });
        return;
      }
      patch('actionErrors', tokenId(key), error);
    },

    async forget(key) {
      const result = await act(key, 'forget', () => unwrap(api.tokens.forget(key)));
      if (!result.ok) patch('actionErrors', tokenId(key), result.error);
    },

    async copy(key) {
      const result = await act(key, 'copy', () => unwrap(api.tokens.copy(key)));
      const id = tokenId(key);
      if (!result.ok) return patch('actionErrors', id, result.error);
      const { clearAfterMs } = result.value;
      const entry = { clearAfterMs, at: Date.now() };
      patch('copied', id, entry);
      setTimeout(() => {
        if (get().copied[id] === entry) patch('copied', id, undefined);
      }, clearAfterMs);
    },

    async confirm() {
      const pending = get().confirmation;
      if (!pending) return;
      set({ confirmation: null });
      await get().fetch(pending.key, { renew: pending.renew, confirmed: true });
    },

    cancelConfirmation: () => set({ confirmation: null }),
    inspect: (key) => set({ inspecting: key }),
    dismissError: (id) => patch('actionErrors', id, undefined),
    setQuery: (query) => set({ query }),
    setGrouped: (grouped) => set({ grouped }),
    setLayout: (layout) => set({ layout }),
  };
});
