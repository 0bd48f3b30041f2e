// The demo server over real HTTP: both dialects, expiry on a controlled clock, and API auth.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startDemoServer, type DemoServer } from './server';
import { DEMO_AUDIENCE } from './dialects';

const options = { clientId: 'demo-client', clientSecret: 'demo-secret-1234', apiKey: 'demo-key-5678', lifetimeSeconds: 40 };
let server: DemoServer;
let now: number;

beforeEach(async () => {
  now = Date.UTC(2025, 10, 23, 12, 0, 0);
  server = await startDemoServer({ ...options, now: () => now });
});
afterEach(() => server.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function tokenRequest(authorization: string, body = 'grant_type=client_credentials') {
  return fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body });
}

const hello = (headers: Record<string, string>) => fetch(`${server.url}/api/hello`, { headers });

describe('demo server: OAuth2 client credentials', () => {
  it('issues a JWT that the JWKS verifies, with expires_in', async () => {
    const response = await tokenRequest(basic(options.clientId, options.clientSecret));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 40 });
    const { payload } = await jwtVerify(body.access_token, createRemoteJWKSet(new URL(server.jwksUrl)), { audience: DEMO_AUDIENCE, currentDate: new Date(now) });
    expect(payload).toMatchObject({ sub: 'demo-client', iss: server.url, exp: now / 1000 + 40 });
  });

  it('accepts client_secret_post and refuses a wrong secret or grant', async () => {
    const post = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${options.clientId}&client_secret=${options.clientSecret}`,
    });
    expect(post.status).toBe(200);
    expect((await tokenRequest(basic(options.clientId, 'wrong'))).status).toBe(401);
    expect((await tokenRequest(basic(options.clientId, options.clientSecret), 'grant_type=password')).status).toBe(400);
  });

  it('lets the API in with the JWT until it expires', async () => {
    const { access_token } = (await (await tokenRequest(basic(options.clientId, options.clientSecret))).json()) as { access_token: string };
    const ok = await hello({ authorization: `Bearer ${access_token}` });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ hello: 'client demo-client', via: 'OAuth2 client credentials (JWT)' });

    now += 41_000;
    const expired = await hello({ authorization: `Bearer ${access_token}` });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/expired/);
  });
});

describe('demo server: custom JSON session', () => {
  const session = (body: string) => fetch(`${server.url}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers a session with a zone-less expiry, usable until then', async () => {
    const response = await session(JSON.stringify({ apiKey: options.apiKey }));
    expect(response.status).toBe(200);
    const { session: issued } = (await response.json()) as { session: { value: string; validUntil: string } };
    expect(issued.validUntil).toBe('2025-11-23T12:01:20.000');
    expect((await hello({ 'x-demo-session': issued.value })).status).toBe(200);

    now += 81_000;
    const expired = await hello({ 'x-demo-session': issued.value });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error_description: string }).error_description).toMatch(/expired/);
  });

  it('refuses a wrong key and a body that is not JSON', async () => {
    expect((await session(JSON.stringify({ apiKey: 'nope' }))).status).toBe(401);
    expect((await session('apiKey=nope')).status).toBe(400);
  });
});

describe('demo server: API auth', () => {
  it('refuses calls without a token, with an unknown session, or with a forged JWT', async () => {
    expect((await hello({})).status).toBe(401);
    expect((await hello({ 'x-demo-session': 'made-up' })).status).toBe(401);
    const forged = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect((await hello({ authorization: `Bearer ${forged}` })).status).toBe(401);
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
  });

  it('stops listening when closed', async () => {
    const url = server.url;
    await server.close();
    await expect(fetch(`${url}/api/hello`)).rejects.toThrow();
    server = await startDemoServer({ ...options, now: () => now });
  });
});
