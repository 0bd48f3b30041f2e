// DPoP (RFC 9449) end to end against real servers: oidc-provider with DPoP nonces required issues
// the tokens, a jose-based resource server (testing/emulators/dpop-resource-server.ts) checks the
// proofs of API calls. Keys and proofs are real (jose, WebCrypto); nothing of ours is mocked.
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserLogin, startAuthorizationServer, startDpopResourceServer, type AuthorizationServer, type DpopResourceServer } from '../../../testing/emulators';
import { credential, environment, presetOf } from '../../../testing/engine';
import { createManualClock } from '../clock';
import { createMemoryProofKeyStore, DpopProofs, type ProofKeyStore } from './dpop';
import { createTokenEngine } from './engine';
import { MemoryTokenCache } from './memory-cache';

let server: AuthorizationServer;
let api: DpopResourceServer;

beforeAll(async () => {
  server = await startAuthorizationServer({
    clients: [
      { clientId: 'dpop-client', clientSecret: 'dpop-secret-0123456789', auth: 'client_secret_basic' },
      { clientId: 'native-app', auth: 'none', redirectUris: ['http://127.0.0.1/callback'] },
    ],
    users: [{ username: 'alice', password: 'alice-password-0123' }],
    accessTokenTtlSeconds: 300,
    requireDpopNonce: true,
  });
  api = await startDpopResourceServer({ issuer: server.issuer, jwksUri: server.jwksUri, audience: server.resource, requireNonce: true });
});

afterAll(async () => {
  await api.close();
  await server.close();
});

const clientCredentials = presetOf('oauth2-client-credentials-basic');
const dpopCredential = (id = 'cred-dpop') => credential(clientCredentials, (recipe) => ({ ...recipe, dpop: { algorithm: 'ES256' }, use: undefined, guard: { minIntervalSeconds: 0 } }), id);
let envCount = 0;
const dpopEnvironment = () =>
  environment(clientCredentials, { tokenUrl: server.tokenEndpoint, clientId: 'dpop-client', clientSecret: 'dpop-secret-0123456789' }, { id: `env-dpop-${(envCount += 1)}` });

/** The thumbprint of the key the store holds for a credential (what `cnf.jkt` must be). */
async function storedThumbprint(store: ProofKeyStore, environmentId: string, credentialId: string): Promise<string> {
  const text = await store.get({ environmentId, credentialId });
  const { privateJwk } = JSON.parse(text!) as { privateJwk: JWK };
  const { d: _d, ...publicJwk } = privateJwk;
  return calculateJwkThumbprint(publicJwk, 'sha256');
}

const proofOf = (headers: Record<string, string>) => ({ header: decodeProtectedHeader(headers['dpop']!), claims: decodeJwt(headers['dpop']!) });

