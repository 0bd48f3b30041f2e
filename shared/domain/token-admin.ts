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

/** The answer as label/value lines, in the order people look for them; `time` formats ms epoch. */
export function introspectionFacts(answer: TokenIntrospection, time: (ms: number) => string): Array<[string, string]> {
  const facts: Array<[string, string | undefined]> = [
    ['active', answer.active ? 'yes: the service accepts this token' : 'no: the service does not accept this token (revoked, expired or unknown)'],
    ['scope', answer.scope],
    ['client', answer.clientId],
    ['subject', answer.subject],
    ['user name', answer.username],
    ['token type', answer.tokenType],
    ['expires', answer.expiresAt === undefined ? undefined : time(answer.expiresAt)],
    ['issued', answer.issuedAt === undefined ? undefined : time(answer.issuedAt)],
    ['not before', answer.notBefore === undefined ? undefined : time(answer.notBefore)],
    ['audience', answer.audience],
    ['issuer', answer.issuer],
    ...Object.entries(answer.other),
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
}
