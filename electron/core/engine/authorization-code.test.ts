// Authorization code with PKCE through a browser and a loopback redirect, against a real
// authorization server (oidc-provider, its own sign-in and consent pages), the browser played by
// a client that follows the link with HTTP and signs in.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserLogin, startAuthorizationServer, type AuthorizationServer } from '../../../testing/emulators';
import { pkcePair, type UserAgentPort } from './authorization-code';
import { createManualClock } from '../clock';
import { createTokenEngine } from './engine';
import { MemoryTokenCache } from './memory-cache';
import { credential, environment, presetOf, rejection } from '../../../testing/engine';

let server: AuthorizationServer;

beforeAll(async () => {
  server = await startAuthorizationServer({
    clients: [{ clientId: 'native-app', auth: 'none', redirectUris: ['http://127.0.0.1/callback'] }],
    users: [{ username: 'alice', password: 'alice-password-0123' }],
    accessTokenTtlSeconds: 300,
  });
});

afterAll(async () => {
  await server.close();
});

const preset = presetOf('oauth2-authorization-code');
let envCount = 0;
const env = (values: Record<string, string> = {}) =>
  environment(preset, { authorizationUrl: `${server.issuer}/auth`, tokenUrl: server.tokenEndpoint, clientId: 'native-app', scope: 'openid api', ...values }, { id: `env-${(envCount += 1)}` });

/** GET `url` and resolve with the status (the loopback listener, outside the flow). */
function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject).end();
  });
}

/** A browser in which alice signs in, and the sign-in pages it was sent to. */
function signingInBrowser() {
  const browser = browserLogin('alice');
  const opened: string[] = [];
  const userAgent: UserAgentPort = {
    async openAuthorization(request) {
      opened.push(request.url);
      await browser.openAuthorization(request);
    },
  };
  return { browser, opened, userAgent };
}

