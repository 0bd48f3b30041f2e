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

describe('timestamps (through the reader)', () => {
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
      body({ data: { token: 'tok-123' }, token_Type: 'MAC', refresh_token: 'r-1', expires_in: '3600', account_id: 7 }),
      'application/json',
      200,
      recipe({ token: 'data.token', tokenType: 'token_Type', refreshToken: 'refresh_token', extras: { accountId: 'account_id', missing: 'nope' } }),
      NOW,
    );
    expect(read).toStrictEqual({ token: 'tok-123', tokenType: 'MAC', refreshToken: 'r-1', expiresAt: NOW + 3600_000, extras: { accountId: '7' } });
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

describe('lifetimes of every kind', () => {
  const read = (json: unknown, lifetime: unknown) => readTokenResponse(body(json), undefined, 200, recipe({ lifetime }), NOW);

  it('reads epoch milliseconds as milliseconds and epoch seconds as seconds, numbers or digit strings', () => {
    expect(read({ access_token: 'a', at: NOW + 5000 }, { from: 'expires-at', path: 'at', format: 'epoch-milliseconds' }).expiresAt).toBe(NOW + 5000);
    expect(read({ access_token: 'a', at: String(NOW / 1000 + 5) }, { from: 'expires-at', path: 'at', format: 'epoch-seconds' }).expiresAt).toBe(NOW + 5000);
  });

  it('uses the fallback for a JWT without exp, and refuses one without a fallback (never a NaN expiry)', async () => {
    const noExp = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32));
    expect(read({ access_token: noExp }, { from: 'jwt-exp', fallbackSeconds: 30 }).expiresAt).toBe(NOW + 30_000);
    const error = failure(() => read({ access_token: noExp }, { from: 'jwt-exp' }));
    expect(error.code).toBe('expiry-unreadable');
    expect(error.message).toContain('without a numeric "exp" claim');
    expect(error.hint).toBe('Read the lifetime from a response field, or set fallbackSeconds in the recipe.');
    const textExp = await new SignJWT({ exp: 'soon' as unknown as number }).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32));
    expect(failure(() => read({ access_token: textExp }, { from: 'jwt-exp' })).code).toBe('expiry-unreadable');
    expect(read({ access_token: 'opaque' }, { from: 'jwt-exp', fallbackSeconds: 10 }).expiresAt).toBe(NOW + 10_000);
  });

  it('uses the fallback for a missing or null field, and names the fields present otherwise', () => {
    expect(read({ access_token: 'a', at: null }, { from: 'expires-at', path: 'at', fallbackSeconds: 5 }).expiresAt).toBe(NOW + 5000);
    const error = failure(() => read({ access_token: 'a', other: 1 }, { from: 'expires-at', path: 'at' }));
    expect(error.message).toBe('The response has no expiry time at "at". Fields it has: access_token, other.');
    expect(read({ access_token: 'a', expires_in: null }, { from: 'expires-in', path: 'expires_in', fallbackSeconds: 7 }).expiresAt).toBe(NOW + 7000);
  });

  it('refuses negative, empty, boolean and list lifetimes, describing them without quoting text', () => {
    const lifetime = { from: 'expires-in', path: 'expires_in' };
    expect(failure(() => read({ access_token: 'a', expires_in: -1 }, lifetime)).message).toBe('The lifetime at "expires_in" is -1, not a number of seconds.');
    expect(failure(() => read({ access_token: 'a', expires_in: '' }, lifetime)).message).toContain('is a text of 0 characters');
    expect(failure(() => read({ access_token: 'a', expires_in: '  ' }, lifetime)).message).toContain('is "  ", not');
    expect(failure(() => read({ access_token: 'a', expires_in: true }, lifetime)).message).toContain('is a boolean,');
    expect(failure(() => read({ access_token: 'a', expires_in: [1] }, lifetime)).message).toContain('is a list,');
    expect(failure(() => read({ access_token: 'a', expires_in: '12:30' }, lifetime)).message).toContain('is "12:30",');
    expect(failure(() => read({ access_token: 'a', expires_in: 'sk_live_secret' }, lifetime)).message).not.toContain('sk_live');
    expect(read({ access_token: 'a', expires_in: 0.5 }, lifetime).expiresAt).toBe(NOW + 500);
  });

  it('refuses an expiry that is no ISO timestamp or no number, saying which format was expected', () => {
    expect(failure(() => read({ access_token: 'a', at: 'tomorrow' }, { from: 'expires-at', path: 'at', format: 'epoch-seconds' })).message).toBe(
      'The expiry at "at" is a text of 8 characters, not a number (epoch-seconds).',
    );
    expect(failure(() => read({ access_token: 'a', at: '' }, { from: 'expires-at', path: 'at', format: 'epoch-seconds' })).code).toBe('expiry-unreadable');
    expect(failure(() => read({ access_token: 'a', at: {} }, { from: 'expires-at', path: 'at' })).message).toContain('is a object, not an ISO 8601 timestamp');
  });

  it('refuses absurd lifetimes clearly (1e17 seconds, milliseconds read as seconds) and accepts long real ones', () => {
    const absurd = failure(() => read({ access_token: 'a', expires_in: 1e17 }, { from: 'expires-in', path: 'expires_in' }));
    expect(absurd.code).toBe('expiry-unreadable');
    expect(absurd.message).toBe('The token\'s stated lifetime is about 3.2B years; no token lives more than 100 years, so it was not stored.');
    expect(absurd.hint).toContain('wrong unit');
    const misread = failure(() => read({ access_token: 'a', at: NOW }, { from: 'expires-at', path: 'at', format: 'epoch-seconds' }));
    expect(misread.code).toBe('expiry-unreadable');
    const years99 = 99 * 365 * 24 * 3600;
    expect(read({ access_token: 'a', expires_in: years99 }, { from: 'expires-in', path: 'expires_in' }).expiresAt).toBe(NOW + years99 * 1000);
    expect(failure(() => read({ access_token: 'a', expires_in: 101 * 365.25 * 24 * 3600 }, { from: 'expires-in', path: 'expires_in' })).code).toBe('expiry-unreadable');
  });

  it('refuses a token expiring exactly on arrival', () => {
    expect(failure(() => read({ access_token: 'a', expires_in: 0 }, { from: 'expires-in', path: 'expires_in' })).code).toBe('expired-on-arrival');
    expect(read({ access_token: 'a', expires_in: 0.001 }, { from: 'expires-in', path: 'expires_in' }).expiresAt).toBe(NOW + 1);
  });
});

