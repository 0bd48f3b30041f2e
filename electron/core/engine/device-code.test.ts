// The device authorization grant (RFC 8628) against a real authorization server (oidc-provider
// with its deviceFlow feature), the approval done by a client that opens the link, types the code,
// signs in and approves. Time between polls runs on a manual clock, so no test waits real seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInWait } from '../../../shared/domain/token';
import { browserLogin, startAuthorizationServer, type AuthorizationServer } from '../../../testing/emulators';
import { credential, environment, presetOf, rejection } from '../../../testing/engine';
import { createManualClock, type ManualClock } from '../clock';
import type { DeviceCodePrompt } from './authorization-code';
import { createTokenEngine, type TokenEngine } from './engine';
import { MemoryTokenCache } from './memory-cache';

let server: AuthorizationServer;

beforeAll(async () => {
  server = await startAuthorizationServer({
    clients: [{ clientId: 'tv-app', auth: 'none', deviceFlow: true }],
    users: [{ username: 'alice', password: 'alice-password-0123' }],
    accessTokenTtlSeconds: 300,
    devicePollIntervalSeconds: 7,
  });
});

afterAll(() => server.close());

const preset = presetOf('oauth2-device-code');
let envCount = 0;
const env = () =>
  environment(preset, { deviceAuthorizationUrl: server.deviceAuthorizationEndpoint, tokenUrl: server.tokenEndpoint, clientId: 'tv-app', scope: 'openid api' }, { id: `device-env-${(envCount += 1)}` });

/** Waits (real time, generously) until `done` holds: the server answers at its own pace. */
async function until(done: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > 30_000) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface World {
  clock: ManualClock;
  engine: TokenEngine;
  prompts: DeviceCodePrompt[];
  waits: Array<SignInWait | null>;
  /** The polls recorded so far (token requests presenting the device code). */
  polls(): ReturnType<NonNullable<TokenEngine['timeline']>['list']>;
  /** Moves the clock a second at a time, letting each poll that falls due start before the next second. */
  seconds(count: number): Promise<void>;
}

