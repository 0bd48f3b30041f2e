// Self-check of the vendor emulators and the authorization-server fixture (testing/emulators): each
// documented behaviour and failure mode, spoken to with plain fetch. The engine's tests rely on
// these servers being faithful, so a drift here must fail loudly.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { decodeJwt } from 'jose';
import {
  formatLiveDataExpiry,
  startAuthorizationServer,
  startLandax,
  startLemonway,
  startLengow,
  startLiveData,
  startOAuth2ClientCredentials,
  type Emulator,
} from '.';

const running: Emulator[] = [];
// The emulators must print nothing (they see secrets): any console output fails the test.
let consoleSpies: MockInstance[] = [];
beforeEach(() => {
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
  const printed = consoleSpies.flatMap((spy) => spy.mock.calls);
  consoleSpies.forEach((spy) => spy.mockRestore());
  expect(printed).toEqual([]);
});
async function track<E extends Emulator>(started: Promise<E>): Promise<E> {
  const emulator = await started;
  running.push(emulator);
  return emulator;
}

/** A test clock: tokens expire when the test says so, never by sleeping. */
function clock(): { now: () => number; advance(seconds: number): void } {
  let t = Date.UTC(2024, 0, 1, 12, 0, 0);
  return { now: () => t, advance: (seconds) => (t += seconds * 1000) };
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };

async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, body, headers: response.headers };
}
const post = (url: string, body: string, headers: Record<string, string>) => call(url, { method: 'POST', body, headers });
const get = (url: string, headers: Record<string, string> = {}) => call(url, { headers });
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('common plumbing (through the Lengow emulator)', () => {
  it('answers injected faults in order, counts and logs them, then resumes', async () => {
    const lengow = await track(startLengow({ accessToken: 'at', secret: 'sec', banAfter: 100 }));
    lengow.injectTokenFault({ status: 429, body: '{"error":"slow down"}', contentType: 'application/json', headers: { 'retry-after': '7' } });
    lengow.injectTokenFault({ status: 500, body: '<html>Internal error</html>', contentType: 'text/html', times: 2 });
    const creds = 'access_token=at&secret=sec';
    const first = await post(`${lengow.url}/access/get_token`, creds, FORM);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await post(`${lengow.url}/access/get_token`, creds, FORM)).body).toEqual({ text: '<html>Internal error</html>' });
    expect((await post(`${lengow.url}/access/get_token`, creds, FORM)).status).toBe(500);
    expect((await post(`${lengow.url}/access/get_token`, creds, FORM)).status).toBe(200);
    expect(lengow.tokenRequests).toBe(4);
    expect(lengow.tokenRequestLog.map((e) => e.status)).toEqual([429, 500, 500, 200]);
    expect(lengow.tokenRequestLog[0]?.body).toBe(creds);
    expect(lengow.tokenRequestLog[0]?.headers['content-type']).toBe(FORM['content-type']);
  });

  it('a hung token endpoint (delayMs) is cut short by close()', async () => {
    const lengow = await startLengow({ accessToken: 'at', secret: 'sec' });
    lengow.injectTokenFault({ status: 200, delayMs: 60_000 });
    const pending = fetch(`${lengow.url}/access/get_token`, { method: 'POST', body: 'x', headers: FORM }).then(
      () => 'answered',
      () => 'connection dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await lengow.close();
    expect(await pending).toBe('connection dropped');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses oversized bodies with 413', async () => {
    const lengow = await track(startLengow({ accessToken: 'at', secret: 'sec' }));
    const response = await post(`${lengow.url}/access/get_token`, 'x'.repeat(70_000), FORM);
    expect(response.status).toBe(413);
  });
});