describe('tokens are secrets from the moment they are read', () => {
  const r = recipe({ refreshToken: 'refresh_token', lifetime: { from: 'expires-in', path: 'expires_in' } });

  it('hands over the token and refresh token before a lifetime error, and quotes neither', () => {
    const seen: string[] = [];
    const error = failure(() =>
      readTokenResponse(body({ access_token: '0001', refresh_token: 'refresh-0001', expires_in: '0001x' }), undefined, 200, r, NOW, (secret) => seen.push(secret)),
    );
    expect(seen).toEqual(['0001', 'refresh-0001']);
    expect(error.code).toBe('expiry-unreadable');
  });

  it('hands over a token that expired on arrival', () => {
    const seen: string[] = [];
    failure(() => readTokenResponse(body({ access_token: 'expired-token', expires_in: -0 }), undefined, 200, r, NOW, (secret) => seen.push(secret)));
    expect(seen).toEqual(['expired-token']);
  });

  it('refuses tokens and refresh tokens with control characters (CR/LF, ESC, BEL, DEL, C1), never echoing them', () => {
    for (const bad of ['abc\r\nX-Evil: 1', 'abc\u001b[31m', 'abc\u0007', 'abc\u007f', 'abc\u0085', 'abc\u0000', 'abc\t']) {
      const error = failure(() => readTokenResponse(body({ access_token: bad, expires_in: 60 }), undefined, 200, r, NOW));
      expect(error.code).toBe('token-invalid');
      expect(error.message).toBe('The response\'s token at "access_token" contains control characters (such as a line break, escape or bell), which no token may hold. It was not stored.');
      expect(error.status).toBe(200);
      const refresh = failure(() => readTokenResponse(body({ access_token: 'ok', refresh_token: bad, expires_in: 60 }), undefined, 200, r, NOW));
      expect(refresh.message).toContain('refresh token at "refresh_token"');
    }
    expect(readTokenResponse(body({ access_token: 'ok~\u00a0\u0100', expires_in: 60 }), undefined, 200, r, NOW).token).toBe('ok~\u00a0\u0100');
  });
});