describe('authorization code with PKCE', () => {
  it('signs in through the browser once, then renews with the refresh token; the listener serves one answer', async () => {
    const clock = createManualClock(Date.now());
    const { browser, opened, userAgent } = signingInBrowser();
    const engine = createTokenEngine({ cache: new MemoryTokenCache(), clock, userAgent });
    try {
      const e = env();
      const cred = credential(preset);
      const whoami = await engine.authenticatedRequest(e, cred, { method: 'GET', url: server.whoamiUrl });
      expect(JSON.parse(whoami.response.body.toString())).toMatchObject({ sub: 'alice', client_id: 'native-app' });
      expect(browser.lastPage()).toContain('You can close this tab and go back to Tokenbench');

      const link = new URL(opened[0]!);
      expect(Object.fromEntries(link.searchParams)).toMatchObject({ response_type: 'code', client_id: 'native-app', code_challenge_method: 'S256' });
      const redirect = new URL(link.searchParams.get('redirect_uri')!);
      expect(redirect.hostname).toBe('127.0.0.1');
      expect(Number(redirect.port)).toBeGreaterThan(0);
      expect(link.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);
      // The token request carried the verifier whose S256 is the challenge the browser was sent.
      const sent = new URLSearchParams(server.tokenRequestLog.at(-1)!.body);
      expect(sent.get('grant_type')).toBe('authorization_code');
      expect(sent.get('redirect_uri')).toBe(redirect.href);
      expect(sent.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // One use: the listener is gone once the answer came.
      await expect(get(redirect.href)).rejects.toThrow(/ECONNREFUSED/);

      // Renewal uses the refresh token kept with the token: no second sign-in.
      clock.advance(280_000);
      await engine.getToken(e, cred);
      expect(opened).toHaveLength(1);
      expect(new URLSearchParams(server.tokenRequestLog.at(-1)!.body).get('grant_type')).toBe('refresh_token');
      const entries = engine.timeline!.list();
      expect(JSON.stringify(entries)).not.toContain(sent.get('code_verifier'));
      expect(JSON.stringify(entries)).not.toContain(sent.get('code'));
    } finally {
      engine.dispose();
    }
  });

  it('a renewal nobody asked for does not open the browser when the refresh token is refused: it says "sign in again" and waits', async () => {
    const clock = createManualClock(Date.now());
    const { opened, userAgent } = signingInBrowser();
    const cache = new MemoryTokenCache();
    const engine = createTokenEngine({ cache, clock, userAgent });
    try {
      const e = env();
      const cred = credential(preset);
      const first = await engine.getToken(e, cred);
      expect(opened).toHaveLength(1);
      // The auth service no longer knows the refresh token (revoked, or expired on its side).
      const key = { environmentId: e.id, credentialId: cred.id };
      await cache.set(key, { ...(await cache.get(key))!, refreshToken: 'a-refresh-token-the-server-never-issued' });
      const requests = server.tokenRequests;

      clock.advance(280_000); // inside the renewal margin
      const kept = await engine.getToken(e, cred, { interactive: false });
      expect(kept.token).toBe(first.token);
      expect(server.tokenRequests).toBe(requests + 1); // the refresh grant, refused
      expect(opened).toHaveLength(1);
      expect((await engine.status(e, cred)).lastError).toMatchObject({ code: 'sign-in-required', message: expect.stringMatching(/refused the refresh token: sign in again/) });

      // Expired now: still no browser and no request (the refused refresh token was dropped).
      clock.advance(30_000);
      const waiting = await rejection(engine.getToken(e, cred, { interactive: false }));
      expect(waiting.code).toBe('sign-in-required');
      expect(opened).toHaveLength(1);
      expect(server.tokenRequests).toBe(requests + 1);

      // The user's click (or the CLI's token command) signs in, straight away: no refused refresh first.
      const signedIn = await engine.getToken(e, cred);
      expect(opened).toHaveLength(2);
      expect(signedIn.token).not.toBe(first.token);
      expect(new URLSearchParams(server.tokenRequestLog.at(-1)!.body).get('grant_type')).toBe('authorization_code');
      expect(server.tokenRequests).toBe(requests + 2);
    } finally {
      engine.dispose();
    }
  });

  it('refuses an answer with another state, says when the server declines, and stops waiting in time', async () => {
    // A page that is not ours (wrong state) comes back to the listener.
    const forged: UserAgentPort = {
      async openAuthorization({ url }) {
        const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!);
        redirect.searchParams.set('code', 'stolen-code');
        redirect.searchParams.set('state', 'not-the-state');
        expect(await get(redirect.href)).toBe(400);
      },
    };
    const before = server.tokenRequests;
    let engine = createTokenEngine({ cache: new MemoryTokenCache(), userAgent: forged });
    const wrongState = await rejection(engine.getToken(env(), credential(preset)));
    engine.dispose();
    expect(wrongState.code).toBe('authorization-failed');
    expect(wrongState.message).toMatch(/state did not match/);

    const declined: UserAgentPort = {
      async openAuthorization({ url }) {
        const link = new URL(url);
        const redirect = new URL(link.searchParams.get('redirect_uri')!);
        redirect.searchParams.set('error', 'access_denied');
        redirect.searchParams.set('error_description', 'the user said no');
        redirect.searchParams.set('state', link.searchParams.get('state')!);
        expect(await get(redirect.href)).toBe(200);
      },
    };
    engine = createTokenEngine({ cache: new MemoryTokenCache(), userAgent: declined });
    const denied = await rejection(engine.getToken(env(), credential(preset)));
    engine.dispose();
    expect(denied).toMatchObject({ code: 'authorization-failed', message: expect.stringContaining('access_denied (the user said no)') });
    expect(denied.hint).toMatch(/declined/);

    // The user never comes back.
    engine = createTokenEngine({ cache: new MemoryTokenCache(), userAgent: { openAuthorization: async () => undefined } });
    const slow = credential(preset, (recipe) => (recipe.kind === 'token-request' ? { ...recipe, authorization: { ...recipe.authorization!, timeoutSeconds: 0.5 } } : recipe));
    const timeout = await rejection(engine.getToken(env(), slow));
    engine.dispose();
    expect(timeout.code).toBe('authorization-timeout');
    expect(server.tokenRequests).toBe(before);

    // Nowhere to sign in (no browser): said, not hung.
    engine = createTokenEngine({ cache: new MemoryTokenCache() });
    expect((await rejection(engine.getToken(env(), credential(preset)))).message).toMatch(/sign in in a browser, and there is none/);
    engine.dispose();
  });

  it('says it waits for the sign-in, and Cancel ends the wait and closes the listener', async () => {
    let opened: string | undefined;
    const engine = createTokenEngine({ cache: new MemoryTokenCache(), userAgent: { openAuthorization: async ({ url }) => void (opened = url) } });
    const waits: unknown[] = [];
    engine.onSignIn((_key, wait) => waits.push(wait));
    try {
      const e = env();
      const cred = credential(preset);
      const pending = engine.getToken(e, cred);
      for (let i = 0; i < 3000 && opened === undefined; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(engine.signIns()).toEqual([expect.objectContaining({ flow: 'authorization-code', key: { environmentId: e.id, credentialId: cred.id } })]);
      // Only what the card shows: no link (it carries state and the PKCE challenge).
      expect(JSON.stringify(engine.signIns())).not.toContain(new URL(opened!).searchParams.get('state'));
      expect(engine.cancelSignIn({ environmentId: e.id, credentialId: cred.id })).toBe(true);
      expect(await rejection(pending)).toMatchObject({ code: 'authorization-cancelled' });
      expect(waits).toEqual([expect.objectContaining({ flow: 'authorization-code' }), null]);
      await expect(get(new URL(opened!).searchParams.get('redirect_uri')!)).rejects.toThrow(/ECONNREFUSED/);
      expect((await engine.status(e, cred)).guard.consecutiveFailures).toBe(0);
    } finally {
      engine.dispose();
    }
  });

  it('a wrong client is the server refusing the sign-in, shown by its error page', async () => {
    const browser = browserLogin('alice');
    const engine = createTokenEngine({ cache: new MemoryTokenCache(), userAgent: { openAuthorization: (request) => browser.openAuthorization(request).then(() => undefined) }, });
    const slow = credential(preset, (recipe) => (recipe.kind === 'token-request' ? { ...recipe, authorization: { ...recipe.authorization!, timeoutSeconds: 3 } } : recipe));
    const error = await rejection(engine.getToken(env({ clientId: 'no-such-client' }), slow));
    engine.dispose();
    // oidc-provider shows its own error page for an unknown client rather than redirecting.
    expect(error.code).toBe('authorization-timeout');
    expect(browser.lastPage()).toMatch(/invalid_client|client is invalid/i);
  });

  it('PKCE: the challenge is the S256 of a fresh 43-character verifier', async () => {
    const { createHash } = await import('node:crypto');
    const a = pkcePair();
    const b = pkcePair();
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toBe(createHash('sha256').update(a.verifier).digest('base64url'));
  });
});
