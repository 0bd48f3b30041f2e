// A textbook OAuth 2.0 authorization server for tests, built on the real oidc-provider package:
// client_credentials and refresh_token grants, a password grant (see password-grant.ts), the
// authorization code and device code (RFC 8628) grants with oidc-provider's own sign-in pages, client
// authentication by client_secret_basic, client_secret_post, client_secret_jwt or private_key_jwt
// (RFC 7523), OpenID Connect discovery, token introspection (RFC 7662) and revocation (RFC 7009),
// and JWT (or, when asked, opaque) access tokens (resource
// indicators with a default resource). A small protected API on the same port verifies those
// JWTs against the provider's JWKS with jose: GET /api/whoami.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, exportJWK, jwtVerify, type JWK } from 'jose';
import type { Configuration, KoaContextWithOIDC, ResourceServer } from 'oidc-provider';
import { faultReply, flatHeaders, listenOnLoopback, RequestRecord, type Emulator } from './kit';
import { json } from './kit-requests';
import { rs256KeyPair } from './kit-tokens';
import { createMemoryAdapterFactory } from './oidc-memory-adapter';
import { registerPasswordGrant, type PasswordGrantUser } from './password-grant';

export interface AuthorizationServerClient {
  clientId: string;
  /** Not for private_key_jwt clients, which hold `jwks` instead. */
  clientSecret?: string;
  /** `none`: a public client (a native app using PKCE). */
  auth: 'client_secret_basic' | 'client_secret_post' | 'client_secret_jwt' | 'private_key_jwt' | 'none';
  /**
   * A native app's redirect URIs (RFC 8252: `http://127.0.0.1/callback` matches any port): the
   * client may use the authorization code grant, and the server's sign-in pages are on.
   */
  redirectUris?: string[];
  /** The client may use the device authorization grant (RFC 8628); the server's sign-in pages are on. */
  deviceFlow?: boolean;
  /** The public keys of a private_key_jwt client. */
  jwks?: { keys: JWK[] };
  /** Space-separated scopes this client may get; default "api". */
  scope?: string;
}

export interface AuthorizationServerOptions {
  clients: AuthorizationServerClient[];
  /** Users the password grant accepts. */
  users?: PasswordGrantUser[];
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** DPoP (RFC 9449, on in oidc-provider by default): every proof must carry a server nonce. */
  requireDpopNonce?: boolean;
  /** The `interval` the device authorization endpoint states (oidc-provider states none: clients then wait 5 s). */
  devicePollIntervalSeconds?: number;
  /** How long a device code lives; default 600 s. */
  deviceCodeTtlSeconds?: number;
  /** `opaque`: access tokens the server can introspect and revoke (it refuses JWTs there); default `jwt`. */
  accessTokenFormat?: 'jwt' | 'opaque';
}

export interface AuthorizationServer extends Emulator {
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** The resource indicator (and `aud`) of every access token: the protected API's base URL. */
  resource: string;
  /** Where a device code sign-in starts (RFC 8628 3.1). */
  deviceAuthorizationEndpoint: string;
  /** GET here with `Authorization: Bearer <JWT>`: 200 with the claims, 401 otherwise. */
  whoamiUrl: string;
  /** Errors oidc-provider hit while answering (kept instead of printed). */
  readonly serverErrors: Error[];
}

type OidcModule = typeof import('oidc-provider');
let oidcModule: Promise<OidcModule> | undefined;

/** oidc-provider prints "Unsupported runtime" when loaded on Node 20 although it works there;
 * only that one import-time notice is dropped, every other warning still reaches the console. */
function loadOidcProvider(): Promise<OidcModule> {
  oidcModule ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime')) return;
      warn(...args);
    };
    try {
      return await import('oidc-provider');
    } finally {
      console.warn = warn;
    }
  })();
  return oidcModule;
}

