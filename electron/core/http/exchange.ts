// One HTTP request/response exchange over node:http(s) with keep-alive agents: timing breakdown from
// socket events, connect and total deadlines, cancellation and a body size cap. Redirects are the
// caller's business (client.ts).
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { performance } from 'node:perf_hooks';
import { httpError, toHttpError, type HttpError } from './errors';
import type { HttpTimings } from './types';

export interface Agents {
  http: http.Agent;
  https: https.Agent;
  insecureHttps: https.Agent;
}

export function createAgents(maxSockets: number, trustedCertificates?: string[]): Agents {
  // Idle connections are kept up to the same limit, so a burst does not reopen them next time.
  const common = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
  // `ca` replaces the built-in roots, so extra certificates are added to them, not instead.
  const ca = trustedCertificates?.length ? { ca: [...tls.rootCertificates, ...trustedCertificates] } : {};
  return {
    http: new http.Agent(common),
    https: new https.Agent({ ...common, ...ca }),
    // A separate pool, so a connection made without certificate checks is never reused for a checked one.
    insecureHttps: new https.Agent({ ...common, rejectUnauthorized: false }),
  };
}

export interface ExchangeInput {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | string | undefined;
  allowInsecureTls: boolean;
  connectTimeoutMs: number;
  /** performance.now() value after which the exchange fails with `timeout`. */
  deadline: number;
  maxBodyBytes: number;
  signal: AbortSignal | undefined;
}

export interface ExchangeResult {
  status: number;
  statusText: string;
  rawHeaders: http.IncomingHttpHeaders;
  body: Buffer;
  timings: Omit<HttpTimings, 'totalMs'>;
}

const since = (from: number) => Math.max(0, performance.now() - from);

export function exchange(input: ExchangeInput, agents: Agents): Promise<ExchangeResult> {
  const { url } = input;
  const host = url.host;
  return new Promise<ExchangeResult>((resolve, reject) => {
    const started = performance.now();
    const timings = { dnsMs: 0, connectMs: 0, tlsMs: 0, firstByteMs: 0, downloadMs: 0, reusedConnection: false };
    let sentAt = started;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (error: HttpError | undefined, result?: ExchangeResult) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(result!);
    };
    const fail = (error: HttpError) => {
      request.destroy(error);
      finish(error);
    };
    const onAbort = () => fail(httpError('aborted', host));

    const secure = url.protocol === 'https:';
    const options: https.RequestOptions = {
      method: input.method,
      headers: input.headers,
      agent: secure ? (input.allowInsecureTls ? agents.insecureHttps : agents.https) : agents.http,
    };
    const request = (secure ? https : http).request(url, options);

    const remaining = input.deadline - started;
    if (remaining <= 0) return finish(httpError('timeout', host));
    timers.push(setTimeout(() => fail(httpError('timeout', host)), remaining));
    if (input.signal?.aborted) return fail(httpError('aborted', host));
    input.signal?.addEventListener('abort', onAbort, { once: true });

    request.on('socket', (socket: Socket) => {
      if (!socket.connecting) {
        timings.reusedConnection = true;
        return;
      }
      const connectTimer = setTimeout(() => fail(httpError('connect-timeout', host)), input.connectTimeoutMs);
      timers.push(connectTimer);
      let mark = started;
      socket.once('lookup', () => {
        timings.dnsMs = since(mark);
        mark = performance.now();
      });
      socket.once('connect', () => {
        timings.connectMs = since(mark);
        mark = performance.now();
        if (!secure) clearTimeout(connectTimer);
      });
      socket.once('secureConnect', () => {
        timings.tlsMs = since(mark);
        clearTimeout(connectTimer);
      });
    });
    request.on('finish', () => {
      sentAt = performance.now();
    });
    request.on('error', (error) => finish(toHttpError(error, host)));
    request.on('response', (response) => {
      const firstByte = performance.now();
      timings.firstByteMs = Math.max(0, firstByte - sentAt);
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > input.maxBodyBytes) return fail(httpError('too-large', host));
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > input.maxBodyBytes) return fail(httpError('too-large', host));
        chunks.push(chunk);
      });
      response.on('error', (error) => finish(toHttpError(error, host)));
      response.on('aborted', () => finish(httpError('connection-reset', host)));
      response.on('end', () => {
        timings.downloadMs = since(firstByte);
        finish(undefined, {
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          rawHeaders: response.headers,
          body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size),
          timings,
        });
      });
    });
    request.end(input.body);
  });
}
