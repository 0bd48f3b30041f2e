// Asking the auth service about a token it issued (introspection, RFC 7662) or telling it to
// forget one (revocation, RFC 7009): a form POST of `token` and `token_type_hint` to the recipe's
// endpoint, the client authenticated exactly as in its token request (the same clientAuth, built
// and signed by token-request.ts), sent and recorded in the timeline like a token request.
import type { TokenIntrospection } from '../../../shared/domain/token-admin';
import { resolveTemplate, type RequestRecipe, type TokenRequestRecipe, type VariableScope } from '../../../shared/recipe';
import type { HttpResponse } from '../http';
import { TokenError } from './errors';
import type { CredentialPlan } from './plan';
import { prepareTokenRequest, sendAuthServiceRequest, type TokenRequestDeps } from './token-request';
import type { CachedToken } from './types';

export type TokenAdminPurpose = 'introspect' | 'revoke';
/** RFC 7009 / RFC 7662 `token_type_hint` values. */
export type HeldTokenKind = 'access_token' | 'refresh_token';

const ENDPOINT = {
  introspect: { field: 'introspectionUrl', offers: 'introspection', rfc: 'RFC 7662' },
  revoke: { field: 'revocationUrl', offers: 'revocation', rfc: 'RFC 7009' },
} as const;

const KIND_WORDS: Record<HeldTokenKind, string> = { access_token: 'access token', refresh_token: 'refresh token' };

/**
 * The request: the token request's client authentication; a client that authenticates with no
 * scheme names itself with the client_id (and client_secret) of its token request's body.
 */
export function tokenAdminRequest(recipe: TokenRequestRecipe, url: string, kind: HeldTokenKind): RequestRecipe {
  const { tokenRequest } = recipe;
  const fields: Record<string, string> = { token: '{{token}}', token_type_hint: kind };
  if (tokenRequest.clientAuth.type === 'none' && tokenRequest.body.encoding !== 'none') {
    for (const name of ['client_id', 'client_secret']) {
      const value = tokenRequest.body.fields[name];
      if (value !== undefined) fields[name] = value;
    }
  }
  return { method: 'POST', url, query: {}, headers: {}, body: { encoding: 'form', fields }, clientAuth: tokenRequest.clientAuth, timeoutSeconds: tokenRequest.timeoutSeconds };
}

function endpointOf(plan: CredentialPlan, purpose: TokenAdminPurpose): string {
  const recipe = plan.recipe;
  const { field, offers, rfc } = ENDPOINT[purpose];
  const template = recipe.kind === 'token-request' ? recipe[field] : undefined;
  // A template that resolves to nothing (an empty variable) is no endpoint either.
  if (template !== undefined && resolveTemplate(template, plan.scope, field, { unknown: 'keep' }).value.trim() !== '') return template;
  throw new TokenError({
    code: 'no-endpoint',
    message: `The auth service of “${plan.cred.name}” offers no ${offers} endpoint (${rfc}) that Tokenbench knows of.`,
    hint: `Fill it from the issuer in the credential editor ("Fill endpoints from the issuer"), or add the recipe's ${field} by hand if the service has one.`,
  });
}

function heldValue(plan: CredentialPlan, held: CachedToken | undefined, kind: HeldTokenKind): string {
  const value = kind === 'access_token' ? held?.token : held?.refreshToken;
  if (value) return value;
  throw new TokenError({
    code: 'no-token',
    message: `No ${KIND_WORDS[kind]} of “${plan.cred.name}” is held in “${plan.env.name}”.`,
    hint: kind === 'access_token' ? 'Get a token first; then ask about it.' : 'This credential holds no refresh token (its service gave none).',
  });
}

/** unsupported_token_type (RFC 7009 section 2.2.1): worth its own words, the status alone says "malformed". */
function explain(purpose: TokenAdminPurpose, kind: HeldTokenKind) {
  return (response: HttpResponse): TokenError | undefined => {
    let error: unknown;
    try {
      error = (JSON.parse(response.body.toString('utf8')) as { error?: unknown }).error;
    } catch {
      return undefined;
    }
    if (error !== 'unsupported_token_type') return undefined;
    return new TokenError({
      code: 'unsupported-token-type',
      status: response.status,
      message: `The auth service cannot ${purpose === 'introspect' ? 'introspect' : 'revoke'} this ${KIND_WORDS[kind]} (unsupported_token_type).`,
      hint: 'Services often cannot look up self-contained (JWT) access tokens, which stay valid until they expire; check the expiry instead, or revoke the refresh token.',
    });
  };
}

