// Proof of possession for sender-constrained tokens (DPoP, RFC 9449). Each environment x
// credential has its own key pair, made on first use and kept sealed in the vault: the token the
// server issues is bound to the key's thumbprint (`cnf.jkt`), so the key must outlive restarts.
// Every token request and API call carries a fresh proof (a JWT signed by the key) for its
// method and URL; servers may demand a nonce, which is remembered per origin in memory only.
import { createHash, randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { DpopOption } from '../../../shared/recipe';
import type { HttpResponse } from '../http';
import { TokenError } from './errors';
import type { TokenKey } from './types';

/** Where proof keys persist: the vault seals them (vault/proof-keys.ts); tests may keep them in memory. */
export interface ProofKeyStore {
  /** The stored key as written by `set` (a JSON text), or undefined. */
  get(key: TokenKey): Promise<string | undefined>;
  set(key: TokenKey, stored: string): Promise<void>;
}

export function createMemoryProofKeyStore(): ProofKeyStore {
  const keys = new Map<string, string>();
  const id = (key: TokenKey) => JSON.stringify([key.environmentId, key.credentialId]);
  return {
    get: async (key) => keys.get(id(key)),
    set: async (key, stored) => void keys.set(id(key), stored),
  };
}

interface StoredProofKey {
  algorithm: DpopOption['algorithm'];
  privateJwk: JWK;
}

export interface ProofKey {
  algorithm: DpopOption['algorithm'];
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** The key's JWK SHA-256 thumbprint (RFC 7638): the `cnf.jkt` of the tokens bound to it. */
  thumbprint: string;
}

/** What a proof is for: the request's method and URL, the nonce the server asked for, the token it goes with. */
export interface ProofTarget {
  method: string;
  url: string;
  nonce?: string;
  /** API calls only: the proof's `ath` is this token's SHA-256. */
  accessToken?: string;
}

/** `htu` is the URL without query and fragment (RFC 9449 section 4.2). */
export function proofUrl(url: string): string {
  const target = new URL(url);
  return `${target.origin}${target.pathname}`;
}

/** `ath`: base64url SHA-256 of the access token (RFC 9449 section 4.2). */
export function accessTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

async function toProofKey(stored: StoredProofKey): Promise<ProofKey> {
  const privateKey = (await importJWK(stored.privateJwk, stored.algorithm)) as CryptoKey;
  const publicJwk = Object.fromEntries(PUBLIC_MEMBERS.filter((m) => stored.privateJwk[m] !== undefined).map((m) => [m, stored.privateJwk[m]])) as JWK;
  return { algorithm: stored.algorithm, privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk, 'sha256') };
}

function readStored(text: string): StoredProofKey | undefined {
  try {
    const stored = JSON.parse(text) as Partial<StoredProofKey>;
    if (typeof stored.algorithm === 'string' && stored.privateJwk && typeof stored.privateJwk === 'object') return stored as StoredProofKey;
  } catch {
    // unreadable: reported by the caller
  }
  return undefined;
}

/**
 * The proof keys and the servers' latest nonces for one engine. Keys are looked up in the store
 * before one is made: the app and the CLI share the key of a data folder.
 */
export class DpopProofs {
  private readonly keys = new Map<string, Promise<ProofKey>>();
  private readonly nonces = new Map<string, string>();

  constructor(private readonly store: ProofKeyStore, private readonly remember: (secret: string) => void = () => {}) {}

  /** The key of `key` for `algorithm`: the stored one, or a new one (stored before use). */
  keyFor(key: TokenKey, algorithm: DpopOption['algorithm']): Promise<ProofKey> {
    const id = `${JSON.stringify([key.environmentId, key.credentialId])}:${algorithm}`;
    let found = this.keys.get(id);
    if (!found) {
      found = this.load(key, algorithm).catch((error: unknown) => {
        throw new TokenError({
          code: 'cache-failed',
          message: `The DPoP key of this credential could not be read or stored, so nothing was sent: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'Unlock the vault (the key is kept sealed in it) and check that the data folder is writable.',
        });
      });
      this.keys.set(id, found);
      // A failed read or write is tried again next time rather than remembered.
      found.catch(() => this.keys.delete(id));
    }
    return found;
  }

  private async load(key: TokenKey, algorithm: DpopOption['algorithm']): Promise<ProofKey> {
    const text = await this.store.get(key);
    const stored = text === undefined ? undefined : readStored(text);
    if (text !== undefined && !stored) throw new Error('the stored DPoP key could not be read');
    // A key made for another algorithm cannot sign this one's proofs; tokens bound to it are renewed with the new key.
    if (stored && stored.algorithm === algorithm) {
      if (typeof stored.privateJwk.d === 'string') this.remember(stored.privateJwk.d);
      return toProofKey(stored);
    }
    const { privateKey } = await generateKeyPair(algorithm, { extractable: true, ...(algorithm === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
    const privateJwk = await exportJWK(privateKey);
    if (typeof privateJwk.d === 'string') this.remember(privateJwk.d);
    const made: StoredProofKey = { algorithm, privateJwk };
    await this.store.set(key, JSON.stringify(made));
    return toProofKey(made);
  }

  /** A fresh proof: new `jti`, `iat` now (the server checks it against its own clock, so the system clock). */
  async proof(key: ProofKey, target: ProofTarget): Promise<string> {
    const nonce = target.nonce ?? this.nonces.get(new URL(target.url).origin);
    return new SignJWT({
      htm: target.method.toUpperCase(),
      htu: proofUrl(target.url),
      ...(nonce !== undefined ? { nonce } : {}),
      ...(target.accessToken !== undefined ? { ath: accessTokenHash(target.accessToken) } : {}),
    })
      .setProtectedHeader({ typ: 'dpop+jwt', alg: key.algorithm, jwk: key.publicJwk })
      .setJti(randomUUID())
      .setIssuedAt()
      .sign(key.privateKey);
  }

  /** Keeps the nonce a server sent (with any answer: servers may rotate it at will). */
  noteNonce(url: string, response: Pick<HttpResponse, 'headers'>): string | undefined {
    const nonce = response.headers['dpop-nonce'];
    if (nonce === undefined || nonce === '') return undefined;
    this.nonces.set(new URL(url).origin, nonce);
    return nonce;
  }
}

/** The authorization server asks for a nonce: 400 `use_dpop_nonce` with a DPoP-Nonce header (RFC 9449 section 8). */
export function tokenEndpointWantsNonce(response: HttpResponse): boolean {
  if (response.status !== 400 || !response.headers['dpop-nonce']) return false;
  try {
    return (JSON.parse(response.body.toString('utf8')) as { error?: unknown }).error === 'use_dpop_nonce';
  } catch {
    return false;
  }
}

/** A resource server asks for a nonce: 401 with `WWW-Authenticate: DPoP error="use_dpop_nonce"` (RFC 9449 section 9). */
export function resourceWantsNonce(response: HttpResponse): boolean {
  const challenge = response.headers['www-authenticate'] ?? '';
  return response.status === 401 && Boolean(response.headers['dpop-nonce']) && /\bDPoP\b/i.test(challenge) && /error\s*=\s*"?use_dpop_nonce"?/i.test(challenge);
}
