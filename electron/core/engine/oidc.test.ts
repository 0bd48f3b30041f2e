// The standard presets' textbook flows against a real OAuth2 server (oidc-provider fixture).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthorizationServer, type AuthorizationServer } from '../../../testing/emulators';
import { createManualClock } from '../clock';
import { createTokenEngine } from './engine';
import { MemoryTokenCache } from './memory-cache';
import { credential, environment, presetOf, rejection } from '../../../testing/engine';

let server: AuthorizationServer;

beforeAll(async () => {
  server = await startAuthorizationServer({
    clients: [
      { clientId: 'basic-client', clientSecret: 'basic-secret-0123456789', auth: 'client_secret_basic' },
      { clientId: 'post-client', clientSecret: 'post-secret-0123456789', auth: 'client_secret_post' },
    ],
    users: [{ username: 'alice', password: 'alice-password-0123' }],
    accessTokenTtlSeconds: 300,
  });
});

afterAll(async () => {
  await server.close();
});

const grants = () => server.tokenRequestLog.map((entry) => new URLSearchParams(entry.body).get('grant_type'));

describe('textbook OAuth2 flows', () => {
  it('client credentials with HTTP Basic and with the secret in the body', async () => {
    const engine = createTokenEngine({ cache: new MemoryTokenCache() });
    try {
      const basic = presetOf('oauth2-client-credentials-basic');
      const basicEnv = environment(basic, { tokenUrl: server.tokenEndpoint, clientId: 'basic-client', clientSecret: 'basic-secret-0123456789' });
      const whoami = await engine.authenticatedRequest(basicEnv, credential(basic), { method: 'GET', url: server.whoamiUrl });
      expect(whoami.response.status).toBe(200);
      expect(JSON.parse(whoami.response.body.toString())).toMatchObject({ client_id: 'basic-client' });

      const post = presetOf('oauth2-client-credentials-post');
      const postEnv = environment(post, { tokenUrl: server.tokenEndpoint, clientId: 'post-client', clientSecret: 'post-secret-0123456789' }, { id: 'env-post' });
      const token = await engine.getToken(postEnv, credential(post));
      expect(token.expiresAt! - Date.now()).toBeGreaterThan(290_000);
      const sent = new URLSearchParams(server.tokenRequestLog.at(-1)!.body);
      expect(sent.get('client_id')).toBe('post-client');
      expect(sent.get('client_secret')).toBe('post-secret-0123456789');

      // The wrong client authentication method is a credentials problem, said so.
      const wrongEnv = environment(basic, { tokenUrl: server.tokenEndpoint, clientId: 'post-client', clientSecret: 'post-secret-0123456789' }, { id: 'env-wrong' });
      const error = await rejection(engine.getToken(wrongEnv, credential(basic)));
      expect(error.code).toBe('bad-credentials');
      expect(error.status).toBe(401);
      expect(error.message).toContain('invalid_client');
      expect(error.message).not.toContain('post-secret-0123456789');
    } finally {
      engine.dispose();
    }
  });

  it('password grant, renewed with the (rotating) refresh token; the refresh-token preset continues from one', async () => {
    const clock = createManualClock(Date.now());
    const cache = new MemoryTokenCache();
    const engine = createTokenEngine({ cache, clock });
    try {
      const password = presetOf('oauth2-password');
      const env = environment(password, { tokenUrl: server.tokenEndpoint, clientId: 'basic-client', clientSecret: 'basic-secret-0123456789', username: 'alice', password: 'alice-password-0123' });
      const cred = credential(password);
      const before = server.tokenRequests;
      const first = await engine.getToken(env, cred);
      expect((await engine.status(env, cred)).hasRefreshToken).toBe(true);
      clock.advance(280_000); // inside the 30 s margin of a 300 s token
      const renewed = await engine.getToken(env, cred);
      expect(renewed.token).not.toBe(first.token);
      expect(grants().slice(before)).toEqual(['password', 'refresh_token']);
      const whoami = await engine.authenticatedRequest(env, cred, { method: 'GET', url: server.whoamiUrl });
      expect(JSON.parse(whoami.response.body.toString())).toMatchObject({ sub: 'alice' });

      // Hand the current refresh token to the refresh-token preset, as a user would paste one.
      const held = await cache.get({ environmentId: env.id, credentialId: cred.id });
      const refresh = presetOf('oauth2-refresh-token');
      const refreshEnv = environment(refresh, { tokenUrl: server.tokenEndpoint, clientId: 'basic-client', clientSecret: 'basic-secret-0123456789', refreshToken: held!.refreshToken! }, { id: 'env-refresh' });
      const refreshCred = credential(refresh, undefined, 'cred-refresh');
      const start = server.tokenRequests;
      await engine.getToken(refreshEnv, refreshCred);
      clock.advance(280_000);
      // The pasted refresh token is used up (rotation): renewal must use the newest one.
      await engine.getToken(refreshEnv, refreshCred);
      expect(grants().slice(start)).toEqual(['refresh_token', 'refresh_token']);
      expect(server.tokenRequestLog.slice(start).map((e) => e.status)).toEqual([200, 200]);
    } finally {
      engine.dispose();
    }
  });
});
