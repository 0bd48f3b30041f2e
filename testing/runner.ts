// Real parts for runner tests: a local API server on 127.0.0.1 (echo, JSON of any size, slow,
// binary, a token-protected route with its token endpoint) and RunnerDeps built from the real HTTP
// client, the real token engine and an in-memory workspace; the runner masks with its own
// production mask. Not a test file: imported by tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/errors';
import type { Environment } from '../shared/domain/environment';
import type { Recipe } from '../shared/recipe/index';
import { createManualClock, createTokenEngine, MemoryTokenCache, type TokenCache, type TokenEngine } from '../electron/core/engine/index';
import { createHttpClient, type NodeHttpClient } from '../electron/core/http/index';
import type { RunnerDeps } from '../electron/core/runner/deps';

export interface ReceivedRequest {
  method: string;
  url: string;
  rawHeaders: string[];
  body: string;
}

export interface ApiServer {
  url: string;
  received: ReceivedRequest[];
  /** Tokens the token endpoint issued, oldest first; only the last one is accepted. */
  issued: string[];
  close(): Promise<void>;
}

/** A JSON array of about `bytes` bytes (minified). */
export function jsonOfSize(bytes: number): string {
  const item = (i: number) => ({ id: i, name: `order ${i}`, total: i * 3, lines: [{ sku: `SKU-${i}`, qty: 1 }], note: 'lorem ipsum dolor sit amet' });
  const one = JSON.stringify(item(0)).length + 1;
  return JSON.stringify(Array.from({ length: Math.max(1, Math.round(bytes / one)) }, (_, i) => item(i)));
}

export async function startApiServer(): Promise<ApiServer> {
  const received: ReceivedRequest[] = [];
  const issued: string[] = [];
  const bodies = new Map<number, string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      received.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body });
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      switch (url.pathname) {
        case '/echo':
          return json(200, { method: req.method, url: req.url, headers: req.headers, body }, { 'Set-Cookie': 'sid=session-value-1234; Path=/; HttpOnly' });
        case '/json': {
          const size = Number(url.searchParams.get('bytes') ?? 2048);
          const text = bodies.get(size) ?? jsonOfSize(size);
          bodies.set(size, text);
          res.writeHead(200, { 'Content-Type': 'application/json' });
          return res.end(text);
        }
        case '/text':
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          return res.end(url.searchParams.get('say') ?? 'hello\nworld\n');
        case '/binary':
          res.writeHead(200, { 'Content-Type': 'image/png' });
          return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1]));
        case '/slow': {
          const timer = setTimeout(() => json(200, { slow: true }), Number(url.searchParams.get('ms') ?? 5000));
          res.on('close', () => clearTimeout(timer));
          return;
        }
        case '/token': {
          const token = `tok-${randomUUID()}`;
          issued.push(token);
          return json(200, { access_token: token, expires_in: 3600 });
        }
        case '/protected': {
          const ok = issued.length > 0 && req.headers.authorization === `Bearer ${issued.at(-1)}`;
          return ok ? json(200, { hello: 'you' }) : json(401, { error: 'invalid_token' }, { 'WWW-Authenticate': 'Bearer' });
        }
        default:
          return json(404, { error: 'not found' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function testEnvironment(overrides: Partial<Environment> & { name: string }): Environment {
  return {
    id: randomUUID(),
    production: false,
    allowedHosts: [],
    allowInsecureTls: false,
    confirmProduction: true,
    variables: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export interface TestCredential {
  id: string;
  name: string;
  /** Where a token is fetched (POST) — the API server's /token. */
  tokenUrl: string;
  /** A recipe of its own instead of the textbook one for the API server. */
  recipe?: Recipe;
}

/** A textbook recipe for the test server: POST the token URL, read `access_token`, send it as Bearer. */
function recipeFor(credential: TestCredential): Recipe {
  return {
    version: 1,
    kind: 'token-request',
    tokenRequest: { method: 'POST', url: credential.tokenUrl, query: {}, headers: {}, body: { encoding: 'json', fields: {} }, clientAuth: { type: 'none' }, timeoutSeconds: 15 },
    tokenResponse: { token: 'access_token', lifetime: { from: 'expires-in', path: 'expires_in' }, extras: {} },
    renewal: {},
    // No spacing between token requests, so a test can force a 401 renewal at once.
    guard: { minIntervalSeconds: 0, backoffInitialSeconds: 0, backoffMaxSeconds: 0 },
    use: { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' },
  };
}

export interface TestWorld {
  deps: RunnerDeps;
  events: Array<{ event: string; payload: unknown }>;
  http: NodeHttpClient;
  engine: TokenEngine;
  environments: Environment[];
  variables: Map<string, Record<string, { value: string; secret: boolean }>>;
  credentials: TestCredential[];
  now: { value: number };
}

/** RunnerDeps from real parts: the HTTP client, the token engine, environments in memory, a real token endpoint. */
export function createTestWorld(dataDir: string): TestWorld {
  const http = createHttpClient();
  const now = { value: Date.UTC(2025, 0, 1) };
  const cache: TokenCache = new MemoryTokenCache();
  const engine = createTokenEngine({ cache, http, clock: createManualClock(now.value) });
  const world: Omit<TestWorld, 'deps'> = { events: [], http, engine, environments: [], variables: new Map(), credentials: [], now };

  const deps: RunnerDeps = {
    dataDir,
    clock: { now: () => world.now.value },
    http,
    emit: (event, payload) => world.events.push({ event, payload }),
    findEnvironment(id) {
      const found = world.environments.find((e) => e.id === id);
      if (!found) throw new AppError('not-found', 'That environment no longer exists.');
      return found;
    },
    findCredential(id) {
      const found = world.credentials.find((c) => c.id === id);
      if (!found) throw new AppError('not-found', 'That credential no longer exists.');
      return { id: found.id, name: found.name };
    },
    async resolveVariables(environmentId) {
      return { ...(world.variables.get(environmentId) ?? {}) };
    },
    async authenticatedRequest(environmentId, credentialId, request) {
      const environment = deps.findEnvironment(environmentId);
      const credential = world.credentials.find((c) => c.id === credentialId)!;
      const env = { ...environment, variables: await deps.resolveVariables(environmentId) };
      return engine.authenticatedRequest(env, { id: credential.id, name: credential.name, recipe: credential.recipe ?? recipeFor(credential) }, request);
    },
  };
  return { ...world, deps };
}
