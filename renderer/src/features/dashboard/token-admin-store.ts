/**
 * Asking the auth service about a card's token (introspection) and revoking it, with the
 * questions in between: the production confirmation before an introspection, and the revoke
 * dialog (stronger in production). Answers hold no token: the main process never sends it.
 */
import { create } from 'zustand';
import type { TokenKey } from '../../../../shared/domain/token';
import type { TokenIntrospection } from '../../../../shared/domain/token-admin';
import type { ErrorInfo } from '../../../../shared/errors';
import { api, toErrorInfo, unwrap } from '../../lib/api';
import { tokenId, type TokenId } from './store';

export interface RevokeQuestion {
  key: TokenKey;
  label: string;
  environmentName: string;
  production: boolean;
  hasRefreshToken: boolean;
}

interface TokenAdminState {
  answers: Record<TokenId, TokenIntrospection>;
  errors: Record<TokenId, ErrorInfo>;
  busy: Record<TokenId, 'introspect' | 'revoke'>;
  /** An introspection in production waiting for a yes. */
  confirmIntrospection: { key: TokenKey; message: string; hint?: string } | null;
  revoking: RevokeQuestion | null;
  /** The last revocation's words, per card, for a status line. */
  revoked: Record<TokenId, string>;

  introspect(key: TokenKey, confirmed?: boolean): Promise<void>;
  askRevoke(question: RevokeQuestion): void;
  revoke(refreshToken: boolean): Promise<void>;
  cancel(): void;
  closeAnswer(id: TokenId): void;
}

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  const next = { ...record };
  delete next[id];
  return next;
}

export const useTokenAdmin = create<TokenAdminState>((set, get) => {
  async function run(key: TokenKey, busy: 'introspect' | 'revoke', call: () => Promise<void>): Promise<void> {
    const id = tokenId(key);
    set((s) => ({ busy: { ...s.busy, [id]: busy }, errors: without(s.errors, id), revoked: without(s.revoked, id) }));
    try {
      await call();
    } catch (error) {
      const info = toErrorInfo(error);
      if (busy === 'introspect' && info.code === 'confirmation-required') set({ confirmIntrospection: { key, message: info.message, ...(info.hint ? { hint: info.hint } : {}) } });
      else set((s) => ({ errors: { ...s.errors, [id]: info } }));
    } finally {
      set((s) => ({ busy: without(s.busy, id) }));
    }
  }

  return {
    answers: {},
    errors: {},
    busy: {},
    confirmIntrospection: null,
    revoking: null,
    revoked: {},

    introspect: (key, confirmed) =>
      run(key, 'introspect', async () => {
        const answer = await unwrap(api.tokens.introspect({ ...key, ...(confirmed ? { confirmed } : {}) }));
        set((s) => ({ answers: { ...s.answers, [tokenId(key)]: answer } }));
      }),

    askRevoke: (question) => set({ revoking: question }),

    async revoke(refreshToken) {
      const question = get().revoking;
      if (!question) return;
      set({ revoking: null });
      const { key } = question;
      // The dialog was the production question (a stronger one), so it counts as the confirmation.
      await run(key, 'revoke', async () => {
        const { revoked } = await unwrap(api.tokens.revoke({ ...key, refreshToken, confirmed: true }));
        const id = tokenId(key);
        set((s) => ({ answers: without(s.answers, id), revoked: { ...s.revoked, [id]: `Revoked the ${revoked.join(' and the ')}; the next use gets a new token.` } }));
      });
    },

    cancel: () => set({ confirmIntrospection: null, revoking: null }),
    closeAnswer: (id) => set((s) => ({ answers: without(s.answers, id), errors: without(s.errors, id) })),
  };
});
