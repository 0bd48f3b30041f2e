// A sample token response -> where the token, its type, lifetime, refresh token and useful extras
// are. Every guess says why. Without a sample, OAuth2's standard fields are assumed (and said so).
import type { ResponseRecipe } from '../../../shared/recipe/recipe';
import { ExampleError, MAX_SAMPLE_RESPONSE_CHARACTERS } from './example-request';
import { looksLikeSecret, variableName } from './lift-values';

export interface Guess {
  /** The recipe part it fills, e.g. `tokenResponse.lifetime`. */
  part: string;
  summary: string;
  why: string;
}

export interface ResponseGuesses {
  response: ResponseRecipe;
  guesses: Guess[];
  /** The sample's token type value (e.g. "Bearer"), for how the token is attached. */
  tokenTypeValue?: string;
  warnings: string[];
}

const TOKEN_NAMES = ['access_token', 'accesstoken', 'token', 'id_token', 'jwt', 'auth_token', 'authtoken', 'session_token', 'sessiontoken', 'bearer_token'];
const EXPIRES_IN = /^(expires[-_]?in|expiresin|expires|expiry|ttl|lifetime|validity|valid[-_]?for)$/i;
const EXPIRES_AT = /^(expires[-_]?at|expiresat|expiry[-_]?(date|time|at)?|expiration([-_]?(date|time))?|valid[-_]?until|expires[-_]?on|exp)$/i;
const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const ZONE = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** The JSON part of what was pasted: a bare JSON object, or an HTTP response with headers. */
export function sampleJson(text: string): Record<string, unknown> {
  if (text.length > MAX_SAMPLE_RESPONSE_CHARACTERS) throw new ExampleError('The sample response is too long: paste only the token response.');
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end < start) throw new ExampleError('The sample response has no JSON object: paste the JSON the token endpoint answers.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new ExampleError('The sample response is not valid JSON: check its quotes and commas (docs sometimes shorten values with "...").');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ExampleError('The sample response is not a JSON object.');
  return parsed as Record<string, unknown>;
}

function findKey(object: Record<string, unknown>, test: (key: string) => boolean): string | undefined {
  return Object.keys(object).find(test);
}

/** The token's path: a well-known name, one level down in `data`/`result`, or the longest key-shaped string. */
function findToken(json: Record<string, unknown>): { path: string; why: string } | undefined {
  const named = findKey(json, (k) => TOKEN_NAMES.includes(k.toLowerCase()) && typeof json[k] === 'string');
  if (named) return { path: named, why: `"${named}" is the usual name of the token.` };
  for (const wrapper of ['data', 'result', 'body', 'response']) {
    const inner = json[wrapper];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      const found = findToken(inner as Record<string, unknown>);
      if (found) return { path: `${wrapper}.${found.path}`, why: found.why };
    }
  }
  const shaped = Object.entries(json)
    .filter(([, v]) => typeof v === 'string' && looksLikeSecret(v))
    .sort(([, a], [, b]) => (b as string).length - (a as string).length)[0];
  if (shaped) return { path: shaped[0], why: `"${shaped[0]}" holds the longest key-shaped value in the response.` };
  return undefined;
}

