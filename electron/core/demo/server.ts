/**
 * The built-in demo: a tiny auth service and API on 127.0.0.1 (random port, node:http) that the
 * main process runs only while the demo is in use, so a newcomer sees a token, its countdown,
 * its renewal and an authenticated call without any account anywhere.
 *
 * It speaks two dialects (see dialects.ts): textbook OAuth2 client credentials returning a
 * short-lived JWT, and a custom JSON "session" dialect with a zone-less expiry timestamp.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createDemoDialects, jsonReply, type DemoReply, type DemoRequest } from './dialects';

export interface DemoServerOptions {
  clientId: string;
  clientSecret: string;
  apiKey: string;
  /** Lifetime of the OAuth2 JWT. */
  lifetimeSeconds: number;
  /** Lifetime of a session in the custom dialect; default twice the JWT's. */
  sessionLifetimeSeconds?: number;
  /** Millisecond clock for issuing and checking tokens; default Date.now (tests pass their own). */
  now?: () => number;
}

export interface DemoServer {
  /** e.g. http://127.0.0.1:43123 (no trailing slash) */
  readonly url: string;
  readonly jwksUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  let url = '';
  const dialects = await createDemoDialects({ ...options, now: options.now ?? Date.now, issuer: () => url });
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: DemoReply;
    try {
      const body = await readBody(request);
      reply = body === undefined ? jsonReply(413, { error: 'request_too_large' }) : await dialects.route(toDemoRequest(request, body));
    } catch {
      reply = jsonReply(500, { error: 'server_error', error_description: 'The demo server hit a problem.' });
    }
    if (response.destroyed) return;
    response.writeHead(reply.status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...reply.headers });
    response.end(JSON.stringify(reply.body));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    jwksUrl: `${url}/.well-known/jwks.json`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function toDemoRequest(request: IncomingMessage, body: string): DemoRequest {
  const parsed = new URL(request.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
  return { method: request.method ?? 'GET', path: parsed.pathname, headers, body };
}

/** The body as text, or undefined when it is larger than the demo accepts. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