function world(): World {
  const clock = createManualClock(Date.now());
  const prompts: DeviceCodePrompt[] = [];
  const waits: Array<SignInWait | null> = [];
  const engine = createTokenEngine({
    cache: new MemoryTokenCache(),
    clock,
    userAgent: { openAuthorization: () => Promise.reject(new Error('the device flow opens no browser')), showUserCode: (prompt) => prompts.push(prompt) },
  });
  engine.onSignIn((_key, wait) => waits.push(wait));
  return {
    clock,
    engine,
    prompts,
    waits,
    polls: () => engine.timeline!.list().filter((entry) => entry.purpose === 'token'),
    async seconds(count) {
      for (let i = 0; i < count; i += 1) {
        clock.advance(1000);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

describe('device authorization grant', () => {
  it('shows the code, polls at the server\'s interval, slows down when told, and renews with the refresh token', { timeout: 60_000 }, async () => {
    const w = world();
    try {
      const e = env();
      const cred = credential(preset);
      const token = w.engine.getToken(e, cred);
      await until(() => w.prompts.length === 1, 'the code to show');
      const prompt = w.prompts[0]!;
      expect(prompt.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
      expect(prompt.verificationUri).toBe(`${server.issuer}/device`);
      expect(prompt.verificationUriComplete).toBe(`${server.issuer}/device?user_code=${prompt.userCode}`);
      expect(prompt.label).toContain(cred.name);
      expect(w.engine.signIns()).toEqual([expect.objectContaining({ flow: 'device-code', userCode: prompt.userCode, verificationUri: prompt.verificationUri })]);
      const started = w.engine.timeline!.list().find((entry) => entry.purpose === 'device-authorization')!;
      expect(started.outcome).toBe('success');

      // Not approved yet: the first poll comes after the stated 7 s, and hears authorization_pending.
      await w.seconds(7);
      await until(() => w.polls().length === 1, 'the first poll');
      expect(w.polls()[0]!.error?.code).toBe('authorization-pending');

      // slow_down: every later poll waits 5 s longer (RFC 8628 3.5).
      server.injectTokenFault({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'slow_down' }) });
      await w.seconds(7);
      await until(() => w.polls().length === 2, 'the second poll');
      expect(w.polls()[1]!.error?.code).toBe('authorization-slow-down');

      // The user types the code at the plain link, signs in and approves.
      const browser = browserLogin('alice', { userCode: prompt.userCode });
      await browser.openAuthorization({ url: prompt.verificationUri, label: 'test' });
      expect(browser.lastPage()).toMatch(/Sign-in Success|signed in|success/i);
      await w.seconds(11);
      expect(w.polls()).toHaveLength(2);
      await w.seconds(1);
      const issued = await token;
      const at = [started, ...w.polls()].map((entry) => entry.at);
      expect(at.slice(1).map((t, i) => t - at[i]!)).toEqual([7000, 7000, 12_000]);

      const whoami = await fetch(server.whoamiUrl, { headers: { authorization: `Bearer ${issued.token}` } });
      expect(await whoami.json()).toMatchObject({ sub: 'alice', client_id: 'tv-app' });
      expect(w.waits).toEqual([expect.objectContaining({ flow: 'device-code' }), null]);
      expect(w.engine.signIns()).toEqual([]);

      // The device code is a secret and the user code is not logged: neither is in the timeline.
      const deviceCode = new URLSearchParams(server.tokenRequestLog.at(-1)!.body).get('device_code')!;
      expect(deviceCode.length).toBeGreaterThan(20);
      const recorded = JSON.stringify(w.engine.timeline!.list());
      expect(recorded).not.toContain(deviceCode);
      expect(recorded).not.toContain(prompt.userCode);
      expect(w.engine.timeline!.list().map((entry) => entry.toCurl())).not.toContainEqual(expect.stringContaining(deviceCode));

      // Renewal uses the refresh token kept with the token: no new code to enter.
      w.clock.advance(280_000);
      await w.engine.getToken(e, cred);
      expect(w.prompts).toHaveLength(1);
      expect(new URLSearchParams(server.tokenRequestLog.at(-1)!.body).get('grant_type')).toBe('refresh_token');
      // A whole sign-in was one guarded attempt: the guard counts no failures for its polls.
      expect((await w.engine.status(e, cred)).guard.consecutiveFailures).toBe(0);
    } finally {
      w.engine.dispose();
    }
  });

  it('says so in words when the sign-in is declined at the link or its code expires', { timeout: 60_000 }, async () => {
    let w = world();
    const declined = w.engine.getToken(env(), credential(preset));
    await until(() => w.prompts.length === 1, 'the code to show');
    await browserLogin('alice', { declineDevice: true }).openAuthorization({ url: w.prompts[0]!.verificationUriComplete!, label: 'test' });
    await w.seconds(7);
    const no = await rejection(declined);
    w.engine.dispose();
    expect(no).toMatchObject({ code: 'authorization-failed', message: expect.stringMatching(/declined/) });
    expect(no.hint).toMatch(/approve/);

    // The server says the code expired.
    w = world();
    const expired = w.engine.getToken(env(), credential(preset));
    await until(() => w.prompts.length === 1, 'the code to show');
    server.injectTokenFault({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'expired_token' }) });
    await w.seconds(7);
    const late = await rejection(expired);
    w.engine.dispose();
    expect(late).toMatchObject({ code: 'authorization-timeout', message: expect.stringMatching(/code expired before anyone approved it/) });

    // Tokenbench's own limit comes before the next poll: it stops without asking again.
    w = world();
    const short = credential(preset, (recipe) => (recipe.kind === 'token-request' ? { ...recipe, authorization: { ...recipe.authorization!, timeoutSeconds: 10 } } : recipe));
    const limited = w.engine.getToken(env(), short);
    await until(() => w.prompts.length === 1, 'the code to show');
    await w.seconds(7);
    const timeout = await rejection(limited);
    w.engine.dispose();
    expect(timeout).toMatchObject({ code: 'authorization-timeout', message: expect.stringMatching(/Nobody approved the sign-in in time/) });
    expect(w.polls()).toHaveLength(1);
  });

  it('the user can cancel while it waits; no back-off follows', { timeout: 60_000 }, async () => {
    const w = world();
    try {
      const e = env();
      const cred = credential(preset);
      const waiting = w.engine.getToken(e, cred);
      await until(() => w.prompts.length === 1, 'the code to show');
      expect(w.engine.cancelSignIn({ environmentId: e.id, credentialId: cred.id })).toBe(true);
      const cancelled = await rejection(waiting);
      expect(cancelled).toMatchObject({ code: 'authorization-cancelled', message: expect.stringMatching(/cancelled the sign-in/) });
      expect(w.polls()).toHaveLength(0);
      expect(w.engine.cancelSignIn({ environmentId: e.id, credentialId: cred.id })).toBe(false);
      expect((await w.engine.status(e, cred)).guard.consecutiveFailures).toBe(0);
      expect(w.waits).toEqual([expect.objectContaining({ flow: 'device-code' }), null]);
    } finally {
      w.engine.dispose();
    }
  });
});