/** The `exp` claim when `token` is a JWT. */
export function jwtExp(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload: unknown = JSON.parse(atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    const exp = (payload as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

function unitSeconds(unit: string): number {
  const u = unit.toLowerCase();
  return u.startsWith('sec') ? 1 : u.startsWith('min') ? 60 : u.startsWith('hour') ? 3600 : 86400;
}

/** "Each token has a lifetime of 3600 seconds", "Access tokens expire 1 hour after creation". */
export function statedLifetime(text: string): { seconds: number; quote: string } | undefined {
  const pattern = /(lifetime|valid|expire[sd]?|lasts?)[^.\n]{0,60}?(\d[\d,]*)\s*(seconds?|secs?|minutes?|mins?|hours?|days?)\b/i;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[2]!.replace(/,/g, '')) * unitSeconds(match[3]!);
  return seconds > 0 ? { seconds, quote: match[0].trim() } : undefined;
}

function lifetimeOf(json: Record<string, unknown>, token: string | undefined, context: string, guesses: Guess[], warnings: string[]): ResponseRecipe['lifetime'] {
  const inKey = findKey(json, (k) => EXPIRES_IN.test(k) && (typeof json[k] === 'number' || /^\d+$/.test(String(json[k]))));
  if (inKey && Number(json[inKey]) < 1e9) {
    guesses.push({ part: 'tokenResponse.lifetime', summary: `"${inKey}" in seconds`, why: `"${inKey}" is ${json[inKey]}: a remaining lifetime in seconds.` });
    return { from: 'expires-in', path: inKey };
  }
  const atKey = findKey(json, (k) => EXPIRES_AT.test(k) || (EXPIRES_IN.test(k) && typeof json[k] === 'number'));
  if (atKey) {
    const value = json[atKey];
    if (typeof value === 'number') {
      const format = value > 1e11 ? 'epoch-milliseconds' : 'epoch-seconds';
      guesses.push({ part: 'tokenResponse.lifetime', summary: `"${atKey}" as ${format === 'epoch-seconds' ? 'seconds' : 'milliseconds'} since 1970`, why: `${value} is an absolute time: ${new Date(format === 'epoch-seconds' ? value * 1000 : value).toISOString()}.` });
      return { from: 'expires-at', path: atKey, format, zone: 'UTC' };
    }
    if (typeof value === 'string' && ISO.test(value.trim())) {
      const zoned = ZONE.test(value.trim());
      guesses.push({
        part: 'tokenResponse.lifetime',
        summary: `"${atKey}" as a date and time${zoned ? '' : ' in UTC'}`,
        why: zoned ? `"${value}" is an ISO timestamp with its zone.` : `"${value}" is an ISO timestamp with no zone: read as UTC. Change the zone if the vendor's docs say otherwise.`,
      });
      return { from: 'expires-at', path: atKey, format: 'iso', zone: 'UTC' };
    }
  }
  if (token !== undefined && jwtExp(token) !== undefined) {
    guesses.push({ part: 'tokenResponse.lifetime', summary: 'the JWT\'s exp claim', why: 'The response states no lifetime, but the token is a JWT with an "exp" claim.' });
    return { from: 'jwt-exp' };
  }
  const stated = statedLifetime(context);
  if (stated) {
    guesses.push({ part: 'tokenResponse.lifetime', summary: `fixed, ${stated.seconds} s`, why: `The response states no lifetime; the pasted text says "${stated.quote}".` });
    return { from: 'fixed', seconds: stated.seconds };
  }
  warnings.push('The response states no lifetime and none was found in the text: 1 hour is assumed. Set the lifetime the vendor documents.');
  guesses.push({ part: 'tokenResponse.lifetime', summary: 'fixed, 3600 s (assumed)', why: 'Nothing says how long the token lives: 1 hour is a common lifetime; check the vendor\'s docs.' });
  return { from: 'fixed', seconds: 3600 };
}

export function readSampleResponse(sample: string | undefined, context: string): ResponseGuesses {
  const guesses: Guess[] = [];
  const warnings: string[] = [];
  if (sample === undefined || sample.trim() === '') {
    guesses.push({ part: 'tokenResponse', summary: 'access_token, token_type, expires_in', why: 'No sample response was pasted: OAuth2\'s standard fields are assumed. Paste the sample answer from the docs to be sure.' });
    return { response: { token: 'access_token', tokenType: 'token_type', lifetime: { from: 'expires-in', path: 'expires_in' }, extras: {} }, guesses, warnings };
  }
  const json = sampleJson(sample);
  const token = findToken(json);
  if (!token) throw new ExampleError('No token was found in the sample response: no field like "access_token" or "token" holds a text value.');
  guesses.push({ part: 'tokenResponse.token', summary: `"${token.path}"`, why: token.why });
  const tokenValue = token.path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], json) as string | undefined;
  const container = token.path.includes('.') ? (json[token.path.split('.')[0]!] as Record<string, unknown>) : json;
  const prefix = token.path.includes('.') ? `${token.path.split('.')[0]}.` : '';

  const typeKey = findKey(container, (k) => /^token[-_]?type$/i.test(k));
  const refreshKey = findKey(container, (k) => /^refresh[-_]?token$/i.test(k));
  const lifetime = lifetimeOf(container, tokenValue, `${context}\n${sample}`, guesses, warnings);
  const used = new Set([token.path.split('.').pop(), typeKey, refreshKey, 'path' in lifetime ? lifetime.path : undefined]);
  if (typeKey) guesses.push({ part: 'tokenResponse.tokenType', summary: `"${typeKey}"`, why: `"${typeKey}" names the token type${typeKey !== 'token_type' ? ', spelled as this vendor spells it' : ''}.` });
  if (refreshKey) guesses.push({ part: 'tokenResponse.refreshToken', summary: `"${refreshKey}"`, why: `"${refreshKey}" holds a refresh token: renewals can use it.` });

  const extras: Record<string, string> = {};
  for (const [key, value] of Object.entries(container)) {
    if (used.has(key) || Object.keys(extras).length >= 20) continue;
    if (!['string', 'number', 'boolean'].includes(typeof value) || (typeof value === 'string' && looksLikeSecret(value))) continue;
    extras[variableName(key)] = `${prefix}${key}`;
  }
  if (Object.keys(extras).length) guesses.push({ part: 'tokenResponse.extras', summary: Object.keys(extras).join(', '), why: 'Other plain fields of the response, shown with the token (values that look like keys are left out).' });

  const response: ResponseRecipe = { token: token.path, lifetime, extras };
  if (typeKey) response.tokenType = `${prefix}${typeKey}`;
  if (refreshKey) response.refreshToken = `${prefix}${refreshKey}`;
  if ('path' in lifetime && prefix) lifetime.path = `${prefix}${lifetime.path}`;
  const typeValue = typeKey ? container[typeKey] : undefined;
  return { response, guesses, warnings, ...(typeof typeValue === 'string' ? { tokenTypeValue: typeValue } : {}) };
}
