// What the auth service says about a token (introspection, RFC 7662) and what a revocation did
// (RFC 7009). Non-secret: the token itself is never part of it. Pure.

export interface TokenIntrospection {
  /** The service considers the token usable now. */
  active: boolean;
  scope?: string;
  clientId?: string;
  username?: string;
  tokenType?: string;
  subject?: string;
  issuer?: string;
  /** `aud`, several audiences joined by spaces. */
  audience?: string;
  /** exp, iat, nbf as ms epoch. */
  expiresAt?: number;
  issuedAt?: number;
  notBefore?: number;
  /** Every other field the service sent, as text (secrets masked). */
  other: Record<string, string>;
}

/** Which held tokens a revocation told the service to forget. */
export interface TokenRevocation {
  revoked: Array<'access token' | 'refresh token'>;
}
