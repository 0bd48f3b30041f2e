/** Channels for introspection (RFC 7662) and revocation (RFC 7009) of a held token. Answers hold no token. */
import { z } from 'zod';
import type { TokenIntrospection, TokenRevocation } from '../../domain/token-admin';
import { channel, idSchema } from '../define';

const request = z
  .object({
    environmentId: idSchema('environment'),
    credentialId: idSchema('credential'),
    /** The refresh token instead of (introspect) or as well as (revoke) the access token. */
    refreshToken: z.boolean().optional(),
    confirmed: z.boolean().optional(),
  })
  .strict();

export const tokenAdminChannels = {
  /** What the auth service says about the held token: active or not, scope, client, times. */
  'tokens:introspect': channel<TokenIntrospection>()(request),
  /** Revokes the held token(s), then forgets them: the next use gets a new token. */
  'tokens:revoke': channel<TokenRevocation>()(request),
};
