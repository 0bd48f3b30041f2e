// Token failures as typed errors, by cause, in the user's terms: what happened (message) and what
// to do (hint). Messages never contain secret values or tokens.
import type { HttpErrorCode } from '../http';

export type TokenErrorCode =
  // the auth service answered with an error status
  | 'bad-credentials'
  | 'forbidden'
  | 'wrong-url'
  | 'bad-request'
  | 'rate-limited'
  | 'server-error'
  | 'unexpected-status'
  // the exchange itself failed (named as the HTTP layer names them)
  | Exclude<HttpErrorCode, 'too-large'>
  | 'response-too-large'
  // the response could not be read
  | 'html-response'
  | 'invalid-json'
  | 'token-missing'
  | 'token-invalid'
  | 'expiry-unreadable'
  | 'expired-on-arrival'
  // nothing was sent
  | 'unknown-variable'
  | 'invalid-template'
  | 'host-not-allowed'
  | 'guard-refused'
  // the client's signing key (private_key_jwt) cannot be read or does not suit the algorithm
  | 'client-key-invalid'
  // the user's step in the browser (authorization code) did not end in a code
  | 'authorization-failed'
  | 'authorization-timeout'
  // a renewal nobody asked for needs the user to sign in again: it waits for their click
  | 'sign-in-required'
  | 'authorization-cancelled'
  // a device code sign-in (RFC 8628) is not approved yet, or the server asks to poll slower: polling goes on
  | 'authorization-pending'
  | 'authorization-slow-down'
  // another Tokenbench process held the credential's turn too long
  | 'token-busy'
  | 'cache-failed'
  // introspection and revocation: the recipe names no endpoint, no token is held, or the service cannot handle this kind
  | 'no-endpoint'
  | 'no-token'
  | 'unsupported-token-type';

/** The plain-data form, safe to send to the renderer. */
export interface TokenErrorInfo {
  code: TokenErrorCode;
  message: string;
  hint: string;
  status?: number;
  /** ms epoch: the earliest moment another attempt is allowed. */
  retryAt?: number;
}

export class TokenError extends Error {
  readonly code: TokenErrorCode;
  readonly hint: string;
  readonly status?: number;
  readonly retryAt?: number;

  constructor(info: TokenErrorInfo) {
    super(info.message);
    this.name = 'TokenError';
    this.code = info.code;
    this.hint = info.hint;
    if (info.status !== undefined) this.status = info.status;
    if (info.retryAt !== undefined) this.retryAt = info.retryAt;
  }

  toInfo(): TokenErrorInfo {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.retryAt !== undefined ? { retryAt: this.retryAt } : {}),
    };
  }

  /** The same error with `mask` applied to its words (a server's sentence or a host name may hold a secret). */
  masked(mask: (text: string) => string): TokenError {
    return new TokenError({ ...this.toInfo(), message: mask(this.message), hint: mask(this.hint) });
  }

  toJSON(): TokenErrorInfo {
    return this.toInfo();
  }
}

/** "in 42 s" / "at 14:05:00 UTC": when to try again, in words. */
export function describeRetry(retryAt: number, now: number): string {
  const seconds = Math.ceil((retryAt - now) / 1000);
  if (seconds <= 90) return `in ${Math.max(seconds, 1)} s`;
  if (seconds <= 90 * 60) return `in ${Math.ceil(seconds / 60)} min`;
  return `at ${new Date(retryAt).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}
