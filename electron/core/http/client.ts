// The HTTP client the token engine and the request runner use: keep-alive exchanges, redirects
// followed by hand (a few hops) so that credentials are never sent on to another origin, and TLS
// verification on unless the caller explicitly opts out.
import { performance } from 'node:perf_hooks';
import { isHostAllowed } from '../../../shared/domain/allowed-hosts';
import { HttpError, httpError } from './errors';
import { createAgents, exchange, type Agents } from './exchange';
import type { HeaderList, HttpClient, HttpRedirect, HttpRequest, HttpResponse } from './types';

export const HTTP_DEFAULTS = {
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  maxSocketsPerOrigin: 64,
} as const;

/** Never sent on when a redirect leaves the origin (scheme, host and port). */
const ALWAYS_SENSITIVE = ['authorization', 'cookie', 'proxy-authorization'];

export interface NodeHttpClient extends HttpClient {
  /** Closes idle keep-alive connections. */
  close(): void;
}

export interface HttpClientOptions {
  /**
   * Connections per origin; further requests queue. Default 64: a burst of 1,000 calls opening
   * 1,000 sockets is slower than reusing a few (and unkind to the server).
   */
  maxSockets?: number;
  /** PEM certificates trusted in addition to the system's (a company CA, a test CA). */
  trustedCertificates?: string[];
}

function headerRecord(headers: HttpRequest['headers']): Record<string, string> {
  if (!headers) return {};
  if (!Array.isArray(headers)) return { ...headers };
  const record: Record<string, string> = {};
  for (const [name, value] of headers as HeaderList) record[name] = value;
  return record;
}

/**
 * `text` resolved against `base` (a redirect's Location) or alone. The error names where the
 * address came from, never the address itself: its query may carry a secret.
 */
function parseUrl(text: string, base?: URL): URL {
  const problem = (why: string) =>
    httpError('invalid-url', base ? `${base.host} redirected to an address that is not a valid http(s) URL (${why}).` : `The request address is not a valid http(s) URL (${why}).`);
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw problem('malformed');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw problem(`${url.protocol.slice(0, -1)} is not http or https`);
  return url;
}

function withoutHeaders(headers: Record<string, string>, names: Set<string>): { headers: Record<string, string>; dropped: boolean } {
  const kept: Record<string, string> = {};
  let dropped = false;
  for (const [name, value] of Object.entries(headers)) {
    if (names.has(name.toLowerCase())) dropped = true;
    else kept[name] = value;
  }
  return { headers: kept, dropped };
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): { headers: Record<string, string>; setCookie: string[] } {
  const headers: Record<string, string> = {};
  let setCookie: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (name === 'set-cookie') setCookie = Array.isArray(value) ? value : [value];
    else headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { headers, setCookie };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createHttpClient(options: HttpClientOptions = {}): NodeHttpClient {
  const agents: Agents = createAgents(options.maxSockets ?? HTTP_DEFAULTS.maxSocketsPerOrigin, options.trustedCertificates);

  async function send(request: HttpRequest): Promise<HttpResponse> {
    const started = performance.now();
    const deadline = started + (request.timeoutMs ?? HTTP_DEFAULTS.timeoutMs);
    const maxRedirects = request.maxRedirects ?? HTTP_DEFAULTS.maxRedirects;
    const sensitive = new Set([...ALWAYS_SENSITIVE, ...(request.sensitiveHeaders ?? []).map((h) => h.toLowerCase())]);
    let url = parseUrl(request.url);
    let method = request.method.toUpperCase();
    let headers = headerRecord(request.headers);
    let body = request.body;
    const redirects: HttpRedirect[] = [];

    for (;;) {
      if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
        headers['Content-Length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      }
      const result = await exchange(
        {
          url,
          method,
          headers,
          body,
          allowInsecureTls: request.allowInsecureTls ?? false,
          clientTls: request.clientTls,
          connectTimeoutMs: request.connectTimeoutMs ?? HTTP_DEFAULTS.connectTimeoutMs,
          deadline,
          maxBodyBytes: request.maxBodyBytes ?? HTTP_DEFAULTS.maxBodyBytes,
          signal: request.signal,
        },
        agents,
      );
      const location = result.rawHeaders.location;
      if (!REDIRECTS.has(result.status) || maxRedirects === 0 || typeof location !== 'string') {
        return {
          status: result.status,
          statusText: result.statusText,
          ...responseHeaders(result.rawHeaders),
          body: result.body,
          url: url.href,
          redirects,
          timings: { ...result.timings, totalMs: performance.now() - started },
        };
      }
      if (redirects.length >= maxRedirects) throw httpError('too-many-redirects', url.host);
      const next = parseUrl(location, url);
      if (request.allowedHosts?.length && !isHostAllowed(next, request.allowedHosts)) {
        throw new HttpError('redirect-refused', `${url.host} redirected to ${next.host}, which is not among the environment's allowed hosts; the redirect was not followed.`);
      }
      const crossOrigin = next.origin !== url.origin;
      // As browsers do: 303, and 301/302 after a POST, become a GET without a body.
      const keepsBody = result.status === 307 || result.status === 308 || (method !== 'POST' && result.status !== 303);
      if (!keepsBody) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        headers = withoutHeaders(headers, new Set(['content-type', 'content-length'])).headers;
      } else if (crossOrigin && body !== undefined && request.sensitiveBody) {
        throw httpError('redirect-refused', url.host);
      }
      let credentialsDropped = false;
      if (crossOrigin) ({ headers, dropped: credentialsDropped } = withoutHeaders(headers, sensitive));
      redirects.push({ status: result.status, from: url.href, to: next.href, credentialsDropped });
      url = next;
    }
  }

  return {
    send,
    close() {
      agents.destroy();
    },
  };
}
