// An API request with the credential's token attached as the recipe says. A 401 answer invalidates
// the token, renews it once and retries once: never a loop.
import { HttpError, type HeaderList, type HttpClient, type HttpResponse } from '../http';
import { maskSecret } from '../../../shared/recipe';
import { assertHostAllowed } from './allowed-hosts';
import { diagnoseTransport } from './diagnose';
import { resourceWantsNonce, type ProofTarget } from './dpop';
import { TokenError, type TokenErrorInfo } from './errors';
import type { IssuedToken, TokenUse } from './types';
import type { EngineEnvironment } from './types';

export interface ApiRequest {
  method: string;
  url: string;
  /** In the order given; a list keeps repeated headers. */
  headers?: HeaderList | Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Response size cap; default 10 MB. */
  maxBodyBytes?: number;
  /** Headers carrying secrets of their own: like the token, never sent on to another origin. */
  sensitiveHeaders?: string[];
  /** The body carries a secret: a redirect that would resend it to another origin is refused. */
  sensitiveBody?: boolean;
  /** Called with each token before it is sent (a renewal after a 401 sends a second one), so the caller can mask what comes back. */
  onTokenAttached?: (token: string) => void;
}

export interface AuthenticatedResponse {
  response: HttpResponse;
  /** The first answer was 401: the token was renewed and the request sent once more. */
  renewedAfter401: boolean;
  /** Headers as sent, in order, the token masked. */
  sentHeaders: HeaderList;
  /** URL as sent, the token masked (it differs from the request's when the token goes in the query). */
  sentUrl: string;
  /** Why no renewal followed a 401 (e.g. the guard's spacing); the 401 response is returned as is. */
  renewalError?: TokenErrorInfo;
  /** The DPoP proof sent with the last attempt (also among sentHeaders). */
  dpopProof?: string;
}

export interface AuthenticatedRequestDeps {
  http: HttpClient;
  /** The current token (cached or new). */
  token(): Promise<IssuedToken>;
  /** Invalidates `rejected` and returns a renewed token, or undefined when the credential cannot renew (static keys). */
  renewAfterRejection(rejected: IssuedToken): Promise<IssuedToken | undefined>;
  /** For DPoP-bound tokens: a proof for each attempt, and the nonces resource servers hand out. */
  dpop?: {
    proof(target: ProofTarget): Promise<string>;
    noteNonce(url: string, response: HttpResponse): void;
  };
}

function parseApiUrl(text: string): URL {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw new TokenError({ code: 'invalid-url', message: 'The API request URL is not a valid http(s) URL.', hint: 'Write the full URL, starting with https://.' });
}

function attach(request: ApiRequest, url: URL, use: TokenUse, proof?: string): { url: string; headers: HeaderList } {
  const lower = use.name.toLowerCase();
  const given = Array.isArray(request.headers) ? request.headers : Object.entries(request.headers ?? {});
  // The recipe decides how the token travels: a header of the same name given by the caller yields to it (and a DPoP header to the engine's proof).
  const headers: HeaderList = given.filter(([name]) => (use.in !== 'header' || name.toLowerCase() !== lower) && (proof === undefined || name.toLowerCase() !== 'dpop'));
  if (proof !== undefined) headers.push(['DPoP', proof]);
  if (use.in === 'header') return { url: url.href, headers: [...headers, [use.name, use.value]] };
  const withToken = new URL(url.href);
  withToken.searchParams.set(use.name, use.value);
  return { url: withToken.href, headers };
}

export async function authenticatedRequest(deps: AuthenticatedRequestDeps, env: EngineEnvironment, request: ApiRequest): Promise<AuthenticatedResponse> {
  const url = parseApiUrl(request.url);
  assertHostAllowed(url, env, 'API request');
  const send = async (issued: IssuedToken) => {
    const first = await sendOnce(issued);
    // A resource server's nonce demand (RFC 9449 section 9) is answered once, with the same token.
    if (!deps.dpop || !resourceWantsNonce(first.response)) return first;
    return sendOnce(issued);
  };
  const sendOnce = async (issued: IssuedToken) => {
    const withToken = attach(request, url, issued.use);
    const proof = deps.dpop ? await deps.dpop.proof({ method: request.method, url: withToken.url, accessToken: issued.token }) : undefined;
    const target = proof === undefined ? withToken : attach(request, url, issued.use, proof);
    request.onTokenAttached?.(issued.token);
    try {
      const response = await deps.http.send({
        method: request.method,
        url: target.url,
        headers: target.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
        ...(request.maxBodyBytes !== undefined ? { maxBodyBytes: request.maxBodyBytes } : {}),
        allowInsecureTls: env.allowInsecureTls,
        ...(env.mutualTls ? { clientTls: env.mutualTls } : {}),
        allowedHosts: env.allowedHosts,
        sensitiveHeaders: [...(issued.use.in === 'header' ? [issued.use.name] : []), ...(request.sensitiveHeaders ?? [])],
        ...(request.sensitiveBody ? { sensitiveBody: true } : {}),
      });
      deps.dpop?.noteNonce(target.url, response);
      return { response, target, issued, proof };
    } catch (error) {
      if (error instanceof HttpError) throw diagnoseTransport(error, { what: 'API request' });
      throw error;
    }
  };

  let result = await send(await deps.token());
  let renewedAfter401 = false;
  let renewalError: TokenErrorInfo | undefined;
  if (result.response.status === 401) {
    let renewed: IssuedToken | undefined;
    try {
      renewed = await deps.renewAfterRejection(result.issued);
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      renewalError = error.toInfo();
    }
    if (renewed) {
      result = await send(renewed);
      renewedAfter401 = true;
    }
  }
  // Only the token is masked: the scheme word around it ("Bearer ") is no secret and helps reading.
  const { token, use } = result.issued;
  const masked = use.value.split(token).join(maskSecret(token));
  return {
    response: result.response,
    renewedAfter401,
    sentHeaders: result.target.headers.map(([name, value]) => [name, use.in === 'header' && name === use.name ? masked : value]),
    sentUrl: use.in === 'query' ? attach({ method: request.method, url: request.url }, url, { ...use, value: masked }).url : result.target.url,
    ...(renewalError ? { renewalError } : {}),
    ...(result.proof !== undefined ? { dpopProof: result.proof } : {}),
  };
}
