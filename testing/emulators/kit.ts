// Shared plumbing for the emulators: a loopback HTTP server on a random port, request bodies read
// with a size cap, request counters, a token-request log and fault injection. Each vendor file
// only describes its own token endpoint and API. Nothing here writes to the console.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { json, type Reply } from './kit-requests';

/** A canned answer the next token request(s) get instead of the vendor's real one. */
export interface Fault {
  status: number;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering; a long delay simulates a hung auth service. */
  delayMs?: number;
  /** How many token requests get this answer: default 1, Infinity = until close. */
  times?: number;
}

export interface TokenRequestLogEntry {
  at: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:43123 (no trailing slash) */
  url: string;
  /** Token-endpoint requests received, rejected ones included. */
  readonly tokenRequests: number;
  /** API requests received. */
  readonly apiRequests: number;
  /** Every token request as received (raw headers and body: test introspection only). */
  readonly tokenRequestLog: TokenRequestLogEntry[];
  injectTokenFault(f: Fault): void;
  /** Issued tokens stop working: the API answers 401 until a new token is fetched. */
  revokeAllTokens(): void;
  close(): Promise<void>;
}

/** Options every emulator accepts. */
export interface ClockOption {
  /** Millisecond clock used for token expiry and logs; default Date.now. */
  now?: () => number;
}

export interface EmulatorRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  ip: string;
}

export type { Reply };

type Handler = (req: EmulatorRequest) => Reply | Promise<Reply>;

export interface EmulatorSetup {
  /** Exact path of the token endpoint: counted, logged and faultable. */
  tokenPath: string;
  /** Paths starting with this are API requests (counted). */
  apiPrefix: string;
  token: Handler;
  api: Handler;
  /** Every other path; default 404 `notFound`. */
  other?: Handler;
  notFound: unknown;
  /** Runs before routing; a reply here answers the request (e.g. Lengow's IP ban). */
  gate?: (req: EmulatorRequest) => Reply | undefined;
  revokeAllTokens(): void;
  now?: () => number;
}

/** Request bodies past this size answer 413: no emulated endpoint needs more. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Pending faults, each used `times` times in order. */
export class FaultQueue {
  private readonly queue: { fault: Fault; left: number }[] = [];

  push(fault: Fault): void {
    this.queue.push({ fault, left: fault.times ?? 1 });
  }

  take(): Fault | undefined {
    const head = this.queue[0];
    if (head === undefined) return undefined;
    head.left -= 1;
    if (head.left <= 0) this.queue.shift();
    return head.fault;
  }
}

export function faultReply(fault: Fault): Reply {
  return {
    status: fault.status,
    body: fault.body ?? '',
    headers: { 'content-type': fault.contentType ?? 'text/plain; charset=utf-8', ...fault.headers },
  };
}

/** Counters, log and faults behind the Emulator interface, shared with the oidc-provider fixture. */
export class RequestRecord {
  tokenRequests = 0;
  apiRequests = 0;
  readonly log: TokenRequestLogEntry[] = [];
  readonly faults = new FaultQueue();

  /** Counts a token request and returns its log entry, to be completed when answered. */
  logTokenRequest(at: number, headers: Record<string, string>): TokenRequestLogEntry {
    this.tokenRequests += 1;
    const entry: TokenRequestLogEntry = { at, status: 0, headers, body: '' };
    this.log.push(entry);
    return entry;
  }

  /** The Emulator face of this record. */
  emulator(url: string, revokeAllTokens: () => void, close: () => Promise<void>): Emulator {
    // The getters below run with the returned object as `this`; the arrow keeps the record's.
    const counts = (): { tokenRequests: number; apiRequests: number } => this;
    return {
      url,
      get tokenRequests() {
        return counts().tokenRequests;
      },
      get apiRequests() {
        return counts().apiRequests;
      },
      tokenRequestLog: this.log,
      injectTokenFault: (f: Fault) => this.faults.push(f),
      revokeAllTokens,
      close,
    };
  }
}

export interface LoopbackServer {
  url: string;
  /** Resolves true after `ms`, or false as soon as the server closes. */
  wait(ms: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:0. close() also drops open connections and pending waits, so a test that
 * injected a "hang" never keeps the process alive. */
export async function listenOnLoopback(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LoopbackServer> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  const waits = new Set<() => void>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    wait(ms) {
      return new Promise<boolean>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          waits.delete(wake);
          resolve(false);
        };
        const timer = setTimeout(() => {
          waits.delete(wake);
          resolve(true);
        }, ms);
        waits.add(wake);
      });
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const wake of [...waits]) wake();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

/** Request headers with repeated values joined, as the log and handlers see them. */
export function flatHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function answer(setup: EmulatorSetup, req: EmulatorRequest, isToken: boolean, isApi: boolean): Promise<Reply> {
  const gated = setup.gate?.(req);
  if (gated !== undefined) return gated;
  if (isToken) return setup.token(req);
  if (isApi) return setup.api(req);
  return setup.other?.(req) ?? json(404, setup.notFound);
}

/**
 * Starts a vendor emulator. `extras` are added to the returned object with their getters kept,
 * so a vendor can expose live state (e.g. `banned`) next to the common Emulator fields.
 */
export async function startEmulator<X extends object>(setup: EmulatorSetup, extras: X): Promise<Emulator & X> {
  const now = setup.now ?? Date.now;
  const record = new RequestRecord();

  const server = await listenOnLoopback((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers = flatHeaders(req.headers);
      const isToken = url.pathname === setup.tokenPath;
      const isApi = !isToken && url.pathname.startsWith(setup.apiPrefix);
      if (isApi) record.apiRequests += 1;
      const entry = isToken ? record.logTokenRequest(now(), headers) : undefined;

      let reply: Reply;
      try {
        const body = await readBody(req);
        if (entry) entry.body = body;
        const fault = isToken ? record.faults.take() : undefined;
        if (fault !== undefined) {
          if (fault.delayMs !== undefined && !(await server.wait(fault.delayMs))) return;
          reply = faultReply(fault);
        } else {
          const request = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body, ip: req.socket.remoteAddress ?? '' };
          reply = await answer(setup, request, isToken, isApi);
        }
      } catch (error) {
        reply = error instanceof BodyTooLarge
          ? json(413, { error: 'request_too_large', message: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` })
          : json(500, { error: 'emulator_failure', message: error instanceof Error ? error.message : String(error) });
      }
      if (entry) entry.status = reply.status;
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body ?? '');
    })();
  });

  const base = record.emulator(server.url, () => setup.revokeAllTokens(), () => server.close());
  return Object.defineProperties(base, Object.getOwnPropertyDescriptors(extras)) as Emulator & X;
}
