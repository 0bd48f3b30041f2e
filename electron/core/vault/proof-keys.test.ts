// A DPoP key outlives the process that made it: the app gets a DPoP-bound token, and after a
// restart (the CLI opening the same data folder) a renewal and an API call sign with the same key,
// read back from the vault. The key is only ever on disk sealed.
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../../shared/recipe';
import { runCli } from '../../../testing/cli';
import { startAuthorizationServer, startDpopResourceServer, type AuthorizationServer, type DpopResourceServer } from '../../../testing/emulators';
import { listFiles, TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { createMainServices } from '../services';
import { createVaultProofKeys } from './proof-keys';

const PASSPHRASE = 'dpop restart passphrase';
const CLIENT_SECRET = 'dpop-restart-secret-0123456789';
let server: AuthorizationServer;
let api: DpopResourceServer;

beforeAll(async () => {
  server = await startAuthorizationServer({ clients: [{ clientId: 'restart-client', clientSecret: CLIENT_SECRET, auth: 'client_secret_basic' }], requireDpopNonce: true });
  api = await startDpopResourceServer({ issuer: server.issuer, jwksUri: server.jwksUri, audience: server.resource, requireNonce: true });
});

afterAll(async () => {
  await api.close();
  await server.close();
});

const lastProofKey = () => calculateJwkThumbprint(decodeProtectedHeader(server.tokenRequestLog.at(-1)!.headers['dpop']!).jwk!, 'sha256');

describe('DPoP keys in the vault', () => {
  it('signs with the same key after a restart, and keeps it sealed', async () => {
    const dataDir = tempDir();
    const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {}, confirmation: { confirm: async () => true } });
    await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
    const environment = await app.handlers['environments:create']({ name: 'Bound' });
    const recipe = { ...findPreset('oauth2-client-credentials-basic')!.recipe, dpop: { algorithm: 'ES256' }, use: undefined, guard: { minIntervalSeconds: 0 } };
    const credential = await app.handlers['credentials:create']({ name: 'Bound API', recipe: recipe as never, environmentIds: [environment.id] });
    for (const [name, value, secret] of [['tokenUrl', server.tokenEndpoint, false], ['clientId', 'restart-client', false], ['clientSecret', CLIENT_SECRET, true]] as const) {
      await app.handlers['variables:set']({ environmentId: environment.id, name, value, secret });
    }
    await app.handlers['environments:update']({ id: environment.id, allowedHosts: [new URL(server.issuer).host, new URL(api.url).host] });
    const key = { environmentId: environment.id, credentialId: credential.id };
    await app.handlers['tokens:fetch'](key);
    expect(await app.tokens.status(key)).toMatchObject({ state: 'valid', tokenType: 'DPoP' });
    const thumbprint = await lastProofKey();
    const stored = JSON.parse((await createVaultProofKeys(app.secrets.vault).get(key))!) as { privateJwk: JWK };
    const { d, ...publicJwk } = stored.privateJwk;
    expect(await calculateJwkThumbprint(publicJwk, 'sha256')).toBe(thumbprint);
    await app.dispose();

    // Another process over the same folder: a new token, with the same key, accepted by the API.
    const env = { TOKENBENCH_PASSPHRASE: PASSPHRASE };
    const renewed = await runCli(['token', 'Bound API', '--env', 'Bound', '--renew', '--json', '--data-dir', dataDir], { env });
    expect(renewed.stderr).toBe('');
    const token = (JSON.parse(renewed.stdout) as { token: string }).token;
    expect(await lastProofKey()).toBe(thumbprint);
    expect((decodeJwt(token)['cnf'] as { jkt: string }).jkt).toBe(thumbprint);
    const call = await runCli(['request', 'GET', api.whoamiUrl, '--env', 'Bound', '--credential', 'Bound API', '--data-dir', dataDir], { env });
    expect(call.code).toBe(0);
    expect(JSON.parse(call.stdout)).toMatchObject({ client_id: 'restart-client', cnf: { jkt: thumbprint } });
    expect(await calculateJwkThumbprint(decodeProtectedHeader(api.accepted.at(-1)!).jwk!, 'sha256')).toBe(thumbprint);

    // Sealed: the private part is in no file of the data folder.
    expect(listFiles(dataDir).map((file) => path.basename(file))).toContain('tokens.json');
    for (const file of listFiles(dataDir)) expect(fs.readFileSync(file, 'latin1').includes(d!), `the DPoP key in ${file}`).toBe(false);

    // A changed credential forgets its tokens, and the key they were bound to with them.
    const again = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
    try {
      await again.handlers['vault:unlock']({ passphrase: PASSPHRASE });
      const keys = createVaultProofKeys(again.secrets.vault);
      expect(await keys.get(key)).toBeDefined();
      await again.handlers['credentials:update']({ id: credential.id, recipe: { ...recipe, dpop: { algorithm: 'ES384' } } as never });
      expect(await keys.get(key)).toBeUndefined();
    } finally {
      await again.dispose();
    }
  });
});
