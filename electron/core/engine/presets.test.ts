// Every vendor preset end to end against its emulator: the user types only their own values.
import { afterEach, describe, expect, it } from 'vitest';
import {
  LEMONWAY_API_PREFIX,
  startLandax,
  startLemonway,
  startLengow,
  startLiveData,
  startOAuth2ClientCredentials,
  type Emulator,
} from '../../../testing/emulators';
import { createManualClock } from '../clock';
import { createTokenEngine, type TokenEngine } from './engine';
import { MemoryTokenCache } from './memory-cache';
import { credential, environment, presetOf, rejection } from '../../../testing/engine';

const started: Array<Emulator | TokenEngine> = [];
function track<T extends Emulator | TokenEngine>(thing: T): T {
  started.push(thing);
  return thing;
}

afterEach(async () => {
  for (const thing of started.splice(0)) {
    if ('dispose' in thing) thing.dispose();
    else await thing.close();
  }
});

describe('Lengow', () => {
  it('reuses one token for its documented hour, so the IP ban never triggers', async () => {
    const clock = createManualClock();
    const lengow = track(await startLengow({ accessToken: 'lengow-access-0123456789', secret: 'lengow-secret-0123456789', banAfter: 3, banWindowMs: 3600_000, now: clock.now }));
    const engine = track(createTokenEngine({ cache: new MemoryTokenCache(), clock }));
    const preset = presetOf('lengow');
    const env = environment(preset, { baseUrl: lengow.url, accessToken: 'lengow-access-0123456789', secret: 'lengow-secret-0123456789' });
    const cred = credential(preset);

    // A busy integration: 50 API calls a minute for two hours, many at once.
    for (let minute = 0; minute < 120; minute++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => engine.authenticatedRequest(env, cred, { method: 'GET', url: `${lengow.url}/v3.0/orders?account_id=1` })),
      );
      expect(answers.every((a) => a.response.status === 200)).toBe(true);
      clock.advance(60_000);
    }
    expect(lengow.banned).toBe(false);
    // One token per hour, renewed 6 minutes ahead: 2 or 3 in two hours, never one per call.
    expect(lengow.tokenRequests).toBeLessThanOrEqual(3);
    expect(lengow.apiRequests).toBe(6000);
    const status = await engine.status(env, cred);
    expect(status.extras).toEqual({ accountId: '1', userId: '1' });
    // The bare token in Authorization, as the doc's Postman variable holds it.
    const sent = await engine.authenticatedRequest(env, cred, { method: 'GET', url: `${lengow.url}/v3.0/orders?account_id=1` });
    expect(sent.sentHeaders).toEqual([['Authorization', expect.stringMatching(/^••••[0-9a-f]{4}$/)]]);
    expect(lengow.tokenRequestLog[0]!.body).toBe('access_token=lengow-access-0123456789&secret=lengow-secret-0123456789');
  });

  it('keeps a client that insists on new tokens under the ban limit', async () => {
    const clock = createManualClock();
    const lengow = track(await startLengow({ accessToken: 'lengow-access-0123456789', secret: 'lengow-secret-0123456789', banAfter: 5, banWindowMs: 60_000, now: clock.now }));
    const engine = track(createTokenEngine({ cache: new MemoryTokenCache(), clock }));
    const preset = presetOf('lengow');
    const env = environment(preset, { baseUrl: lengow.url, accessToken: 'lengow-access-0123456789', secret: 'lengow-secret-0123456789' });
    const cred = credential(preset);
    for (let second = 0; second < 300; second++) {
      await engine.getToken(env, cred, { forceRenew: true }).catch(() => undefined);
      clock.advance(1000);
    }
    expect(lengow.banned).toBe(false);
    expect(lengow.tokenRequests).toBe(10); // one per 30 s, the preset's spacing
  });
});

