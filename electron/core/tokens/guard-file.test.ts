/**
 * The guard shared through the data folder, between several apps (the real createMainServices)
 * on one folder in this process, and across restarts, against the Lengow emulator and a manual
 * clock. Separate processes are in shared-guard.processes.test.ts.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLengow, startOAuth2ClientCredentials, type LengowEmulator } from '../../../testing/emulators';
import type { TokenStatus } from '../../../shared/domain/token';
import { AppError } from '../../../shared/errors';
import { createManualClock, createTokenEngine, MemoryTokenCache, type ManualClock } from '../engine';
import { credential, environment, presetOf } from '../../../testing/engine';
import type { MainServices } from '../services';
import { tempDir } from '../../../testing/vault';
import { openGuardFile } from './guard-file';
import { folderWith, startHoldingProxy, until, type Folder } from '../../../testing/fixtures/shared-guard.fixture';

const ACCESS_TOKEN = 'lengow-access-GUARD-CANARY-5c1e';
const SECRET = 'lengow-secret-GUARD-CANARY-0a9d';

let clock: ManualClock;
let lengow: LengowEmulator;
let folder: Folder;
const apps: MainServices[] = [];

async function open(): Promise<MainServices> {
  const app = await folder.open(clock);
  apps.push(app);
  return app;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  clock = createManualClock(Date.now());
  lengow = await startLengow({ accessToken: ACCESS_TOKEN, secret: SECRET, now: clock.now });
  folder = await folderWith('lengow', { baseUrl: lengow.url, accessToken: ACCESS_TOKEN, secret: SECRET }, clock);
});

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.dispose()));
  await lengow.close();
});

describe('the guard shared through the data folder', () => {
  it('counts and spaces token requests of every app on the folder, and across restarts', async () => {
    const first = await open();
    const second = await open();
    await first.tokens.fetch(folder.key);
    expect(lengow.tokenRequests).toBe(1);

    // The other app sees the request in its dashboard count and honours the recipe's 30 s.
    expect(await second.tokens.status(folder.key)).toMatchObject({ tokenRequestsLastHour: 1, guard: { minIntervalSeconds: 30, nextAttemptAt: clock.now() + 30_000 } });
    clock.advance(10_000);
    const refused = await failure(second.tokens.fetch(folder.key, { renew: true }));
    expect(refused.code).toBe('guard-refused');
    expect(refused.message).toBe('No token request was sent: token requests for this credential are spaced at least 30 s apart to protect the auth service. The next attempt is allowed in 20 s.');
    expect(refused.details).toMatchObject({ retryAt: clock.now() + 20_000 });

    // A restart forgets nothing.
    await first.dispose();
    await second.dispose();
    apps.splice(0);
    const restarted = await open();
    expect(await restarted.tokens.status(folder.key)).toMatchObject({ state: 'valid', tokenRequestsLastHour: 1, guard: { nextAttemptAt: clock.now() + 20_000 } });
    clock.advance(20_000);
    await restarted.tokens.fetch(folder.key, { renew: true });
    expect(lengow.tokenRequests).toBe(2);
    expect((await (await open()).tokens.status(folder.key)).tokenRequestsLastHour).toBe(2);

    // What is kept holds times and counts only.
    const text = fs.readFileSync(openGuardFile({ dataDir: folder.dataDir, problems: [] }).path, 'utf8');
    for (const secret of [ACCESS_TOKEN, SECRET, ...lengow.tokenRequestLog.map((entry) => entry.body)]) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ guards: { [`${folder.key.environmentId}/${folder.key.credentialId}`]: { failures: 0, attempts: [expect.any(Number), expect.any(Number)] } } });
  });

  it("shows another process's token requests on the dashboard as they happen", async () => {
    // A slow auth service: the dashboard shows the request going out, then the token it brought.
    const proxy = await startHoldingProxy(lengow.url, '/access/get_token');
    try {
      folder = await folderWith('lengow', { baseUrl: proxy.url, accessToken: ACCESS_TOKEN, secret: SECRET }, clock);
      const watching = await open();
      const seen: TokenStatus[] = [];
      watching.onEvent((event, payload) => {
        if (event === 'tokens:changed') seen.push(payload as TokenStatus);
      });
      const other = await open();
      const fetched = other.tokens.fetch(folder.key);
      await until(() => seen.some((status) => status.tokenRequestsLastHour === 1 && status.state === 'never-fetched'), 'the dashboard showed the request going out', 45_000);
      proxy.release();
      await fetched;
      await until(() => seen.some((status) => status.state === 'valid'), 'the dashboard showed the token', 45_000);
      expect(seen.at(-1)).toMatchObject({ key: folder.key, tokenRequestsLastHour: 1, state: 'valid' });

      // Its own token requests it announces once, not again when it sees its own writes.
      seen.splice(0);
      clock.advance(31_000);
      await watching.tokens.fetch(folder.key, { renew: true });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ tokenRequestsLastHour: 2, state: 'valid' });
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it("keeps the server's Retry-After for every app: none asks before it", async () => {
    const first = await open();
    lengow.injectTokenFault({ status: 429, headers: { 'retry-after': '600' }, times: Infinity });
    const limited = await failure(first.tokens.fetch(folder.key));
    expect(limited.code).toBe('rate-limited');
    clock.advance(60_000);
    const other = await open();
    const refused = await failure(other.tokens.fetch(folder.key));
    expect(refused.code).toBe('guard-refused');
    expect(refused.message).toMatch(/the auth service asked to wait \(Retry-After\)\. The next attempt is allowed in 9 min\.$/);
    expect(await other.tokens.status(folder.key)).toMatchObject({ tokenRequestsLastHour: 1, guard: { consecutiveFailures: 1, nextAttemptAt: clock.now() + 540_000 } });
    expect(lengow.tokenRequests).toBe(1);
  });

  it('renews a rejected token once for all apps: the second finds the first one’s renewal', async () => {
    const first = await open();
    const second = await open();
    const orders = { method: 'GET', url: `${lengow.url}/v3.0/orders?account_id=1` };
    expect((await first.tokens.authenticatedRequest(folder.key, orders)).response.status).toBe(200);
    expect((await second.tokens.authenticatedRequest(folder.key, orders)).response.status).toBe(200);
    expect(lengow.tokenRequests).toBe(1);

    clock.advance(31_000);
    lengow.revokeAllTokens();
    const renewed = await first.tokens.authenticatedRequest(folder.key, orders);
    expect(renewed).toMatchObject({ renewedAfter401: true, response: { status: 200 } });
    // The second app still holds the revoked token: its 401 finds the renewal, without asking.
    const reused = await second.tokens.authenticatedRequest(folder.key, orders);
    expect(reused).toMatchObject({ renewedAfter401: true, response: { status: 200 } });
    expect(lengow.tokenRequests).toBe(2);
    expect(lengow.banned).toBe(false);
  });
});

describe('waiting for another process’s token request', () => {
  it('gives up with a clear message when the holder takes too long', async () => {
    const server = await startOAuth2ClientCredentials({ clientId: 'wait-client', clientSecret: 'wait-secret-0000-1111' });
    const preset = presetOf('oauth2-client-credentials-basic');
    const env = environment(preset, { tokenUrl: `${server.url}/oauth/v2/token`, clientId: 'wait-client', clientSecret: 'wait-secret-0000-1111' });
    const cred = credential(preset);
    const dataDir = tempDir();
    // Two engines on one folder, as two processes would have; the auth service hangs.
    const holder = createTokenEngine({ cache: new MemoryTokenCache(), guards: openGuardFile({ dataDir, problems: [] }) });
    const waiter = createTokenEngine({ cache: new MemoryTokenCache(), guards: openGuardFile({ dataDir, problems: [], maxWaitMs: 1500 }) });
    server.injectTokenFault({ status: 500, delayMs: 60_000 });
    try {
      const held = holder.getToken(env, cred).catch((error: unknown) => error);
      await until(() => server.tokenRequests === 1, 'the holder asked');
      const error = await waiter.getToken(env, cred).then(() => undefined, (e: unknown) => e);
      expect(error).toMatchObject({
        code: 'token-busy',
        message: `Another Tokenbench process has been getting a token for “${cred.name}” in “Sandbox” for more than 2 s, so this one stopped waiting. No token request was sent.`,
        hint: expect.stringContaining('the turn of a process that ended is freed after 10 s'),
      });
      expect(server.tokenRequests).toBe(1);
      await server.close();
      await held;
    } finally {
      holder.dispose();
      waiter.dispose();
      await server.close();
    }
  }, 30_000);
});
