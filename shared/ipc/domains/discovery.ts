/** Channels for OpenID Connect discovery: an issuer's public endpoints and supported methods. */
import { z } from 'zod';
import type { IssuerMetadata } from '../../domain/discovery';
import { channel } from '../define';

export const discoveryChannels = {
  /** Reads the issuer's discovery document (OpenID Connect, else RFC 8414). */
  'discovery:fetch': channel<IssuerMetadata>()(
    z.object({ issuer: z.url({ protocol: /^https?$/, error: 'The issuer must be an http(s) URL.' }).max(2000) }).strict(),
  ),
};
