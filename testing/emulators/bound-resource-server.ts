// A small protected API for mutual-TLS tests: HTTPS with client certificates required, and every
// access token checked the RFC 8705 way: signed by the authorization server, for this audience,
// and bound (`cnf.x5t#S256`) to the very certificate presented on this connection.
// GET /api/whoami answers 200 with the claims and the thumbprint seen; 401 otherwise.
import { createHash } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import { listenMutualTls } from './mtls-authorization-server';

export interface BoundResourceServer {
  url: string;
  whoamiUrl: string;
  close(): Promise<void>;
}

/** The RFC 8705 thumbprint: base64url of the SHA-256 of the DER certificate. */
export function certificateThumbprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('base64url');
}

export async function startBoundResourceServer(options: { server: { key: string; cert: string }; clientCa: string; issuer: string; audience: string; publicJwk: JWK }): Promise<BoundResourceServer> {
  const keys = createLocalJWKSet({ keys: [options.publicJwk] });
  const reply = (res: Parameters<Parameters<typeof listenMutualTls>[1]>[1], status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  const listening = await listenMutualTls({ ...options.server, clientCa: options.clientCa }, (req, res) => {
    void (async () => {
      if (new URL(req.url ?? '/', 'https://x').pathname !== '/api/whoami') return reply(res, 404, { error: 'not_found' });
      const token = /^bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const presented = (req.socket as TLSSocket).getPeerX509Certificate();
      const thumbprint = presented ? certificateThumbprint(presented.raw) : null;
      const refuse = (description: string) => reply(res, 401, { error: 'invalid_token', error_description: description }, { 'www-authenticate': `Bearer error="invalid_token", error_description="${description}"` });
      if (!token) return refuse('no access token');
      try {
        const { payload } = await jwtVerify(token, keys, { issuer: options.issuer, audience: options.audience });
        const bound = (payload['cnf'] as Record<string, unknown> | undefined)?.['x5t#S256'];
        if (bound === undefined) return refuse('the access token is not bound to a certificate');
        if (bound !== thumbprint) return refuse('the access token is bound to another client certificate');
        return reply(res, 200, { ...payload, presentedThumbprint: thumbprint });
      } catch {
        return refuse('the access token does not verify');
      }
    })();
  });
  return { url: listening.url, whoamiUrl: `${listening.url}/api/whoami`, close: () => listening.close() };
}
