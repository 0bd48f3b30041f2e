// Turns a failed token request into a TokenError by cause: the status code, the OAuth2 error field
// and the server's own sentence (secrets masked), or the transport failure, each with advice.
import type { HttpError } from '../http';
import type { HttpResponse } from '../http';
import { describeRetry, TokenError, type TokenErrorCode } from './errors';
import type { Redactor } from './redact';

export interface DiagnoseContext {
  /** "token request", "refresh request" or "API request". */
  what: string;
  /** The URL with secrets masked. */
  displayUrl: string;
  environmentName: string;
  now: number;
  redactor: Redactor;
  /** The vendor's own advice by status code (the recipe's `troubleshooting`). */
  vendorAdvice?: Record<string, string>;
  /** The secret variables the request used, by the recipe's own names (e.g. accessToken, secret). */
  secretNames?: string[];
}

const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

/** Retry-After as ms epoch: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  let at: number | undefined;
  if (/^\d+$/.test(value)) at = now + Number(value) * 1000;
  else {
    const date = Date.parse(value);
    if (!Number.isNaN(date)) at = date;
  }
  return at === undefined ? undefined : Math.min(Math.max(at, now), now + MAX_RETRY_AFTER_MS);
}

/** The server's own explanation: OAuth2 `error`/`error_description`, or common `message`/`detail` fields. */
function serverSays(response: HttpResponse, redactor: Redactor): string {
  let json: unknown;
  try {
    json = JSON.parse(response.body.toString('utf8'));
  } catch {
    return '';
  }
  if (json === null || typeof json !== 'object') return '';
  const record = json as Record<string, unknown>;
  const nested = record.error !== null && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : undefined;
  const code = typeof record.error === 'string' && /^[A-Za-z0-9_.-]{1,60}$/.test(record.error) ? record.error : undefined;
  const sentence = [record.error_description, record.message, record.detail, record.title, nested?.message].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  const parts = [code, sentence && redactor.text(sentence.length > 200 ? `${sentence.slice(0, 200)}...` : sentence)].filter(Boolean);
  return parts.length ? ` The server said: ${parts.join(': ').replace(/\.$/, '')}.` : '';
}

export function oauthErrorCode(response: HttpResponse): string | undefined {
  try {
    const json = JSON.parse(response.body.toString('utf8')) as { error?: unknown };
    return typeof json.error === 'string' ? json.error : undefined;
  } catch {
    return undefined;
  }
}

const CREDENTIAL_ERRORS = new Set(['invalid_client', 'invalid_grant', 'unauthorized_client', 'access_denied']);

export function diagnoseStatus(response: HttpResponse, ctx: DiagnoseContext): TokenError {
  const { status } = response;
  const said = serverSays(response, ctx.redactor);
  const advice = ctx.vendorAdvice?.[String(status)];
  const make = (code: TokenErrorCode, message: string, hint: string, retryAt?: number) =>
    new TokenError({
      code,
      status,
      message: `${message}${said}`,
      hint: advice ? `${hint} The vendor's documentation says: ${advice}` : hint,
      ...(retryAt !== undefined ? { retryAt } : {}),
    });
  const env = `environment "${ctx.environmentName}"`;

  if (status === 401 || (status === 400 && CREDENTIAL_ERRORS.has(oauthErrorCode(response) ?? ''))) {
    return make(
      'bad-credentials',
      `The auth service did not accept the credentials (${status}) for the ${ctx.what}.`,
      `Check ${ctx.secretNames?.length ? ctx.secretNames.map((n) => `{{${n}}}`).join(', ') : 'the client ID, secret, API key or password'} in ${env}, and that they belong to this environment (sandbox and production keys differ).`,
    );
  }
  if (status === 403) {
    return make(
      'forbidden',
      `The auth service refused the ${ctx.what} (403 Forbidden).`,
      'The account may lack a role, scope or permission, or your IP address may be blocked (some auth services ban clients that ask for tokens too often, or allow only whitelisted IPs).',
    );
  }
  if (status === 404 || status === 405 || status === 410) {
    return make(
      'wrong-url',
      `Nothing answers the ${ctx.what} at ${ctx.displayUrl} (${status}).`,
      `Check the URL and method in the recipe and the base URL variable in ${env}.`,
    );
  }
  if (status === 400 || status === 415 || status === 422) {
    return make(
      'bad-request',
      `The auth service rejected the ${ctx.what} as malformed (${status}).`,
      'Check the body encoding (JSON or form), the field names and their exact casing (grant_type, grantType, Grant_type), and the grant type value.',
    );
  }
  if (status === 429) {
    const retryAt = parseRetryAfter(response.headers['retry-after'], ctx.now);
    const when = retryAt !== undefined ? ` Tokenbench will not ask again ${describeRetry(retryAt, ctx.now)}.` : '';
    return make('rate-limited', `The auth service is rate limiting token requests (429).${when}`, 'Wait before retrying; tokens are reused, so this usually means another client shares the same credentials or IP.', retryAt);
  }
  if (status >= 500) {
    const retryAt = parseRetryAfter(response.headers['retry-after'], ctx.now);
    return make('server-error', `The auth service failed with a server error (${status}).`, 'This is on the service\'s side; Tokenbench retries with increasing pauses. Check the vendor\'s status page if it persists.', retryAt);
  }
  return make('unexpected-status', `The ${ctx.what} got an unexpected status ${status}.`, 'The auth timeline shows the full response (secrets masked).');
}

