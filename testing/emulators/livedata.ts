// Live Data emulator (shared/providers/livedata.txt): POST /api/identity/v1/session takes JSON
// {grantType:"clientCredentials", clientId, clientSecret} (lines 19-27) or a form-encoded
// username/password (lines 32-33). Answers carry `expiresAt` as a UTC timestamp without a zone,
// with microseconds (line 29); the password variant names the token `access_token` (line 35).
// Endpoints need a role (line 70): 403 when the account lacks it. Long-lived `ldtkey_` API keys
// are sent as Bearer too (line 68).
import { randomBytes, randomInt } from 'node:crypto';
import { SignJWT } from 'jose';
import { startEmulator, type ClockOption, type Emulator, type EmulatorRequest, type Reply } from './kit';
import { bearerToken, json, mediaType, parseJsonObject, stringField } from './kit-requests';
import { TokenStore } from './kit-tokens';

export interface LiveDataOptions extends ClockOption {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  /** Roles the service account and the user hold on every organization. */
  roles?: string[];
  serviceLifetimeSeconds?: number;
  userLifetimeSeconds?: number;
  /** Valid API keys, e.g. ['ldtkey_12345']. They never expire and hold `roles`. */
  apiKeys?: string[];
}

const SESSION_PATH = '/api/identity/v1/session';
const PEOPLE_FIND = /^\/api\/people\/v1\/([^/]+)\/find$/;
const COMPANY = /^\/api\/companies\/v1\/([^/]+)$/;
const PEOPLE_ROLE = 'people:read';

/** "2021-11-19T23:36:09.092720": UTC, no zone, six fractional digits, as in the doc. */
export function formatLiveDataExpiry(ms: number, extraMicros = 0): string {
  const iso = new Date(ms).toISOString(); // 2021-11-19T23:36:09.092Z
  return `${iso.slice(0, 23)}${String(extraMicros).padStart(3, '0')}`;
}

export type LiveDataEmulator = Emulator;

export function startLiveData(options: LiveDataOptions): Promise<LiveDataEmulator> {
  const now = options.now ?? Date.now;
  const roles = options.roles ?? [PEOPLE_ROLE];
  const serviceLifetimeSeconds = options.serviceLifetimeSeconds ?? 900;
  const userLifetimeSeconds = options.userLifetimeSeconds ?? 3600;
  const apiKeys = new Set(options.apiKeys ?? []);
  const tokens = new TokenStore<{ subject: string }>(now);
  const signingKey = randomBytes(32);

  const issue = async (subject: string, lifetimeSeconds: number): Promise<{ token: string; expiresAt: string }> => {
    const issuedAt = Math.floor(now() / 1000);
    const token = await new SignJWT({ roles })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetimeSeconds)
      .setJti(randomBytes(8).toString('hex'))
      .sign(signingKey);
    const { expiresAt } = tokens.issue(token, lifetimeSeconds, { subject });
    // The stated time may add up to 999 µs past the real expiry: a client truncating to
    // milliseconds (as it should) lands exactly on it.
    return { token, expiresAt: formatLiveDataExpiry(expiresAt, randomInt(1000)) };
  };

  const session = async (req: EmulatorRequest): Promise<Reply> => {
    if (req.method !== 'POST') return json(405, { detail: 'Method Not Allowed' }, { allow: 'POST' });
    const type = mediaType(req.headers);
    if (type === 'application/json') {
      const body = parseJsonObject(req.body);
      if (body === undefined) return json(400, { detail: 'The body is not a JSON object.' });
      if (stringField(body, 'grantType') !== 'clientCredentials') {
        return json(400, { detail: 'grantType must be "clientCredentials".' });
      }
      if (stringField(body, 'clientId') !== options.clientId || stringField(body, 'clientSecret') !== options.clientSecret) {
        return json(401, { detail: 'Invalid client credentials.' });
      }
      const issued = await issue(options.clientId, serviceLifetimeSeconds);
      return json(200, { accessToken: issued.token, expiresAt: issued.expiresAt });
    }
    // curl -d sends application/x-www-form-urlencoded, the doc's user login (line 32).
    if (type === 'application/x-www-form-urlencoded' || type === '') {
      const form = new URLSearchParams(req.body);
      if (form.get('username') !== options.username || form.get('password') !== options.password) {
        return json(401, { detail: 'Invalid username or password.' });
      }
      const issued = await issue(options.username, userLifetimeSeconds);
      return json(200, { access_token: issued.token, expiresAt: issued.expiresAt });
    }
    return json(415, { detail: `Unsupported content type ${type}.` });
  };

  /** The caller's roles, or undefined when neither a live access token nor an API key was sent. */
  const callerRoles = (req: EmulatorRequest): string[] | undefined => {
    const sent = bearerToken(req.headers);
    if (sent !== undefined && (tokens.find(sent) !== undefined || apiKeys.has(sent))) return roles;
    return undefined;
  };

  const api = (req: EmulatorRequest): Reply => {
    const held = callerRoles(req);
    if (held === undefined) return json(401, { detail: 'Not authenticated: missing, unknown or expired token.' });
    const people = PEOPLE_FIND.exec(req.path);
    if (people && req.method === 'POST') {
      if (!held.includes(PEOPLE_ROLE)) {
        return json(403, { detail: `Missing role ${PEOPLE_ROLE} on organization ${people[1]}.` });
      }
      return json(200, { count: 1, people: [{ id: 'p_emulated', org: people[1] }] });
    }
    const company = COMPANY.exec(req.path);
    if (company && req.method === 'GET') return json(200, { id: company[1], name: 'Emulated Company' });
    return json(404, { detail: 'Not Found' });
  };

  return startEmulator(
    {
      now,
      tokenPath: SESSION_PATH,
      apiPrefix: '/api/',
      token: session,
      api,
      notFound: { detail: 'Not Found' },
      revokeAllTokens: () => tokens.revokeAll(),
    },
    {},
  );
}
