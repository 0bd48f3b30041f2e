/**
 * The JWT inspector: decodes a token's header and claims (no secret needed) and, when the user
 * gives a JWKS address or a key, checks its signature with jose. Runs in the main process only,
 * because it needs the token; the renderer receives the decoded `JwtInspection`.
 *
 * A signature that does not match is a result (`valid: false`); a key or JWKS that cannot be
 * used at all is an `AppError` saying what to fix, so the user never mistakes "could not check"
 * for "invalid".
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  importJWK,
  importSPKI,
  importX509,
  jwtVerify,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  type CryptoKey,
} from 'jose';
import type { IssuerMetadata } from '../../../shared/domain/discovery';
import { AppError } from '../../../shared/errors';
import type { JwtInspection } from '../../../shared/domain/token';

export interface JwtVerifyInput {
  /** An http(s) address serving a JSON Web Key Set. */
  jwksUrl?: string;
  /** An issuer whose discovery document names the JWKS; the token's `iss` must then be it. */
  issuer?: string;
  /** A PEM public key or certificate, a JWK or JWKS (JSON), or a shared secret for HS* tokens. */
  key?: string;
}

type Claims = Record<string, unknown>;
type Verifier = Uint8Array | CryptoKey | JWTVerifyGetKey;

export interface JwtInspectDeps {
  /** Reads an issuer's discovery document (for `verify.issuer`). */
  discover?: (issuer: string) => Promise<IssuerMetadata>;
}

export async function inspectJwt(token: string, verify: JwtVerifyInput = {}, deps: JwtInspectDeps = {}): Promise<JwtInspection> {
  const decoded = decode(token.trim());
  if (!decoded.ok) return { isJwt: false, reason: decoded.reason, signature: { checked: false } };
  const { header, claims } = decoded;
  const base = { isJwt: true, header, claims, times: times(claims), scopes: scopes(claims), roles: roles(claims) };
  if (verify.issuer) verify = { jwksUrl: await discoveredJwks(verify.issuer, deps), issuer: verify.issuer };
  if (!verify.jwksUrl && !verify.key) return { ...base, signature: { checked: false } };

  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (alg === '' || alg.toLowerCase() === 'none') {
    return { ...base, signature: { checked: true, valid: false, detail: 'The token is unsigned (alg "none"): anyone could have written it.' } };
  }
  const verifier = verify.jwksUrl ? remoteKeySet(verify.jwksUrl) : await localKey(verify.key!, alg);
  return { ...base, signature: await check(token.trim(), verifier, alg, verify.jwksUrl, verify.issuer) };
}

async function discoveredJwks(issuer: string, deps: JwtInspectDeps): Promise<string> {
  if (!deps.discover) throw new Error('inspectJwt needs deps.discover to verify against an issuer');
  const metadata = await deps.discover(issuer);
  if (!metadata.jwksUri) {
    throw new AppError('not-found', `The discovery document of ${issuer} names no JWKS (jwks_uri), so its signatures cannot be checked from it.`, { hint: 'Give the JWKS address or the public key instead.' });
  }
  return metadata.jwksUri;
}

function decode(token: string): { ok: true; header: Claims; claims: Claims } | { ok: false; reason: string } {
  const parts = token.split('.');
  if (parts.length === 5) return { ok: false, reason: 'This is an encrypted JWT (JWE): its claims can only be read by the service that holds the decryption key.' };
  if (parts.length !== 3) {
    return { ok: false, reason: 'This token is not a JWT: it is an opaque value that only the issuing service can interpret, so there are no claims to show.' };
  }
  try {
    return { ok: true, header: { ...decodeProtectedHeader(token) }, claims: { ...decodeJwt(token) } };
  } catch {
    return { ok: false, reason: 'This token has three dot-separated parts like a JWT, but its header or claims are not readable JSON, so it cannot be decoded.' };
  }
}

const seconds = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined);

function times(claims: Claims): JwtInspection['times'] {
  const result: NonNullable<JwtInspection['times']> = {};
  for (const name of ['exp', 'iat', 'nbf'] as const) {
    const at = seconds(claims[name]);
    if (at !== undefined) result[name] = at;
  }
  return result;
}

const words = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function scopes(claims: Claims): string[] {
  return [...new Set([...words(claims.scope), ...words(claims.scp), ...words(claims.scopes)])];
}

const record = (value: unknown): Claims => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Claims) : {});

/** Roles as common issuers write them: `roles`/`role`, Keycloak's realm and client roles, Cognito groups. */
function roles(claims: Claims): string[] {
  const clientRoles = Object.values(record(claims.resource_access)).flatMap((client) => words(record(client).roles));
  return [...new Set([...words(claims.roles), ...words(claims.role), ...words(record(claims.realm_access).roles), ...clientRoles, ...words(claims['cognito:groups'])])];
}

