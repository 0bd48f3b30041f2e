/**
 * Channels for tokens and the auth timeline. Everything here is non-secret: statuses, masked
 * hints and redacted exchanges. A token value only leaves the main process through the
 * clipboard (`tokens:copy`), which the main process clears again.
 */
import { z } from 'zod';
import type { TokenStatus, TimelineEntryView, JwtInspection, SignInWait, TokenKey } from '../../domain/token';
import { idSchema, channel, event } from '../define';
import type { CopiedSecret } from './variables';

const pair = {
  environmentId: idSchema('environment'),
  credentialId: idSchema('credential'),
};

export const tokenChannels = {
  /** One status per environment x credential where the credential is used. */
  'tokens:list': channel<TokenStatus[]>()(z.object({}).strict()),
  /**
   * Gets a token now (reusing a valid one unless `renew`). The new status comes once, as the
   * `tokens:changed` event every window and view listens to (sent before this answer), so the
   * answer only says whether the held token was reused.
   */
  'tokens:fetch': channel<{ reused: boolean }>()(
    z
      .object({
        ...pair,
        renew: z.boolean().optional(),
        confirmed: z.boolean().optional(),
        /** The dashboard's own renewal: a credential that needs a new sign-in says so, and no browser opens. */
        automatic: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Forgets the held token; the new status comes as `tokens:changed`, as for a fetch. */
  'tokens:forget': channel<{ forgotten: true }>()(z.object(pair).strict()),
  /** The sign-ins waiting for the user now (a device code sign-in's user code and link; never its device code). */
  'tokens:sign-ins': channel<SignInWait[]>()(z.object({}).strict()),
  /** Stops the sign-in waiting for this credential; its token request then fails as cancelled. */
  'tokens:cancel-sign-in': channel<{ cancelled: boolean }>()(z.object(pair).strict()),
  /** The main process puts the token on the clipboard and clears it after `clearAfterMs`. */
  'tokens:copy': channel<CopiedSecret>()(z.object(pair).strict()),
  /** Header and claims of a JWT token; the signature checked against a JWKS URL, an issuer's discovered JWKS, or a key if given. */
  'tokens:inspect': channel<JwtInspection>()(
    z
      .object({
        ...pair,
        jwksUrl: z.url({ protocol: /^https?$/, error: 'The JWKS address must be an http(s) URL.' }).optional(),
        /** An issuer: its discovery document names the JWKS, and the token's `iss` must match. */
        issuer: z.url({ protocol: /^https?$/, error: 'The issuer must be an http(s) URL.' }).max(2000).optional(),
        /** A PEM public key, a JWK (JSON) or a shared secret for HS* tokens. */
        key: z.string().max(20_000).optional(),
      })
      .strict(),
  ),
  'timeline:list': channel<TimelineEntryView[]>()(
    z.object({ environmentId: idSchema('environment').optional(), credentialId: idSchema('credential').optional(), limit: z.number().int().positive().max(1000).optional() }).strict(),
  ),
  /** "Copy as cURL" for one exchange: redacted unless `reveal`. */
  'timeline:curl': channel<{ curl: string }>()(z.object({ entryId: idSchema('timeline entry'), reveal: z.boolean().default(false) }).strict()),
};

export const tokenEvents = {
  'tokens:changed': event<TokenStatus>(),
  /** A sign-in started waiting for the user (`wait`), or stopped waiting (`wait: null`). */
  'tokens:sign-in': event<{ key: TokenKey; wait: SignInWait | null }>(),
  'timeline:added': event<TimelineEntryView>(),
};
