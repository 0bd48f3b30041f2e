// The runner with a DPoP-bound credential: the request carries a proof of the credential's key for
// its method and URL (with `ath`, and the resource server's nonce), the wire view shows that proof
// decoded, and nothing secret comes back. Real oidc-provider, real jose resource server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecipeSchema } from '../../../shared/recipe';
import { emptyDraft } from '../../../shared/runner/draft';
import { startAuthorizationServer, startDpopResourceServer, type AuthorizationServer, type DpopResourceServer } from '../../../testing/emulators';
import { presetOf } from '../../../testing/engine';
import { createTestWorld, testEnvironment } from '../../../testing/runner';
import { BodyStore } from './body-store';
import { HistoryStore } from './history';
import { sendDraft, type RunnerState } from './send';

const CLIENT_SECRET = 'runner-dpop-secret-0123456789';
let server: AuthorizationServer;
let api: DpopResourceServer;
let dataDir: string;

beforeAll(async () => {
  server = await startAuthorizationServer({ clients: [{ clientId: 'runner-dpop', clientSecret: CLIENT_SECRET, auth: 'client_secret_basic' }], requireDpopNonce: true });
  api = await startDpopResourceServer({ issuer: server.issuer, jwksUri: server.jwksUri, audience: server.resource, requireNonce: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-runner-dpop-'));
});

afterAll(async () => {
  await api.close();
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the runner with a DPoP credential', () => {
  it('sends a proof for the request and shows it decoded', async () => {
    const world = createTestWorld(dataDir);
    try {
      const environment = testEnvironment({ name: 'Sandbox' });
      world.environments.push(environment);
      world.variables.set(environment.id, {
        tokenUrl: { value: server.tokenEndpoint, secret: false },
        clientId: { value: 'runner-dpop', secret: false },
        clientSecret: { value: CLIENT_SECRET, secret: true },
      });
      const recipe = RecipeSchema.parse({ ...presetOf('oauth2-client-credentials-basic').recipe, dpop: { algorithm: 'ES256' }, use: undefined });
      world.credentials.push({ id: 'bound', name: 'Bound API', tokenUrl: server.tokenEndpoint, recipe });
      const state: RunnerState = { deps: world.deps, bodies: new BodyStore(), history: new HistoryStore(dataDir), inFlight: new Map() };

      const result = await sendDraft(state, emptyDraft({ method: 'GET', url: `${api.whoamiUrl}?page=1`, environmentId: environment.id, credentialId: 'bound' }), 'one', false);
      expect(result.response.status).toBe(200);
      expect(result.request.dpopProof!.header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256' } });
      expect(result.request.dpopProof!.header['jwk']).not.toHaveProperty('d');
      expect(result.request.dpopProof!.claims).toMatchObject({ htm: 'GET', htu: api.whoamiUrl, nonce: expect.any(String), ath: expect.any(String), jti: expect.any(String), iat: expect.any(Number) });
      const sentHeaders = Object.fromEntries(result.request.headers);
      expect(sentHeaders['DPoP']).toMatch(/^ey/);
      expect(sentHeaders['Authorization']).toMatch(/^DPoP •+/);
      const token = (await world.engine.getToken({ ...environment, variables: world.variables.get(environment.id)! }, { id: 'bound', name: 'Bound API', recipe })).token;
      expect(JSON.stringify(result)).not.toContain(token);
      expect(JSON.stringify(result)).not.toContain(CLIENT_SECRET);
      const history = state.history.get(result.historyId);
      expect(history.request.dpopProof?.claims['htu']).toBe(api.whoamiUrl);
    } finally {
      world.engine.dispose();
      world.http.close();
    }
  });
});