const TIME_CLAIMS = { exp: 'expiresAt', iat: 'issuedAt', nbf: 'notBefore' } as const;
const TEXT_CLAIMS = { scope: 'scope', client_id: 'clientId', username: 'username', token_type: 'tokenType', sub: 'subject', iss: 'issuer' } as const;

/** The introspection answer: `active` and its well-known fields; everything else as text, secrets masked. */
export function readIntrospection(response: HttpResponse, mask: (text: string) => string): TokenIntrospection {
  let answer: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    answer = parsed as Record<string, unknown>;
  } catch {
    throw new TokenError({ code: 'invalid-json', status: response.status, message: 'The introspection answer is not a JSON object.', hint: 'The introspection URL may point at something else; the auth timeline shows the answer.' });
  }
  if (typeof answer['active'] !== 'boolean') {
    throw new TokenError({ code: 'token-missing', status: response.status, message: 'The introspection answer has no "active" true or false (RFC 7662).', hint: 'Check the introspection URL; the auth timeline shows the answer.' });
  }
  const result: TokenIntrospection = { active: answer['active'], other: {} };
  for (const [name, value] of Object.entries(answer)) {
    if (name === 'active' || value === undefined || value === null) continue;
    const time = TIME_CLAIMS[name as keyof typeof TIME_CLAIMS];
    const text = TEXT_CLAIMS[name as keyof typeof TEXT_CLAIMS];
    if (time && typeof value === 'number') result[time] = value * 1000;
    else if (text && typeof value === 'string') result[text] = mask(value);
    else if (name === 'aud') result.audience = mask(Array.isArray(value) ? value.join(' ') : String(value));
    else result.other[name] = mask(typeof value === 'string' ? value : JSON.stringify(value));
  }
  return result;
}

export interface TokenAdminBroker {
  peek(plan: CredentialPlan): Promise<CachedToken | undefined>;
}

/**
 * Not spaced by the guard: the guard protects the token endpoint from a client asking for tokens
 * too often, and a revocation must never wait behind a token-request backoff (a leaked token is
 * revoked now). These requests are one per click or command, never automatic, so they cannot
 * make a client noisy by themselves. Allowed hosts apply as for token requests (prepareTokenRequest).
 */
export async function introspectHeld(deps: TokenRequestDeps, broker: TokenAdminBroker, plan: CredentialPlan, kind: HeldTokenKind): Promise<TokenIntrospection> {
  const prepared = await prepareAdmin(broker, plan, 'introspect', kind);
  return sendAuthServiceRequest(deps, prepared, (response, _now, masking) => readIntrospection(response, (text) => masking.text(text)), explain('introspect', kind));
}

/** Revokes the held token of `kind`; the caller forgets the cache afterwards. */
export async function revokeHeld(deps: TokenRequestDeps, broker: TokenAdminBroker, plan: CredentialPlan, kind: HeldTokenKind): Promise<void> {
  const prepared = await prepareAdmin(broker, plan, 'revoke', kind);
  await sendAuthServiceRequest(deps, prepared, () => undefined, explain('revoke', kind));
}

async function prepareAdmin(broker: TokenAdminBroker, plan: CredentialPlan, purpose: TokenAdminPurpose, kind: HeldTokenKind) {
  if (plan.recipe.kind !== 'token-request') {
    throw new TokenError({ code: 'no-endpoint', message: `“${plan.cred.name}” is a ${plan.recipe.kind} credential: there is no auth service to ask.`, hint: 'Introspection and revocation are for tokens an auth service issued.' });
  }
  const url = endpointOf(plan, purpose);
  const held = await broker.peek(plan);
  const token = heldValue(plan, held, kind);
  // Both held tokens are masked in what comes back, whichever one is sent.
  const builtins: VariableScope = {
    token: { value: token, secret: true },
    ...(held?.refreshToken && held.refreshToken !== token ? { heldRefreshToken: { value: held.refreshToken, secret: true } } : {}),
  };
  return prepareTokenRequest({ plan, purpose, request: tokenAdminRequest(plan.recipe, url, kind), builtins });
}
