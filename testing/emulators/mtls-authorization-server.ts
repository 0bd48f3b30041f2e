// A mutual-TLS authorization server for tests (RFC 8705), on the real oidc-provider package: HTTPS
// on 127.0.0.1 with a server certificate from a private CA, client certificates required and
// checked against a client CA in the handshake, `tls_client_auth` client authentication (the
// certificate's subject must be the one registered) and certificate-bound JWT access tokens
// (`cnf.x5t#S256`). Its public signing key is handed out so a resource server can verify tokens.
import { randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { exportJWK, type JWK } from 'jose';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { makeClientCertificates, makeTestCertificates } from '../certificates';
import { createMemoryAdapterFactory } from './oidc-memory-adapter';
import { rs256KeyPair } from './kit-tokens';

export interface MutualTlsAuthorizationServerOptions {
  /** The server's own certificate (signed by a CA the client may or may not trust). */
  server: { key: string; cert: string };
  /** The CA whose client certificates the handshake accepts. */
  clientCa: string;
  /** Registered tls_client_auth clients: the subject DN their certificate must carry, e.g. "CN=client". */
  clients: Array<{ clientId: string; subjectDn: string }>;
}

export interface MutualTlsAuthorizationServer {
  issuer: string;
  tokenEndpoint: string;
  /** Every access token's audience. */
  resource: string;
  /** The public key that verifies the access tokens. */
  publicJwk: JWK;
  /** Errors oidc-provider hit while answering (kept instead of printed). */
  readonly serverErrors: Error[];
  close(): Promise<void>;
}

/** Listens over HTTPS on 127.0.0.1:0, asking every client for a certificate; close() drops open connections. */
export async function listenMutualTls(
  options: { key: string; cert: string; clientCa: string },
  handler: RequestListener,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer({ key: options.key, cert: options.cert, ca: options.clientCa, requestCert: true, rejectUnauthorized: true }, handler);
  const sockets = new Set<Socket>();
  server.on('secureConnection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A refused handshake is the point of some tests, not an error of the server.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export async function startMutualTlsAuthorizationServer(options: MutualTlsAuthorizationServerOptions): Promise<MutualTlsAuthorizationServer> {
  const { default: Provider } = await import('oidc-provider');
  let callback: RequestListener = (_req, res) => res.writeHead(503).end();
  const listening = await listenMutualTls({ ...options.server, clientCa: options.clientCa }, (req, res) => callback(req, res));
  const issuer = listening.url;
  const resource = `${issuer}/api`;
  const { privateKey, publicKey } = await rs256KeyPair();
  const kid = randomUUID();
  const signingKey = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const serverErrors: Error[] = [];
  const peer = (ctx: KoaContextWithOIDC) => (ctx.req.socket as TLSSocket).getPeerX509Certificate?.();

  const configuration: Configuration = {
    adapter: createMemoryAdapterFactory(),
    jwks: { keys: [signingKey] },
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      token_endpoint_auth_method: 'tls_client_auth',
      tls_client_auth_subject_dn: c.subjectDn,
      tls_client_certificate_bound_access_tokens: true,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    })),
    clientAuthMethods: ['tls_client_auth'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      mTLS: {
        enabled: true,
        tlsClientAuth: true,
        certificateBoundAccessTokens: true,
        getCertificate: (ctx) => peer(ctx),
        certificateAuthorized: (ctx) => (ctx.req.socket as TLSSocket).authorized,
        certificateSubjectMatches: (ctx, property, expected) => property === 'tls_client_auth_subject_dn' && peer(ctx)?.subject === expected,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'api', audience: resource, accessTokenTTL: 300, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    ttl: { AccessToken: 300, ClientCredentials: 300 },
    routes: { token: '/token' },
  };
  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx: unknown, error: Error) => serverErrors.push(error));
  callback = provider.callback();
  return {
    issuer,
    tokenEndpoint: `${issuer}/token`,
    resource,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256' },
    serverErrors,
    close: () => listening.close(),
  };
}

/** Fresh certificates, and a server whose one client `clientId` authenticates with the kit's CN=client certificate. */
export async function startMutualTlsWorld(clientId: string) {
  const serverCerts = makeTestCertificates();
  const clientCerts = makeClientCertificates();
  const auth = await startMutualTlsAuthorizationServer({ server: serverCerts.valid, clientCa: clientCerts.ca, clients: [{ clientId, subjectDn: 'CN=client' }] });
  return { serverCerts, clientCerts, auth };
}
