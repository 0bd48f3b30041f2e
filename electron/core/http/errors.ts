// Transport failures as typed errors whose messages say what happened in plain words. Callers map
// the code to advice (the token engine's diagnosis); messages never include request contents.

export type HttpErrorCode =
  | 'invalid-url'
  | 'timeout'
  | 'connect-timeout'
  | 'aborted'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-refused'
  | 'tls-self-signed'
  | 'tls-expired'
  | 'tls-hostname-mismatch'
  | 'tls-untrusted'
  | 'tls-client-certificate-required'
  | 'tls-client-certificate-refused'
  | 'tls-error'
  | 'connection-refused'
  | 'dns-failure'
  | 'connection-reset'
  | 'network-error';

export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    /** The low-level error code (ECONNREFUSED, CERT_HAS_EXPIRED...), for diagnostics. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const TLS_CODES: Record<string, HttpErrorCode> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls-self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls-self-signed',
  CERT_HAS_EXPIRED: 'tls-expired',
  CERT_NOT_YET_VALID: 'tls-expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls-hostname-mismatch',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls-untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls-untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'tls-untrusted',
  CERT_UNTRUSTED: 'tls-untrusted',
  CERT_REVOKED: 'tls-untrusted',
  // Alerts the server sends about our certificate (mutual TLS).
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'tls-client-certificate-required',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'tls-client-certificate-required',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'tls-client-certificate-refused',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: 'tls-client-certificate-refused',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: 'tls-client-certificate-refused',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED: 'tls-client-certificate-refused',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'tls-client-certificate-refused',
  ERR_SSL_TLSV1_ALERT_ACCESS_DENIED: 'tls-client-certificate-refused',
  ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR: 'tls-client-certificate-refused',
};

const NETWORK_CODES: Record<string, HttpErrorCode> = {
  ECONNREFUSED: 'connection-refused',
  ENOTFOUND: 'dns-failure',
  EAI_AGAIN: 'dns-failure',
  EAI_NONAME: 'dns-failure',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  ECONNABORTED: 'connection-reset',
  ERR_STREAM_PREMATURE_CLOSE: 'connection-reset',
  EHOSTUNREACH: 'network-error',
  ENETUNREACH: 'network-error',
};

const MESSAGES: Record<HttpErrorCode, (host: string) => string> = {
  // The caller writes the whole sentence: it knows whether the address came from a redirect.
  'invalid-url': (sentence) => sentence,
  timeout: (host) => `${host} did not answer in time.`,
  'connect-timeout': (host) => `Could not connect to ${host} in time.`,
  aborted: (host) => `The request to ${host} was cancelled.`,
  'too-large': (host) => `The response from ${host} is larger than allowed.`,
  'too-many-redirects': (host) => `${host} redirected too many times.`,
  'redirect-refused': (host) => `${host} redirected to another site and asked to resend a body that carries credentials.`,
  'tls-self-signed': (host) => `${host} presented a self-signed TLS certificate.`,
  'tls-expired': (host) => `${host} presented an expired (or not yet valid) TLS certificate.`,
  'tls-hostname-mismatch': (host) => `${host} presented a TLS certificate issued for another host name.`,
  'tls-untrusted': (host) => `${host} presented a TLS certificate from an issuer this computer does not trust.`,
  'tls-client-certificate-required': (host) => `${host} asks for a client certificate (mutual TLS), and none was presented.`,
  'tls-client-certificate-refused': (host) => `${host} refused the client certificate presented (mutual TLS): it does not trust its issuer, or the certificate expired or was revoked.`,
  'tls-error': (host) => `The secure (TLS) connection to ${host} failed.`,
  'connection-refused': (host) => `${host} refused the connection: nothing is listening there.`,
  'dns-failure': (host) => `The host name of ${host} could not be resolved (DNS).`,
  'connection-reset': (host) => `The connection to ${host} was closed before the response was complete.`,
  'network-error': (host) => `${host} could not be reached over the network.`,
};

export function httpError(code: HttpErrorCode, host: string, detail?: string): HttpError {
  return new HttpError(code, MESSAGES[code](host), detail);
}

/** Maps a Node socket/TLS error to an HttpError (an HttpError passes through). */
export function toHttpError(error: unknown, host: string): HttpError {
  if (error instanceof HttpError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const name = typeof code === 'string' ? code : undefined;
  if (name && TLS_CODES[name]) return httpError(TLS_CODES[name], host, name);
  if (name && NETWORK_CODES[name]) return httpError(NETWORK_CODES[name], host, name);
  if (name?.startsWith('ERR_SSL') || name?.startsWith('ERR_TLS') || name?.includes('CERT')) return httpError('tls-error', host, name);
  if ((error as Error | null)?.message === 'socket hang up') return httpError('connection-reset', host, 'socket hang up');
  return httpError('network-error', host, name ?? (error instanceof Error ? error.message : String(error)));
}