describe('Lengow', () => {
  it('issues a bare token for form or JSON credentials; the API takes it without "Bearer"', async () => {
    const c = clock();
    const lengow = await track(startLengow({ accessToken: 'at', secret: 'sec', accountId: 42, lifetimeSeconds: 60, now: c.now }));
    const form = await post(`${lengow.url}/access/get_token`, 'access_token=at&secret=sec', FORM);
    expect(form.status).toBe(200);
    expect(form.body).toEqual({ token: expect.stringMatching(/^[0-9a-f-]{36}$/), account_id: 42, user_id: 1 });
    const viaJson = await post(`${lengow.url}/access/get_token`, JSON.stringify({ access_token: 'at', secret: 'sec' }), JSON_TYPE);
    expect(viaJson.status).toBe(200);
    const token = String(form.body['token']);

    expect((await get(`${lengow.url}/v3.0/orders?account_id=42`, { authorization: token })).status).toBe(200);
    expect((await get(`${lengow.url}/v3.0/orders?account_id=7`, { authorization: token })).status).toBe(403);
    expect((await get(`${lengow.url}/v3.0/orders?account_id=42`, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await get(`${lengow.url}/v3.0/orders?account_id=42`)).status).toBe(401);
    expect(lengow.apiRequests).toBe(4);

    c.advance(60);
    expect((await get(`${lengow.url}/v3.0/orders?account_id=42`, { authorization: token })).status).toBe(401);
  });

  it('401 for wrong credentials; revokeAllTokens makes live tokens fail', async () => {
    const lengow = await track(startLengow({ accessToken: 'at', secret: 'sec' }));
    expect((await post(`${lengow.url}/access/get_token`, 'access_token=at&secret=nope', FORM)).status).toBe(401);
    const { body } = await post(`${lengow.url}/access/get_token`, 'access_token=at&secret=sec', FORM);
    lengow.revokeAllTokens();
    expect((await get(`${lengow.url}/v3.0/orders?account_id=1`, { authorization: String(body['token']) })).status).toBe(401);
  });

  it('bans the IP after too many token requests in the window, API included', async () => {
    const c = clock();
    const lengow = await track(startLengow({ accessToken: 'at', secret: 'sec', banAfter: 3, banWindowMs: 10_000, now: c.now }));
    const ask = () => post(`${lengow.url}/access/get_token`, 'access_token=at&secret=sec', FORM);
    const { body } = await ask();
    await ask();
    c.advance(11); // the first two fall out of the window
    await ask();
    await ask();
    expect(lengow.banned).toBe(false);
    expect((await ask()).status).toBe(200);
    const banned = await ask();
    expect(banned.status).toBe(403);
    expect(JSON.stringify(banned.body)).toMatch(/banned.*too many token requests/i);
    expect(lengow.banned).toBe(true);
    expect((await get(`${lengow.url}/v3.0/orders?account_id=1`, { authorization: String(body['token']) })).status).toBe(403);
    lengow.unban();
    expect((await ask()).status).toBe(200);
  });
});

describe('Landax', () => {
  const options = { clientId: 'app', clientSecret: 'ck', username: 'api-user', password: 'pw' };
  const passwordBody = JSON.stringify({ client_id: 'app', client_secret: 'ck', username: 'api-user', password: 'pw' });

  it('password grant in the query, JSON body; single-use refresh tokens; Bearer on the API', async () => {
    const c = clock();
    const landax = await track(startLandax({ ...options, lifetimeSeconds: 30, now: c.now }));
    const first = await post(`${landax.url}/authenticate/token?grant_type=password`, passwordBody, JSON_TYPE);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ expires_in: 30, token_type: 'bearer', scope: 'api' });
    const projects = `${landax.url}/api/v20/Projects`;
    expect((await get(projects, { authorization: `Bearer ${String(first.body['access_token'])}` })).status).toBe(200);

    const refresh = (token: unknown) =>
      post(`${landax.url}/authenticate/token?grant_type=refresh_token`, JSON.stringify({ client_id: 'app', client_secret: 'ck', refresh_token: token }), JSON_TYPE);
    c.advance(30);
    expect((await get(projects, { authorization: `Bearer ${String(first.body['access_token'])}` })).status).toBe(401);
    const renewed = await refresh(first.body['refresh_token']);
    expect(renewed.status).toBe(200);
    expect(renewed.body['refresh_token']).not.toBe(first.body['refresh_token']);
    expect(landax.refreshGrants).toBe(1);
    expect((await get(projects, { authorization: `Bearer ${String(renewed.body['access_token'])}` })).status).toBe(200);
    expect(await refresh(first.body['refresh_token'])).toMatchObject({ status: 401, body: { error: 'invalid_grant' } });
    expect(landax.refreshGrants).toBe(1);
  });

  it('rejects what the doc does not allow', async () => {
    const landax = await track(startLandax(options));
    const token = `${landax.url}/authenticate/token`;
    expect((await post(`${token}?grant_type=password`, 'client_id=app', FORM)).status).toBe(415);
    expect(await post(token, passwordBody, JSON_TYPE)).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await post(token, JSON.stringify({ grant_type: 'password', ...JSON.parse(passwordBody) }), JSON_TYPE)).toMatchObject({ status: 400 });
    expect(await post(`${token}?grant_type=client_credentials`, passwordBody, JSON_TYPE)).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    const badClient = JSON.stringify({ ...JSON.parse(passwordBody), client_secret: 'x' });
    expect(await post(`${token}?grant_type=password`, badClient, JSON_TYPE)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const badUser = JSON.stringify({ ...JSON.parse(passwordBody), password: 'x' });
    expect(await post(`${token}?grant_type=password`, badUser, JSON_TYPE)).toMatchObject({ status: 401, body: { error: 'invalid_grant' } });
    expect((await get(`${landax.url}/api/v20/Projects`, { authorization: basic('api-user', 'pw') })).status).toBe(401);
    expect(landax.tokenRequests).toBe(6);
  });

  it('Basic auth works only where Landax enabled it; revokeAllTokens stops access tokens', async () => {
    const landax = await track(startLandax({ ...options, basicAuthEnabled: true }));
    const projects = `${landax.url}/api/v20/Projects`;
    expect((await get(projects, { authorization: basic('api-user', 'pw') })).status).toBe(200);
    expect((await get(projects, { authorization: basic('api-user', 'nope') })).status).toBe(401);
    const { body } = await post(`${landax.url}/authenticate/token?grant_type=password`, passwordBody, JSON_TYPE);
    landax.revokeAllTokens();
    expect((await get(projects, { authorization: `Bearer ${String(body['access_token'])}` })).status).toBe(401);
  });
});

