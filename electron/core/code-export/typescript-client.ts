// A credential as a small, dependency-free TypeScript client (Node >= 18 fetch). The recipe goes in
// as data; the lifecycle code around it is the same for every credential and mirrors the engine's
// rules: cache, single flight, renewal margin, the 401 rule, spacing, Retry-After and backoff.
import type { ExportPlan } from './export-plan';

const RUNTIME = String.raw`
type Fields = Record<string, string>;
type Body = { encoding: 'none' } | { encoding: 'json' | 'form'; fields: Fields };
type ClientAuth = { type: 'none' } | { type: 'basic'; username: string; password: string } | { type: 'header'; name: string; value: string } | { type: 'body'; fields: Fields };
interface TokenRequest { method: string; url: string; query: Fields; headers: Fields; body: Body; clientAuth: ClientAuth; timeoutSeconds: number }
type Lifetime =
  | { from: 'expires-in'; path: string; fallbackSeconds?: number }
  | { from: 'expires-at'; path: string; format: 'iso' | 'epoch-seconds' | 'epoch-milliseconds'; zone: string; fallbackSeconds?: number }
  | { from: 'jwt-exp'; fallbackSeconds?: number }
  | { from: 'fixed'; seconds: number };

/** A token request was not sent: too soon after the last one, or the auth service asked to wait. */
export class TokenRequestRefused extends Error {
  constructor(message: string, readonly retryInMs: number) {
    super(message);
    this.name = 'TokenRequestRefused';
  }
}

/** The auth service answered, but not with a token. Secrets are never part of the message. */
export class TokenRequestFailed extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'TokenRequestFailed';
  }
}

export interface TokenClientOptions {
  /** Where variables are read from; process.env by default. */
  env?: Record<string, string | undefined>;
  /** Millisecond clock; Date.now by default. */
  now?: () => number;
}

interface Held { token: string; tokenType: string; refreshToken?: string; issuedAt: number; expiresAt: number | null }

function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** A zone-less wall-clock time in an IANA zone, as ms epoch. */
function wallTimeIn(zone: string, wall: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return wall;
  const offsetAt = (instant: number) => {
    const parts: Record<string, number> = {};
    const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    for (const part of format.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
    return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - (instant - (instant % 1000));
  };
  const guess = wall - offsetAt(wall);
  return wall - offsetAt(guess);
}

function parseIso(text: string, zone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, Number(fraction.slice(0, 3).padEnd(3, '0')));
  if (offset === undefined) return wallTimeIn(zone, wall);
  if (offset.toUpperCase() === 'Z') return wall;
  const digits = offset.replace(':', '');
  return wall - (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0')) * 60_000;
}

function jwtExpMs(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After as ms from now: seconds or an HTTP date. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export class TokenClient {
  private readonly values: Record<string, string> = {};
  private readonly now: () => number;
  private held?: Held;
  private inFlight?: Promise<Held>;
  private lastRequestAt = -Infinity;
  private notBefore = -Infinity;
  private failures = 0;

  constructor(options: TokenClientOptions = {}) {
    const env = options.env ?? process.env;
    this.now = options.now ?? Date.now;
    const missing: string[] = [];
    for (const [name, variable] of Object.entries(VARIABLES)) {
      const value = env[variable.env] ?? variable.default;
      if (value === undefined || value === '') missing.push(variable.env);
      else this.values[name] = value;
    }
    if (missing.length) throw new Error('Set the environment variable(s) ' + missing.join(', ') + ' to use the ' + CREDENTIAL + ' token client.');
  }

  /** A valid token: the held one, or a new one (one request however many callers wait for it). */
  async getToken(): Promise<string> {
    const held = this.held;
    if (held && !this.dueForRenewal(held)) return held.token;
    return (await this.renew()).token;
  }

  /** fetch() with the token attached; on 401 the token is renewed once and the call retried once. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    await this.getToken();
    const used = this.held!;
    const response = await fetch(...this.attach(url, init, used));
    if (response.status !== 401) return response;
    // Another caller may have renewed meanwhile: only a token still held is renewed.
    const next = this.held === used ? await this.renew(true) : this.held ?? (await this.renew(true));
    return fetch(...this.attach(url, init, next));
  }

  private attach(url: string | URL, init: RequestInit, held: Held): [URL, RequestInit] {
    const value = this.fill(USE.value, { token: held.token, tokenType: held.tokenType });
    const target = new URL(url);
    if (USE.in === 'query') {
      target.searchParams.set(USE.name, value);
      return [target, init];
    }
    const headers = new Headers(init.headers);
    headers.set(USE.name, value);
    return [target, { ...init, headers }];
  }

  private dueForRenewal(held: Held): boolean {
    if (held.expiresAt === null) return false;
    const lifetime = Math.max(0, held.expiresAt - held.issuedAt);
    const margin = Math.min(MARGIN_SECONDS !== undefined ? MARGIN_SECONDS * 1000 : Math.max(30_000, lifetime * 0.1), lifetime / 2);
    return this.now() >= held.expiresAt - margin;
  }

  private renew(force = false): Promise<Held> {
    this.inFlight ??= this.obtain(force).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async obtain(force: boolean): Promise<Held> {
    const now = this.now();
    const allowedAt = Math.max(this.lastRequestAt + GUARD.minIntervalSeconds * 1000, this.notBefore);
    if (now < allowedAt) {
      if (!force && this.held && (this.held.expiresAt === null || this.held.expiresAt > now)) return this.held;
      const seconds = Math.ceil((allowedAt - now) / 1000);
      throw new TokenRequestRefused('No token request was sent: the ' + CREDENTIAL + ' auth service is asked at most every ' + GUARD.minIntervalSeconds + ' s (or later when it asked to wait). Try again in ' + seconds + ' s.', allowedAt - now);
    }
    this.lastRequestAt = now;
    const refreshToken = this.held?.refreshToken;
    if (refreshToken && REFRESH_REQUEST) {
      try {
        return await this.request(REFRESH_REQUEST, { refreshToken, token: this.held!.token });
      } catch (error) {
        if (error instanceof TokenRequestFailed && error.status !== undefined && error.status < 500 && error.status !== 429) {
          return this.request(TOKEN_REQUEST, {}); // the refresh token was refused: sign in again
        }
        throw error;
      }
    }
    return this.request(TOKEN_REQUEST, {});
  }

  private fill(template: string, extra: Record<string, string> = {}): string {
    return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g, (_, name: string) => extra[name] ?? this.values[name] ?? '');
  }

  private async request(recipe: TokenRequest, extra: Record<string, string>): Promise<Held> {
    const fill = (template: string) => this.fill(template, extra);
    const url = new URL(fill(recipe.url));
    for (const [name, value] of Object.entries(recipe.query)) url.searchParams.append(name, fill(value));
    const headers = new Headers();
    for (const [name, value] of Object.entries(recipe.headers)) headers.set(name, fill(value));
    const auth = recipe.clientAuth;
    if (auth.type === 'basic') headers.set('Authorization', 'Basic ' + Buffer.from(fill(auth.username) + ':' + fill(auth.password)).toString('base64'));
    if (auth.type === 'header') headers.set(auth.name, fill(auth.value));
    if (!headers.has('accept')) headers.set('Accept', 'application/json');
    let body: string | undefined;
    if (recipe.body.encoding !== 'none') {
      const fields: Fields = {};
      for (const [name, value] of Object.entries(recipe.body.fields)) fields[name] = fill(value);
      if (auth.type === 'body') for (const [name, value] of Object.entries(auth.fields)) fields[name] = fill(value);
      const json = recipe.body.encoding === 'json';
      if (!headers.has('content-type')) headers.set('Content-Type', json ? 'application/json' : 'application/x-www-form-urlencoded');
      body = json ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
    }
    let response: Response;
    try {
      response = await fetch(url, { method: recipe.method, headers, body, signal: AbortSignal.timeout(recipe.timeoutSeconds * 1000) });
    } catch (error) {
      this.failed(undefined);
      throw new TokenRequestFailed('The ' + CREDENTIAL + ' token request to ' + url.host + ' failed: ' + (error instanceof Error ? error.message : String(error)));
    }
    if (!response.ok) {
      this.failed(retryAfterMs(response.headers.get('retry-after'), this.now()));
      throw new TokenRequestFailed('The ' + CREDENTIAL + ' auth service answered ' + response.status + ' to the token request.', response.status);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      this.failed(undefined);
      throw new TokenRequestFailed('The ' + CREDENTIAL + ' auth service answered 200 without JSON.', response.status);
    }
    const token = readPath(json, RESPONSE.token);
    if (typeof token !== 'string' || token === '') {
      this.failed(undefined);
      throw new TokenRequestFailed('The ' + CREDENTIAL + ' token response has no "' + RESPONSE.token + '".', response.status);
    }
    const issuedAt = this.now();
    const tokenType = RESPONSE.tokenType ? readPath(json, RESPONSE.tokenType) : undefined;
    const refresh = RESPONSE.refreshToken ? readPath(json, RESPONSE.refreshToken) : undefined;
    this.failures = 0;
    this.held = {
      token,
      tokenType: typeof tokenType === 'string' ? tokenType : 'Bearer',
      refreshToken: typeof refresh === 'string' ? refresh : extra.refreshToken,
      issuedAt,
      expiresAt: this.expiry(json, token, issuedAt),
    };
    return this.held;
  }

  private expiry(json: unknown, token: string, issuedAt: number): number | null {
    const lifetime = RESPONSE.lifetime as Lifetime;
    if (lifetime.from === 'fixed') return issuedAt + lifetime.seconds * 1000;
    let at: number | undefined;
    if (lifetime.from === 'jwt-exp') at = jwtExpMs(token);
    else {
      const raw = readPath(json, lifetime.path);
      if (lifetime.from === 'expires-in' && raw !== undefined && raw !== null && raw !== '' && Number.isFinite(Number(raw))) at = issuedAt + Number(raw) * 1000;
      if (lifetime.from === 'expires-at' && typeof raw === 'string' && lifetime.format === 'iso') at = parseIso(raw, lifetime.zone);
      if (lifetime.from === 'expires-at' && raw !== undefined && lifetime.format !== 'iso' && Number.isFinite(Number(raw))) at = Number(raw) * (lifetime.format === 'epoch-seconds' ? 1000 : 1);
    }
    if (at !== undefined) return at;
    if (lifetime.fallbackSeconds !== undefined) return issuedAt + lifetime.fallbackSeconds * 1000;
    throw new TokenRequestFailed('The ' + CREDENTIAL + ' token response does not say how long the token lives.');
  }

  /** After a failure: wait before the next attempt, doubling up to the recipe's maximum, or as the server asked. */
  private failed(serverWaitMs: number | undefined): void {
    this.failures += 1;
    const backoff = Math.min(GUARD.backoffInitialSeconds * 2 ** (this.failures - 1), GUARD.backoffMaxSeconds) * 1000;
    this.notBefore = this.now() + Math.max(backoff, serverWaitMs ?? 0);
  }
}
`;

