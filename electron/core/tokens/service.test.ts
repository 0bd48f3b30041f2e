/**
 * The production rule of the token service, through the app's own handlers and a Lemonway
 * emulator: a token request in a production environment needs a confirmation; reusing the valid
 * token it got (for a copy or a decode) sends nothing and does not ask again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLemonway, type LemonwayEmulator } from '../../../testing/emulators';
import type { Result } from '../../../shared/errors';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';

let app: MainServices | undefined;
let lemonway: LemonwayEmulator | undefined;
afterEach(async () => {
  await app?.dispose();
  await lemonway?.close();
});

const errorCode = (result: Result<unknown>) => (result.ok ? null : result.error.code);

/** The app with a Lemonway credential in one environment, its host allowed. */
async function lemonwayApp(production: boolean) {
  const apiKey = production ? 'prod-key-0123456789' : 'sandbox-key-0123456789';
  lemonway = await startLemonway({ apiKey, environment: production ? 'prod' : 'sandbox' });
  app = await createMainServices({ dataDir: tempDir(), scryptCost: TEST_SCRYPT, log: () => {} });
  await app.handlers['vault:setup']({ passphrase: 'token service test passphrase' });
  const environment = await app.handlers['environments:create']({ name: production ? 'Lemonway prod' : 'Lemonway sandbox', production });
  const { credential } = await app.handlers['credentials:add-from-preset']({ presetId: 'lemonway', environmentId: environment.id, values: { baseUrl: lemonway.url, apiKey } });
  await app.handlers['environments:update']({ id: environment.id, allowedHosts: [new URL(lemonway.url).host] });
  return { app, lemonway, key: { environmentId: environment.id, credentialId: credential.id } };
}

describe('production confirmation', () => {
  it('asks before a token request, not before reusing the token it got', async () => {
    const { app, lemonway, key } = await lemonwayApp(true);

    expect(errorCode(await app.dispatch('tokens:fetch', key))).toBe('confirmation-required');
    expect(errorCode(await app.dispatch('tokens:inspect', key))).toBe('confirmation-required');
    expect(lemonway.tokenRequests).toBe(0);

    expect(await app.dispatch('tokens:fetch', { ...key, confirmed: true })).toMatchObject({ ok: true, value: { state: 'valid' } });
    expect(lemonway.tokenRequests).toBe(1);
    // The valid token is reused: nothing is sent, so nothing needs confirming.
    expect(await app.dispatch('tokens:fetch', key)).toMatchObject({ ok: true, value: { state: 'valid' } });
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
    expect(await app.dispatch('tokens:fetch', key)).toMatchObject({ ok: true, value: { state: 'valid' } });
    expect(await app.dispatch('tokens:fetch', key)).toMatchObject({ ok: true, value: { state: 'valid' } });
    expect(lemonway.tokenRequests).toBe(1);
    expect(logged.some((m) => /auth timeline could not be saved/.test(m))).toBe(true);
    expect(added[0]!.warnings.at(-1)).toContain('could not be saved to timeline.jsonl');
  });
});

describe('one token fetch', () => {
  it('decrypts the environment’s secrets for the fetch and for its answer only, and announces the new status once', async () => {
    const { app, lemonway, key } = await lemonwayApp(false);

    const variables = app.secrets.variables;
    const resolve = variables.resolveVariables.bind(variables);
    let decryptions = 0;
    variables.resolveVariables = (environmentId) => {
      decryptions += 1;
      return resolve(environmentId);
    };
    const announced: unknown[] = [];
    app.onEvent((event, payload) => event === 'tokens:changed' && announced.push(payload));

    const answer = await app.dispatch('tokens:fetch', key);
    expect(answer).toMatchObject({ ok: true, value: { state: 'valid' } });
    await vi.waitFor(() => expect(announced.length).toBeGreaterThan(0), { timeout: 30_000 });
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(lemonway.tokenRequests).toBe(1);
    // The status announced while the fetch runs reuses the fetch's inputs; the answer reads them again.
    expect(decryptions).toBe(2);
    expect(announced).toHaveLength(1);
    expect(announced[0]).toEqual((answer as { value: unknown }).value);
  }, 60_000);
});
