// The demo through the app's own services: real environment, credential and vault handlers, the
// real token engine and the real demo server, against a temporary data folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../demo/recipes';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { demoLifetimeSeconds } from '../demo/service';

const PASSPHRASE = 'demo test passphrase';
let dataDir: string;
let services: MainServices | undefined;

/** The app on `dataDir`, its vault set up (first start) or unlocked (a restart). */
async function start(): Promise<MainServices> {
  await services?.dispose();
  services = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
  const vault = await services.handlers['vault:status']({});
  if (vault.state === 'not-set-up') await services.handlers['vault:setup']({ passphrase: PASSPHRASE });
  else await services.handlers['vault:unlock']({ passphrase: PASSPHRASE });
  return services;
}

beforeEach(() => {
  dataDir = tempDir();
});

afterEach(async () => {
  await services?.dispose();
  services = undefined;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('demo handlers', () => {
  it('starts a demo whose two credentials get tokens and call the API, then removes it', async () => {
    const app = await start();
    expect(await app.handlers['demo:status']({})).toMatchObject({ installed: false, running: false });

    const status = await app.handlers['demo:start']({});
    expect(status).toMatchObject({ installed: true, running: true, lifetimeSeconds: demoLifetimeSeconds() });
    expect(status.credentials.map((c) => c.dialect)).toEqual(['oauth2', 'session']);
    const environment = app.workspace.read().environments.find((e) => e.id === status.environmentId)!;
    expect(environment.name).toBe('Demo');
    expect(environment.variables.find((v) => v.name === 'demoUrl')?.value).toBe(status.url);
    // Secret values never land in the readable workspace file.
    const secret = (await app.handlers['secrets:reveal']({ environmentId: environment.id, name: 'demoClientSecret' })).value;
    expect(secret.length).toBeGreaterThan(8);
    expect(fs.readFileSync(path.join(dataDir, 'workspace.json'), 'utf8')).not.toContain(secret);

    for (const credential of status.credentials) {
      const key = { environmentId: environment.id, credentialId: credential.id };
      await app.handlers['tokens:fetch'](key);
      const token = await app.tokens.status(key);
      expect(token.state).toBe('valid');
      expect(token.expiresAt! - Date.now()).toBeGreaterThan(5_000);
      const hello = await app.handlers['demo:hello']({ credentialId: credential.id });
      expect(hello.status).toBe(200);
      expect(JSON.parse(hello.body).via).toMatch(credential.dialect === 'oauth2' ? /OAuth2/ : /session/);
    }

    // Starting again is harmless: the same demo, still running.
    expect((await app.handlers['demo:start']({})).environmentId).toBe(status.environmentId);

    const removed = await app.handlers['demo:remove']({});
    expect(removed).toMatchObject({ installed: false, running: false, environmentId: null });
    expect(app.workspace.read().environments).toHaveLength(0);
    expect(app.credentials.read().credentials).toHaveLength(0);
    await expect(fetch(`${status.url}/api/hello`)).rejects.toThrow();
  });

  it('after a restart finds its environment again and starts the server on demand with new variables', async () => {
    const first = await start();
    const before = await first.handlers['demo:start']({});
    // A call before the restart: the environment's secrets have gone to the demo's first address.
    expect((await first.handlers['demo:hello']({ credentialId: before.credentials[0]!.id })).status).toBe(200);
    // The guard (shared through the data folder) spaces the demo's token requests 2 s apart; the
    // restarted demo needs a new token, so let that spacing pass as a user's restart would.
    await new Promise((resolve) => setTimeout(resolve, 2_100));

    const app = await start();
    expect(await app.handlers['demo:status']({})).toMatchObject({ installed: true, running: false, environmentId: before.environmentId });
    const hello = await app.handlers['demo:hello']({ credentialId: before.credentials[0]!.id });
    expect(hello.status).toBe(200);
    const after = await app.handlers['demo:status']({});
    expect(after.running).toBe(true);
    expect(after.url).not.toBe(before.url);
    const environment = app.workspace.read().environments.find((e) => e.id === before.environmentId)!;
    expect(environment.variables.find((v) => v.name === 'demoUrl')?.value).toBe(after.url);
    // The demo's environment follows its server to the new port, and to nowhere else.
    expect(environment.allowedHosts).toEqual([new URL(after.url!).host]);
    expect(app.workspace.read().environments).toHaveLength(1);
  });

  it('stops the server when its environment was deleted elsewhere, and refuses foreign credentials', async () => {
    const app = await start();
    const status = await app.handlers['demo:start']({});
    await expect(app.handlers['demo:hello']({ credentialId: 'someone-else' })).rejects.toThrow(/not one of the demo/);
    await app.handlers['environments:delete']({ id: status.environmentId! });
    expect(await app.handlers['demo:status']({})).toMatchObject({ installed: false, running: false });
    await expect(app.handlers['demo:hello']({ credentialId: status.credentials[0]!.id })).rejects.toThrow(/not set up/);
    // A new start cleans up the orphaned credentials before creating fresh ones.
    await app.handlers['demo:start']({});
    expect(app.credentials.read().credentials.some((c) => c.id === status.credentials[0]!.id)).toBe(false);
  });

  it('uses another name when "Demo" is taken, and leaves nothing behind when setup fails', async () => {
    const app = await start();
    await app.handlers['environments:create']({ name: 'Demo' });
    // A credential of the user's already has the demo credential's name: creating the demo's fails.
    const taken = await app.handlers['credentials:create']({ name: DEMO_CREDENTIALS[0]!.name, recipe: DEMO_CREDENTIALS[0]!.recipe });
    await expect(app.handlers['demo:start']({})).rejects.toThrow(/already exists/);
    expect(app.workspace.read().environments.map((e) => e.name)).toEqual(['Demo']);
    expect(app.credentials.read().credentials.map((c) => c.id)).toEqual([taken.id]);

    await app.handlers['credentials:delete']({ id: taken.id });
    const status = await app.handlers['demo:start']({});
    expect(app.workspace.read().environments.find((e) => e.id === status.environmentId)?.name).toBe('Tokenbench demo');
  });

  it('reads the lifetime from TOKENBENCH_DEMO_LIFETIME_SECONDS and refuses nonsense', () => {
    expect(demoLifetimeSeconds({})).toBe(40);
    expect(demoLifetimeSeconds({ TOKENBENCH_DEMO_LIFETIME_SECONDS: '8' })).toBe(8);
    expect(() => demoLifetimeSeconds({ TOKENBENCH_DEMO_LIFETIME_SECONDS: 'soon' })).toThrow(/not a whole number/);
  });
});
