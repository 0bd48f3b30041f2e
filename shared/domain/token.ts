/**
 * What the renderer may know about tokens: statuses, masked hints, redacted exchanges and
 * decoded JWT claims. None of these types carries a token or secret value.
 */
import type { HttpRedirect, HttpTimings } from './http';

/** `locked`: the vault is locked, so nothing about the token can be read. */
export type TokenState = 'valid' | 'renewing-soon' | 'expired' | 'failed' | 'never-fetched' | 'locked';

/** Which token: the one of this credential in this environment. */
export interface TokenKey {
  environmentId: string;
  credentialId: string;
}

/** A failure to get a token, diagnosed by cause, in the user's words. */
export interface TokenFailure {
  code: string;
  message: string;
  hint: string;
  status?: number;
  /** ms epoch: the earliest moment another attempt is allowed. */
  retryAt?: number;
}

export interface TokenStatus {
  key: TokenKey;
  kind: 'token-request' | 'static' | 'basic';
  state: TokenState;
  issuedAt: number | null;
  expiresAt: number | null;
  /** When the engine will renew ahead of expiry (null: no expiry known or no renewal). */
  renewAt: number | null;
  hasRefreshToken: boolean;
  /** Whether the recipe names an introspection (RFC 7662) and a revocation (RFC 7009) endpoint. */
  serverOffers: { introspection: boolean; revocation: boolean };
  tokenType: string | null;
  /** The token's last 4 characters at most ('' for short tokens or none). */
  tokenHint: string;
  extras: Record<string, string>;
  tokenRequestsLastHour: number;
  guard: { minIntervalSeconds: number; nextAttemptAt: number | null; consecutiveFailures: number };
  lastError: (TokenFailure & { at: number }) | null;
}

/**
 * A sign-in the user must finish before a token comes, for the credential's card. The user code is
 * shown to the user on purpose; the device code, `state` and PKCE verifier never leave the main side.
 */
export type SignInWait = { key: TokenKey; startedAt: number; expiresAt: number } & (
  | { flow: 'authorization-code' }
  | { flow: 'device-code'; userCode: string; verificationUri: string; verificationUriComplete: string | null }
);

export interface TimelineEntryView {
  id: string;
  /** ms epoch when the request was sent */
  at: number;
  environmentId: string;
  environmentName: string;
  credentialId: string;
  credentialName: string;
  /**
   * `device-authorization`: the first step of a device code sign-in (RFC 8628), before the token requests that poll.
   * `introspect`, `revoke`: RFC 7662 and RFC 7009 requests about a held token.
   */
  purpose: 'token' | 'refresh' | 'device-authorization' | 'introspect' | 'revoke';
  method: string;
  /** With secrets masked. */
  url: string;
  status: number | null;
  durationMs: number;
  outcome: 'success' | 'failure';
  error?: TokenFailure;
  request: { method: string; url: string; headers: Array<{ name: string; value: string }>; body?: string };
  response?: {
    status: number;
    headers: Record<string, string>;
    body: string;
    redirects: HttpRedirect[];
    timings: HttpTimings;
  };
  warnings: string[];
}

export interface JwtInspection {
  isJwt: boolean;
  /** Why the token could not be decoded, when `isJwt` is false. */
  reason?: string;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  /** exp/iat/nbf as ms epoch, when present. */
  times?: { exp?: number; iat?: number; nbf?: number };
  scopes?: string[];
  roles?: string[];
  signature: { checked: false } | { checked: true; valid: boolean; detail: string };
}
