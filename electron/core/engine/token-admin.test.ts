// Introspection (RFC 7662) and revocation (RFC 7009) against a real authorization server
// (oidc-provider with both features on, opaque access tokens so it can look them up), with the
// token request's own client authentication: client_secret_basic, client_secret_post and
// private_key_jwt; and each way it can go wrong, said in words.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthorizationServer, type AuthorizationServer } from '../../../testing/emulators';
import { credential, environment, presetOf, rejection } from '../../../testing/engine';
import type { RecipeInput, TokenRequestRecipe } from '../../../shared/recipe';
import { tokenAdminRequest } from './token-admin';
import { createManualClock } from '../clock';
import { createTokenEngine, type TokenEngine } from './engine';
import { MemoryTokenCache } from './memory-cache';
import type { EngineCredential, EngineEnvironment } from './types';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const RSA_PEM = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const SECRET = 'admin-secret-0123456789abcdef';
const HMAC_SECRET = 'admin-hmac-secret-0123456789abcdefghijklmnop';

let server: AuthorizationServer;
let jwtServer: AuthorizationServer;
let engine: TokenEngine;
let envCount = 0;
const heldTokens = new MemoryTokenCache();
// Token requests stay spaced after a revocation too (guard.ts): the tests move the clock past it.
const clock = createManualClock(Date.now());
const GUARD_SPACING_MS = 6_000;

beforeAll(async () => {
  const clients = [
    { clientId: 'basic-client', clientSecret: SECRET, auth: 'client_secret_basic' as const },
    { clientId: 'post-client', clientSecret: SECRET, auth: 'client_secret_post' as const },
    { clientId: 'key-client', auth: 'private_key_jwt' as const, jwks: { keys: [{ ...(await exportJWK(rsa.publicKey)), kid: 'k1' }] } },
    { clientId: 'hmac-client', clientSecret: HMAC_SECRET, auth: 'client_secret_jwt' as const },
  ];
  server = await startAuthorizationServer({ clients, accessTokenFormat: 'opaque', users: [{ username: 'ada', password: 'lovelace-pass' }] });
  jwtServer = await startAuthorizationServer({ clients });
  engine = createTokenEngine({ cache: heldTokens, clock });
});

afterAll(async () => {
  engine.dispose();
  await Promise.all([server.close(), jwtServer.close()]);
});

const endpoints = (on: AuthorizationServer) => (recipe: RecipeInput): RecipeInput => ({ ...recipe, introspectionUrl: `${on.issuer}/token/introspection`, revocationUrl: `${on.issuer}/token/revocation` }) as RecipeInput;

function pair(presetId: string, values: Record<string, string>, on = server): { env: EngineEnvironment; cred: EngineCredential } {
  const preset = presetOf(presetId);
  return { env: environment(preset, { tokenUrl: on.tokenEndpoint, ...values }, { id: `env-${(envCount += 1)}` }), cred: credential(preset, endpoints(on)) };
}

