// Generic OAuth2 client-credentials emulator (shared/providers/oauth2-client-credentials.txt):
// POST /oauth/v2/token, form grant_type=client_credentials, client authenticated by
// `Authorization: Basic base64(client_id:client_secret)` (lines 21-29). The access token is a
// real RS256 JWT (lines 10-14) verifiable with the JWKS at /.well-known/jwks.json. The API
// answers 401 for a bad or expired token and 403 where the account lacks permission (line 47).
import { randomUUID } from 'node:crypto';
import { exportJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { startEmulator, type ClockOption, type Emulator, type EmulatorRequest, type Reply } from './kit';
import { basicCredentials, bearerToken, json, mediaType } from './kit-requests';
import { rs256KeyPair, TokenStore } from './kit-tokens';

export interface OAuth2ClientCredentialsOptions extends ClockOption {
  clientId: string;
  clientSecret: string;
  lifetimeSeconds?: number;
  /** Scopes a client may ask for; the token gets them all when it asks for none. Default ['api']. */
  scopesAllowed?: string[];
}

export interface OAuth2ClientCredentialsEmulator extends Emulator {
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
}

const TOKEN_PATH = '/oauth/v2/token';
const JWKS_PATH = '/.well-known/jwks.json';
const AUDIENCE = 'api';

/** RFC 6749 2.3.1 form-encodes id and secret before Basic; clients that don't are accepted too. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

export async function startOAuth2ClientCredentials(options: OAuth2ClientCredentialsOptions): Promise<OAuth2ClientCredentialsEmulator> {
  const now = options.now ?? Date.now;
  const lifetimeSeconds = options.lifetimeSeconds ?? 3600;
  const scopesAllowed = options.scopesAllowed ?? [AUDIENCE];
  const { privateKey, publicKey } = await rs256KeyPair();
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  // Live token ids: revokeAllTokens() empties it, so signed tokens that are still in date stop working.
  const issued = new TokenStore(now);
  let issuer = '';

  const clientAuthenticated = (req: EmulatorRequest): boolean => {
    const basic = basicCredentials(req.headers);
    if (basic === undefined) return false;
    const matches = (id: string, secret: string): boolean => id === options.clientId && secret === options.clientSecret;
    return matches(basic.user, basic.password) || matches(formDecode(basic.user), formDecode(basic.password));
  };

  const token = async (req: EmulatorRequest): Promise<Reply> => {
    if (req.method !== 'POST') return json(405, { error: 'invalid_request', error_description: 'Use POST.' }, { allow: 'POST' });
    if (mediaType(req.headers) !== 'application/x-www-form-urlencoded') {
      return json(400, { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded.' });
    }
    if (!clientAuthenticated(req)) {
      return json(401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="oauth"' });
    }
    const form = new URLSearchParams(req.body);
    if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
    const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const unknown = asked.filter((scope) => !scopesAllowed.includes(scope));
    if (unknown.length > 0) return json(400, { error: 'invalid_scope', error_description: `Not allowed: ${unknown.join(' ')}` });
    const jti = randomUUID();
    const issuedAt = Math.floor(now() / 1000);
    const accessToken = await new SignJWT({ scope: (asked.length > 0 ? asked : scopesAllowed).join(' ') })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setSubject(options.clientId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetimeSeconds)
      .setJti(jti)
      .sign(privateKey);
    issued.issue(jti, lifetimeSeconds, undefined);
    return json(200, { token_type: 'Bearer', expires_in: lifetimeSeconds, access_token: accessToken });
  };

  const validToken = async (req: EmulatorRequest): Promise<boolean> => {
    const sent = bearerToken(req.headers);
    if (sent === undefined) return false;
    try {
      const { payload } = await jwtVerify(sent, publicKey, { issuer, audience: AUDIENCE, currentDate: new Date(now()) });
      return payload.jti !== undefined && issued.find(payload.jti) !== undefined;
    } catch {
      return false; // bad signature, malformed or expired: all mean 401 to the caller
    }
  };

  const api = async (req: EmulatorRequest): Promise<Reply> => {
    if (!(await validToken(req))) {
      return json(401, { error: 'invalid_token', message: 'Check token validity or credentials.' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
    if (req.path === '/api/v1/me') return json(200, { client_id: options.clientId });
    if (req.path === '/api/v1/admin') return json(403, { error: 'forbidden', message: 'Check account permissions and access.' });
    return json(404, { error: 'not_found' });
  };

  const emulator = await startEmulator(
    {
      now,
      tokenPath: TOKEN_PATH,
      apiPrefix: '/api/',
      token,
      api,
      other: (req) => (req.path === JWKS_PATH ? json(200, { keys: [jwk] }) : json(404, { error: 'not_found' })),
      notFound: { error: 'not_found' },
      revokeAllTokens: () => issued.revokeAll(),
    },
    { issuer: '', tokenEndpoint: '', jwksUri: '' },
  );
  issuer = emulator.url;
  emulator.issuer = issuer;
  emulator.tokenEndpoint = `${issuer}${TOKEN_PATH}`;
  emulator.jwksUri = `${issuer}${JWKS_PATH}`;
  return emulator;
}
