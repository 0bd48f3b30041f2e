/**
 * `tokenbench introspect` and `tokenbench revoke` as real processes against oidc-provider
 * (introspection and revocation on, opaque access tokens): the token the app got introspects
 * active, revoke makes the server and the cache forget it; production
 * asks first, a missing endpoint is said in words, and no token or secret is printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthorizationServer, type AuthorizationServer } from '../../testing/emulators';
import { spawnCli } from '../../testing/cli';
import { TEST_SCRYPT, tempDir } from '../../testing/vault';
import { createMainServices } from '../core/services';

const PASSPHRASE = 'token admin passphrase';
const SECRET = 'cli-admin-secret-CANARY-5e1d';
// Each real CLI process compiles the sources on start: slow on a loaded machine.
const CLI_TIMEOUT_MS = 400_000;

let server: AuthorizationServer;
beforeAll(async () => {
  server = await startAuthorizationServer({ clients: [{ clientId: 'cli-client', clientSecret: SECRET, auth: 'client_secret_basic' }], accessTokenFormat: 'opaque' });
});
afterAll(() => server.close());

/** A data folder with the credential (endpoints filled or not) and a token the app already got. */
async function dataFolder(options: { production?: boolean; endpoints?: boolean } = {}) {
  const dataDir = tempDir();
  const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
  try {
    await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
    const environment = await app.handlers['environments:create']({ name: 'Staging', production: false });
    const { credential } = await app.handlers['credentials:add-from-preset']({
      presetId: 'oauth2-client-credentials-basic',
      environmentId: environment.id,
      name: 'Orders',
      values: { tokenUrl: server.tokenEndpoint, clientId: 'cli-client', clientSecret: SECRET },
    });
    if (options.endpoints !== false) {
      await app.handlers['credentials:update']({
        id: credential.id,
        recipe: { ...credential.recipe, introspectionUrl: `${server.issuer}/token/introspection`, revocationUrl: `${server.issuer}/token/revocation` } as typeof credential.recipe,
      });
    }
    await app.handlers['tokens:fetch']({ environmentId: environment.id, credentialId: credential.id });
    if (options.production) await app.handlers['environments:update']({ id: environment.id, production: true, confirmProduction: true });
  } finally {
    await app.dispose();
  }
  return dataDir;
}

const cli = (args: string[], dataDir: string) => spawnCli([...args, '--data-dir', dataDir], { TOKENBENCH_PASSPHRASE: PASSPHRASE });

describe('tokenbench introspect / revoke', () => {
  it('introspects the held token, revokes it at the server and forgets it', { timeout: CLI_TIMEOUT_MS }, async () => {
    const dataDir = await dataFolder();
    const token = (await cli(['token', 'Orders', '--env', 'Staging'], dataDir)).stdout.trim();
    const requests = server.tokenRequestLog.length;

    const text = await cli(['introspect', 'Orders', '--env', 'Staging'], dataDir);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^active +yes/m);
    expect(text.stdout).toMatch(/^client +cli-client$/m);
    expect(text.stdout).toMatch(/^expires +\d{4}-\d\d-\d\dT/m);
    const json = await cli(['introspect', 'Orders', '--env', 'Staging', '--json'], dataDir);
    expect(JSON.parse(json.stdout)).toMatchObject({ active: true, clientId: 'cli-client', tokenType: 'Bearer', expiresAt: expect.stringMatching(/Z$/) });

    const revoked = await cli(['revoke', 'Orders', '--env', 'Staging'], dataDir);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('Revoked the access token of Orders in Staging');
    expect((await fetch(server.whoamiUrl, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    // Nothing held now: introspection says so instead of asking about a forgotten token.
    const after = await cli(['introspect', 'Orders', '--env', 'Staging'], dataDir);
    expect(after.code).not.toBe(0);
    expect(after.stderr).toContain('No access token of “Orders” is held');

    const timeline = await cli(['timeline', '--json'], dataDir);
    const purposes = (JSON.parse(timeline.stdout) as Array<{ purpose: string; outcome: string }>).map((e) => `${e.purpose}:${e.outcome}`);
    expect(purposes).toEqual(expect.arrayContaining(['introspect:success', 'revoke:success']));
    for (const output of [text.stdout, json.stdout, revoked.stdout, timeline.stdout, after.stderr]) {
      expect(output).not.toContain(token);
      expect(output).not.toContain(SECRET);
    }
    expect(server.tokenRequestLog.length).toBe(requests);
  });

  it('asks first in production, and says when the service offers no endpoint', { timeout: CLI_TIMEOUT_MS }, async () => {
    const production = await dataFolder({ production: true });
    const refused = await cli(['revoke', 'Orders', '--env', 'Staging'], production);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is a production environment. Confirm to revoke its token there');
    const confirmed = await cli(['revoke', 'Orders', '--env', 'Staging', '--yes'], production);
    expect(confirmed.code).toBe(0);

    const bare = await dataFolder({ endpoints: false });
    const none = await cli(['revoke', 'Orders', '--env', 'Staging'], bare);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('offers no revocation endpoint');
    expect(none.stderr).toContain('Fill it from the issuer');
  });
});
