import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ResponseRecipeSchema } from '../../../shared/recipe';
import { TokenError } from './errors';
import { readTokenResponse } from './read-response';
import { parseIsoTimestamp } from './timestamp';

const NOW = Date.UTC(2021, 10, 19, 23, 0, 0);
const recipe = (input: unknown) => ResponseRecipeSchema.parse(input);
const body = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

function failure(run: () => unknown): TokenError {
  try {
    run();
  } catch (error) {
    if (error instanceof TokenError) return error;
    throw error;
  }
  throw new Error('expected a TokenError');
}

describe('timestamps', () => {
  it('reads Live Data\'s zone-less microsecond timestamp as UTC, truncating to milliseconds', () => {
    expect(parseIsoTimestamp('2021-11-19T23:36:09.092720', 'UTC')).toBe(Date.UTC(2021, 10, 19, 23, 36, 9, 92));
    expect(parseIsoTimestamp('2021-11-19T23:36:09.092999', 'UTC')).toBe(Date.UTC(2021, 10, 19, 23, 36, 9, 92));
  });

  it('reads zone-less timestamps in a stated zone, across DST', () => {
    expect(parseIsoTimestamp('2021-11-19T23:36:09', 'Europe/Paris')).toBe(Date.UTC(2021, 10, 19, 22, 36, 9));
    expect(parseIsoTimestamp('2021-07-01T12:00:00', 'Europe/Paris')).toBe(Date.UTC(2021, 6, 1, 10, 0, 0));
    expect(parseIsoTimestamp('2021-07-01T12:00:00', 'America/New_York')).toBe(Date.UTC(2021, 6, 1, 16, 0, 0));
  });

  it('honours explicit offsets over the stated zone', () => {
    expect(parseIsoTimestamp('2021-11-19T23:36:09Z', 'Europe/Paris')).toBe(Date.UTC(2021, 10, 19, 23, 36, 9));
    expect(parseIsoTimestamp('2021-11-19T23:36:09+02:00', 'UTC')).toBe(Date.UTC(2021, 10, 19, 21, 36, 9));
    expect(parseIsoTimestamp('2021-11-19 23:36:09-0130', 'UTC')).toBe(Date.UTC(2021, 10, 20, 1, 6, 9));
  });

  it('refuses impossible or foreign formats', () => {
    expect(parseIsoTimestamp('2021-02-30T00:00:00', 'UTC')).toBeUndefined();
    expect(parseIsoTimestamp('19/11/2021 23:36', 'UTC')).toBeUndefined();
    expect(parseIsoTimestamp('2021-11-19T25:00:00', 'UTC')).toBeUndefined();
  });
});

describe('reading token responses', () => {
  it('reads paths, type, refresh token, relative lifetime and extras', () => {
    const read = readTokenResponse(
      body({ data: { token: 'tok-123' }, token_Type: 'Bearer', refresh_token: 'r-1', expires_in: '3600', account_id: 7 }),
      'application/json',
      200,
      recipe({ token: 'data.token', tokenType: 'token_Type', refreshToken: 'refresh_token', extras: { accountId: 'account_id', missing: 'nope' } }),
      NOW,
    );
    expect(read).toEqual({ token: 'tok-123', tokenType: 'Bearer', refreshToken: 'r-1', expiresAt: NOW + 3600_000, extras: { accountId: '7' } });
  });

  it('reads absolute expiries, fixed lifetimes and the JWT exp claim', async () => {
    const at = recipe({ token: 'accessToken', lifetime: { from: 'expires-at', path: 'expiresAt' } });
    expect(readTokenResponse(body({ accessToken: 'a', expiresAt: '2021-11-19T23:15:00.000001' }), undefined, 200, at, NOW).expiresAt).toBe(NOW + 900_000);
    const epoch = recipe({ lifetime: { from: 'expires-at', path: 'exp', format: 'epoch-seconds' } });
    expect(readTokenResponse(body({ access_token: 'a', exp: NOW / 1000 + 60 }), undefined, 200, epoch, NOW).expiresAt).toBe(NOW + 60_000);
    const fixed = recipe({ token: 'token', lifetime: { from: 'fixed', seconds: 3600 } });
    expect(readTokenResponse(body({ token: 'a' }), undefined, 200, fixed, NOW).expiresAt).toBe(NOW + 3600_000);
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(NOW / 1000 + 120).sign(new Uint8Array(32));
    expect(readTokenResponse(body({ access_token: jwt }), undefined, 200, recipe({ lifetime: { from: 'jwt-exp' } }), NOW).expiresAt).toBe(NOW + 120_000);
  });

  it('uses a stated fallback lifetime only when the field is absent', () => {
    const r = recipe({ lifetime: { from: 'expires-in', path: 'expires_in', fallbackSeconds: 60 } });
    expect(readTokenResponse(body({ access_token: 'a' }), undefined, 200, r, NOW).expiresAt).toBe(NOW + 60_000);
    expect(failure(() => readTokenResponse(body({ access_token: 'a', expires_in: 'soon' }), undefined, 200, r, NOW)).code).toBe('expiry-unreadable');
  });

  it('names the missing token path and the fields present, never their values', () => {
    const error = failure(() =>
      readTokenResponse(body({ access_token: 'SECRET-TOKEN-VALUE-1234', account_id: 'acct-SECRET' }), undefined, 200, recipe({ token: 'data.token' }), NOW),
    );
    expect(error.code).toBe('token-missing');
    expect(error.message).toBe('The response has no token at "data.token". Fields it has: access_token, account_id.');
    expect(error.message + error.hint).not.toMatch(/SECRET/);
  });

  it('tells HTML, broken JSON, empty bodies and unreadable expiries apart', () => {
    const r = recipe({});
    expect(failure(() => readTokenResponse(body('<!doctype html><title>Login</title>'), 'text/html', 200, r, NOW)).code).toBe('html-response');
    expect(failure(() => readTokenResponse(body('{"access_token": "abc'), 'application/json', 200, r, NOW)).code).toBe('invalid-json');
    expect(failure(() => readTokenResponse(body(''), 'application/json', 200, r, NOW)).code).toBe('invalid-json');
    const noExpiry = failure(() => readTokenResponse(body({ access_token: 'a', ttl: 5 }), undefined, 200, r, NOW));
    expect(noExpiry.code).toBe('expiry-unreadable');
    expect(noExpiry.message).toContain('no lifetime at "expires_in". Fields it has: access_token, ttl');
    const notJwt = failure(() => readTokenResponse(body({ access_token: 'opaque' }), undefined, 200, recipe({ lifetime: { from: 'jwt-exp' } }), NOW));
    expect(notJwt.code).toBe('expiry-unreadable');
    const badIso = failure(() => readTokenResponse(body({ access_token: 'a', at: 1637364969 }), undefined, 200, recipe({ lifetime: { from: 'expires-at', path: 'at' } }), NOW));
    expect(badIso.message).toContain('is 1637364969, not an ISO 8601 timestamp');
  });

  it('refuses a token that is already expired on arrival (e.g. a wrong zone)', () => {
    const r = recipe({ token: 'accessToken', lifetime: { from: 'expires-at', path: 'expiresAt', zone: 'Asia/Tokyo' } });
    expect(failure(() => readTokenResponse(body({ accessToken: 'a', expiresAt: '2021-11-19T23:15:00' }), undefined, 200, r, NOW)).code).toBe('expired-on-arrival');
  });
});