function remoteKeySet(jwksUrl: string): JWTVerifyGetKey {
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw new AppError('invalid-request', 'The JWKS address is not a valid URL.', { hint: 'Paste the full address, e.g. https://auth.example.com/.well-known/jwks.json.' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid-request', 'The JWKS address must start with https:// or http://.');
  }
  return createRemoteJWKSet(url, { timeoutDuration: 5000, cooldownDuration: 0 });
}

async function localKey(key: string, alg: string): Promise<Verifier> {
  const text = key.trim();
  const unusable = (what: string) =>
    new AppError('invalid-request', `This ${what} cannot check a ${alg} signature.`, {
      hint: alg.startsWith('HS') ? 'An HS* token is checked with the shared secret itself.' : `Give the public key of the ${alg} key pair that signed the token.`,
    });
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new AppError('invalid-request', 'That is a private key. Signatures are checked with the public key.', { hint: 'Paste the public key (-----BEGIN PUBLIC KEY-----) or certificate instead, and keep the private key to yourself.' });
  }
  if (text.startsWith('-----BEGIN CERTIFICATE-----')) return importX509(text, alg).catch(() => Promise.reject(unusable('certificate')));
  if (text.startsWith('-----BEGIN PUBLIC KEY-----')) return importSPKI(text, alg).catch(() => Promise.reject(unusable('public key')));
  if (text.startsWith('-----BEGIN')) {
    throw new AppError('invalid-request', 'This PEM block is not a public key or certificate Tokenbench can read.', { hint: 'Use a "-----BEGIN PUBLIC KEY-----" (SPKI) key or a certificate; convert PKCS#1 keys with `openssl rsa -pubin -RSAPublicKey_in -pubout`.' });
  }
  if (text.startsWith('{')) return jsonKey(text, alg, unusable);
  if (alg.startsWith('HS')) return new TextEncoder().encode(key);
  throw new AppError('invalid-request', `A ${alg} signature needs a public key, and this is neither a PEM key nor a JWK.`, { hint: 'Paste a PEM public key, a certificate, a JWK or a JWKS, or give the JWKS address instead.' });
}

async function jsonKey(text: string, alg: string, unusable: (what: string) => AppError): Promise<Verifier> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('invalid-request', 'The key starts like JSON but is not valid JSON.', { hint: 'Paste the whole JWK or JWKS object.' });
  }
  const object = record(parsed);
  if (Array.isArray(object.keys)) return createLocalJWKSet(object as unknown as JSONWebKeySet);
  if (object.d !== undefined) throw new AppError('invalid-request', 'That JWK contains a private key. Signatures are checked with the public part only.', { hint: 'Remove the private fields (d, p, q, dp, dq, qi) or export the public JWK.' });
  return importJWK(object as JWK, alg).catch(() => Promise.reject(unusable('JWK')));
}

async function check(token: string, verifier: Verifier, alg: string, jwksUrl: string | undefined, issuer: string | undefined): Promise<Extract<JwtInspection['signature'], { checked: true }>> {
  const source = issuer ? `the keys ${issuer} publishes` : jwksUrl ? 'the JWKS' : 'this key';
  try {
    await jwtVerify(token, verifier as Parameters<typeof jwtVerify>[1], issuer ? { issuer } : {});
    return { checked: true, valid: true, detail: `The ${alg} signature matches ${source}.` };
  } catch (error) {
    // jose checks the signature before the claims: a claim error means the signature is good.
    if (error instanceof errors.JWTExpired) return { checked: true, valid: true, detail: `The ${alg} signature matches ${source}, but the token has expired.` };
    if (error instanceof errors.JWTClaimValidationFailed) return { checked: true, valid: true, detail: `The ${alg} signature matches ${source}, but a claim check failed: ${error.message}.` };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { checked: true, valid: false, detail: `The signature does not match ${source}: the token was signed with another key, or altered.` };
    if (error instanceof errors.JWKSNoMatchingKey) return { checked: true, valid: false, detail: `No key in the JWKS matches this token (kid and ${alg}): it was signed by another issuer or with a retired key.` };
    if (error instanceof errors.JOSEAlgNotAllowed) return { checked: true, valid: false, detail: `The key is not meant for ${alg} signatures.` };
    throw keyProblem(error, jwksUrl);
  }
}

function keyProblem(error: unknown, jwksUrl: string | undefined): AppError {
  const why = error instanceof Error ? error.message : String(error);
  if (!jwksUrl) return new AppError('invalid-request', `The signature could not be checked with this key: ${why}.`, { hint: 'Check that the key belongs to the service that issued the token.' });
  const where = safeAddress(jwksUrl);
  if (error instanceof errors.JWKSTimeout) return new AppError('request-error', `The JWKS at ${where} did not answer within 5 seconds.`, { hint: 'Check the address and your connection, then try again.' });
  if (error instanceof errors.JWKSInvalid) return new AppError('request-error', `The answer from ${where} is not a JSON Web Key Set.`, { hint: 'Check the address: it usually ends in /.well-known/jwks.json or /certs.' });
  return new AppError('request-error', `The JWKS at ${where} could not be read: ${why}.`, { hint: 'Check the address (it usually ends in /.well-known/jwks.json or /certs) and that the service is reachable.' });
}

/** The address without its query or credentials, which could carry secrets. */
function safeAddress(text: string): string {
  const url = new URL(text);
  return `${url.protocol}//${url.host}${url.pathname}`;
}