describe('Landax', () => {
  it('signs in with the password grant (grant type in the query, JSON body) and renews with the refresh grant', async () => {
    const clock = createManualClock();
    const landax = track(await startLandax({ clientId: 'app-key', clientSecret: 'client-key-0123456789', username: 'api-user', password: 'pass-0123456789', lifetimeSeconds: 3600, now: clock.now }));
    const engine = track(createTokenEngine({ cache: new MemoryTokenCache(), clock }));
    const preset = presetOf('landax');
    const env = environment(preset, { baseUrl: landax.url, clientId: 'app-key', clientSecret: 'client-key-0123456789', username: 'api-user', password: 'pass-0123456789' });
    const cred = credential(preset);

    const first = await engine.getToken(env, cred);
    expect(first.use).toEqual({ in: 'header', name: 'Authorization', value: `Bearer ${first.token}` });
    expect(JSON.parse(landax.tokenRequestLog[0]!.body)).toEqual({ username: 'api-user', password: 'pass-0123456789', client_id: 'app-key', client_secret: 'client-key-0123456789' });
    expect((await engine.status(env, cred)).hasRefreshToken).toBe(true);

    for (let hour = 0; hour < 3; hour++) {
      clock.advance(3600_000 - 300_000);
      const api = await engine.authenticatedRequest(env, cred, { method: 'GET', url: `${landax.url}/api/v20/Projects` });
      expect(api.response.status).toBe(200);
    }
    expect(landax.refreshGrants).toBe(3);
    expect(landax.tokenRequests).toBe(4);

    // After a restart the cached refresh token (single-use, rotated) still works.
    landax.revokeAllTokens();
    clock.advance(10_000);
    const retried = await engine.authenticatedRequest(env, cred, { method: 'GET', url: `${landax.url}/api/v20/Projects` });
    expect(retried.renewedAfter401).toBe(true);
    expect(retried.response.status).toBe(200);
    expect(landax.refreshGrants).toBe(4);
  });

  it('signs in again with the password when the refresh token is refused', async () => {
    const clock = createManualClock();
    const landax = track(await startLandax({ clientId: 'app-key', clientSecret: 'client-key-0123456789', username: 'api-user', password: 'pass-0123456789', lifetimeSeconds: 3600, refreshLifetimeSeconds: 600, now: clock.now }));
    const engine = track(createTokenEngine({ cache: new MemoryTokenCache(), clock }));
    const preset = presetOf('landax');
    const env = environment(preset, { baseUrl: landax.url, clientId: 'app-key', clientSecret: 'client-key-0123456789', username: 'api-user', password: 'pass-0123456789' });
    const cred = credential(preset);
    await engine.getToken(env, cred);
    clock.advance(3600_000); // the refresh token lived only 10 minutes
    await engine.getToken(env, cred);
    expect(landax.tokenRequests).toBe(3);
    expect(landax.refreshGrants).toBe(0);
    expect(landax.tokenRequestLog.map((e) => e.status)).toEqual([200, 401, 200]);
  });
});

