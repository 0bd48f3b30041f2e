// Transport failures of a runner request, in the user's terms: what happened and what to do.
import { AppError } from '../../../shared/errors';
import { RUNNER_MAX_BODY_BYTES } from '../../../shared/runner/results';
import { HttpError, type HttpErrorCode } from '../http';

const HINTS: Partial<Record<HttpErrorCode, string>> = {
  timeout: 'Raise the timeout of this request, or check that the server is up.',
  'connect-timeout': 'Check the host and port, your network, and any VPN the server needs.',
  aborted: 'Send it again when you are ready.',
  'too-large': `The runner reads at most ${RUNNER_MAX_BODY_BYTES / 1024 / 1024} MB of a response: ask for less (a filter or a page size parameter).`,
  'too-many-redirects': 'The server keeps redirecting: check the URL.',
  'redirect-refused': 'Send the request to the final address directly, if you trust it.',
  'tls-self-signed': 'For a sandbox with a self-signed certificate, allow insecure TLS in the environment settings.',
  'tls-expired': "The server's certificate has expired: tell its owner.",
  'tls-hostname-mismatch': 'Check the host name in the URL.',
  'tls-untrusted': "The server's certificate is not trusted by this computer: add its CA to the environment's client certificate settings, or check the URL and your company's proxy settings.",
  'tls-client-certificate-required': "Add the client certificate and key this service issued you to the environment's client certificate settings.",
  'tls-client-certificate-refused': 'Check that the environment holds the client certificate this server expects, that it has not expired, and that the server trusts its issuer.',
  'connection-refused': 'Check the port and that the server is running.',
  'dns-failure': 'Check the spelling of the host name, and your network.',
  'connection-reset': 'Try again; if it keeps happening the server may be crashing on this request.',
  'network-error': 'Check your network connection.',
  'invalid-url': 'Write the URL in full, starting with http:// or https://.',
};

/** The failure as an AppError, or null for an unexpected error (a bug: the dispatcher reports it). */
export function requestFailed(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof HttpError) {
    const message = error.code === 'too-large' ? `${error.message} The runner stopped reading at ${RUNNER_MAX_BODY_BYTES / 1024 / 1024} MB and kept nothing of it.` : error.message;
    return new AppError(error.code === 'aborted' ? 'request-cancelled' : 'request-error', message, {
      hint: HINTS[error.code],
      details: { reason: error.code },
      cause: error,
    });
  }
  // The token engine's errors carry their own readable message and hint.
  if (error instanceof Error && 'hint' in error && typeof (error as { hint: unknown }).hint === 'string') {
    const code = (error as { code?: unknown }).code;
    return new AppError(code === 'host-not-allowed' ? 'host-not-allowed' : 'token-error', error.message, {
      hint: (error as { hint: string }).hint,
      details: { reason: typeof code === 'string' ? code : 'token-error' },
      cause: error,
    });
  }
  return null;
}
