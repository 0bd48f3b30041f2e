/**
 * Asking the auth service about a held token (introspection, RFC 7662) and revoking it (RFC 7009),
 * for the dashboard and the CLI. Both go to the credential's auth service with its secrets, so
 * they pass the same allowed hosts and production confirmation as a token request.
 */
import type { TokenKey } from '../../../shared/domain/token';
import type { TokenIntrospection, TokenRevocation } from '../../../shared/domain/token-admin';
import type { TokenEngine } from '../engine';
import { asAppError, type TokenService } from '../tokens/service';

export interface TokenAdminOptions {
  /** Ask about (or also revoke) the refresh token instead of only the access token. */
  refreshToken?: boolean;
  confirmed?: boolean;
}

export interface TokenAdminService {
  introspect(key: TokenKey, options?: TokenAdminOptions): Promise<TokenIntrospection>;
  /** Revokes the access token (and the refresh token when asked), then forgets the cached token. */
  revoke(key: TokenKey, options?: TokenAdminOptions): Promise<TokenRevocation>;
}

export function createTokenAdminService(deps: { tokens: TokenService; engine: TokenEngine }): TokenAdminService {
  const { tokens, engine } = deps;
  return {
    async introspect(key, options = {}) {
      const { env, cred } = await tokens.checkedInputs(key, { confirmed: options.confirmed, action: 'send its token to the auth service' });
      return asAppError(() => engine.introspect(env, cred, options.refreshToken ? 'refresh_token' : 'access_token'));
    },

    async revoke(key, options = {}) {
      const { env, cred } = await tokens.checkedInputs(key, { confirmed: options.confirmed, action: 'revoke its token' });
      await asAppError(() => engine.revoke(env, cred, options.refreshToken ? ['access_token', 'refresh_token'] : ['access_token']));
      return { revoked: options.refreshToken ? ['access token', 'refresh token'] : ['access token'] };
    },
  };
}