function literal(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function typescriptClient(plan: ExportPlan): string {
  const { recipe } = plan;
  const variables = Object.fromEntries(plan.variables.map((v) => [v.name, { env: v.env, ...(v.default !== undefined ? { default: v.default } : {}) }]));
  const lines = [
    ...plan.header.map((line) => (line ? `// ${line}` : '//')),
    '',
    '// The recipe, as in Tokenbench. {{name}} is filled from the variables below; {{refreshToken}} is the held refresh token.',
    `const CREDENTIAL = ${JSON.stringify(plan.credentialName)};`,
    `const VARIABLES: Record<string, { env: string; default?: string }> = ${literal(variables)};`,
    `const TOKEN_REQUEST: TokenRequest = ${literal(recipe.tokenRequest)};`,
    `const REFRESH_REQUEST: TokenRequest | undefined = ${recipe.renewal.refreshRequest ? literal(recipe.renewal.refreshRequest) : 'undefined'};`,
    `const RESPONSE: { token: string; tokenType?: string; refreshToken?: string; lifetime: Lifetime } = ${literal({ token: recipe.tokenResponse.token, tokenType: recipe.tokenResponse.tokenType, refreshToken: recipe.tokenResponse.refreshToken, lifetime: recipe.tokenResponse.lifetime })};`,
    `const USE: { in: 'header' | 'query'; name: string; value: string } = ${literal(recipe.use)};`,
    `const GUARD = ${literal(recipe.guard)};`,
    `const MARGIN_SECONDS: number | undefined = ${recipe.renewal.marginSeconds ?? 'undefined'};`,
    RUNTIME,
  ];
  return lines.join('\n');
}