describe('token, type, refresh token and extras', () => {
  it('refuses a missing, empty or non-text token, describing what was found', () => {
    expect(failure(() => readTokenResponse(body({ access_token: '' }), undefined, 201, recipe({}), NOW)).message).toContain('has a text of 0 characters instead of a token at "access_token"');
    const number = failure(() => readTokenResponse(body({ access_token: 12 }), undefined, 201, recipe({}), NOW));
    expect(number.message).toContain('has 12 instead of a token');
    expect(number.status).toBe(201);
    expect(failure(() => readTokenResponse(body({ access_token: null }), undefined, 200, recipe({}), NOW)).message).toContain('has null instead');
  });

  it('defaults the type to Bearer, reads numbers and booleans as text, drops objects and empty refresh tokens', () => {
    const read = readTokenResponse(
      body({ access_token: 't', kind: '', refresh_token: '', flag: true, obj: { a: 1 }, expires_in: 60 }),
      undefined,
      200,
      recipe({ tokenType: 'kind', refreshToken: 'refresh_token', extras: { flag: 'flag', obj: 'obj' } }),
      NOW,
    );
    expect(read).toStrictEqual({ token: 't', tokenType: 'Bearer', expiresAt: NOW + 60_000, extras: { flag: 'true' } });
    const typed = readTokenResponse(body({ access_token: 't', kind: 7, expires_in: 60 }), undefined, 200, recipe({ tokenType: 'kind' }), NOW);
    expect(typed.tokenType).toBe('7');
  });

  it('tells HTML by its content type or its first character, and names the content type of broken JSON', () => {
    expect(failure(() => readTokenResponse(body('{"a":1}'), 'text/html; charset=utf-8', 200, recipe({}), NOW)).code).toBe('html-response');
    expect(failure(() => readTokenResponse(body('  <html>'), 'application/json', 200, recipe({}), NOW)).code).toBe('html-response');
    expect(failure(() => readTokenResponse(body('nope'), 'text/plain', 502, recipe({}), NOW)).message).toBe(
      'The token endpoint\'s response (status 502, text/plain) is not valid JSON.',
    );
    expect(failure(() => readTokenResponse(body('nope'), undefined, 200, recipe({}), NOW)).message).toContain('no content type');
    expect(failure(() => readTokenResponse(body(' \n '), undefined, 204, recipe({}), NOW)).message).toContain('empty body (status 204)');
  });
});

