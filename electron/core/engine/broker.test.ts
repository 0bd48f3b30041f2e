// The broker's protections, end to end over loopback HTTP against the OAuth2 emulator, with a
// manual clock shared by the engine and the emulator.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOAuth2ClientCredentials, type OAuth2ClientCredentialsEmulator } from '../../../testing/emulators';
import { createManualClock, type ManualClock } from '../clock';
import { createTokenEngine, type TokenEngine } from './engine';
import { TokenError } from './errors';
import { MemoryTokenCache } from './memory-cache';
import { credential, environment, presetOf, rejection } from '../../../testing/engine';
import type { EngineCredential, EngineEnvironment } from './types';

const CLIENT_SECRET = 'cc-secret-DO-NOT-LEAK-7a3f';
const preset = presetOf('oauth2-client-credentials-basic');

let clock: ManualClock;
let server: OAuth2ClientCredentialsEmulator;
let engine: TokenEngine;
let cache: MemoryTokenCache;
let env: EngineEnvironment;
let cred: EngineCredential;

beforeEach(async () => {
  clock = createManualClock(Date.UTC(2025, 0, 1));
  server = await startOAuth2ClientCredentials({ clientId: 'bench-client', clientSecret: CLIENT_SECRET, lifetimeSeconds: 3600, now: clock.now });
  cache = new MemoryTokenCache();
  engine = createTokenEngine({ cache, clock });
  env = environment(preset, { tokenUrl: `${server.url}/oauth/v2/token`, clientId: 'bench-client', clientSecret: CLIENT_SECRET });
  cred = credential(preset);
});

afterEach(async () => {
  engine.dispose();
  await server.close();
});

