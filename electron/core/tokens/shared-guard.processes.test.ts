/**
 * One guard and one flight across real processes: CLI commands (each its own Node process) and
 * the app (the real createMainServices in this process) on one data folder, against the vendor
 * emulators. Each CLI process costs about a second, so the counts here are kept small.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLengow, startOAuth2ClientCredentials, type LengowEmulator } from '../../../testing/emulators';
import type { MainServices } from '../services';
import { folderWith, runCli, startCli, startHoldingProxy, until, type HoldingProxy } from '../../../testing/fixtures/shared-guard.fixture';

const ACCESS_TOKEN = 'lengow-access-FLIGHT-CANARY-3e7b';
const SECRET = 'lengow-secret-FLIGHT-CANARY-84c2';
const LENGOW_SPACING_MS = 30_000;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function closing<T extends { close(): Promise<void> }>(thing: T): T {
  cleanups.push(() => thing.close());
  return thing;
}

async function app(open: () => Promise<MainServices>): Promise<MainServices> {
  const services = await open();
  cleanups.push(() => services.dispose());
  return services;
}

/** Lengow behind a proxy that holds token requests until released. */
async function lengowBehindProxy(): Promise<{ lengow: LengowEmulator; proxy: HoldingProxy; folder: Awaited<ReturnType<typeof folderWith>> }> {
  const lengow = closing(await startLengow({ accessToken: ACCESS_TOKEN, secret: SECRET }));
  const proxy = closing(await startHoldingProxy(lengow.url, '/access/get_token'));
  const folder = await folderWith('lengow', { baseUrl: proxy.url, accessToken: ACCESS_TOKEN, secret: SECRET });
  return { lengow, proxy, folder };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one flight across processes', () => {
  it('8 CLI processes started together on a cold credential send exactly 1 token request, and all 8 succeed', async () => {
    const { lengow, proxy, folder } = await lengowBehindProxy();
    const runs = Array.from({ length: 8 }, () => runCli(['token', folder.credentialName, '--env', folder.environmentName], folder.dataDir));
    // The first request is held while the others start: any process asking on its own would show here.
    await until(() => proxy.received >= 1, 'a token request arrived');
    await pause(3000);
    proxy.release();
    const results = await Promise.all(runs);
    for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(new Set(results.map((r) => r.stdout.trim())).size).toBe(1);
    expect(proxy.received).toBe(1);
    expect(lengow.tokenRequests).toBe(1);
    expect(lengow.banned).toBe(false);
  }, 600_000);

  it('the app and the CLI at once send 1 token request', async () => {
    const { lengow, proxy, folder } = await lengowBehindProxy();
    const desktop = await app(() => folder.open());
    const cli = runCli(['token', folder.credentialName, '--env', folder.environmentName, '--json'], folder.dataDir);
    await until(() => proxy.received >= 1, "the CLI's token request arrived");
    // The CLI's request is out; the app needs the same token meanwhile.
    const fromApp = desktop.tokens.fetch(folder.key);
    await pause(2000);
    proxy.release();
    const [issued, printed] = await Promise.all([fromApp, cli]);
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(printed.stdout)).toMatchObject({ token: issued.token, reused: false });
    expect(issued.fromCache).toBe(true);
    expect(lengow.tokenRequests).toBe(1);
    expect((await desktop.tokens.status(folder.key)).tokenRequestsLastHour).toBe(1);
  }, 600_000);

  it('a holder killed with SIGKILL while holding the turn does not block the others past the stale timeout', async () => {
    const server = closing(await startOAuth2ClientCredentials({ clientId: 'kill-client', clientSecret: 'kill-secret-5f5f-0000' }));
    const folder = await folderWith('oauth2-client-credentials-basic', { tokenUrl: `${server.url}/oauth/v2/token`, clientId: 'kill-client', clientSecret: 'kill-secret-5f5f-0000' });
    // The auth service hangs on the first token request: its sender holds the turn until killed.
    server.injectTokenFault({ status: 503, delayMs: 600_000, times: 1 });
    const holder = startCli(['token', folder.credentialName, '--env', folder.environmentName], folder.dataDir);
    await until(() => server.tokenRequests === 1, 'the holder asked');
    const locks = fs.readdirSync(path.join(folder.dataDir, 'flights')).filter((name) => name.endsWith('.lock'));
    expect(locks).toHaveLength(1);
    holder.child.kill('SIGKILL');
    expect((await holder.done).signal).toBe('SIGKILL');

    const desktop = await app(() => folder.open());
    const [fromApp, ...printed] = await Promise.all([
      desktop.tokens.fetch(folder.key),
      ...Array.from({ length: 3 }, () => runCli(['token', folder.credentialName, '--env', folder.environmentName], folder.dataDir)),
    ]);
    for (const result of printed) expect(result).toMatchObject({ code: 0, stdout: `${fromApp.token}\n` });
    // The killed request counts (the server may have seen it), and one more got the token.
    expect(server.tokenRequests).toBe(2);
    expect((await desktop.tokens.status(folder.key)).tokenRequestsLastHour).toBe(2);
  }, 600_000);
});

describe('one guard across processes', () => {
  it('a loop of 30 CLI calls while Lengow revokes tokens: no ban, token requests never closer than the recipe’s 30 s', async () => {
    const lengow = closing(await startLengow({ accessToken: ACCESS_TOKEN, secret: SECRET }));
    const folder = await folderWith('lengow', { baseUrl: lengow.url, accessToken: ACCESS_TOKEN, secret: SECRET });
    const results = [];
    for (let call = 0; call < 30; call++) {
      if (call % 3 === 2) lengow.revokeAllTokens();
      const result = await runCli(['request', 'GET', `${lengow.url}/v3.0/orders?account_id=1`, '--env', folder.environmentName, '--credential', folder.credentialName], folder.dataDir);
      results.push(result);
      // Every refusal says when the next token request is allowed.
      if (result.code !== 0) expect(result.stderr).toMatch(/No token request was sent: .*The next attempt is allowed in \d+ s\./);
    }
    expect(lengow.banned).toBe(false);
    const times = lengow.tokenRequestLog.map((entry) => entry.at);
    expect(times.length).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(LENGOW_SPACING_MS);
    // Calls right after a fresh token go through; the revoked ones wait for the spacing.
    expect(results.filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(2);
  }, 900_000);
});