describe('every refusal says what failed and what to do', () => {
  const read = (json: unknown, lifetime: unknown = { from: 'expires-in', path: 'expires_in' }) => () => readTokenResponse(body(json), undefined, 200, recipe({ lifetime }), NOW);
  const cases: Array<[string, () => unknown, string, string, string]> = [
    ['html', () => readTokenResponse(body('<html>'), undefined, 401, recipe({}), NOW), 'html-response', 'The token endpoint answered with an HTML page (status 401) instead of JSON.', 'This is usually a login page, a proxy or gateway page, or a wrong URL. Check the token URL in the recipe and the base URL variable.'],
    ['empty', () => readTokenResponse(body(''), undefined, 200, recipe({}), NOW), 'invalid-json', 'The token endpoint answered with an empty body (status 200); a JSON token response was expected.', 'Check the token URL and method: the request may have reached an endpoint that is not the token endpoint.'],
    ['broken', () => readTokenResponse(body('{'), 'application/json', 200, recipe({}), NOW), 'invalid-json', 'The token endpoint\'s response (status 200, application/json) is not valid JSON.', 'The auth service may be misbehaving, or the URL points at something else. The auth timeline shows the response (secrets masked).'],
    ['control', read({ access_token: 'a\u0001', expires_in: 60 }), 'token-invalid', 'The response\'s token at "access_token" contains control characters (such as a line break, escape or bell), which no token may hold. It was not stored.', 'The auth service sent a malformed token, or the recipe\'s token path points at the wrong field.'],
    ['missing', read({ other: 1 }), 'token-missing', 'The response has no token at "access_token". Fields it has: other.', 'Set the recipe\'s token path to the field that holds the token (e.g. "token", "accessToken", "access_token" or "data.token").'],
    ['not a JWT', read({ access_token: 'opaque' }, { from: 'jwt-exp' }), 'expiry-unreadable', 'The recipe reads the lifetime from the token\'s JWT "exp" claim, but the token is not a JWT.', 'Read the lifetime from a response field (expires-in / expires-at) or give a fixed lifetime.'],
    ['no lifetime', read({ access_token: 'a' }), 'expiry-unreadable', 'The response has no lifetime at "expires_in". Fields it has: access_token.', 'Point the recipe at the field holding the lifetime, or set a fixed lifetime / fallbackSeconds from the vendor docs.'],
    ['bad lifetime', read({ access_token: 'a', expires_in: 'x' }), 'expiry-unreadable', 'The lifetime at "expires_in" is a text of 1 characters, not a number of seconds.', 'If it is a date or timestamp, use lifetime "expires-at" in the recipe.'],
    ['no expiry', read({ access_token: 'a' }, { from: 'expires-at', path: 'at' }), 'expiry-unreadable', 'The response has no expiry time at "at". Fields it has: access_token.', 'Point the recipe at the field holding the expiry, or set fallbackSeconds from the vendor docs.'],
    ['bad expiry', read({ access_token: 'a', at: 'x' }, { from: 'expires-at', path: 'at' }), 'expiry-unreadable', 'The expiry at "at" is a text of 1 characters, not an ISO 8601 timestamp (e.g. 2021-11-19T23:36:09.092720).', 'Set the recipe\'s lifetime format (iso, epoch-seconds, epoch-milliseconds) to match the response.'],
    ['expired', read({ access_token: 'a', expires_in: 0 }), 'expired-on-arrival', `The token's stated expiry (${new Date(NOW).toISOString()}) has already passed when it arrived.`, 'If the expiry has no time zone, set the zone the vendor uses in the recipe (default UTC); also check this computer\'s clock.'],
  ];
  it.each(cases)('%s', (_, run, code, message, hint) => {
    const error = failure(run);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.hint).toBe(hint);
  });
});

describe('edges of reading a token response', () => {
  const read = (json: unknown, lifetime: unknown = { from: 'expires-in', path: 'expires_in' }) => readTokenResponse(body(json), 'application/json', 200, recipe({ refreshToken: 'refresh_token', lifetime }), NOW);

  it('reads JSON whose text holds a "<" anywhere but first', () => {
    expect(read({ access_token: 'a<b', note: '<html>', expires_in: 60 }).token).toBe('a<b');
  });

  it('refuses control characters at the edges of both ranges and accepts what lies just outside', () => {
    for (const bad of ['\u001f', '\u007f', '\u009f']) expect(failure(() => read({ access_token: `ok${bad}`, expires_in: 60 })).code).toBe('token-invalid');
    expect(read({ access_token: 'ok token~\u00a0', expires_in: 60 }).token).toBe('ok token~\u00a0');
  });

  it('refuses a blank epoch expiry instead of reading it as 1970', () => {
    expect(failure(() => read({ access_token: 'a', at: '  ' }, { from: 'expires-at', path: 'at', format: 'epoch-milliseconds' })).code).toBe('expiry-unreadable');
    expect(failure(() => read({ access_token: 'a', at: true }, { from: 'expires-at', path: 'at', format: 'epoch-seconds' })).code).toBe('expiry-unreadable');
  });

  it('hands only text to be masked, and keeps only a text refresh token', () => {
    const seen: unknown[] = [];
    failure(() => readTokenResponse(body({ access_token: 12, refresh_token: 13 }), undefined, 200, recipe({ refreshToken: 'refresh_token' }), NOW, (secret) => seen.push(secret)));
    expect(seen).toEqual([]);
    expect(read({ access_token: 'a', refresh_token: 5, expires_in: 60 })).toStrictEqual({ token: 'a', tokenType: 'Bearer', expiresAt: NOW + 60_000, extras: {} });
  });

  it('accepts a lifetime of exactly 100 years and names the years of a longer one', () => {
    const century = 100 * 365.25 * 24 * 3600;
    expect(read({ access_token: 'a', expires_in: century }).expiresAt).toBe(NOW + century * 1000);
    expect(failure(() => read({ access_token: 'a', expires_in: century * 1.5 })).message).toBe('The token\'s stated lifetime is about 150 years; no token lives more than 100 years, so it was not stored.');
  });
});