/** An API that answers 401 to every token. */
async function startRejectingApi(): Promise<{ url: string; hits(): number; close(): Promise<void> }> {
  let hits = 0;
  const api = createServer((_req, res) => {
    hits += 1;
    res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end();
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(api.address() as AddressInfo).port}/resource`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => { api.closeAllConnections(); api.close(() => resolve()); }),
  };
}

async function attempt(): Promise<TokenError | undefined> {
  try {
    await engine.getToken(env, cred);
    return undefined;
  } catch (error) {
    if (error instanceof TokenError) return error;
    throw error;
  }
}

describe('token broker', () => {
  it('answers 200 concurrent callers with exactly one token request', async () => {
    const tokens = await Promise.all(Array.from({ length: 200 }, () => engine.getToken(env, cred)));
    expect(server.tokenRequests).toBe(1);
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1);
    expect((await engine.getToken(env, cred)).fromCache).toBe(true);
    expect(server.tokenRequests).toBe(1);
  });

  it('renews ahead of expiry by the larger of 30 s and 10% of the lifetime', async () => {
    const first = await engine.getToken(env, cred);
    expect(first.expiresAt).toBe(clock.now() + 3600_000);
    clock.advance(3600_000 - 360_000 - 1000); // just before the 6-minute margin
    expect((await engine.getToken(env, cred)).token).toBe(first.token);
    expect((await engine.status(env, cred)).state).toBe('valid');
    clock.advance(2000); // inside the margin
    expect((await engine.status(env, cred)).state).toBe('renewing-soon');
    const renewed = await engine.getToken(env, cred);
    expect(renewed.token).not.toBe(first.token);
    expect(server.tokenRequests).toBe(2);
  });

  it('uses a per-recipe margin, and a token that is still valid when renewal fails', async () => {
    cred = credential(preset, (r) => ({ ...r, renewal: { marginSeconds: 60 } }) as typeof r);
    const first = await engine.getToken(env, cred);
    clock.advance(3600_000 - 61_000);
    expect((await engine.getToken(env, cred)).fromCache).toBe(true);
    clock.advance(2000);
    server.injectTokenFault({ status: 503, times: 1 });
    const kept = await engine.getToken(env, cred);
    expect(kept.token).toBe(first.token);
    const status = await engine.status(env, cred);
    expect(status.state).toBe('renewing-soon');
    expect(status.lastError?.code).toBe('server-error');
    clock.advance(60_000); // expired now, and past the backoff
    expect((await engine.getToken(env, cred)).token).not.toBe(first.token);
  });

  it('fires onChange when a token arrives, enters its renewal margin, and expires', async () => {
    const changes: number[] = [];
    engine.onChange(() => changes.push(clock.now()));
    const start = clock.now();
    await engine.getToken(env, cred);
    expect(changes).toEqual([start]);
    clock.advance(3600_000);
    expect(changes).toEqual([start, start + 3240_000, start + 3600_000]);
    expect((await engine.status(env, cred)).state).toBe('expired');
  });

  it('spaces token requests: forced renewals inside the minimum interval are refused with a time', async () => {
    await engine.getToken(env, cred);
    const refused = await engine.getToken(env, cred, { forceRenew: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TokenError);
    expect((refused as TokenError).code).toBe('guard-refused');
    expect((refused as TokenError).retryAt).toBe(clock.now() + 5000);
    expect((refused as TokenError).message).toMatch(/spaced at least 5 s apart.*allowed in 5 s/);
    clock.advance(5000);
    await engine.getToken(env, cred, { forceRenew: true });
    expect(server.tokenRequests).toBe(2);
  });

  it('does not count a refused connection against the spacing: nothing reached the auth service', async () => {
    // A port nothing listens on: the address a stopped server (the demo's, before a restart) left behind.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const stopped = environment(preset, { tokenUrl: `http://127.0.0.1:${deadPort}/oauth/v2/token`, clientId: 'bench-client', clientSecret: CLIENT_SECRET });

    const refused = await engine.getToken(stopped, cred).catch((e: unknown) => e);
    expect((refused as TokenError).code).toBe('connection-refused');
    // At once, and again: no spacing, no back-off, no request counted.
    expect((await engine.getToken(stopped, cred).catch((e: unknown) => e) as TokenError).code).toBe('connection-refused');
    const status = await engine.status(stopped, cred);
    expect(status.tokenRequestsLastHour).toBe(0);
    expect(status.guard).toMatchObject({ nextAttemptAt: null, consecutiveFailures: 0 });
    // The address corrected (the server moved to its new port): the token comes without waiting.
    await engine.getToken(env, cred);
    expect(server.tokenRequests).toBe(1);
  });

  it('counts a server that answered with an error against the spacing', async () => {
    server.injectTokenFault({ status: 503, times: 1 });
    expect((await attempt())?.code).toBe('server-error');
    expect((await attempt())?.code).toBe('guard-refused');
    expect(server.tokenRequests).toBe(1);
  });

  it('honours Retry-After on 429 (seconds and HTTP date): a server that always refuses sees few, spaced requests', async () => {
    server.injectTokenFault({ status: 429, body: '{"error":"slow_down"}', contentType: 'application/json', headers: { 'retry-after': '120' }, times: Infinity });
    const first = await attempt();
    expect(first?.code).toBe('rate-limited');
    expect(first?.retryAt).toBe(clock.now() + 120_000);
    expect(first?.message).toContain('Tokenbench will not ask again in 2 min');
    for (let second = 0; second < 600; second++) {
      clock.advance(1000);
      const error = await attempt();
      expect(error).toBeDefined();
    }
    const times = server.tokenRequestLog.map((entry) => entry.at);
    expect(times.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(120_000);
  });

  it('reads Retry-After as an HTTP date too', async () => {
    const date = new Date(clock.now() + 300_000).toUTCString();
    server.injectTokenFault({ status: 429, headers: { 'retry-after': date }, times: Infinity });
    const dated = await attempt();
    expect(dated?.code).toBe('rate-limited');
    expect(dated?.retryAt).toBe(Date.parse(date));
    clock.advance(299_000);
    expect((await attempt())?.code).toBe('guard-refused');
    expect(server.tokenRequests).toBe(1);
    clock.advance(1000);
    expect((await attempt())?.code).toBe('rate-limited');
    expect(server.tokenRequests).toBe(2);
  });

  it('backs off exponentially (capped) from a server that always fails', async () => {
    server.injectTokenFault({ status: 500, body: 'boom', times: Infinity });
    for (let second = 0; second < 3600; second++) {
      await attempt();
      clock.advance(1000);
    }
    const times = server.tokenRequestLog.map((entry) => entry.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // 5 s minimum, then 2 s doubling, capped at 300 s: 5,5,8,16,32,64,128,256,300,300...
    expect(gaps.slice(0, 9)).toEqual([5000, 5000, 8000, 16000, 32000, 64000, 128000, 256000, 300000]);
    expect(times.length).toBeLessThanOrEqual(20);
    const status = await engine.status(env, cred);
    expect(status.state).toBe('failed');
    expect(status.guard.consecutiveFailures).toBe(times.length);
    expect(status.tokenRequestsLastHour).toBe(times.filter((t) => clock.now() - t < 3600_000).length);
  });

  it('renews once and retries once after a 401 from the API, never loops', async () => {
    const api = `${server.url}/api/v1/me`;
    const first = await engine.authenticatedRequest(env, cred, { method: 'GET', url: api });
    expect(first.response.status).toBe(200);
    expect(first.renewedAfter401).toBe(false);
    expect(first.sentHeaders.find(([name]) => name === 'Authorization')?.[1]).toMatch(/^Bearer ••••.{4}$/);

    clock.advance(10_000);
    server.revokeAllTokens();
    const retried = await engine.authenticatedRequest(env, cred, { method: 'GET', url: api });
    expect(retried.response.status).toBe(200);
    expect(retried.renewedAfter401).toBe(true);
    expect(server.tokenRequests).toBe(2);

    // Every concurrent call hitting 401 shares one renewal.
    clock.advance(10_000);
    server.revokeAllTokens();
    const burst = await Promise.all(Array.from({ length: 20 }, () => engine.authenticatedRequest(env, cred, { method: 'GET', url: api })));
    expect(burst.every((r) => r.response.status === 200)).toBe(true);
    expect(server.tokenRequests).toBe(3);

    // An API that rejects every token: one renewal, one retry, then the 401 is the answer.
    const rejecting = await startRejectingApi();
    try {
      const tokenRequestsBefore = server.tokenRequests;
      clock.advance(10_000);
      const answer = await engine.authenticatedRequest(env, cred, { method: 'GET', url: rejecting.url });
      expect(answer.response.status).toBe(401);
      expect(answer.renewedAfter401).toBe(true);
      expect(rejecting.hits()).toBe(2);
      expect(server.tokenRequests).toBe(tokenRequestsBefore + 1);
      // Right away again: the guard refuses a second renewal, so the 401 comes back after one try.
      const again = await engine.authenticatedRequest(env, cred, { method: 'GET', url: rejecting.url });
      expect(again.response.status).toBe(401);
      expect(again.renewedAfter401).toBe(false);
      expect(again.renewalError?.code).toBe('guard-refused');
      expect(rejecting.hits()).toBe(3);
      expect(server.tokenRequests).toBe(tokenRequestsBefore + 1);
    } finally {
      await rejecting.close();
    }
  });

  it('never reuses a token after the recipe or a secret changes', async () => {
    const first = await engine.getToken(env, cred);
    clock.advance(10_000);
    const otherRecipe = credential(preset, (r) => ({ ...r, guard: { minIntervalSeconds: 6 } }) as typeof r);
    expect((await engine.getToken(env, otherRecipe)).token).not.toBe(first.token);
    clock.advance(10_000);
    const rotated = { ...env, variables: { ...env.variables, clientSecret: { value: 'wrong-secret-xyz-0000', secret: true } } };
    const error = await rejection(engine.getToken(rotated, otherRecipe));
    expect(error.code).toBe('bad-credentials');
    expect(server.tokenRequests).toBe(3);
  });

  it('applies a raised minimum interval to the guard that already exists for the credential', async () => {
    await engine.getToken(env, cred);
    clock.advance(10_000);
    const slower = credential(preset, (r) => ({ ...r, guard: { minIntervalSeconds: 600 } }) as typeof r);
    const error = await rejection(engine.getToken(env, slower));
    expect(error.code).toBe('guard-refused');
    expect(error.message).toContain('600 s apart');
    expect(server.tokenRequests).toBe(1);
  });

  it('refuses to send secrets or tokens outside the environment\'s allowed hosts', async () => {
    const fenced = { ...env, name: 'Production', allowedHosts: ['auth.example.com'] };
    const error = await rejection(engine.getToken(fenced, cred));
    expect(error.code).toBe('host-not-allowed');
    expect(error.message).toContain('environment "Production"');
    expect(error.message).toContain(new URL(server.url).host);
    expect(server.tokenRequests).toBe(0);

    const allowed = { ...env, allowedHosts: ['127.0.0.1'] };
    await engine.getToken(allowed, cred);
    const api = await rejection(engine.authenticatedRequest(allowed, cred, { method: 'GET', url: 'http://localhost:1/x' }));
    expect(api.code).toBe('host-not-allowed');
  });

  it('names an unknown variable and the recipe field before sending anything', async () => {
    const typo = credential(preset, (r) => ({ ...r, tokenRequest: { ...(r as { tokenRequest: object }).tokenRequest, url: '{{tokenURL}}' } }) as typeof r);
    const error = await rejection(engine.getToken(env, typo));
    expect(error.code).toBe('unknown-variable');
    expect(error.message).toContain('tokenRequest.url uses {{tokenURL}}');
    expect((await engine.status(env, typo)).lastError?.code).toBe('unknown-variable');
    expect(server.tokenRequests).toBe(0);
  });

  it('forgets a token on request', async () => {
    await engine.getToken(env, cred);
    await engine.forget({ environmentId: env.id, credentialId: cred.id });
    expect(cache.size).toBe(0);
    expect((await engine.status(env, cred)).state).toBe('never-fetched');
  });
});