describe('Live Data', () => {
  const options = { clientId: 'svc', clientSecret: 'svc-secret', username: 'me@example.com', password: 'pw', apiKeys: ['ldtkey_12345'] };

  it('service account: JSON session, camelCase answer, zone-less expiresAt with microseconds', async () => {
    const c = clock();
    const liveData = await track(startLiveData({ ...options, now: c.now }));
    const session = `${liveData.url}/api/identity/v1/session`;
    const { status, body } = await post(session, JSON.stringify({ grantType: 'clientCredentials', clientId: 'svc', clientSecret: 'svc-secret' }), JSON_TYPE);
    expect(status).toBe(200);
    expect(String(body['accessToken']).split('.')).toHaveLength(3);
    expect(body['expiresAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(Date.parse(`${String(body['expiresAt']).slice(0, 23)}Z`)).toBe(c.now() + 900_000);

    const find = `${liveData.url}/api/people/v1/o_123abc/find`;
    const auth = { authorization: `Bearer ${String(body['accessToken'])}`, ...JSON_TYPE };
    expect((await post(find, '{"matches":[]}', auth)).status).toBe(200);
    c.advance(900);
    expect((await post(find, '{"matches":[]}', auth)).status).toBe(401);
  });

  it('user login: form-encoded, answers access_token with a one-hour expiresAt', async () => {
    const c = clock();
    const liveData = await track(startLiveData({ ...options, now: c.now }));
    const { status, body } = await post(`${liveData.url}/api/identity/v1/session`, 'username=me%40example.com&password=pw', FORM);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expiresAt']);
    expect(Date.parse(`${String(body['expiresAt']).slice(0, 23)}Z`)).toBe(c.now() + 3_600_000);
    expect(formatLiveDataExpiry(Date.UTC(2021, 10, 19, 23, 36, 9, 92), 720)).toBe('2021-11-19T23:36:09.092720');
  });

  it('401 for wrong credentials, 400 for another grantType, 403 naming a missing role', async () => {
    const liveData = await track(startLiveData({ ...options, roles: ['companies:read'] }));
    const session = `${liveData.url}/api/identity/v1/session`;
    expect((await post(session, JSON.stringify({ grantType: 'clientCredentials', clientId: 'svc', clientSecret: 'x' }), JSON_TYPE)).status).toBe(401);
    expect((await post(session, 'username=me%40example.com&password=x', FORM)).status).toBe(401);
    expect((await post(session, JSON.stringify({ grantType: 'password', clientId: 'svc', clientSecret: 'svc-secret' }), JSON_TYPE)).status).toBe(400);
    const { body } = await post(session, JSON.stringify({ grantType: 'clientCredentials', clientId: 'svc', clientSecret: 'svc-secret' }), JSON_TYPE);
    const denied = await post(`${liveData.url}/api/people/v1/o_1/find`, '{}', { authorization: `Bearer ${String(body['accessToken'])}`, ...JSON_TYPE });
    expect(denied.status).toBe(403);
    expect(JSON.stringify(denied.body)).toContain('people:read');
  });

  it('long-lived API keys work as Bearer; unknown keys and revoked tokens do not', async () => {
    const liveData = await track(startLiveData(options));
    const company = `${liveData.url}/api/companies/v1/c_42`;
    expect(await get(company, { authorization: 'Bearer ldtkey_12345' })).toMatchObject({ status: 200, body: { id: 'c_42' } });
    expect((await get(company, { authorization: 'Bearer ldtkey_nope' })).status).toBe(401);
    const { body } = await post(`${liveData.url}/api/identity/v1/session`, 'username=me%40example.com&password=pw', FORM);
    const user = { authorization: `Bearer ${String(body['access_token'])}` };
    expect((await get(company, user)).status).toBe(200);
    liveData.revokeAllTokens();
    expect((await get(company, user)).status).toBe(401);
    expect((await get(company, { authorization: 'Bearer ldtkey_12345' })).status).toBe(200);
  });
});

describe('OAuth2 client credentials', () => {
  const options = { clientId: 'my-chosen-id', clientSecret: 's3cret', scopesAllowed: ['orders', 'stock'] };

  it('issues a signed JWT for Basic client auth; the API verifies it and expires it', async () => {
    const c = clock();
    const oauth = await track(startOAuth2ClientCredentials({ ...options, lifetimeSeconds: 120, now: c.now }));
    const { status, body } = await post(oauth.tokenEndpoint, 'grant_type=client_credentials', { ...FORM, authorization: basic('my-chosen-id', 's3cret') });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 120 });
    const claims = decodeJwt(String(body['access_token']));
    expect(claims).toMatchObject({ sub: 'my-chosen-id', scope: 'orders stock', iat: c.now() / 1000, exp: c.now() / 1000 + 120 });
    const jwks = await get(oauth.jwksUri);
    expect((jwks.body['keys'] as unknown[]).length).toBe(1);

    const bearer = { authorization: `Bearer ${String(body['access_token'])}` };
    expect((await get(`${oauth.url}/api/v1/me`, bearer)).status).toBe(200);
    expect((await get(`${oauth.url}/api/v1/admin`, bearer)).status).toBe(403);
    c.advance(121);
    expect((await get(`${oauth.url}/api/v1/me`, bearer)).status).toBe(401);
  });

  it('rejects bad credentials, a JSON body, another grant, an unknown scope and tampered tokens', async () => {
    const oauth = await track(startOAuth2ClientCredentials(options));
    const auth = { authorization: basic('my-chosen-id', 's3cret') };
    expect((await post(oauth.tokenEndpoint, 'grant_type=client_credentials', { ...FORM, authorization: basic('my-chosen-id', 'x') })).status).toBe(401);
    expect((await post(oauth.tokenEndpoint, 'grant_type=client_credentials&client_id=my-chosen-id&client_secret=s3cret', FORM)).status).toBe(401);
    expect((await post(oauth.tokenEndpoint, '{"grant_type":"client_credentials"}', { ...JSON_TYPE, ...auth })).status).toBe(400);
    expect(await post(oauth.tokenEndpoint, 'grant_type=password', { ...FORM, ...auth })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await post(oauth.tokenEndpoint, 'grant_type=client_credentials&scope=admin', { ...FORM, ...auth })).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const { body } = await post(oauth.tokenEndpoint, 'grant_type=client_credentials&scope=orders', { ...FORM, ...auth });
    const token = String(body['access_token']);
    expect(decodeJwt(token)['scope']).toBe('orders');
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect((await get(`${oauth.url}/api/v1/me`, { authorization: `Bearer ${tampered}` })).status).toBe(401);
    expect((await get(`${oauth.url}/api/v1/admin`)).status).toBe(401);
    oauth.revokeAllTokens();
    expect((await get(`${oauth.url}/api/v1/me`, { authorization: `Bearer ${token}` })).status).toBe(401);
  });
});

