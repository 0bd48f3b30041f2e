/**
 * Facts about an HTTP exchange that the renderer shows (the runner's timing view, the auth
 * timeline): declared once here, filled in by the main process's HTTP client.
 */

/** Milliseconds per phase of the last hop; dns/connect/tls are 0 on a reused connection. */
export interface HttpTimings {
  dnsMs: number;
  connectMs: number;
  tlsMs: number;
  /** From sending the request to the first response byte. */
  firstByteMs: number;
  downloadMs: number;
  /** The whole exchange, redirects included. */
  totalMs: number;
  reusedConnection: boolean;
}

export interface HttpRedirect {
  status: number;
  from: string;
  to: string;
  /** Credentials were dropped because the origin changed. */
  credentialsDropped: boolean;
}
