// The HTTP client contract shared by the token engine and the request runner. Electron-free.

export type HeaderList = Array<[name: string, value: string]>;

/**
 * Mutual TLS for one request (an environment's client certificate and custom CA). Connections
 * made with it are pooled apart from every other, so a certificate is never presented by mistake.
 */
export interface ClientTlsOptions {
  /** PEM certificate (chain) and its key; or `pfx`, a PKCS#12 file. */
  cert?: string;
  key?: string;
  pfx?: Uint8Array;
  /** Of the PKCS#12 file or an encrypted PEM key. */
  passphrase?: string;
  /** PEM CA certificates trusted in addition to the system's. */
  ca?: string;
}

export interface HttpRequest {
  method: string;
  url: string;
  /** Sent with the casing given. */
  headers?: HeaderList | Record<string, string>;
  body?: string | Uint8Array;
  /** Whole exchange, redirects included. Default 30 s. */
  timeoutMs?: number;
  /** Until the connection (and TLS handshake) is up. Default 10 s. */
  connectTimeoutMs?: number;
  /** Response bodies past this many bytes fail with `too-large`. Default 10 MB. */
  maxBodyBytes?: number;
  signal?: AbortSignal;
  /** Skip TLS certificate checks (an environment's explicit opt-out for self-signed sandboxes). */
  allowInsecureTls?: boolean;
  /** A client certificate to present and a CA to trust (mutual TLS); https only. */
  clientTls?: ClientTlsOptions;
  /** Redirects to follow; 0 returns the 3xx response itself. Default 5. */
  maxRedirects?: number;
  /**
   * Header names carrying credentials besides Authorization, Cookie and Proxy-Authorization:
   * none of them is sent on across an origin-changing redirect.
   */
  sensitiveHeaders?: string[];
  /** The body carries credentials: a 307/308 redirect to another origin (which would resend it) is refused. */
  sensitiveBody?: boolean;
  /**
   * The allowed hosts of the environment whose secrets the request carries: a redirect to a host
   * outside them is not followed. Absent or empty: no such limit.
   */
  allowedHosts?: readonly string[];
}

export type { HttpRedirect, HttpTimings } from '../../../shared/domain/http';
import type { HttpRedirect, HttpTimings } from '../../../shared/domain/http';

export interface HttpResponse {
  status: number;
  statusText: string;
  /** Lower-case names; repeated headers other than set-cookie joined with ", ". */
  headers: Record<string, string>;
  /** Set-Cookie lines, kept apart because they cannot be joined. */
  setCookie: string[];
  body: Buffer;
  /** The URL that answered (after redirects). */
  url: string;
  redirects: HttpRedirect[];
  timings: HttpTimings;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}
