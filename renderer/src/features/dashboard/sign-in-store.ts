/**
 * Sign-ins waiting for the user, by card: the authorization code flow waiting for the browser,
 * or a device code sign-in waiting for approval (its user code and link, shown on purpose; the
 * device code never leaves the main process). Kept live by the `tokens:sign-in` event.
 */
import { create } from 'zustand';
import type { SignInWait, TokenKey } from '../../../../shared/domain/token';
import type { ErrorInfo } from '../../../../shared/errors';
import { api, toErrorInfo, unwrap } from '../../lib/api';
import { tokenId, type TokenId } from './store';

interface SignInState {
  waits: Record<TokenId, SignInWait>;
  /** The last failed call (listing or cancelling), said on the card. */
  error: ErrorInfo | null;
  load(): Promise<void>;
  cancel(key: TokenKey): Promise<void>;
}

export const useSignIns = create<SignInState>((set) => {
  api.on('tokens:sign-in', ({ key, wait }) =>
    set((state) => {
      const waits = { ...state.waits };
      if (wait) waits[tokenId(key)] = wait;
      else delete waits[tokenId(key)];
      return { waits };
    }),
  );
  return {
    waits: {},
    error: null,
    async load() {
      try {
        const list = await unwrap(api.tokens['sign-ins']({}));
        set({ waits: Object.fromEntries(list.map((wait) => [tokenId(wait.key), wait])), error: null });
      } catch (error) {
        set({ error: toErrorInfo(error) });
      }
    },
    async cancel(key) {
      try {
        await unwrap(api.tokens['cancel-sign-in'](key));
        set({ error: null });
      } catch (error) {
        set({ error: toErrorInfo(error) });
      }
    },
  };
});
