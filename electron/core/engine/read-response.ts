// Reads a token response as the recipe describes it: token, type, refresh token, lifetime and
// extras. Each way it can go wrong has its own error code and names fields, never their values.
import { decodeJwt } from 'jose';
import type { Lifetime, ResponseRecipe } from '../../../shared/recipe';
import { TokenError } from './errors';
import { fieldNames, readPath } from './json-path';
import { parseIsoTimestamp } from './timestamp';

export interface ReadToken {
  token: string;
  tokenType: string;
  refreshToken?: string;
  expiresAt: number | null;
  extras: Record<string, string>;
  /** DPoP: the thumbprint of the key the token is bound to. */
  boundTo?: string;
}

/** Short digit-only values are safe to quote (lifetimes, timestamps); anything else is described. */
const QUOTABLE = /^[0-9TZtz:.+\- ]{1,40}$/;

function describe(value: unknown): string {
  if (typeof value === 'string') return QUOTABLE.test(value) ? `"${value}"` : `a text of ${value.length} characters`;
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

export function parseJsonBody(body: Buffer, contentType: string | undefined, status: number): unknown {
  const text = body.toString('utf8').trim();
  // No content type matches no HTML type whatever stands in for it: the `?? ''` mutant is equivalent.
  if (text.startsWith('<') || /text\/html/i.test(contentType ?? '')) {
    throw new TokenError({
      code: 'html-response',
      status,
      message: `The token endpoint answered with an HTML page (status ${status}) instead of JSON.`,
      hint: 'This is usually a login page, a proxy or gateway page, or a wrong URL. Check the token URL in the recipe and the base URL variable.',
    });
  }
  if (text === '') {
    throw new TokenError({
      code: 'invalid-json',
      status,
      message: `The token endpoint answered with an empty body (status ${status}); a JSON token response was expected.`,
      hint: 'Check the token URL and method: the request may have reached an endpoint that is not the token endpoint.',
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new TokenError({
      code: 'invalid-json',
      status,
      message: `The token endpoint's response (status ${status}, ${contentType || 'no content type'}) is not valid JSON.`,
      hint: 'The auth service may be misbehaving, or the URL points at something else. The auth timeline shows the response (secrets masked).',
    });
  }
}

/** Longer than any real token lives: a larger value is a misread unit, and would break dates. */
const MAX_LIFETIME_YEARS = 100;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const MAX_LIFETIME_MS = MAX_LIFETIME_YEARS * YEAR_MS;
const YEARS = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** Line breaks, escape codes and bells in a token would be sent in headers and printed raw to terminals. */
function hasControlCharacter(value: string): boolean {
  for (const character of value) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function refuseControlCharacters(value: string, what: string, status: number): void {
  if (!hasControlCharacter(value)) return;
  throw new TokenError({
    code: 'token-invalid',
    status,
    message: `The response's ${what} contains control characters (such as a line break, escape or bell), which no token may hold. It was not stored.`,
    hint: 'The auth service sent a malformed token, or the recipe\'s token path points at the wrong field.',
  });
}

function lifetimeError(message: string, hint: string): TokenError {
  return new TokenError({ code: 'expiry-unreadable', message, hint });
}

function fallback(lifetime: Exclude<Lifetime, { from: 'fixed' }>, now: number, missing: string, hint: string): number {
  if (lifetime.fallbackSeconds !== undefined) return now + lifetime.fallbackSeconds * 1000;
  throw lifetimeError(missing, hint);
}

function readExpiry(json: unknown, token: string, lifetime: Lifetime, now: number): number {
  switch (lifetime.from) {
    case 'fixed':
      return now + lifetime.seconds * 1000;
    case 'jwt-exp': {
      let exp: unknown;
      try {
        exp = decodeJwt(token).exp;
      } catch {
        return fallback(lifetime, now, 'The recipe reads the lifetime from the token\'s JWT "exp" claim, but the token is not a JWT.', 'Read the lifetime from a response field (expires-in / expires-at) or give a fixed lifetime.');
      }
      // Number.isFinite is false for anything but a finite number (text, null, a missing claim).
      if (!Number.isFinite(exp)) {
        return fallback(lifetime, now, 'The token is a JWT without a numeric "exp" claim, so its lifetime is unknown.', 'Read the lifetime from a response field, or set fallbackSeconds in the recipe.');
      }
      return (exp as number) * 1000;
    }
    case 'expires-in': {
      const value = readPath(json, lifetime.path);
      if (value === undefined || value === null) {
        return fallback(lifetime, now, `The response has no lifetime at "${lifetime.path}". Fields it has: ${fieldNames(json)}.`, 'Point the recipe at the field holding the lifetime, or set a fixed lifetime / fallbackSeconds from the vendor docs.');
      }
      const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (!Number.isFinite(seconds) || (seconds as number) < 0) {
        throw lifetimeError(`The lifetime at "${lifetime.path}" is ${describe(value)}, not a number of seconds.`, 'If it is a date or timestamp, use lifetime "expires-at" in the recipe.');
      }
      return now + (seconds as number) * 1000;
    }
    case 'expires-at': {
      const value = readPath(json, lifetime.path);
      if (value === undefined || value === null) {
        return fallback(lifetime, now, `The response has no expiry time at "${lifetime.path}". Fields it has: ${fieldNames(json)}.`, 'Point the recipe at the field holding the expiry, or set fallbackSeconds from the vendor docs.');
      }
      let at: number | undefined;
      if (lifetime.format === 'iso') at = typeof value === 'string' ? parseIsoTimestamp(value, lifetime.zone) : undefined;
      else {
        const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        if (Number.isFinite(number)) at = lifetime.format === 'epoch-seconds' ? (number as number) * 1000 : (number as number);
      }
      if (at === undefined) {
        const expected = lifetime.format === 'iso' ? 'an ISO 8601 timestamp (e.g. 2021-11-19T23:36:09.092720)' : `a number (${lifetime.format})`;
        throw lifetimeError(`The expiry at "${lifetime.path}" is ${describe(value)}, not ${expected}.`, 'Set the recipe\'s lifetime format (iso, epoch-seconds, epoch-milliseconds) to match the response.');
      }
      return at;
    }
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Reads a successful (2xx) token response. `now` is when the response arrived. */
export function readTokenResponse(
  body: Buffer,
  contentType: string | undefined,
  status: number,
  recipe: ResponseRecipe,
  now: number,
  /** Called with the token (and refresh token) as soon as they are read, before anything can fail. */
  seen: (secret: string) => void = () => {},
): ReadToken {
  const json = parseJsonBody(body, contentType, status);
  const token = readPath(json, recipe.token);
  if (typeof token === 'string') seen(token);
  const refreshToken = recipe.refreshToken ? readPath(json, recipe.refreshToken) : undefined;
  if (typeof refreshToken === 'string') seen(refreshToken);
  if (typeof token !== 'string' || token === '') {
    const found = token === undefined ? 'no token' : `${describe(token)} instead of a token`;
    throw new TokenError({
      code: 'token-missing',
      status,
      message: `The response has ${found} at "${recipe.token}". Fields it has: ${fieldNames(json)}.`,
      hint: 'Set the recipe\'s token path to the field that holds the token (e.g. "token", "accessToken", "access_token" or "data.token").',
    });
  }
  refuseControlCharacters(token, `token at "${recipe.token}"`, status);
  if (typeof refreshToken === 'string') refuseControlCharacters(refreshToken, `refresh token at "${recipe.refreshToken}"`, status);
  const expiresAt = readExpiry(json, token, recipe.lifetime, now);
  if (expiresAt > now + MAX_LIFETIME_MS) {
    throw lifetimeError(
      `The token's stated lifetime is about ${YEARS.format((expiresAt - now) / YEAR_MS)} years; no token lives more than ${MAX_LIFETIME_YEARS} years, so it was not stored.`,
      'The recipe probably reads the lifetime in the wrong unit or format (e.g. epoch-milliseconds read as seconds). Check the lifetime settings against the vendor docs.',
    );
  }
  if (expiresAt <= now) {
    throw new TokenError({
      code: 'expired-on-arrival',
      status,
      message: `The token's stated expiry (${new Date(expiresAt).toISOString()}) has already passed when it arrived.`,
      hint: 'If the expiry has no time zone, set the zone the vendor uses in the recipe (default UTC); also check this computer\'s clock.',
    });
  }
  const extras: Record<string, string> = {};
  for (const [label, path] of Object.entries(recipe.extras)) {
    const value = text(readPath(json, path));
    if (value !== undefined) extras[label] = value;
  }
  const tokenType = recipe.tokenType ? text(readPath(json, recipe.tokenType)) : undefined;
  return {
    token,
    tokenType: tokenType || 'Bearer',
    ...(typeof refreshToken === 'string' && refreshToken !== '' ? { refreshToken } : {}),
    expiresAt,
    extras,
  };
}
