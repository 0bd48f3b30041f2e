// Public types of the token engine: what the IPC handlers, the vault and the CLI exchange
// with it. Token values appear only in IssuedToken and CachedToken, which never leave the main process.
import type { Recipe } from '../../../shared/recipe';
import type { ClientTlsOptions } from '../http';

/** An environment as the engine needs it. Variable values are plaintext: main process only. */
export interface EngineEnvironment {
  id: string;
  name: string;
  production: boolean;
  /** Hosts this environment's secrets and tokens may be sent to; empty = unrestricted. `*.example.com` matches subdomains, `host:port` one port. */
  allowedHosts: string[];
  /** Explicit opt-out of TLS certificate checks (self-signed sandboxes); the timeline flags every such request. */
  allowInsecureTls: boolean;
  /** The client certificate presented and the CA trusted on the way to its hosts (mutual TLS). */
  mutualTls?: ClientTlsOptions;
  variables: Record<string, { value: string; secret: boolean }>;
}

/** A credential: a name and its recipe (treated as immutable: edit by replacing the object). */
export interface EngineCredential {
  id: string;
  name: string;
  recipe: Recipe;
}

import type { TokenKey } from '../../../shared/domain/token';

export type { TokenKey };

/** A token as persisted by the cache (the vault encrypts it). */
export interface CachedToken {
  /** sha256 of the recipe and the variable values it uses: a change of either makes this token stale. */
  fingerprint: string;
  token: string;
  tokenType: string;
  refreshToken?: string;
  /** ms epoch */
  issuedAt: number;
  /** ms epoch; null = no expiry known */
  expiresAt: number | null;
  /** Non-secret response fields worth showing (e.g. accountId). */
  extras: Record<string, string>;
  /** DPoP: the thumbprint of the proof key the token is bound to (`cnf.jkt`). */
  boundTo?: string;
  /** Set when an API answered 401 with this token: it is not used again. */
  rejectedAt?: number;
}

/** Where tokens persist between runs; the vault implements it, MemoryTokenCache serves tests. */
export interface TokenCache {
  get(key: TokenKey): Promise<CachedToken | undefined>;
  set(key: TokenKey, token: CachedToken): Promise<void>;
  delete(key: TokenKey): Promise<void>;
}

/** Time source and timers, injectable so renewal timing and guards are tested without sleeping. */
export type { Clock } from '../clock';

/** How an API request carries the token: ready to attach. */
export interface TokenUse {
  in: 'header' | 'query';
  name: string;
  value: string;
}

/** A usable token. Main process only: hand the renderer TokenStatus instead. */
export interface IssuedToken {
  token: string;
  tokenType: string;
  issuedAt: number | null;
  expiresAt: number | null;
  extras: Record<string, string>;
  use: TokenUse;
  /** false when this call caused a token request. */
  fromCache: boolean;
}

/**
 * What the dashboard shows about a credential's token (no secrets). Declared once in
 * shared/domain so the renderer and the engine agree; the engine never reports `locked`
 * (that is the vault's state, added by the token service).
 */
export type { TokenState, TokenStatus } from '../../../shared/domain/token';