describe('DPoP-bound tokens', () => {
  it('gets a token bound to the credential\'s key, answering the server\'s nonce demand once', async () => {
    const keys = createMemoryProofKeyStore();
    const clock = createManualClock(Date.now());
    const engine = createTokenEngine({ cache: new MemoryTokenCache(), proofKeys: keys, clock });
    try {
      const env = dpopEnvironment();
      const cred = dpopCredential();
      const before = server.tokenRequestLog.length;
      const token = await engine.getToken(env, cred);
      expect(token.tokenType).toBe('DPoP');
      expect(token.use).toEqual({ in: 'header', name: 'Authorization', value: `DPoP ${token.token}` });
      const jkt = await storedThumbprint(keys, env.id, cred.id);
      expect((decodeJwt(token.token)['cnf'] as { jkt: string }).jkt).toBe(jkt);

      // The nonce dance: refused with use_dpop_nonce, then sent once more with the nonce.
      const sent = server.tokenRequestLog.slice(before);
      expect(sent.map((e) => e.status)).toEqual([400, 200]);
      const [first, second] = sent.map((e) => proofOf(e.headers));
      expect(first!.header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256' });
      expect(first!.header.jwk).not.toHaveProperty('d');
      expect(await calculateJwkThumbprint(first!.header.jwk!, 'sha256')).toBe(jkt);
      expect(first!.claims).toMatchObject({ htm: 'POST', htu: server.tokenEndpoint });
      expect(first!.claims).not.toHaveProperty('nonce');
      expect(second!.claims.nonce).toEqual(expect.any(String));
      expect(second!.claims.jti).not.toBe(first!.claims.jti);
      // One attempt for the guard, two exchanges in the timeline.
      const status = await engine.status(env, cred);
      expect(status.tokenRequestsLastHour).toBe(1);
      expect(status.guard.consecutiveFailures).toBe(0);
      expect(engine.timeline!.list().slice(-2).map((e) => [e.status, e.outcome])).toEqual([[400, 'failure'], [200, 'success']]);

      // The nonce is remembered: the next token request needs one exchange.
      const next = server.tokenRequestLog.length;
      clock.advance(1000);
      await engine.getToken(env, cred, { forceRenew: true });
      expect(server.tokenRequestLog.slice(next).map((e) => e.status)).toEqual([200]);
    } finally {
      engine.dispose();
    }
  });

  it('calls a DPoP-protected API with a proof of the token (ath), answering its nonce demand; a replayed proof is refused', async () => {
    const engine = createTokenEngine({ cache: new MemoryTokenCache() });
    try {
      const env = dpopEnvironment();
      const cred = dpopCredential();
      const refusedBefore = api.refusals.length;
      const called = await engine.authenticatedRequest(env, cred, { method: 'GET', url: `${api.whoamiUrl}?page=2#top` });
      expect(called.response.status).toBe(200);
      expect(JSON.parse(called.response.body.toString())).toMatchObject({ client_id: 'dpop-client' });
      expect(api.refusals.slice(refusedBefore)).toEqual(['nonce missing']);
      expect(called.renewedAfter401).toBe(false);
      const proof = decodeJwt(called.dpopProof!);
      expect(proof).toMatchObject({ htm: 'GET', htu: api.whoamiUrl, nonce: expect.any(String), ath: expect.any(String) });
      expect(called.sentHeaders).toContainEqual(['DPoP', called.dpopProof]);
      expect(called.sentHeaders.find(([name]) => name === 'Authorization')![1]).toMatch(/^DPoP /);

      // The same proof again, by hand: the server has seen its jti.
      const token = await engine.getToken(env, cred);
      const replay = await fetch(api.whoamiUrl, { headers: { authorization: `DPoP ${token.token}`, dpop: called.dpopProof! } });
      expect(replay.status).toBe(401);
      expect(api.refusals.at(-1)).toBe('jti replayed');
      // A proof made for another method is refused too.
      const other = await engine.authenticatedRequest(env, cred, { method: 'GET', url: api.whoamiUrl });
      const wrongMethod = await fetch(api.whoamiUrl, { method: 'POST', headers: { authorization: `DPoP ${token.token}`, dpop: other.dpopProof! } });
      expect(wrongMethod.status).toBe(401);
      expect(api.refusals.at(-1)).toBe('htm mismatch');
    } finally {
      engine.dispose();
    }
  });

  it('a token bound to another key is refused by the API (cnf.jkt), even with a well-made proof', async () => {
    const engine = createTokenEngine({ cache: new MemoryTokenCache() });
    try {
      const env = dpopEnvironment();
      const stolen = await engine.getToken(env, dpopCredential());
      const called = await engine.authenticatedRequest(env, dpopCredential(), { method: 'GET', url: api.whoamiUrl });
      // A thief with a key of their own signs a correct proof (ath, nonce, htu) for the stolen token.
      const thief = new DpopProofs(createMemoryProofKeyStore());
      const key = await thief.keyFor({ environmentId: 'thief', credentialId: 'thief' }, 'ES256');
      const proof = await thief.proof(key, { method: 'GET', url: api.whoamiUrl, accessToken: stolen.token, nonce: called.response.headers['dpop-nonce']! });
      const forged = await fetch(api.whoamiUrl, { headers: { authorization: `DPoP ${stolen.token}`, dpop: proof } });
      expect(forged.status).toBe(401);
      expect(api.refusals.at(-1)).toBe('cnf.jkt does not match the proof key');
    } finally {
      engine.dispose();
    }
  });

  it('renews with the refresh token and the same key (oidc-provider binds a public client\'s refresh token to it)', async () => {
    const keys = createMemoryProofKeyStore();
    const clock = createManualClock(Date.now());
    const browser = browserLogin('alice');
    const engine = createTokenEngine({ cache: new MemoryTokenCache(), proofKeys: keys, clock, userAgent: { openAuthorization: (request) => browser.openAuthorization(request) } });
    try {
      const preset = presetOf('oauth2-authorization-code');
      const env = environment(preset, { authorizationUrl: `${server.issuer}/auth`, tokenUrl: server.tokenEndpoint, clientId: 'native-app', scope: 'openid api' }, { id: 'env-dpop-code' });
      const cred = credential(preset, (recipe) => ({ ...recipe, dpop: { algorithm: 'ES256' }, use: undefined }), 'cred-dpop-code');
      const first = await engine.getToken(env, cred);
      expect(first.tokenType).toBe('DPoP');
      const jkt = await storedThumbprint(keys, env.id, cred.id);
      clock.advance(280_000); // inside the renewal margin of a 300 s token
      const before = server.tokenRequestLog.length;
      const renewed = await engine.getToken(env, cred);
      expect(renewed.token).not.toBe(first.token);
      const refresh = server.tokenRequestLog.slice(before);
      expect(refresh.map((e) => new URLSearchParams(e.body).get('grant_type'))).toEqual(['refresh_token']);
      expect(refresh.map((e) => e.status)).toEqual([200]);
      expect(await calculateJwkThumbprint(proofOf(refresh[0]!.headers).header.jwk!, 'sha256')).toBe(jkt);
      expect((decodeJwt(renewed.token)['cnf'] as { jkt: string }).jkt).toBe(jkt);
      const called = await engine.authenticatedRequest(env, cred, { method: 'GET', url: api.whoamiUrl });
      expect(JSON.parse(called.response.body.toString())).toMatchObject({ sub: 'alice' });
    } finally {
      engine.dispose();
    }
  });

  it('refuses a Bearer token for a DPoP recipe, saying the server did not bind it', async () => {
    const engine = createTokenEngine({ cache: new MemoryTokenCache() });
    try {
      const env = dpopEnvironment();
      // The token type read from a field the server does not fill: what a server without DPoP answers.
      const cred = credential(clientCredentials, (recipe) => ({ ...recipe, dpop: { algorithm: 'ES256' }, use: undefined, tokenResponse: { token: 'access_token', tokenType: 'no_such_field' } }), 'cred-bearer');
      await expect(engine.getToken(env, cred)).rejects.toMatchObject({ code: 'token-invalid', message: expect.stringContaining('token type "Bearer"') });
    } finally {
      engine.dispose();
    }
  });
});