const TRANSPORT_HINTS: Partial<Record<HttpError['code'], [TokenErrorCode, string]>> = {
  timeout: ['timeout', 'The service may be overloaded or the URL may point at something that never answers. Increase the recipe\'s timeoutSeconds if it is just slow.'],
  'connect-timeout': ['connect-timeout', 'Check the host name and port, your network, VPN or firewall.'],
  aborted: ['aborted', 'The request was cancelled before it finished.'],
  'tls-self-signed': ['tls-self-signed', 'If this is a sandbox with a self-signed certificate, enable "allow insecure TLS" for this environment only. Never for production.'],
  'tls-expired': ['tls-expired', 'The server\'s certificate has expired: tell the service owner. Also check this computer\'s date.'],
  'tls-hostname-mismatch': ['tls-hostname-mismatch', 'The URL\'s host name does not match the certificate: check the host in the URL (e.g. a missing "api." prefix).'],
  'tls-untrusted': ['tls-untrusted', 'If the server uses a private (company) CA, add that CA to the environment\'s client certificate settings. Otherwise a proxy may be intercepting HTTPS, or the server sends an incomplete certificate chain.'],
  'tls-client-certificate-required': ['tls-client-certificate-required', 'Add the client certificate and key this service issued you to the environment (Client certificate section, or tokenbench env tls).'],
  'tls-client-certificate-refused': ['tls-client-certificate-refused', 'Check that the environment holds the client certificate this service expects, that it has not expired, and that its issuer is the one the service trusts.'],
  'tls-error': ['tls-error', 'Check that the URL uses the right scheme (https vs http) and port.'],
  'connection-refused': ['connection-refused', 'Check the host and port in the URL, and that the service is running.'],
  'dns-failure': ['dns-failure', 'Check the host name for typos, and your network or VPN.'],
  'connection-reset': ['connection-reset', 'The service or a proxy dropped the connection. Retry later; check the URL scheme and port.'],
  'network-error': ['network-error', 'Check your network connection, VPN and firewall.'],
  'too-large': ['response-too-large', 'A token response is small; this URL probably serves something else.'],
  'too-many-redirects': ['too-many-redirects', 'Use the final URL in the recipe.'],
  'redirect-refused': ['redirect-refused', 'Tokenbench never resends credentials to another site. Use the final URL in the recipe if it is legitimate.'],
  'invalid-url': ['invalid-url', 'Check the URL in the recipe and the variables it uses.'],
};

export function diagnoseTransport(error: HttpError, ctx: Pick<DiagnoseContext, 'what'>): TokenError {
  const [code, hint] = TRANSPORT_HINTS[error.code] ?? ['network-error', 'Check your network connection.'];
  return new TokenError({ code, message: `The ${ctx.what} failed: ${error.message}`, hint });
}
