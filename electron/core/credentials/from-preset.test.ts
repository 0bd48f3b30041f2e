/** The preset flow through the app's handlers: only the user's own values, optional ones may stay empty. */
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, tempDir } from '../vault/test-support';

let app: MainServices | undefined;
afterEach(async () => app?.dispose());

async function appWithEnvironment() {
  app = await createMainServices({ dataDir: tempDir(), scryptCost: TEST_SCRYPT, log: () => {} });
  await app.handlers['vault:setup']({ passphrase: 'preset flow passphrase' });
  return { app, environment: await app.handlers['environments:create']({ name: 'Partner API' }) };
}

describe('credentials from a preset', () => {
  it('leaves an optional field empty (a static key without expiry) and still gives a token', async () => {
    const { app, environment } = await appWithEnvironment();
    const { credential, environment: updated } = await app.handlers['credentials:add-from-preset']({
      presetId: 'static-api-key',
      environmentId: environment.id,
      values: { apiKey: 'ldtkey_0123456789abcdef' },
    });
    expect(updated.variables.find((v) => v.name === 'expiresOn')).toMatchObject({ value: '', secret: false });
    const status = await app.handlers['tokens:fetch']({ environmentId: environment.id, credentialId: credential.id });
    expect(status).toMatchObject({ state: 'valid', expiresAt: null, tokenHint: 'cdef' });
  });

  it('names the required fields that are missing, and refuses fields the preset does not have', async () => {
    const { app, environment } = await appWithEnvironment();
    await expect(app.handlers['credentials:add-from-preset']({ presetId: 'http-basic', environmentId: environment.id, values: { username: 'ada' } })).rejects.toThrow(
      /Fill in Password to use the HTTP Basic preset/,
    );
    await expect(
      app.handlers['credentials:add-from-preset']({ presetId: 'static-api-key', environmentId: environment.id, values: { apiKey: 'x', apikey: 'typo' } }),
    ).rejects.toThrow('has no field called "apikey"');
    expect(app.credentials.read().credentials).toHaveLength(0);
  });
});
