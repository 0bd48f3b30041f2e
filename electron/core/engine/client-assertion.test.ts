// Client authentication by signed assertion (RFC 7523) against a real authorization server
// (oidc-provider) that has each client registered for private_key_jwt or client_secret_jwt.
import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, exportJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthorizationServer, type AuthorizationServer } from '../../../testing/emulators';
import { createTokenEngine, type TokenEngine } from './engine';
import { MemoryTokenCache } from './memory-cache';
import { credential, environment, presetOf, rejection } from '../../../testing/engine';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const RSA_PEM = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const RSA_PKCS1_PEM = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const SECRET = 'jwt-client-secret-0123456789abcdefghijklmnop';

let server: AuthorizationServer;
let engine: TokenEngine;
let ecJwk: JWK;

beforeAll(async () => {
  ecJwk = { ...(await exportJWK(ec.privateKey)), kid: 'ec-key-1' };
  const { d: _d, ...ecPublic } = ecJwk;
  server = await startAuthorizationServer({
    clients: [
      { clientId: 'rsa-client', auth: 'private_key_jwt', jwks: { keys: [{ ...(await exportJWK(rsa.publicKey)), kid: 'rsa-key-1' }] } },
      { clientId: 'ec-client', auth: 'private_key_jwt', jwks: { keys: [ecPublic] } },
      { clientId: 'hmac-client', clientSecret: SECRET, auth: 'client_secret_jwt' },
    ],
  });
  engine = createTokenEngine({ cache: new MemoryTokenCache() });
});

afterAll(async () => {
  engine.dispose();
  await server.close();
});

const lastForm = () => new URLSearchParams(server.tokenRequestLog.at(-1)!.body);
let envCount = 0;
const keyEnv = (clientId: string, privateKey: string) =>
  environment(presetOf('oauth2-private-key-jwt'), { tokenUrl: server.tokenEndpoint, clientId, privateKey }, { id: `env-${(envCount += 1)}` });

describe('private_key_jwt', () => {
  it('signs with a PEM key (PKCS#8 and PKCS#1): the server accepts it and the token works on the API', async () => {
    for (const pem of [RSA_PEM, RSA_PKCS1_PEM]) {
      const env = keyEnv('rsa-client', pem);
      const cred = credential(presetOf('oauth2-private-key-jwt'));
      const whoami = await engine.authenticatedRequest(env, cred, { method: 'GET', url: server.whoamiUrl });
      expect(whoami.response.status).toBe(200);
      expect(JSON.parse(whoami.response.body.toString())).toMatchObject({ client_id: 'rsa-client' });
      const sent = lastForm();
      expect(sent.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      expect(sent.get('client_secret')).toBeNull();
      const assertion = sent.get('client_assertion')!;
      expect(decodeProtectedHeader(assertion)).toMatchObject({ alg: 'RS256' });
      const claims = decodeJwt(assertion);
      expect(claims).toMatchObject({ iss: 'rsa-client', sub: 'rsa-client', aud: server.tokenEndpoint });
      expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(60);
    }
  });

  it('signs ES256 with a private JWK and sends its kid; each request has its own jti', async () => {
    const env = keyEnv('ec-client', JSON.stringify(ecJwk));
    const cred = credential(presetOf('oauth2-private-key-jwt'), (recipe) => {
      if (recipe.kind !== 'token-request' || recipe.tokenRequest.clientAuth?.type !== 'private-key-jwt') throw new Error('not the private_key_jwt preset');
      recipe.tokenRequest.clientAuth.algorithm = 'ES256';
      return { ...recipe, guard: { minIntervalSeconds: 0 } };
    });
    await engine.getToken(env, cred);
    const first = lastForm().get('client_assertion')!;
    expect(decodeProtectedHeader(first)).toMatchObject({ alg: 'ES256', kid: 'ec-key-1' });
    await engine.getToken(env, cred, { forceRenew: true });
    const second = lastForm().get('client_assertion')!;
    expect(decodeJwt(second).jti).not.toBe(decodeJwt(first).jti);
    expect(server.tokenRequestLog.slice(-2).map((e) => e.status)).toEqual([200, 200]);
  });

  it('a key the server does not know is refused as a credentials problem, the assertion masked', async () => {
    const env = keyEnv('rsa-client', stranger.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const error = await rejection(engine.getToken(env, credential(presetOf('oauth2-private-key-jwt'))));
    expect(error.code).toBe('bad-credentials');
    expect(error.message).toContain('invalid_client');
    const entry = engine.timeline!.list().at(-1)!;
    expect(entry.request?.body).toContain('client_assertion=••••');
    expect(JSON.stringify(entry)).not.toContain(lastForm().get('client_assertion'));
  });

  it('an unusable key is said before anything is sent', async () => {
    const before = server.tokenRequests;
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['not a key', /neither a PEM private key nor a JWK/],
      [JSON.stringify({ kty: 'RSA', n: 'abc', e: 'AQAB' }), /only a public key/],
      ['{"kty": "RSA",', /not valid JSON/],
      ['-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----', /encrypted with a passphrase/],
      ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', /could not be read/],
      [JSON.stringify(ecJwk), /ec key cannot sign RS256/],
    ];
    for (const [key, message] of cases) {
      const error = await rejection(engine.getToken(keyEnv('rsa-client', key), credential(presetOf('oauth2-private-key-jwt'))));
      expect(error.code, key).toBe('client-key-invalid');
      expect(error.message, key).toMatch(message);
      expect(error.hint.length).toBeGreaterThan(10);
    }
    expect(server.tokenRequests).toBe(before);
  });
});

describe('client_secret_jwt', () => {
  it('signs HS256 with the client secret, which itself is never sent', async () => {
    const preset = presetOf('oauth2-client-secret-jwt');
    const env = environment(preset, { tokenUrl: server.tokenEndpoint, clientId: 'hmac-client', clientSecret: SECRET }, { id: 'env-hmac' });
    const whoami = await engine.authenticatedRequest(env, credential(preset), { method: 'GET', url: server.whoamiUrl });
    expect(JSON.parse(whoami.response.body.toString())).toMatchObject({ client_id: 'hmac-client' });
    expect(server.tokenRequestLog.at(-1)!.body).not.toContain(SECRET);
    expect(decodeProtectedHeader(lastForm().get('client_assertion')!)).toMatchObject({ alg: 'HS256' });

    const wrong = environment(preset, { tokenUrl: server.tokenEndpoint, clientId: 'hmac-client', clientSecret: 'another-secret-0123456789abcdefghijklmnop' }, { id: 'env-hmac-wrong' });
    const error = await rejection(engine.getToken(wrong, credential(preset)));
    expect(error.code).toBe('bad-credentials');
  });
});
