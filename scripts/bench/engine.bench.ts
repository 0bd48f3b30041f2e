// Token engine speed against bare fetch on loopback, both measured in this run:
//  1. token acquisition: engine.getToken (forced) vs fetch of the same token request; goal <= 1.15
//  2. 1,000 concurrent authenticated calls from a cold cache: token requests made (goal 1) and
//     throughput vs fetch with a fixed Authorization header; goal >= 0.85
// Run: npx tsx scripts/bench/engine.bench.ts
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { RecipeSchema } from '../../shared/recipe';
import { createTokenEngine, MemoryTokenCache, type EngineCredential, type EngineEnvironment } from '../../electron/core/engine';
import { createHttpClient } from '../../electron/core/http';

const TOKEN = 'bench-access-token-0123456789abcdef';
const TOKEN_BODY = JSON.stringify({ access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 });
const API_BODY = JSON.stringify({ ok: true, items: [1, 2, 3] });

interface BenchServer {
  url: string;
  tokenRequests: number;
  close(): Promise<void>;
}

/** A minimal token endpoint and API, so that client overhead is what gets measured. */
async function startServer(): Promise<BenchServer> {
  const state = { tokenRequests: 0 };
  const answer = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    if (req.url === '/token') {
      state.tokenRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(TOKEN_BODY);
    } else if (req.headers.authorization === `Bearer ${TOKEN}`) res.writeHead(200, { 'content-type': 'application/json' }).end(API_BODY);
    else res.writeHead(401).end();
  };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(req, res));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get tokenRequests() {
      return state.tokenRequests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function setup(url: string): { env: EngineEnvironment; cred: EngineCredential } {
  const recipe = RecipeSchema.parse({
    version: 1,
    kind: 'token-request',
    tokenRequest: {
      url: '{{baseUrl}}/token',
      body: { encoding: 'form', fields: { grant_type: 'client_credentials' } },
      clientAuth: { type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' },
    },
    // Forced renewals back to back: the guard's spacing would (rightly) refuse them.
    guard: { minIntervalSeconds: 0, backoffInitialSeconds: 0, backoffMaxSeconds: 0 },
  });
  const env: EngineEnvironment = {
    id: 'bench',
    name: 'Bench',
    production: false,
    allowedHosts: ['127.0.0.1'],
    allowInsecureTls: false,
    variables: {
      baseUrl: { value: url, secret: false },
      clientId: { value: 'bench-client', secret: false },
      clientSecret: { value: 'bench-secret-0123456789', secret: true },
    },
  };
  return { env, cred: { id: 'cred', name: 'Bench credential', recipe } };
}

async function timeSequential(iterations: number, op: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await op();
  return (performance.now() - start) / iterations;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function tokenAcquisition(server: BenchServer): Promise<void> {
  const { env, cred } = setup(server.url);
  const engine = createTokenEngine({ cache: new MemoryTokenCache() });
  const basic = `Basic ${Buffer.from('bench-client:bench-secret-0123456789').toString('base64')}`;
  const viaFetch = async () => {
    const res = await fetch(`${server.url}/token`, {
      method: 'POST',
      headers: { Authorization: basic, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const json = (await res.json()) as { access_token: string };
    if (json.access_token !== TOKEN) throw new Error('bad token');
  };
  const viaEngine = async () => {
    const issued = await engine.getToken(env, cred, { forceRenew: true });
    if (issued.token !== TOKEN) throw new Error('bad token');
  };
  await timeSequential(300, viaFetch);
  await timeSequential(300, viaEngine);
  const fetchRuns: number[] = [];
  const engineRuns: number[] = [];
  for (let round = 0; round < 5; round++) {
    fetchRuns.push(await timeSequential(500, viaFetch));
    engineRuns.push(await timeSequential(500, viaEngine));
  }
  engine.dispose();
  const ratio = median(engineRuns) / median(fetchRuns);
  console.log(
    `token acquisition: engine ${median(engineRuns).toFixed(3)} ms, fetch ${median(fetchRuns).toFixed(3)} ms per request; ` +
      `ratio ${ratio.toFixed(2)} (goal <= 1.15) ${ratio <= 1.15 ? 'OK' : 'MISSED'}`,
  );
}

async function concurrentCalls(server: BenchServer): Promise<void> {
  const calls = 1000;
  const { env, cred } = setup(server.url);
  const http = createHttpClient();
  const viaFetch = async () => {
    const start = performance.now();
    const answers = await Promise.all(
      Array.from({ length: calls }, async () => {
        const res = await fetch(`${server.url}/api/items`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    if (answers.some((s) => s !== 200)) throw new Error('fetch baseline failed');
    return calls / ((performance.now() - start) / 1000);
  };
  let tokenRequests: number[] = [];
  const viaEngine = async () => {
    // A cold cache each round: the token request is part of the measured work.
    const engine = createTokenEngine({ cache: new MemoryTokenCache(), http });
    const before = server.tokenRequests;
    const start = performance.now();
    const answers = await Promise.all(Array.from({ length: calls }, () => engine.authenticatedRequest(env, cred, { method: 'GET', url: `${server.url}/api/items` })));
    const rate = calls / ((performance.now() - start) / 1000);
    tokenRequests.push(server.tokenRequests - before);
    engine.dispose();
    if (answers.some((a) => a.response.status !== 200)) throw new Error('engine calls failed');
    return rate;
  };
  await viaFetch();
  await viaEngine();
  tokenRequests = [];
  const fetchRates: number[] = [];
  const engineRates: number[] = [];
  for (let round = 0; round < 7; round++) {
    fetchRates.push(await viaFetch());
    engineRates.push(await viaEngine());
  }
  http.close();
  const ratio = median(engineRates) / median(fetchRates);
  const maxTokenRequests = Math.max(...tokenRequests);
  console.log(`1,000 concurrent authenticated calls: token requests per round ${maxTokenRequests} (goal 1) ${maxTokenRequests === 1 ? 'OK' : 'MISSED'}`);
  console.log(
    `1,000 concurrent authenticated calls: engine ${Math.round(median(engineRates))} req/s, fetch ${Math.round(median(fetchRates))} req/s; ` +
      `ratio ${ratio.toFixed(2)} (goal >= 0.85) ${ratio >= 0.85 ? 'OK' : 'MISSED'}`,
  );
}

export default async function run(): Promise<void> {
  const server = await startServer();
  try {
    console.log('engine.bench (loopback, baselines measured in this run)');
    await tokenAcquisition(server);
    await concurrentCalls(server);
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await run();
