/**
 * The demo server's two auth dialects and its one API route:
 * - `POST /oauth/token`: OAuth2 client credentials (HTTP Basic or body client auth), answering a
 *   short-lived ES256 JWT with `expires_in`; its key set is at `/.well-known/jwks.json`;
 * - `POST /session` with `{"apiKey": ...}`: a custom JSON dialect answering
 *   `{"session": {"value", "validUntil"}}`, the expiry a zone-less UTC timestamp;
 * - `GET /api/hello`: says who the caller is, given either token.
 * The signing key is generated at start, so tokens never outlive the server.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { errors, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';

export interface DemoRequest {
  method: string;
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export interface DemoReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface DemoDialectOptions {
  clientId: string;
  clientSecret: string;
  apiKey: string;
  lifetimeSeconds: number;
  sessionLifetimeSeconds?: number;
  now: () => number;
  /** The server's own URL, known once it listens. */
  issuer: () => string;
}

export const DEMO_AUDIENCE = 'tokenbench-demo-api';
export const DEMO_SCOPE = 'hello:read';
export const DEMO_SESSION_HEADER = 'x-demo-session';

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): DemoReply {
  return { status, body, headers };
}

/** Compares secrets without leaking their length or content through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function basicCredentials(headers: Record<string, string>): { user: string; password: string } | undefined {
  const match = /^basic\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const unescape = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
  try {
    return { user: unescape(decoded.slice(0, colon)), password: unescape(decoded.slice(colon + 1)) };
  } catch {
    return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
}

/** `2025-11-23T15:53:13.123`: UTC without a zone, the way some vendors write it. */
export function zonelessUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

export async function createDemoDialects(options: DemoDialectOptions) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const sessions = new Map<string, number>();
  const sessionLifetimeMs = (options.sessionLifetimeSeconds ?? options.lifetimeSeconds * 2) * 1000;

  async function oauthToken(request: DemoRequest): Promise<DemoReply> {
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return jsonReply(400, { error: 'invalid_request', error_description: 'Send the token request form-encoded.' });
    }
    const form = new URLSearchParams(request.body);
    const basic = basicCredentials(request.headers);
    const clientId = basic?.user ?? form.get('client_id') ?? '';
    const clientSecret = basic?.password ?? form.get('client_secret') ?? '';
    if (!sameSecret(clientId, options.clientId) || !sameSecret(clientSecret, options.clientSecret)) {
      return jsonReply(401, { error: 'invalid_client', error_description: 'Unknown client or wrong secret.' }, { 'www-authenticate': 'Basic realm="demo"' });
    }
    if (form.get('grant_type') !== 'client_credentials') return jsonReply(400, { error: 'unsupported_grant_type' });
    const issuedAt = Math.floor(options.now() / 1000);
    const accessToken = await new SignJWT({ scope: DEMO_SCOPE, roles: ['demo-reader'], name: 'Demo client' })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setIssuer(options.issuer())
      .setAudience(DEMO_AUDIENCE)
      .setSubject(options.clientId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + options.lifetimeSeconds)
      .setJti(randomUUID())
      .sign(privateKey);
    return jsonReply(200, { access_token: accessToken, token_type: 'Bearer', expires_in: options.lifetimeSeconds, scope: DEMO_SCOPE });
  }

  function session(request: DemoRequest): DemoReply {
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return jsonReply(400, { error: { message: 'The body must be JSON like {"apiKey": "..."}.' } });
    }
    const apiKey = body && typeof body === 'object' ? (body as Record<string, unknown>).apiKey : undefined;
    if (typeof apiKey !== 'string' || !sameSecret(apiKey, options.apiKey)) return jsonReply(401, { error: { message: 'Unknown API key.' } });
    const now = options.now();
    for (const [value, expiresAt] of sessions) if (expiresAt <= now) sessions.delete(value);
    const value = randomBytes(24).toString('hex');
    const validUntil = now + sessionLifetimeMs;
    sessions.set(value, validUntil);
    return jsonReply(200, { session: { value, validUntil: zonelessUtc(validUntil) } });
  }

  const unauthorized = (description: string) =>
    jsonReply(401, { error: 'invalid_token', error_description: description }, { 'www-authenticate': `Bearer realm="demo", error="invalid_token", error_description="${description}"` });

  async function hello(request: DemoRequest): Promise<DemoReply> {
    const sessionValue = request.headers[DEMO_SESSION_HEADER];
    if (sessionValue) {
      const expiresAt = sessions.get(sessionValue);
      if (expiresAt === undefined) return unauthorized('Unknown session.');
      if (expiresAt <= options.now()) return unauthorized('The session expired.');
      return jsonReply(200, { hello: 'the holder of the demo API key', via: 'custom JSON session', validUntil: zonelessUtc(expiresAt) });
    }
    const bearer = /^bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer) return unauthorized('No token: send Authorization: Bearer <token> or the X-Demo-Session header.');
    try {
      const { payload } = await jwtVerify(bearer, publicKey, { issuer: options.issuer(), audience: DEMO_AUDIENCE, currentDate: new Date(options.now()) });
      return jsonReply(200, { hello: `client ${payload.sub}`, via: 'OAuth2 client credentials (JWT)', scope: payload.scope, expiresAt: new Date(payload.exp! * 1000).toISOString() });
    } catch (error) {
      return unauthorized(error instanceof errors.JWTExpired ? 'The access token expired.' : 'The access token is not valid here.');
    }
  }

  return {
    async route(request: DemoRequest): Promise<DemoReply> {
      const route = `${request.method} ${request.path}`;
      switch (route) {
        case 'POST /oauth/token':
          return oauthToken(request);
        case 'POST /session':
          return session(request);
        case 'GET /.well-known/jwks.json':
          return jsonReply(200, { keys: [jwk] });
        case 'GET /api/hello':
          return hello(request);
        default:
          return jsonReply(404, { error: 'not_found', error_description: `The demo has no ${route}.` });
      }
    },
  };
}
