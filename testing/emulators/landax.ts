// Landax emulator (shared/providers/landax.txt): POST /authenticate/token with the grant type in
// the query only and a JSON body (lines 19-29, 45-54); standard OAuth2 answer with a refresh
// token (line 37). Refresh tokens are single-use. The API under /api/v20 takes
// `Authorization: Bearer`, or Basic base64(username:password) where Landax enabled it (line 58).
import { randomUUID } from 'node:crypto';
import { startEmulator, type ClockOption, type Emulator, type EmulatorRequest, type Reply } from './kit';
import { basicCredentials, bearerToken, json, mediaType, parseJsonObject, stringField } from './kit-requests';
import { TokenStore } from './kit-tokens';

export interface LandaxOptions extends ClockOption {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  lifetimeSeconds?: number;
  /** Refresh tokens live this long (default 14 days). */
  refreshLifetimeSeconds?: number;
  basicAuthEnabled?: boolean;
}

export interface LandaxEmulator extends Emulator {
  /** Successful grant_type=refresh_token requests. */
  readonly refreshGrants: number;
}

const TOKEN_PATH = '/authenticate/token';
const API_PREFIX = '/api/v20/';

export function startLandax(options: LandaxOptions): Promise<LandaxEmulator> {
  const now = options.now ?? Date.now;
  const lifetimeSeconds = options.lifetimeSeconds ?? 3600;
  const refreshLifetimeSeconds = options.refreshLifetimeSeconds ?? 14 * 24 * 3600;
  const accessTokens = new TokenStore(now);
  const refreshTokens = new TokenStore(now);
  let refreshGrants = 0;

  const issueTokens = (): Reply => {
    const access = accessTokens.issue(randomUUID(), lifetimeSeconds, undefined);
    const refresh = refreshTokens.issue(randomUUID(), refreshLifetimeSeconds, undefined);
    return json(200, { access_token: access.value, expires_in: lifetimeSeconds, token_type: 'bearer', scope: 'api', refresh_token: refresh.value });
  };

  const token = (req: EmulatorRequest): Reply => {
    if (req.method !== 'POST') return json(405, { error: 'invalid_request', error_description: 'Use POST.' }, { allow: 'POST' });
    if (mediaType(req.headers) !== 'application/json') {
      return json(415, { error: 'invalid_request', error_description: 'Content-Type must be application/json.' });
    }
    const grantType = req.query.get('grant_type');
    if (grantType !== 'password' && grantType !== 'refresh_token') {
      return json(400, { error: 'unsupported_grant_type' });
    }
    const body = parseJsonObject(req.body);
    if (body === undefined) return json(400, { error: 'invalid_request', error_description: 'The body is not a JSON object.' });
    if (stringField(body, 'client_id') !== options.clientId || stringField(body, 'client_secret') !== options.clientSecret) {
      return json(401, { error: 'invalid_client' });
    }
    if (grantType === 'password') {
      if (stringField(body, 'username') !== options.username || stringField(body, 'password') !== options.password) {
        return json(401, { error: 'invalid_grant' });
      }
      return issueTokens();
    }
    const refreshToken = stringField(body, 'refresh_token');
    if (refreshTokens.find(refreshToken) === undefined) return json(401, { error: 'invalid_grant' });
    refreshTokens.delete(refreshToken!);
    refreshGrants += 1;
    return issueTokens();
  };

  const authorized = (req: EmulatorRequest): boolean => {
    if (accessTokens.find(bearerToken(req.headers)) !== undefined) return true;
    const basic = options.basicAuthEnabled ? basicCredentials(req.headers) : undefined;
    return basic !== undefined && basic.user === options.username && basic.password === options.password;
  };

  const api = (req: EmulatorRequest): Reply => {
    if (!authorized(req)) return json(401, { Message: 'Authorization has been denied for this request.' });
    if (req.path === '/api/v20/Projects') return json(200, { value: [{ Id: 1, Name: 'Emulated project' }] });
    return json(200, { path: req.path, value: [] });
  };

  return startEmulator(
    {
      now,
      tokenPath: TOKEN_PATH,
      apiPrefix: API_PREFIX,
      token,
      api,
      notFound: { Message: 'Not found.' },
      revokeAllTokens() {
        accessTokens.revokeAll();
      },
    },
    {
      get refreshGrants() {
        return refreshGrants;
      },
    },
  );
}
