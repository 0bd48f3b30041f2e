// A small protected API that accepts only DPoP-bound access tokens (RFC 9449 section 7), checked
// with jose the way a careful resource server would: the access token against the authorization
// server's JWKS, then the proof's signature (its embedded key), `htm`, `htu`, `iat` window,
// `ath`, a `jti` never seen before, the current nonce, and the token's `cnf.jkt` = the proof key.
// GET /api/whoami answers 200 with the token's claims; every refusal says why (and is kept).
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { calculateJwkThumbprint, createRemoteJWKSet, EmbeddedJWK, jwtVerify, type JWTPayload } from 'jose';
import { listenOnLoopback } from './kit';

export interface DpopResourceServerOptions {
  /** The authorization server that issues the (JWT) access tokens. */
  issuer: string;
  jwksUri: string;
  /** The `aud` access tokens must carry. */
  audience: string;
  /** Proofs must carry the nonce this server hands out (RFC 9449 section 9). */
  requireNonce?: boolean;
}

export interface DpopResourceServer {
  url: string;
  whoamiUrl: string;
  /** Why each refused request was refused, in order. */
  readonly refusals: string[];
  /** Proofs of accepted requests, in order. */
  readonly accepted: string[];
  /** Hands out a new nonce: proofs with the old one are then answered with use_dpop_nonce. */
  rotateNonce(): void;
  close(): Promise<void>;
}

const IAT_WINDOW_SECONDS = 60;

class Refusal extends Error {
  constructor(readonly error: 'invalid_token' | 'invalid_dpop_proof' | 'use_dpop_nonce', reason: string) {
    super(reason);
  }
}

export async function startDpopResourceServer(options: DpopResourceServerOptions): Promise<DpopResourceServer> {
  const jwks = createRemoteJWKSet(new URL(options.jwksUri));
  const seen = new Set<string>();
  const refusals: string[] = [];
  const accepted: string[] = [];
  let nonce = randomBytes(16).toString('base64url');
  let base = '';

  async function check(req: IncomingMessage): Promise<JWTPayload> {
    const authorization = req.headers.authorization ?? '';
    const token = /^dpop\s+(\S+)$/i.exec(authorization)?.[1];
    if (token === undefined) throw new Refusal('invalid_token', /^bearer\s/i.test(authorization) ? 'a DPoP-bound token was sent as Bearer' : 'no DPoP access token');
    const proof = req.headers['dpop'];
    if (typeof proof !== 'string' || proof.includes(',')) throw new Refusal('invalid_dpop_proof', 'not exactly one DPoP proof');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, jwks, { issuer: options.issuer, audience: options.audience }));
    } catch (error) {
      throw new Refusal('invalid_token', `access token: ${(error as Error).message}`);
    }
    let verified;
    try {
      verified = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256', 'ES384', 'ES512', 'EdDSA', 'PS256', 'RS256'] });
    } catch (error) {
      throw new Refusal('invalid_dpop_proof', `proof signature: ${(error as Error).message}`);
    }
    const { payload, protectedHeader } = verified;
    const url = new URL(req.url ?? '/', base);
    if (payload['htm'] !== req.method) throw new Refusal('invalid_dpop_proof', 'htm mismatch');
    if (payload['htu'] !== `${url.origin}${url.pathname}`) throw new Refusal('invalid_dpop_proof', 'htu mismatch');
    if (typeof payload.iat !== 'number' || Math.abs(Date.now() / 1000 - payload.iat) > IAT_WINDOW_SECONDS) throw new Refusal('invalid_dpop_proof', 'iat outside the window');
    if (payload['ath'] !== createHash('sha256').update(token).digest('base64url')) throw new Refusal('invalid_dpop_proof', 'ath mismatch');
    if (options.requireNonce && payload['nonce'] !== nonce) throw new Refusal('use_dpop_nonce', payload['nonce'] === undefined ? 'nonce missing' : 'nonce stale');
    if (typeof payload.jti !== 'string' || seen.has(payload.jti)) throw new Refusal('invalid_dpop_proof', 'jti replayed');
    seen.add(payload.jti);
    const jkt = await calculateJwkThumbprint(protectedHeader.jwk!, 'sha256');
    if ((claims['cnf'] as { jkt?: unknown } | undefined)?.jkt !== jkt) throw new Refusal('invalid_token', 'cnf.jkt does not match the proof key');
    accepted.push(proof);
    return claims;
  }

  const server = await listenOnLoopback((req, res) => {
    void (async () => {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.requireNonce ? { 'dpop-nonce': nonce } : {}) };
      if (new URL(req.url ?? '/', base).pathname !== '/api/whoami') {
        res.writeHead(404, headers).end('{"error":"not_found"}');
        return;
      }
      try {
        const claims = await check(req);
        res.writeHead(200, headers).end(JSON.stringify(claims));
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        refusals.push(error.message);
        const challenge = `DPoP error="${error.error}", error_description="${error.message}", algs="ES256 ES384 ES512 EdDSA PS256 RS256"`;
        res.writeHead(401, { ...headers, 'www-authenticate': challenge }).end(JSON.stringify({ error: error.error, error_description: error.message }));
      }
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  base = server.url;
  return {
    url: server.url,
    whoamiUrl: `${server.url}/api/whoami`,
    refusals,
    accepted,
    rotateNonce: () => void (nonce = randomBytes(16).toString('base64url')),
    close: () => server.close(),
  };
}
