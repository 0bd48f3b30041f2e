// The request and response as they went over the wire, masked for display: the headers Node adds
// itself (Host, Content-Length, Connection) are listed too, so the wire view is the whole request.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Header, ResponseSummary, SentRequest } from '../../../shared/runner/results';
import type { HeaderList, HttpResponse } from '../http';
import { maskHeaders, maskSetCookie, type Mask } from './mask';

const SHOWN_BODY_CHARS = 64 * 1024;

function has(headers: HeaderList, name: string): boolean {
  return headers.some(([n]) => n.toLowerCase() === name);
}

/**
 * The DPoP proof, decoded for the wire view. Shown whole, `ath` included: a proof is no secret (it
 * is signed for one method and URL, its jti is single-use, and only the key's holder can make
 * another), and `ath` is a SHA-256 of the token, from which the token cannot be recovered; it lets
 * the user compare what the server checks.
 */
function decodeProof(proof: string): NonNullable<SentRequest['dpopProof']> {
  return { header: { ...decodeProtectedHeader(proof) }, claims: { ...decodeJwt(proof) } };
}

export function sentRequest(
  input: { method: string; url: URL; shownUrl: string; headers: HeaderList; body: string | undefined; credentialName: string | null; environmentName: string | null; dpopProof?: string },
  mask: Mask,
): SentRequest {
  const bodyBytes = input.body === undefined ? 0 : Buffer.byteLength(input.body);
  // In the order Node writes them: ours, then Content-Length (the HTTP client), Host and Connection.
  const headers: HeaderList = [...input.headers];
  if (input.body !== undefined && !has(input.headers, 'content-length')) headers.push(['Content-Length', String(bodyBytes)]);
  if (!has(input.headers, 'host')) headers.push(['Host', input.url.host]);
  if (!has(input.headers, 'connection')) headers.push(['Connection', 'keep-alive']);
  const body = input.body === undefined ? null : mask(input.body.length > SHOWN_BODY_CHARS ? `${input.body.slice(0, SHOWN_BODY_CHARS)}\n… (${bodyBytes} bytes in all)` : input.body);
  return {
    method: input.method,
    url: mask(input.shownUrl),
    headers: maskHeaders(headers, mask),
    body,
    bodyBytes,
    credentialName: input.credentialName,
    environmentName: input.environmentName,
    ...(input.dpopProof !== undefined ? { dpopProof: decodeProof(input.dpopProof) } : {}),
  };
}

export function responseSummary(
  response: HttpResponse,
  renewal: { renewedAfter401: boolean; renewalError?: { message: string; hint?: string } | undefined },
  mask: Mask,
): ResponseSummary {
  const headers: Header[] = Object.entries(response.headers).map(([name, value]) => [name, mask(value)]);
  for (const line of response.setCookie) headers.push(['set-cookie', mask(maskSetCookie(line))]);
  return {
    status: response.status,
    statusText: response.statusText,
    url: mask(response.url),
    redirects: response.redirects.map((r) => ({ ...r, from: mask(r.from), to: mask(r.to) })),
    headers,
    sizeBytes: response.body.length,
    timings: { ...response.timings },
    renewedAfter401: renewal.renewedAfter401,
    ...(renewal.renewalError ? { renewalError: { message: mask(renewal.renewalError.message), ...(renewal.renewalError.hint ? { hint: mask(renewal.renewalError.hint) } : {}) } } : {}),
  };
}
