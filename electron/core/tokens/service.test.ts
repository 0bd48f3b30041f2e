/**
 * The production rule of the token service, through the app's own handlers and a Lemonway
 * emulator: a token request in a production environment needs a confirmation; reusing the valid
 * token it got (for a copy or a decode) sends nothing and does not ask again.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokenStatus } from '../../../shared/domain/token';
import { startLemonway, type LemonwayEmulator } from '../../../testing/emulators';
import type { Result } from '../../../shared/errors';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';

// Counts the plan's fingerprints: sha256 hashes started from the engine's plan.ts (node:crypto itself, passed through).
const hashes = vi.hoisted(() => ({ plan: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const createHash: typeof crypto.createHash = (...args) => {
    if (/engine[\\/]plan\.ts/.test(new Error().stack ?? '')) hashes.plan += 1;
    return crypto.createHash(...args);
  };
  return { ...crypto, default: { ...crypto, createHash }, createHash };
});
function planHashCount(): () => number {
  const start = hashes.plan;
  return () => hashes.plan - start;
}

let app: MainServices | undefined;
let lemonway: LemonwayEmulator | undefined;
afterEach(async () => {
  await app?.dispose();
  await lemonway?.close();
});

const errorCode = (result: Result<unknown>) => (result.ok ? null : result.error.code);

/** The app with a Lemonway credential in one environment, its host allowed. */
async function lemonwayApp(production: boolean, baseUrl?: string) {
  const apiKey = production ? 'prod-key-0123456789' : 'sandbox-key-0123456789';
  lemonway = await startLemonway({ apiKey, environment: production ? 'prod' : 'sandbox' });
  app = await createMainServices({ dataDir: tempDir(), scryptCost: TEST_SCRYPT, log: () => {} });
  await app.handlers['vault:setup']({ passphrase: 'token service test passphrase' });
  const environment = await app.handlers['environments:create']({ name: production ? 'Lemonway prod' : 'Lemonway sandbox', production });
  const { credential } = await app.handlers['credentials:add-from-preset']({ presetId: 'lemonway', environmentId: environment.id, values: { baseUrl: baseUrl ?? lemonway.url, apiKey } });
  await app.handlers['environments:update']({ id: environment.id, allowedHosts: [new URL(baseUrl ?? lemonway.url).host] });
  return { app, lemonway, key: { environmentId: environment.id, credentialId: credential.id } };
}

describe('production confirmation', () => {
  it('asks before a token request, not before reusing the token it got', async () => {
    const { app, lemonway, key } = await lemonwayApp(true);

    expect(errorCode(await app.dispatch('tokens:fetch', key))).toBe('confirmation-required');
    expect(errorCode(await app.dispatch('tokens:inspect', key))).toBe('confirmation-required');
    expect(lemonway.tokenRequests).toBe(0);

    expect(await app.dispatch('tokens:fetch', { ...key, confirmed: true })).toMatchObject({ ok: true, value: { reused: false } });
    expect(lemonway.tokenRequests).toBe(1);
    // The valid token is reused: nothing is sent, so nothing needs confirming.
    expect(await app.dispatch('tokens:fetch', key)).toMatchObject({ ok: true, value: { reused: true } });
    expect(await app.dispatch('tokens:inspect', key)).toMatchObject({ ok: true, value: { isJwt: false } });
    // Renewing is a token request again.
    expect(errorCode(await app.dispatch('tokens:fetch', { ...key, renew: true }))).toBe('confirmation-required');
    expect(lemonway.tokenRequests).toBe(1);
  });

  it('keeps a token whose timeline entry cannot be saved, and says so', async () => {
    lemonway = await startLemonway({ apiKey: 'timeline-key-0123456789', environment: 'sandbox' });
    const dataDir = tempDir();
    const logged: string[] = [];
    app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: (m) => logged.push(m) });
    await app.handlers['vault:setup']({ passphrase: 'timeline test passphrase' });
    const environment = await app.handlers['environments:create']({ name: 'Lemonway sandbox' });
    const { credential } = await app.handlers['credentials:add-from-preset']({
      presetId: 'lemonway',
      environmentId: environment.id,
      values: { baseUrl: lemonway.url, apiKey: 'timeline-key-0123456789' },
    });
    await app.handlers['environments:update']({ id: environment.id, allowedHosts: [new URL(lemonway.url).host] });
    // timeline.jsonl cannot be appended to (as on a full disk).
    fs.mkdirSync(path.join(dataDir, 'timeline.jsonl'));
    const added: Array<{ warnings: string[] }> = [];
    app.onEvent((event, payload) => {
      if (event === 'timeline:added') added.push(payload as { warnings: string[] });
    });
    const key = { environmentId: environment.id, credentialId: credential.id };
    expect(await app.dispatch('tokens:fetch', key)).toMatchObject({ ok: true, value: { reused: false } });
    expect(await app.dispatch('tokens:fetch', key)).toMatchObject({ ok: true, value: { reused: true } });
    expect(lemonway.tokenRequests).toBe(1);
    expect(logged.some((m) => /auth timeline could not be saved/.test(m))).toBe(true);
    expect(added[0]!.warnings.at(-1)).toContain('could not be saved to timeline.jsonl');
  });
});