describe('Live Data', () => {
  it('reads the zone-less expiresAt as UTC (service account, JSON grantType)', async () => {
    const clock = createManualClock(Date.UTC(2021, 10, 19, 23, 21, 9, 92));
    const live = track(await startLiveData({ clientId: 'svc-1', clientSecret: 'svc-secret-0123456789', username: 'me', password: 'pw-0123456789', now: clock.now }));
    const engine = track(createTokenEngine({ cache: new MemoryTokenCache(), clock }));
    const preset = presetOf('livedata-service-account');
    const env = environment(preset, { baseUrl: live.url, clientId: 'svc-1', clientSecret: 'svc-secret-0123456789' });
    const cred = credential(preset);
    const token = await engine.getToken(env, cred);
    expect(token.expiresAt).toBe(Date.UTC(2021, 10, 19, 23, 36, 9, 92)); // 15 minutes, to the millisecond
    expect(JSON.parse(live.tokenRequestLog[0]!.body)).toEqual({ grantType: 'clientCredentials', clientId: 'svc-1', clientSecret: 'svc-secret-0123456789' });
    const people = await engine.authenticatedRequest(env, cred, { method: 'POST', url: `${live.url}/api/people/v1/o_123abc/find`, headers: { 'content-type': 'application/json' }, body: '{"matches":[]}' });
    expect(people.response.status).toBe(200);
  });

  it('reads expiresAt in a stated zone, and the user variant\'s access_token from a form login', async () => {
    const clock = createManualClock(Date.UTC(2021, 10, 19, 22, 0, 0));
    const live = track(await startLiveData({ clientId: 'svc-1', clientSecret: 'svc-secret-0123456789', username: 'me', password: 'pw-0123456789', now: clock.now }));
    const engine = track(createTokenEngine({ cache: new MemoryTokenCache(), clock }));
    const user = presetOf('livedata-user');
    const env = environment(user, { baseUrl: live.url, username: 'me', password: 'pw-0123456789' });
    expect((await engine.getToken(env, credential(user))).expiresAt).toBe(Date.UTC(2021, 10, 19, 23, 0, 0));
    expect(live.tokenRequestLog[0]!.body).toBe('username=me&password=pw-0123456789');
    // A recipe stating another zone reads the same wall clock there: 23:00 in New York is 04:00 UTC.
    const newYork = credential(user, (r) => ({ ...r, tokenResponse: { token: 'access_token', lifetime: { from: 'expires-at', path: 'expiresAt', zone: 'America/New_York' } } }) as typeof r, 'cred-ny');
    expect((await engine.getToken(env, newYork)).expiresAt).toBe(Date.UTC(2021, 10, 20, 4, 0, 0));
    // East of UTC the stated time has already passed: a clear error, not a token that looks expired.
    const paris = credential(user, (r) => ({ ...r, tokenResponse: { token: 'access_token', lifetime: { from: 'expires-at', path: 'expiresAt', zone: 'Europe/Paris' } } }) as typeof r, 'cred-paris');
    expect((await rejection(engine.getToken(env, paris))).code).toBe('expired-on-arrival');
  });

  it('says a 403 is a missing role', async () => {
    const live = track(await startLiveData({ clientId: 'svc-1', clientSecret: 'svc-secret-0123456789', username: 'me', password: 'pw', roles: [] }));
    const engine = track(createTokenEngine({ cache: new MemoryTokenCache() }));
    const preset = presetOf('livedata-service-account');
    const env = environment(preset, { baseUrl: live.url, clientId: 'svc-1', clientSecret: 'svc-secret-0123456789' });
    const answer = await engine.authenticatedRequest(env, credential(preset), { method: 'POST', url: `${live.url}/api/people/v1/o_1/find`, body: '{}' });
    expect(answer.response.status).toBe(403);
    expect(answer.renewedAfter401).toBe(false);
    expect(presetOf('livedata-service-account').hints.join(' ')).toMatch(/403 means the account lacks/);
  });
});

describe('generic OAuth2 client credentials (Basic auth, JWT)', () => {
  it('sends Basic base64(id:secret) with a form grant and reads the JWT', async () => {
    const oauth = track(await startOAuth2ClientCredentials({ clientId: 'my-own-id', clientSecret: 'cc-secret-0123456789' }));
    const engine = track(createTokenEngine({ cache: new MemoryTokenCache() }));
    const preset = presetOf('oauth2-client-credentials-basic');
    const env = environment(preset, { tokenUrl: oauth.tokenEndpoint, clientId: 'my-own-id', clientSecret: 'cc-secret-0123456789' });
    const cred = credential(preset);
    const token = await engine.getToken(env, cred);
    expect(token.token.split('.')).toHaveLength(3);
    expect(token.tokenType).toBe('Bearer');
    const sent = oauth.tokenRequestLog[0]!;
    expect(sent.headers.authorization).toBe(`Basic ${Buffer.from('my-own-id:cc-secret-0123456789').toString('base64')}`);
    expect(sent.body).toBe('grant_type=client_credentials');
    expect((await engine.authenticatedRequest(env, cred, { method: 'GET', url: `${oauth.url}/api/v1/me` })).response.status).toBe(200);
    expect((await engine.authenticatedRequest(env, cred, { method: 'GET', url: `${oauth.url}/api/v1/admin` })).response.status).toBe(403);
  });
});

