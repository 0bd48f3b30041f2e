// Signs the JWT a client authenticates with at the token endpoint (RFC 7523 section 2.2):
// `private_key_jwt` with the client's own key, `client_secret_jwt` with its secret as the HMAC key.
// A fresh assertion per request (new `jti`, short life), so a captured one cannot be replayed.
import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { resolveTemplate, TemplateError, type ClientAuth, type VariableScope } from '../../../shared/recipe';
import { TokenError } from './errors';
import { templateErrorToTokenError } from './plan';

/** Long enough for a slow token request, short enough that a leaked assertion soon dies. */
const ASSERTION_LIFETIME_SECONDS = 60;

type AssertionAuth = Extract<ClientAuth, { type: 'private-key-jwt' | 'client-secret-jwt' }>;

export function isAssertionAuth(auth: ClientAuth): auth is AssertionAuth {
  return auth.type === 'private-key-jwt' || auth.type === 'client-secret-jwt';
}

function keyProblem(why: string, hint: string): TokenError {
  return new TokenError({ code: 'client-key-invalid', message: `The client's private key cannot sign the assertion: ${why}.`, hint });
}

/** A PEM key (PKCS#8, PKCS#1 or SEC1) or a private JWK; the `kid` a JWK carries comes along. */
export function readPrivateKey(text: string): { key: KeyObject; kid?: string } {
  const trimmed = text.trim();
  if (trimmed === '') throw keyProblem('the key variable is empty', 'Store the private key (PEM or JWK) in the secret variable the recipe names.');
  if (trimmed.startsWith('{')) {
    let jwk: Record<string, unknown>;
    try {
      jwk = JSON.parse(trimmed) as Record<string, unknown>;
    } catch {
      throw keyProblem('it starts like a JWK but is not valid JSON', 'Paste the whole JWK object, including its private part ("d").');
    }
    if (jwk['d'] === undefined) throw keyProblem('this JWK holds only a public key', 'A private JWK has a "d" field; export the private key, not the public one.');
    try {
      const key = createPrivateKey({ key: jwk as never, format: 'jwk' });
      return typeof jwk['kid'] === 'string' ? { key, kid: jwk['kid'] } : { key };
    } catch {
      throw keyProblem('this JWK is not a private key Tokenbench can read', 'Use an RSA, EC (P-256/384/521) or Ed25519 private JWK.');
    }
  }
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(trimmed)) {
    throw keyProblem('the PEM key is encrypted with a passphrase', 'Store it unencrypted (the vault encrypts it): `openssl pkey -in key.pem -out plain.pem`.');
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(trimmed)) {
    throw keyProblem('it is neither a PEM private key nor a JWK', 'Paste a "-----BEGIN PRIVATE KEY-----" block or a private JWK.');
  }
  try {
    return { key: createPrivateKey({ key: trimmed, format: 'pem' }) };
  } catch {
    throw keyProblem('the PEM block could not be read', 'Check that the whole block was pasted, from -----BEGIN to -----END.');
  }
}

/** What the key type allows, so a mismatch is said before the server refuses it. */
function checkAlgorithm(key: KeyObject, algorithm: string): void {
  const type = key.asymmetricKeyType;
  const ok =
    (type === 'rsa' && /^(RS|PS)/.test(algorithm)) ||
    (type === 'rsa-pss' && algorithm.startsWith('PS')) ||
    (type === 'ec' && algorithm.startsWith('ES')) ||
    (type === 'ed25519' && algorithm === 'EdDSA');
  if (!ok) throw keyProblem(`a ${type ?? 'non-asymmetric'} key cannot sign ${algorithm}`, `Pick the algorithm that matches the key (RSA: RS256/PS256, EC: ES256..., Ed25519: EdDSA).`);
}

function resolver(scope: VariableScope, prefix: string) {
  return (template: string, field: string): string => {
    try {
      return resolveTemplate(template, scope, `${prefix}.clientAuth.${field}`).value;
    } catch (error) {
      if (error instanceof TemplateError) throw templateErrorToTokenError(error);
      throw error;
    }
  };
}

/** The signing key, checked: a key that cannot sign is a mistake found before any request or guard. */
function signingKey(auth: AssertionAuth, resolve: ReturnType<typeof resolver>): { key: KeyObject | Uint8Array; kid?: string } {
  if (auth.type === 'client-secret-jwt') {
    const secret = resolve(auth.clientSecret, 'clientSecret');
    if (secret === '') {
      throw new TokenError({ code: 'client-key-invalid', message: 'The client secret is empty, so the client assertion cannot be signed.', hint: 'Store the client secret in the secret variable the recipe names.' });
    }
    return { key: new TextEncoder().encode(secret) };
  }
  const read = readPrivateKey(resolve(auth.privateKey, 'privateKey'));
  checkAlgorithm(read.key, auth.algorithm);
  return read;
}

/** Throws the TokenError signing would, without signing. */
export function checkClientAssertionKey(auth: AssertionAuth, scope: VariableScope, prefix: string): void {
  signingKey(auth, resolver(scope, prefix));
}

/**
 * The signed assertion. `tokenUrl` is the default audience (RFC 7523 allows the token endpoint).
 * Times come from the system clock: the server checks them against its own.
 */
export async function signClientAssertion(auth: AssertionAuth, scope: VariableScope, prefix: string, tokenUrl: string): Promise<string> {
  const resolve = resolver(scope, prefix);
  const { key, kid } = signingKey(auth, resolve);
  const clientId = resolve(auth.clientId, 'clientId');
  const audience = auth.audience === undefined ? tokenUrl : resolve(auth.audience, 'audience');
  const keyId = auth.type === 'private-key-jwt' && auth.keyId !== undefined ? resolve(auth.keyId, 'keyId') : kid;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: auth.algorithm, typ: 'JWT', ...(keyId ? { kid: keyId } : {}) })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)
    .sign(key);
}