describe('Lemonway', () => {
  it('raw key after "basic", exact Grant_type; the same token comes back with its remaining time', async () => {
    const c = clock();
    const sandbox = await track(startLemonway({ apiKey: 'da012c0f-b1a7-4f86-8279-3cd69b9185e2', environment: 'sandbox', lifetimeSeconds: 1000, now: c.now }));
    const ask = (authorization: string, body = 'Grant_type=client_credentials') =>
      post(`${sandbox.url}/oauth/api/v1/oauth/token`, body, { ...FORM, authorization });
    const first = await ask('basic da012c0f-b1a7-4f86-8279-3cd69b9185e2');
    expect(first.body).toEqual({ token_Type: 'Bearer', access_token: expect.any(String), expires_in: 1000 });
    c.advance(400);
    const again = await ask('Basic da012c0f-b1a7-4f86-8279-3cd69b9185e2');
    expect(again.body).toEqual({ ...first.body, expires_in: 600 });
    const bearer = { authorization: `Bearer ${String(first.body['access_token'])}` };
    expect(await get(`${sandbox.url}/v2/accounts/sc-1`, bearer)).toMatchObject({ status: 200, body: { account: { id: 'sc-1' } } });
    c.advance(600);
    expect((await get(`${sandbox.url}/v2/accounts/sc-1`, bearer)).status).toBe(401);
    const replaced = await ask('basic da012c0f-b1a7-4f86-8279-3cd69b9185e2');
    expect(replaced.body['access_token']).not.toBe(first.body['access_token']);
    expect(replaced.body['expires_in']).toBe(1000);
  });

  it('follows the doc status table: 400, 401, 404, 500; sandbox and prod keys do not mix', async () => {
    const sandbox = await track(startLemonway({ apiKey: 'sandbox-key', environment: 'sandbox' }));
    const prod = await track(startLemonway({ apiKey: 'prod-key', environment: 'prod' }));
    const tokenUrl = (e: Emulator) => `${e.url}/oauth/api/v1/oauth/token`;
    expect((await post(tokenUrl(sandbox), 'grant_type=client_credentials', { ...FORM, authorization: 'basic sandbox-key' })).status).toBe(400);
    expect((await post(tokenUrl(sandbox), '', { ...FORM, authorization: 'basic sandbox-key' })).status).toBe(400);
    expect((await post(tokenUrl(prod), 'Grant_type=client_credentials', { ...FORM, authorization: 'basic sandbox-key' })).status).toBe(401);
    const idSecret = Buffer.from('id:prod-key').toString('base64');
    expect((await post(tokenUrl(prod), 'Grant_type=client_credentials', { ...FORM, authorization: `Basic ${idSecret}` })).status).toBe(401);
    expect((await post(`${prod.url}/oauth/api/v1/token`, 'Grant_type=client_credentials', { ...FORM, authorization: 'basic prod-key' })).status).toBe(404);
    prod.injectTokenFault({ status: 500 });
    expect((await post(tokenUrl(prod), 'Grant_type=client_credentials', { ...FORM, authorization: 'basic prod-key' })).status).toBe(500);

    const sandboxToken = await post(tokenUrl(sandbox), 'Grant_type=client_credentials', { ...FORM, authorization: 'basic sandbox-key' });
    const bearer = { authorization: `Bearer ${String(sandboxToken.body['access_token'])}` };
    expect((await get(`${prod.url}/v2/accounts/1`, bearer)).status).toBe(401);
    expect(prod.tokenRequests).toBe(3);
    sandbox.revokeAllTokens();
    expect((await get(`${sandbox.url}/v2/accounts/1`, bearer)).status).toBe(401);
  });
});