describe('Lemonway', () => {
  it('keeps sandbox and production apart: two hosts, two keys, two tokens, never crossed', async () => {
    const sandbox = track(await startLemonway({ apiKey: 'da012c0f-b1a7-4f86-8279-3cd69b9185e2', environment: 'sandbox' }));
    const prod = track(await startLemonway({ apiKey: 'f00dfeed-0000-4000-8000-00000000beef', environment: 'prod' }));
    const engine = track(createTokenEngine({ cache: new MemoryTokenCache() }));
    const preset = presetOf('lemonway');
    const sandboxEnv = environment(preset, { baseUrl: sandbox.url, apiKey: 'da012c0f-b1a7-4f86-8279-3cd69b9185e2' }, { id: 'sandbox', name: 'Sandbox', allowedHosts: [new URL(sandbox.url).host] });
    const prodEnv = environment(preset, { baseUrl: prod.url, apiKey: 'f00dfeed-0000-4000-8000-00000000beef' }, { id: 'prod', name: 'Production', production: true, allowedHosts: [new URL(prod.url).host] });
    const cred = credential(preset);

    const sandboxToken = await engine.getToken(sandboxEnv, cred);
    const prodToken = await engine.getToken(prodEnv, cred);
    expect(sandboxToken.token).not.toBe(prodToken.token);
    expect(sandboxToken.expiresAt! - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect(sandbox.tokenRequestLog[0]!.headers.authorization).toBe('basic da012c0f-b1a7-4f86-8279-3cd69b9185e2');
    expect(sandbox.tokenRequestLog[0]!.body).toBe('Grant_type=client_credentials');
    expect(prod.tokenRequestLog[0]!.headers.authorization).toBe('basic f00dfeed-0000-4000-8000-00000000beef');

    for (const [env, server] of [[sandboxEnv, sandbox], [prodEnv, prod]] as const) {
      const answer = await engine.authenticatedRequest(env, cred, { method: 'GET', url: `${server.url}${LEMONWAY_API_PREFIX}accounts/1` });
      expect(answer.response.status).toBe(200);
    }
    // The production token is never sent to the sandbox host (nor the reverse).
    const crossed = await rejection(engine.authenticatedRequest(prodEnv, cred, { method: 'GET', url: `${sandbox.url}${LEMONWAY_API_PREFIX}accounts/1` }));
    expect(crossed.code).toBe('host-not-allowed');
    expect(sandbox.tokenRequests + prod.tokenRequests).toBe(2);
  });

  it('Lemonway: a sandbox key on the production host is refused, with the docs\' own advice for a 401', async () => {
    const prod = track(await startLemonway({ apiKey: 'f00dfeed-0000-4000-8000-00000000beef', environment: 'prod' }));
    const engine = track(createTokenEngine({ cache: new MemoryTokenCache() }));
    const preset = presetOf('lemonway');
    const env = environment(preset, { baseUrl: prod.url, apiKey: 'da012c0f-b1a7-4f86-8279-3cd69b9185e2' }, { id: 'prod', name: 'Production' });
    const refused = await rejection(engine.getToken(env, credential(preset)));
    expect(refused.code).toBe('bad-credentials');
    expect(refused.hint).toContain("The vendor's documentation says:");
    expect(refused.hint).toContain('IP address is whitelisted');
    expect(`${refused.message} ${refused.hint}`).not.toContain('da012c0f-b1a7-4f86-8279-3cd69b9185e2');
  });
});
