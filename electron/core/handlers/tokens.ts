/**
 * Handlers for tokens and the auth timeline. Statuses and redacted exchanges go to the
 * renderer; token values never do (copy goes through the main process's clipboard).
 */
import type { JwtInspection } from '../../../shared/domain/token';
import type { tokenChannels } from '../../../shared/ipc/domains/tokens';
import type { TokenService } from '../tokens/service';
import type { TimelineStore } from '../tokens/timeline-store';
import type { SecretClipboard } from '../vault/clipboard';
import type { HandlersOf } from './handler-types';


export interface TokenHandlerDeps {
  tokens: TokenService;
  timeline: TimelineStore;
  clipboard: SecretClipboard;
  inspectJwt(token: string, verify: { jwksUrl?: string; key?: string; issuer?: string }): Promise<JwtInspection>;
}

export function tokenHandlers(deps: TokenHandlerDeps): HandlersOf<typeof tokenChannels> {
  const { tokens } = deps;

  // The status goes to every window as one `tokens:changed` event (announced by the token
  // service before these answers), not in the answer as well: the dashboard and the credential
  // editor of every window stay right from the one event, and the asking window is told once.
  return {
    'tokens:list': () => tokens.list(),
    'tokens:fetch': async ({ environmentId, credentialId, renew, confirmed, automatic }) => ({
      reused: (await tokens.fetch({ environmentId, credentialId }, { renew, confirmed, automatic, announce: true })).fromCache,
    }),
    'tokens:forget': async (key) => {
      await tokens.forget(key);
      return { forgotten: true };
    },
    'tokens:sign-ins': async () => tokens.signIns(),
    'tokens:cancel-sign-in': async (key) => ({ cancelled: tokens.cancelSignIn(key) }),
    'tokens:copy': async (key) => deps.clipboard.copy((await tokens.fetch(key)).token),
    'tokens:inspect': async ({ environmentId, credentialId, jwksUrl, key, issuer }) => {
      const issued = await tokens.fetch({ environmentId, credentialId });
      return deps.inspectJwt(issued.token, { ...(jwksUrl ? { jwksUrl } : {}), ...(key ? { key } : {}), ...(issuer ? { issuer } : {}) });
    },
    'timeline:list': async (filter) => deps.timeline.list(filter),
    'timeline:curl': async ({ entryId, reveal }) => ({ curl: deps.timeline.curl(entryId, reveal) }),
  };
}