/** The server's own view, asked directly (not through Tokenbench). */
async function serverSays(token: string): Promise<{ active: boolean }> {
  const response = await fetch(`${server.issuer}/token/introspection`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`basic-client:${SECRET}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }),
  });
  return (await response.json()) as { active: boolean };
}

const whoami = async (token: string) => (await fetch(server.whoamiUrl, { headers: { authorization: `Bearer ${token}` } })).status;

describe.each([
  ['client_secret_basic', 'oauth2-client-credentials-basic', { clientId: 'basic-client', clientSecret: SECRET }],
  ['client_secret_post', 'oauth2-client-credentials-post', { clientId: 'post-client', clientSecret: SECRET }],
  ['private_key_jwt', 'oauth2-private-key-jwt', { clientId: 'key-client', privateKey: RSA_PEM }],
  ['client_secret_jwt', 'oauth2-client-secret-jwt', { clientId: 'hmac-client', clientSecret: HMAC_SECRET }],
])('introspection and revocation with %s', (_method, presetId, values) => {
  it('a fetched token introspects active; revoked, the server holds it inactive and the next use gets a new token', async () => {
    const { env, cred } = pair(presetId, values);
    const first = await engine.getToken(env, cred);
    const answer = await engine.introspect(env, cred, 'access_token');
    expect(answer).toMatchObject({ active: true, clientId: values.clientId, tokenType: 'Bearer', issuer: server.issuer });
    // The server's times, in whole seconds of its own clock, within a minute of Tokenbench's.
    expect(Math.abs(answer.expiresAt! - first.expiresAt!)).toBeLessThan(60_000);
    expect(Math.abs(answer.issuedAt! - first.issuedAt!)).toBeLessThan(60_000);
    expect(JSON.stringify(answer)).not.toContain(first.token);
    expect(await whoami(first.token)).toBe(200);

    const requestsBefore = server.tokenRequestLog.length;
    await engine.revoke(env, cred, ['access_token']);
    expect(await serverSays(first.token)).toEqual({ active: false });
    expect(await whoami(first.token)).toBe(401);
    expect((await engine.status(env, cred)).state).not.toBe('valid');

    clock.advance(GUARD_SPACING_MS);
    const next = await engine.getToken(env, cred);
    expect(next.fromCache).toBe(false);
    expect(next.token).not.toBe(first.token);
    expect(server.tokenRequestLog.length).toBe(requestsBefore + 1);
    expect(await whoami(next.token)).toBe(200);
  });
});

describe('introspection and revocation', () => {
  it('a public client names itself with the client_id of its token request (RFC 7009 section 2.1)', () => {
    const recipe = credential(presetOf('oauth2-authorization-code')).recipe as TokenRequestRecipe;
    const request = tokenAdminRequest(recipe, 'https://as.example.com/revoke', 'refresh_token');
    expect(request.clientAuth).toEqual({ type: 'none' });
    expect(request.body).toEqual({ encoding: 'form', fields: { token: '{{token}}', token_type_hint: 'refresh_token', client_id: '{{clientId}}' } });
  });

  it('says inactive for a held token the server no longer honours', async () => {
    const { env, cred } = pair('oauth2-client-credentials-basic', { clientId: 'basic-client', clientSecret: SECRET });
    const { token } = await engine.getToken(env, cred);
    // Revoked behind Tokenbench's back: the cache still holds it.
    await fetch(`${server.issuer}/token/revocation`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`basic-client:${SECRET}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }),
    });
    expect(await engine.introspect(env, cred, 'access_token')).toEqual({ active: false, other: {} });
  });

  it('revokes the refresh token too when asked, and records each exchange masked', async () => {
    const timeline = engine.timeline!;
    const { env, cred } = pair('oauth2-password', { clientId: 'basic-client', clientSecret: SECRET, username: 'ada', password: 'lovelace-pass' });
    await engine.getToken(env, cred);
    expect(await engine.introspect(env, cred, 'refresh_token')).toMatchObject({ active: true, subject: 'ada', clientId: 'basic-client' });
    const held = (await heldTokens.get({ environmentId: env.id, credentialId: cred.id }))!;
    const secrets = [SECRET, 'lovelace-pass'];
    const since = timeline.list().length;
    await engine.revoke(env, cred, ['access_token', 'refresh_token']);
    const entries = timeline.list().slice(since);
    expect(entries.map((e) => [e.purpose, e.status, e.outcome])).toEqual([
      ['revoke', 200, 'success'],
      ['revoke', 200, 'success'],
    ]);
    expect(entries.map((e) => new URLSearchParams(e.request.body).get('token_type_hint'))).toEqual(['access_token', 'refresh_token']);
    for (const [i, entry] of entries.entries()) {
      expect(new URLSearchParams(entry.request.body).get('token')).toMatch(/^•+/);
      for (const secret of [...secrets, i === 0 ? held.token : held.refreshToken]) expect(JSON.stringify(entry)).not.toContain(secret);
      expect(entry.toCurl({ reveal: true })).toContain(i === 0 ? held.token : held.refreshToken);
    }
    // Forgotten: the next use signs in with the password again.
    clock.advance(GUARD_SPACING_MS);
    expect((await engine.getToken(env, cred)).fromCache).toBe(false);
  });

  it('says when no endpoint is configured, no token is held, or the service cannot look the token up', async () => {
    const preset = presetOf('oauth2-client-credentials-basic');
    const env = environment(preset, { tokenUrl: server.tokenEndpoint, clientId: 'basic-client', clientSecret: SECRET }, { id: `env-${(envCount += 1)}` });
    const bare = credential(preset, (r) => r, 'bare');
    await engine.getToken(env, bare);
    const none = await rejection(engine.revoke(env, bare, ['access_token']));
    expect(none).toMatchObject({ code: 'no-endpoint', message: expect.stringContaining('offers no revocation endpoint') });
    expect(none.hint).toMatch(/Fill it from the issuer/);
    expect((await engine.getToken(env, bare)).fromCache).toBe(true);

    const { env: fresh, cred } = pair('oauth2-client-credentials-basic', { clientId: 'basic-client', clientSecret: SECRET });
    expect(await rejection(engine.introspect(fresh, cred, 'access_token'))).toMatchObject({ code: 'no-token', message: expect.stringContaining('No access token') });
    await engine.getToken(fresh, cred);
    expect(await rejection(engine.revoke(fresh, cred, ['refresh_token']))).toMatchObject({ code: 'no-token', message: expect.stringContaining('No refresh token') });

    // A JWT access token: oidc-provider answers unsupported_token_type.
    const jwt = pair('oauth2-client-credentials-basic', { clientId: 'basic-client', clientSecret: SECRET }, jwtServer);
    await engine.getToken(jwt.env, jwt.cred);
    const unsupported = await rejection(engine.introspect(jwt.env, jwt.cred, 'access_token'));
    expect(unsupported).toMatchObject({ code: 'unsupported-token-type', status: 400, message: expect.stringContaining('cannot introspect this access token') });
    expect((await engine.getToken(jwt.env, jwt.cred)).fromCache).toBe(true);
  });

  it('says when the endpoint refuses the client (401), cannot be reached, or is on a host not allowed', async () => {
    const refusing = http.createServer((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}'));
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/introspect`;
    try {
      const preset = presetOf('oauth2-client-credentials-basic');
      const values = { tokenUrl: server.tokenEndpoint, clientId: 'basic-client', clientSecret: SECRET };
      const at = async (introspectionUrl: string, allowedHosts: string[] = []) => {
        const env = environment(preset, values, { id: `env-${(envCount += 1)}`, allowedHosts });
        const cred = credential(preset, (r) => ({ ...r, introspectionUrl }) as RecipeInput);
        await engine.getToken(env, cred);
        return rejection(engine.introspect(env, cred, 'access_token'));
      };
      const refused = await at(refusingUrl);
      expect(refused).toMatchObject({ code: 'bad-credentials', status: 401, message: expect.stringContaining('for the introspection request') });
      expect(refused.hint).toContain('{{clientSecret}}');

      const unreachable = await at('http://127.0.0.1:9/introspect');
      expect(unreachable).toMatchObject({ code: 'connection-refused', message: expect.stringContaining('The introspection request failed') });

      const tokenHost = new URL(server.tokenEndpoint).host;
      const notAllowed = await at(refusingUrl, [tokenHost]);
      expect(notAllowed.code).toBe('host-not-allowed');
      expect(notAllowed.message).toContain('introspection request');
    } finally {
      await new Promise((resolve) => refusing.close(resolve));
    }
  });
});