const TOKEN_PATH = '/token';
const DEVICE_AUTHORIZATION_PATH = '/device/auth';
const JWKS_PATH = '/jwks';
const API_PREFIX = '/api/';

export async function startAuthorizationServer(options: AuthorizationServerOptions): Promise<AuthorizationServer> {
  const { default: Provider, errors } = await loadOidcProvider();
  const accessTokenTtl = options.accessTokenTtlSeconds ?? 300;
  const refreshTokenTtl = options.refreshTokenTtlSeconds ?? 24 * 3600;
  const users = options.users ?? [];
  const clientScopes = new Map(options.clients.map((c) => [c.clientId, c.scope]));
  const clientAuth = new Map(options.clients.map((c) => [c.clientId, c.auth]));
  const record = new RequestRecord();
  const serverErrors: Error[] = [];
  // Bumped by revokeAllTokens(); tokens carry the generation they were issued in.
  let generation = 0;

  let route: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = await listenOnLoopback((req, res) => route(req, res));
  const issuer = server.url;
  const resource = `${issuer}/api`;

  const { privateKey } = await rs256KeyPair();
  const signingKey = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };

  const resourceServerFor = (clientScope: string | undefined): ResourceServer => ({
    scope: clientScope ?? 'api',
    audience: resource,
    accessTokenTTL: accessTokenTtl,
    accessTokenFormat: options.accessTokenFormat ?? 'jwt',
    ...(options.accessTokenFormat === 'opaque' ? {} : { jwt: { sign: { alg: 'RS256' } } }),
  });

  const configuration: Configuration = {
    adapter: createMemoryAdapterFactory(),
    jwks: { keys: [signingKey] },
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret !== undefined ? { client_secret: c.clientSecret } : {}),
      ...(c.jwks !== undefined ? { jwks: c.jwks } : {}),
      token_endpoint_auth_method: c.auth,
      grant_types: ['client_credentials', 'refresh_token', 'password', ...(c.redirectUris ? ['authorization_code'] : []), ...(c.deviceFlow ? ['urn:ietf:params:oauth:grant-type:device_code'] : [])],
      response_types: c.redirectUris ? ['code'] : [],
      redirect_uris: c.redirectUris ?? [],
      ...(c.redirectUris ? { application_type: 'native' as const } : {}),
    })),
    findAccount: (_ctx, accountId) =>
      users.some((u) => u.username === accountId) ? { accountId, claims: () => ({ sub: accountId }) } : undefined,
    features: {
      // oidc-provider's own sign-in and consent pages: a user signs in as any name `users` lists.
      devInteractions: { enabled: options.clients.some((c) => c.redirectUris !== undefined || c.deviceFlow) },
      deviceFlow: { enabled: options.clients.some((c) => c.deviceFlow) },
      clientCredentials: { enabled: true },
      ...(options.requireDpopNonce ? { dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true } } : {}),
      // Any authenticated client may ask about or revoke its own tokens (the defaults, said explicitly).
      introspection: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: KoaContextWithOIDC, indicator: string, client) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return resourceServerFor(clientScopes.get(client.clientId));
        },
      },
    },
    extraTokenClaims: () => ({ gen: generation }),
    rotateRefreshToken: true,
    // A refresh token for every grant the client may refresh (not only with offline_access).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: accessTokenTtl,
      ClientCredentials: accessTokenTtl,
      RefreshToken: refreshTokenTtl,
      Grant: refreshTokenTtl,
      IdToken: accessTokenTtl,
      Session: refreshTokenTtl,
      Interaction: 600,
      DeviceCode: options.deviceCodeTtlSeconds ?? 600,
    },
    routes: { token: TOKEN_PATH, jwks: JWKS_PATH, device_authorization: DEVICE_AUTHORIZATION_PATH },
  };
  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx: unknown, error: Error) => serverErrors.push(error));
  registerPasswordGrant({
    provider,
    errors,
    users,
    resource,
    resourceServerFor,
    clientScope: (clientId) => clientScopes.get(clientId),
  });

  // Counts, logs and faults token requests in front of oidc-provider's own handling.
  provider.use(async (ctx, next) => {
    if (ctx.path === DEVICE_AUTHORIZATION_PATH && options.devicePollIntervalSeconds !== undefined) {
      await next();
      if (ctx.status === 200 && ctx.body !== null && typeof ctx.body === 'object') ctx.body = { ...(ctx.body as object), interval: options.devicePollIntervalSeconds };
      return;
    }
    if (ctx.path !== TOKEN_PATH) return next();
    const entry = record.logTokenRequest(Date.now(), flatHeaders(ctx.headers));
    const fault = record.faults.take();
    if (fault !== undefined) {
      if (fault.delayMs !== undefined && !(await server.wait(fault.delayMs))) return;
      const reply = faultReply(fault);
      ctx.status = reply.status;
      ctx.set(reply.headers ?? {});
      ctx.body = reply.body;
    } else {
      await next();
      const oidc = (ctx as Partial<KoaContextWithOIDC>).oidc;
      if (oidc?.body !== undefined) entry.body = new URLSearchParams(oidc.body as Record<string, string>).toString();
      const registered = oidc?.client === undefined ? undefined : clientAuth.get(oidc.client.clientId);
      const used = oidc?.body?.['client_secret'] !== undefined ? 'client_secret_post' : 'client_secret_basic';
      // oidc-provider treats client_secret_basic and _post as interchangeable; the fixture holds
      // each client to its registered method so a test sees a client that sends the wrong one.
      const heldToMethod = registered === 'client_secret_basic' || registered === 'client_secret_post';
      if (ctx.status === 200 && heldToMethod && registered !== used) {
        ctx.status = 401;
        ctx.set('www-authenticate', 'Basic realm="token"');
        ctx.body = { error: 'invalid_client', error_description: `this client must authenticate with ${registered}` };
      }
    }
    entry.status = ctx.status;
  });

  const jwks = createRemoteJWKSet(new URL(`${issuer}${JWKS_PATH}`));
  const whoami = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    record.apiRequests += 1;
    const header = req.headers.authorization ?? '';
    const token = /^bearer\s+(\S+)$/i.exec(header)?.[1];
    const reply = async (): Promise<ReturnType<typeof json>> => {
      if (new URL(req.url ?? '/', issuer).pathname !== '/api/whoami') return json(404, { error: 'not_found' });
      if (token === undefined) return json(401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer' });
      try {
        if (options.accessTokenFormat === 'opaque') {
          const found = (await provider.AccessToken.find(token)) ?? (await provider.ClientCredentials.find(token));
          if (!found?.isValid) throw new Error('unknown, expired or revoked');
          return json(200, { sub: 'accountId' in found ? found.accountId : found.clientId, client_id: found.clientId, scope: found.scope });
        }
        const { payload } = await jwtVerify(token, jwks, { issuer, audience: resource });
        if (payload['gen'] !== generation) throw new Error('revoked');
        return json(200, payload);
      } catch {
        return json(401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
      }
    };
    const { status, headers, body } = await reply();
    res.writeHead(status, headers).end(body);
  };

  const callback = provider.callback();
  route = (req, res) => {
    if ((req.url ?? '/').startsWith(API_PREFIX)) void whoami(req, res);
    else void callback(req, res);
  };

  const emulator = record.emulator(issuer, () => (generation += 1), () => server.close());
  return Object.assign(emulator, {
    issuer,
    tokenEndpoint: `${issuer}${TOKEN_PATH}`,
    deviceAuthorizationEndpoint: `${issuer}${DEVICE_AUTHORIZATION_PATH}`,
    jwksUri: `${issuer}${JWKS_PATH}`,
    resource,
    whoamiUrl: `${issuer}/api/whoami`,
    serverErrors,
  });
}
