// Lemonway emulator (shared/providers/lemonway.txt), one instance per environment (line 134:
// sandbox and prod each need their own token). POST /oauth/api/v1/oauth/token with
// `Authorization: basic <raw API key>` and form field `Grant_type=client_credentials` (lines
// 83-98) answers {"token_Type","access_token","expires_in"} (lines 104-108). While the token
// lives, asking again returns it with its remaining time; an expired one is replaced (159-163).
// Status codes follow the doc's table (lines 142-153): 400 syntax, 401 key, 404 path.
import { randomUUID } from 'node:crypto';
import { startEmulator, type ClockOption, type Emulator, type EmulatorRequest, type Reply } from './kit';
import { authorization, bearerToken, json, mediaType } from './kit-requests';
import { TokenStore } from './kit-tokens';

export type LemonwayEnvironment = 'sandbox' | 'prod';

export interface LemonwayOptions extends ClockOption {
  apiKey: string;
  environment: LemonwayEnvironment;
  lifetimeSeconds?: number;
}

export interface LemonwayEmulator extends Emulator {
  environment: LemonwayEnvironment;
}

const TOKEN_PATH = '/oauth/api/v1/oauth/token';
/** Every path under this prefix is an API resource, e.g. GET /v2/accounts/{id}. */
export const LEMONWAY_API_PREFIX = '/v2/';

export function startLemonway(options: LemonwayOptions): Promise<LemonwayEmulator> {
  const now = options.now ?? Date.now;
  const lifetimeSeconds = options.lifetimeSeconds ?? 7_776_000;
  const tokens = new TokenStore(now);
  let current: string | undefined;

  const badRequest = (description: string): Reply => json(400, { error: 'invalid_request', error_description: description });

  const token = (req: EmulatorRequest): Reply => {
    if (req.method !== 'POST') return json(405, { error: 'invalid_request', error_description: 'Use POST.' }, { allow: 'POST' });
    if (mediaType(req.headers) !== 'application/x-www-form-urlencoded') {
      return badRequest('Grant_type must be sent as formData (application/x-www-form-urlencoded).');
    }
    // The field is spelled Grant_type: lower-case grant_type is not read.
    if (new URLSearchParams(req.body).get('Grant_type') !== 'client_credentials') {
      return badRequest('Grant_type=client_credentials is required.');
    }
    const auth = authorization(req.headers);
    if (auth?.scheme !== 'basic' || auth.value !== options.apiKey) {
      return json(401, { error: 'invalid_client', error_description: 'The API key is not valid on this Authorization Server.' });
    }
    let live = tokens.find(current);
    if (live === undefined) {
      current = randomUUID();
      live = { data: undefined, expiresAt: tokens.issue(current, lifetimeSeconds, undefined).expiresAt };
    }
    const remaining = Math.max(0, Math.floor((live.expiresAt - now()) / 1000));
    return json(200, { token_Type: 'Bearer', access_token: current, expires_in: remaining });
  };

  const api = (req: EmulatorRequest): Reply => {
    if (tokens.find(bearerToken(req.headers)) === undefined) {
      return json(401, { error: 'invalid_token', error_description: 'Missing, unknown or expired Bearer token.' });
    }
    const account = /^\/v2\/accounts\/([^/]+)$/.exec(req.path);
    if (account && req.method === 'GET') return json(200, { account: { id: account[1], status: 6, environment: options.environment } });
    return json(200, { path: req.path, environment: options.environment });
  };

  return startEmulator(
    {
      now,
      tokenPath: TOKEN_PATH,
      apiPrefix: LEMONWAY_API_PREFIX,
      token,
      api,
      notFound: { error: 'not_found' },
      revokeAllTokens() {
        tokens.revokeAll();
        current = undefined;
      },
    },
    { environment: options.environment },
  );
}