describe('authorization server fixture (oidc-provider)', () => {
  const clients = [
    { clientId: 'basic-client', clientSecret: 'basic-secret', auth: 'client_secret_basic' as const },
    { clientId: 'post-client', clientSecret: 'post-secret', auth: 'client_secret_post' as const, scope: 'api read' },
  ];

  it('client_credentials, password and refresh grants issue JWTs the protected API accepts', async () => {
    const server = await track(startAuthorizationServer({ clients, users: [{ username: 'ada', password: 'lovelace' }], accessTokenTtlSeconds: 120 }));
    const cc = await post(server.tokenEndpoint, 'grant_type=client_credentials&scope=api', { ...FORM, authorization: basic('basic-client', 'basic-secret') });
    expect(cc.status).toBe(200);
    expect(cc.body).toMatchObject({ token_type: 'Bearer', expires_in: 120, scope: 'api' });
    expect(decodeJwt(String(cc.body['access_token']))).toMatchObject({ iss: server.issuer, aud: server.resource, sub: 'basic-client' });
    const whoami = await get(server.whoamiUrl, { authorization: `Bearer ${String(cc.body['access_token'])}` });
    expect(whoami).toMatchObject({ status: 200, body: { client_id: 'basic-client' } });

    const password = await post(server.tokenEndpoint, 'grant_type=password&username=ada&password=lovelace&client_id=post-client&client_secret=post-secret', FORM);
    expect(password.status).toBe(200);
    expect(password.body).toMatchObject({ token_type: 'Bearer', scope: 'api read', refresh_token: expect.any(String) });
    const refresh = (token: unknown) =>
      post(server.tokenEndpoint, `grant_type=refresh_token&refresh_token=${String(token)}&client_id=post-client&client_secret=post-secret`, FORM);
    const renewed = await refresh(password.body['refresh_token']);
    expect(renewed.status).toBe(200);
    expect(await get(server.whoamiUrl, { authorization: `Bearer ${String(renewed.body['access_token'])}` })).toMatchObject({ status: 200, body: { sub: 'ada' } });
    expect(await refresh(password.body['refresh_token'])).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    server.revokeAllTokens();
    expect((await get(server.whoamiUrl, { authorization: `Bearer ${String(renewed.body['access_token'])}` })).status).toBe(401);
    expect(server.tokenRequests).toBe(4);
    expect(server.apiRequests).toBe(3);
    expect(server.serverErrors).toEqual([]);
  });

  it('holds each client to its auth method and rejects bad secrets, users and tokens', async () => {
    const server = await track(startAuthorizationServer({ clients, users: [{ username: 'ada', password: 'lovelace' }] }));
    const viaPost = await post(server.tokenEndpoint, 'grant_type=client_credentials&client_id=basic-client&client_secret=basic-secret', FORM);
    expect(viaPost).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const viaBasic = await post(server.tokenEndpoint, 'grant_type=client_credentials', { ...FORM, authorization: basic('post-client', 'post-secret') });
    expect(viaBasic).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect((await post(server.tokenEndpoint, 'grant_type=client_credentials', { ...FORM, authorization: basic('basic-client', 'x') })).status).toBe(401);
    const wrongUser = await post(server.tokenEndpoint, 'grant_type=password&username=ada&password=x&client_id=post-client&client_secret=post-secret', FORM);
    expect(wrongUser).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await get(server.whoamiUrl, { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
    expect((await get(server.whoamiUrl)).status).toBe(401);
    server.injectTokenFault({ status: 503, body: 'maintenance' });
    expect((await post(server.tokenEndpoint, 'grant_type=client_credentials', { ...FORM, authorization: basic('basic-client', 'basic-secret') })).status).toBe(503);
    expect(server.tokenRequestLog.map((e) => e.status)).toEqual([401, 401, 401, 400, 503]);
  });
});