/** Counts the vault's reads of one environment's secrets (each would decrypt them, were they not kept). */
function countSecretReads(app: MainServices, environmentId: string): () => number {
  const secrets = app.secrets.vault.secrets;
  const readMany = secrets.readMany.bind(secrets);
  const prefix = `env/${encodeURIComponent(environmentId)}/`;
  let reads = 0;
  secrets.readMany = (requests) => {
    if (requests.some((r) => r.id.startsWith(prefix))) reads += 1;
    return readMany(requests);
  };
  return () => reads;
}

function recordAnnouncements(app: MainServices): TokenStatus[] {
  const announced: TokenStatus[] = [];
  app.onEvent((event, payload) => event === 'tokens:changed' && announced.push(payload as TokenStatus));
  return announced;
}

/** Lets pending callbacks (a late announcement) run before counting. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('one token fetch', () => {
  it('reads the environment’s secrets once, hashes its plan once, and tells the renderer once, before the answer', async () => {
    const { app, lemonway, key } = await lemonwayApp(false);
    const secretReads = countSecretReads(app, key.environmentId);
    const announced = recordAnnouncements(app);
    const planHashes = planHashCount();

    const answer = await app.dispatch('tokens:fetch', key);
    const announcedBeforeAnswer = announced.length;
    await settle();
    expect(answer).toEqual({ ok: true, value: { reused: false } });
    expect(lemonway.tokenRequests).toBe(1);
    expect(secretReads()).toBe(1);
    expect(planHashes()).toBe(1);
    expect(announced).toHaveLength(1);
    expect(announcedBeforeAnswer).toBe(1);
    expect(announced[0]).toMatchObject({ key, state: 'valid', tokenRequestsLastHour: 1 });

    // Reusing the token sends nothing, and still tells the renderer its status once.
    expect(await app.dispatch('tokens:fetch', key)).toEqual({ ok: true, value: { reused: true } });
    await settle();
    expect(announced).toHaveLength(2);
    expect(announced[1]).toMatchObject({ key, state: 'valid' });
    expect(secretReads()).toBe(2);

    // Forgetting tells it once too.
    expect(await app.dispatch('tokens:forget', key)).toEqual({ ok: true, value: { forgotten: true } });
    await settle();
    expect(announced).toHaveLength(3);
    expect(announced[2]).toMatchObject({ key, state: 'never-fetched' });
  }, 60_000);

  it('announces a failed fetch once, with its diagnosis', async () => {
    const { app, lemonway, key } = await lemonwayApp(false);
    const announced = recordAnnouncements(app);
    lemonway.injectTokenFault({ status: 503 });
    expect(await app.dispatch('tokens:fetch', key)).toMatchObject({ ok: false, error: { code: 'server-error' } });
    await settle();
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ key, state: 'failed', lastError: { code: 'server-error' } });
  }, 60_000);

  it('reads the inputs again when they changed while the token request was out, so the status describes them', async () => {
    const held = await holdingTokenServer();
    const { app, key } = await lemonwayApp(false, held.url);
    const secretReads = countSecretReads(app, key.environmentId);
    const announced = recordAnnouncements(app);

    const fetching = app.dispatch('tokens:fetch', key);
    await vi.waitFor(() => expect(held.waiting()).toBe(1), { timeout: 30_000 });
    // A new API key while the request for the old one is out: the token that comes back is the old key's.
    await app.handlers['variables:set']({ environmentId: key.environmentId, name: 'apiKey', value: 'a-new-key-0123456789', secret: true });
    held.answer({ token_Type: 'Bearer', access_token: 'token-for-the-old-key-0123', expires_in: 3600 });
    expect(await fetching).toEqual({ ok: true, value: { reused: false } });
    await settle();
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ key, state: 'never-fetched' });
    expect(secretReads()).toBe(2);
    await held.close();
  }, 60_000);
});

/** A token endpoint that answers only when told to. */
async function holdingTokenServer() {
  const pending: http.ServerResponse[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => pending.push(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    waiting: () => pending.length,
    answer(body: object) {
      for (const response of pending.splice(0)) response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
