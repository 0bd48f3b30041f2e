// One HTTP request/response exchange over node:http(s) with keep-alive agents: timing breakdown from
// socket events, connect and total deadlines, cancellation and a body size cap. Redirects are the
// caller's business (client.ts).
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { performance } from 'node:perf_hooks';
import { HttpError, httpError, toHttpError } from './errors';
import type { ClientTlsOptions, HttpTimings } from './types';

export interface Agents {
  http: http.Agent;
  https: https.Agent;
  insecureHttps: https.Agent;
  /** The pool of one client certificate and CA (mutual TLS), made on first use. */
  clientTls(options: ClientTlsOptions, insecure: boolean): https.Agent;
  destroy(): void;
}

export function createAgents(maxSockets: number, trustedCertificates?: string[]): Agents {
  // Idle connections are kept up to the same limit, so a burst does not reopen them next time.
  const common = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
  // `ca` replaces the built-in roots, so extra certificates are added to them, not instead.
  const withRoots = (extra: string[]) => (extra.length ? { ca: [...tls.rootCertificates, ...extra] } : {});
  const shared = {
    http: new http.Agent(common),
    https: new https.Agent({ ...common, ...withRoots(trustedCertificates ?? []) }),
    // A separate pool, so a connection made without certificate checks is never reused for a checked one.
    insecureHttps: new https.Agent({ ...common, rejectUnauthorized: false }),
  };
  // Keyed by a digest of the material: a connection is reused only with the same certificate and CA.
  const identified = new Map<string, https.Agent>();
  return {
    ...shared,
    clientTls(options, insecure) {
      const digest = createHash('sha256');
      for (const part of [options.cert, options.key, options.pfx, options.passphrase, options.ca, String(insecure)]) digest.update(part ?? '').update('\0');
      const id = digest.digest('hex');
      let agent = identified.get(id);
      if (!agent) {
        agent = new https.Agent({
          ...common,
          ...withRoots([...(trustedCertificates ?? []), ...(options.ca ? [options.ca] : [])]),
          ...(options.cert !== undefined ? { cert: options.cert } : {}),
          ...(options.key !== undefined ? { key: options.key } : {}),
          ...(options.pfx !== undefined ? { pfx: Buffer.from(options.pfx) } : {}),
          ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
          ...(insecure ? { rejectUnauthorized: false } : {}),
        });
        identified.set(id, agent);
      }
      return agent;
    },
    destroy() {
      for (const agent of [shared.http, shared.https, shared.insecureHttps, ...identified.values()]) agent.destroy();
      identified.clear();
    },
  };
}

export interface ExchangeInput {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | string | undefined;
  allowInsecureTls: boolean;
  clientTls: ClientTlsOptions | undefined;
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

/**
 * Under TLS 1.3 a server checks the client certificate after the handshake, and one that refuses
 * it often just drops the connection before the alert arrives: with a certificate presented, a
 * fresh connection closed before any answer is reported as that likely refusal.
 */
function withClientCertificate(error: HttpError, input: ExchangeInput, handshakeDone: boolean, host: string): HttpError {
  if (!input.clientTls || !handshakeDone || error.code !== 'connection-reset') return error;
  return new HttpError(
    'tls-client-certificate-refused',
    `${host} closed the connection right after the secure handshake, before answering: it most likely refused the client certificate presented (mutual TLS), because it does not trust its issuer or the certificate expired or was revoked.`,
    error.detail,
  );
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
      agent: !secure ? agents.http : input.clientTls ? agents.clientTls(input.clientTls, input.allowInsecureTls) : input.allowInsecureTls ? agents.insecureHttps : agents.https,
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
        handshakeDone = true;
        timings.tlsMs = since(mark);
        clearTimeout(connectTimer);
      });
    });
    request.on('finish', () => {
      sentAt = performance.now();
    });
    let handshakeDone = false;
    request.on('error', (error) => finish(withClientCertificate(toHttpError(error, host), input, handshakeDone, host)));
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
