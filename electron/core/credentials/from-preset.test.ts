/** The preset flow through the app's handlers: only the user's own values, optional ones may stay empty. */
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';

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
    const key = { environmentId: environment.id, credentialId: credential.id };
    await app.handlers['tokens:fetch'](key);
    expect(await app.tokens.status(key)).toMatchObject({ state: 'valid', expiresAt: null, tokenHint: 'cdef' });
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

  it('uses one Lemonway credential in sandbox and production, each with its own key', async () => {
    const { app, environment: sandbox } = await appWithEnvironment();
    const production = await app.handlers['environments:create']({ name: 'Lemonway prod', production: true });
    const { credential } = await app.handlers['credentials:add-from-preset']({ presetId: 'lemonway', environmentId: sandbox.id, values: { apiKey: 'sandbox-key-0001' } });

    // Adding the preset again under the same name says where the clash is, at the name field.
    const clash = app.handlers['credentials:add-from-preset']({ presetId: 'lemonway', environmentId: production.id, values: { apiKey: 'prod-key-0002' } });
    await expect(clash).rejects.toMatchObject({
      message: 'A credential called "Lemonway" already exists, used in "Partner API".',
      hint: expect.stringContaining('Use the existing credential here'),
      details: { field: 'name', credentialId: credential.id },
    });

    const shared = await app.handlers['credentials:add-from-preset']({ presetId: 'lemonway', environmentId: production.id, useCredentialId: credential.id, values: { apiKey: 'prod-key-0002' } });
    expect(shared.credential).toMatchObject({ id: credential.id, name: 'Lemonway', environmentIds: [sandbox.id, production.id] });
    expect(app.credentials.read().credentials).toHaveLength(1);
    // Each environment keeps its own values: the production default host and its own key.
    expect(shared.environment.variables.find((v) => v.name === 'baseUrl')?.value).toBe('https://api.lemonway.fr');
    expect(shared.environment.variables.find((v) => v.name === 'apiKey')).toMatchObject({ secret: true, hint: '••••0002' });
    expect(shared.environment.allowedHosts).toEqual(['api.lemonway.fr']);
    const sandboxNow = app.workspace.read().environments.find((e) => e.id === sandbox.id)!;
    expect(sandboxNow.variables.find((v) => v.name === 'apiKey')).toMatchObject({ hint: '••••0001' });
  });

  it('refuses to share a credential made from another preset', async () => {
    const { app, environment } = await appWithEnvironment();
    const other = await app.handlers['environments:create']({ name: 'Other' });
    const { credential } = await app.handlers['credentials:add-from-preset']({ presetId: 'static-api-key', environmentId: environment.id, values: { apiKey: 'key-123456' } });
    await expect(
      app.handlers['credentials:add-from-preset']({ presetId: 'lemonway', environmentId: other.id, useCredentialId: credential.id, values: { apiKey: 'k' } }),
    ).rejects.toThrow(/was not made from the Lemonway preset/);
  });
});
