// Sends one token (or refresh) request as the recipe says, reads the response, and records the
// exchange in the auth timeline with secrets masked, whatever the outcome.
import { performance } from 'node:perf_hooks';
import { buildRequest, recipeVariables, TemplateError, type BuildExtras, type BuiltRequest, type RequestRecipe, type VariableScope } from '../../../shared/recipe';
import { HttpError, type HttpClient, type HttpResponse } from '../http';
import { assertHostAllowed } from './allowed-hosts';
import { checkClientAssertionKey, isAssertionAuth, signClientAssertion } from './client-assertion';
import { diagnoseStatus, diagnoseTransport } from './diagnose';
import { tokenEndpointWantsNonce, type DpopProofs } from './dpop';
import { TokenError } from './errors';
import { secretValues, templateErrorToTokenError, type CredentialPlan } from './plan';
import { readTokenResponse, type ReadToken } from './read-response';
import type { TimelineEntryView } from '../../../shared/domain/token';
import { Redactor } from './redact';
import { timelineEntry, type TimelineSink } from './timeline';
import type { Clock } from './types';

/** Token responses are small; anything bigger is not one. */
export const TOKEN_RESPONSE_MAX_BYTES = 1024 * 1024;
const CONNECT_TIMEOUT_MS = 10_000;
const RECORDED_BODY_MAX_CHARS = 64 * 1024;

export interface TokenRequestDeps {
  http: HttpClient;
  timeline: TimelineSink;
  clock: Clock;
  nextId: () => string;
  /** Proof keys and nonces, for recipes with `dpop`. */
  dpop?: DpopProofs;
}

export interface TokenRequestInput {
  plan: CredentialPlan;
  purpose: TimelineEntryView['purpose'];
  /** For refresh requests: {{refreshToken}} and {{token}}; for introspection and revocation: {{token}}. */
  builtins?: VariableScope;
  /** A flow's own reading of an error answer (a device code poll's authorization_pending), before the usual diagnosis. */
  readError?: (response: HttpResponse) => TokenError | undefined;
  /** The request itself when it is not one of the recipe's own (introspection, revocation: token-admin.ts). */
  request?: RequestRecipe;
}

const WHAT: Record<TokenRequestInput['purpose'], string> = {
  token: 'token request',
  refresh: 'refresh request',
  'device-authorization': 'device authorization request',
  introspect: 'introspection request',
  revoke: 'revocation request',
};

/** Where a request that is not one of the recipe's own comes from, for error messages. */
const REQUEST_PREFIX: Record<TokenRequestInput['purpose'], string> = {
  token: 'tokenRequest',
  refresh: 'renewal.refreshRequest',
  'device-authorization': 'authorization',
  introspect: 'introspectionUrl',
  revoke: 'revocationUrl',
};

function requestOf(input: TokenRequestInput): { request: RequestRecipe; scope: VariableScope; prefix: string } {
  const { plan, purpose } = input;
  const recipe = plan.recipe;
  if (recipe.kind !== 'token-request') throw new Error(`A ${recipe.kind} credential makes no token request`);
  if (input.request) return { request: input.request, scope: { ...plan.scope, ...input.builtins }, prefix: REQUEST_PREFIX[purpose] };
  const request: RequestRecipe | undefined = purpose === 'token' ? recipe.tokenRequest : recipe.renewal.refreshRequest;
  if (!request) throw new Error('The recipe has no refresh request');
  const scope = input.builtins ? { ...plan.scope, ...input.builtins } : plan.scope;
  return { request, scope, prefix: purpose === 'token' ? 'tokenRequest' : 'renewal.refreshRequest' };
}

function build(input: TokenRequestInput, extras: BuildExtras = {}): BuiltRequest {
  const { request, scope, prefix } = requestOf(input);
  try {
    return buildRequest(request, scope, prefix, {}, extras);
  } catch (error) {
    if (error instanceof TemplateError) throw templateErrorToTokenError(error);
    throw error;
  }
}

function parseTarget(built: BuiltRequest, what: string): URL {
  try {
    const url = new URL(built.url);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw new TokenError({
    code: 'invalid-url',
    message: `The ${what} URL "${built.displayUrl}" is not a valid http(s) URL.`,
    hint: 'Check the URL in the recipe and the variables it uses (e.g. baseUrl must start with https://).',
  });
}

/** A token or refresh request ready to send: built, its URL checked against the allowed hosts. */
export interface PreparedTokenRequest {
  input: TokenRequestInput;
  built: BuiltRequest;
  url: URL;
  what: string;
}

/** Everything that can fail before the network: unknown variables, a bad URL, a host not allowed. */
export function prepareTokenRequest(input: TokenRequestInput): PreparedTokenRequest {
  const what = WHAT[input.purpose];
  const built = build(input);
  const url = parseTarget(built, what);
  assertHostAllowed(url, input.plan.env, what);
  const { request, scope, prefix } = requestOf(input);
  if (isAssertionAuth(request.clientAuth)) checkClientAssertionKey(request.clientAuth, scope, prefix);
  return { input, built, url, what };
}

/** The request with its client assertion signed now (each request gets its own), or as prepared. */
async function signed(prepared: PreparedTokenRequest): Promise<{ built: BuiltRequest; assertion?: string }> {
  const { request, scope, prefix } = requestOf(prepared.input);
  if (!isAssertionAuth(request.clientAuth)) return { built: prepared.built };
  const assertion = await signClientAssertion(request.clientAuth, scope, prefix, `${prepared.url.origin}${prepared.url.pathname}`);
  return { built: build(prepared.input, { clientAssertion: assertion }), assertion };
}

/**
 * The DPoP proof for this request (RFC 9449 section 5), when the recipe asks for sender-constrained
 * tokens. Only token and refresh requests carry one: introspection and revocation authenticate the
 * client, not the token's key.
 */
async function proofHeaders(deps: TokenRequestDeps, prepared: PreparedTokenRequest, built: BuiltRequest): Promise<{ headers: BuiltRequest['headers']; thumbprint?: string }> {
  const { plan, purpose } = prepared.input;
  if (plan.recipe.kind !== 'token-request' || !plan.recipe.dpop || (purpose !== 'token' && purpose !== 'refresh')) return { headers: built.headers };
  if (!deps.dpop) throw new Error('This engine has no DPoP key store');
  const key = await deps.dpop.keyFor(plan.key, plan.recipe.dpop.algorithm);
  const proof = await deps.dpop.proof(key, { method: built.method, url: built.url });
  // Not secret: a proof is signed for one method and URL, and only the key's holder can make another.
  return { headers: [...built.headers, { name: 'DPoP', value: proof, display: proof, secret: false }], thumbprint: key.thumbprint };
}

/**
 * Reads a 2xx answer; `masking.add` hides a secret the answer carries from then on, `masking.text`
 * masks what is known; `boundTo` is the DPoP key's thumbprint when the request carried a proof.
 */
export type ReadAnswer<T> = (response: HttpResponse, now: number, masking: Pick<Redactor, 'add' | 'text'>, boundTo: string | undefined) => T;

export async function sendTokenRequest(deps: TokenRequestDeps, prepared: PreparedTokenRequest): Promise<ReadToken> {
  const recipe = prepared.input.plan.recipe;
  if (recipe.kind !== 'token-request') throw new Error(`A ${recipe.kind} credential makes no token request`);
  return sendAuthServiceRequest(
    deps,
    prepared,
    (response, now, masking, boundTo) => {
      // Masked from the moment they are read: a token refused later (lifetime unreadable, expired on arrival) is still a token.
      const read = readTokenResponse(response.body, response.headers['content-type'], response.status, recipe.tokenResponse, now, (secret) => masking.add(secret));
      return recipe.dpop ? boundToken(read, boundTo, prepared.what) : read;
    },
    prepared.input.readError,
  );
}

/**
 * Sends a prepared request to the auth service and records it in the timeline, whatever the
 * outcome; `explain` may name a failure more precisely than the status alone (an OAuth error code).
 * With DPoP, a server's demand for a nonce is answered by sending it once more with the nonce.
 * Both exchanges are one attempt for the guard (the broker counts the call, not the exchanges):
 * the first answer only hands out the nonce, the server expects the second one at once (RFC 9449
 * section 8), and no third one follows, so the server sees no burst and no retry loop. The
 * timeline shows both exchanges.
 */
export async function sendAuthServiceRequest<T>(deps: TokenRequestDeps, prepared: PreparedTokenRequest, read: ReadAnswer<T>, explain?: (response: HttpResponse) => TokenError | undefined): Promise<T> {
  const first = await exchange(deps, prepared, read, explain);
  if (!first.nonceDemanded) return first.settle();
  return (await exchange(deps, prepared, read, explain)).settle();
}

interface Exchanged<T> {
  /** The server asked for a DPoP nonce, now remembered: send again. */
  nonceDemanded: boolean;
  /** The answer read, or the failure thrown. */
  settle(): T;
}

async function exchange<T>(deps: TokenRequestDeps, prepared: PreparedTokenRequest, read: ReadAnswer<T>, explain?: (response: HttpResponse) => TokenError | undefined): Promise<Exchanged<T>> {
  const { input, url, what } = prepared;
  const signedRequest = await signed(prepared);
  const { assertion } = signedRequest;
  const proof = await proofHeaders(deps, prepared, signedRequest.built);
  const built = { ...signedRequest.built, headers: proof.headers };
  const { plan, purpose } = input;
  const recipe = plan.recipe;
  if (recipe.kind !== 'token-request') throw new Error(`A ${recipe.kind} credential makes no token request`);
  const redactor = new Redactor([...secretValues(plan.env), ...Object.values(input.builtins ?? {}).map((v) => v.value)]);
  for (const header of built.headers) if (header.secret) redactor.add(header.value);
  if (assertion !== undefined) redactor.add(assertion);
  const at = deps.clock.now();
  const started = performance.now();
  let response: HttpResponse | undefined;
  let answer: T | undefined;
  let failure: TokenError | undefined;
  let nonceDemanded = false;
  try {
    response = await deps.http.send({
      method: built.method,
      url: built.url,
      headers: built.headers.map((h): [string, string] => [h.name, h.value]),
      ...(built.body !== undefined ? { body: built.body } : {}),
      timeoutMs: built.timeoutMs,
      connectTimeoutMs: Math.min(CONNECT_TIMEOUT_MS, built.timeoutMs),
      maxBodyBytes: TOKEN_RESPONSE_MAX_BYTES,
      allowInsecureTls: plan.env.allowInsecureTls,
      ...(plan.env.mutualTls ? { clientTls: plan.env.mutualTls } : {}),
      allowedHosts: plan.env.allowedHosts,
      sensitiveHeaders: built.headers.filter((h) => h.secret).map((h) => h.name),
      sensitiveBody: built.bodyHasSecrets,
    });
    const now = deps.clock.now();
    if (proof.thumbprint !== undefined) deps.dpop?.noteNonce(built.url, response);
    if (proof.thumbprint !== undefined && tokenEndpointWantsNonce(response)) {
      nonceDemanded = true;
      failure = new TokenError({ code: 'bad-request', message: `The ${what} was answered with a DPoP nonce to use (use_dpop_nonce); it is sent again with it.`, hint: 'Nothing to do: servers hand out DPoP nonces this way.', status: response.status });
    } else if (response.status < 200 || response.status > 299) {
      failure = explain?.(response) ?? diagnoseStatus(response, {
        what,
        displayUrl: built.displayUrl,
        environmentName: plan.env.name,
        now,
        redactor,
        ...(recipe.troubleshooting ? { vendorAdvice: recipe.troubleshooting } : {}),
        secretNames: recipeVariables(recipe).filter((name) => plan.env.variables[name]?.secret),
      });
    } else {
      answer = read(response, now, redactor, proof.thumbprint);
    }
  } catch (error) {
    if (error instanceof HttpError) failure = diagnoseTransport(error, { what });
    else if (error instanceof TokenError) failure = error;
    else throw error;
  }
  failure = failure?.masked((text) => redactor.text(text));

  const rawBody = response?.body;
  let maskedBody: string | undefined;
  deps.timeline.record(
    timelineEntry(
      {
        id: deps.nextId(),
        at,
        environmentId: plan.env.id,
        environmentName: plan.env.name,
        credentialId: plan.cred.id,
        credentialName: plan.cred.name,
        purpose,
        method: built.method,
        url: redactor.text(built.displayUrl),
        status: response?.status ?? null,
        durationMs: performance.now() - started,
        outcome: failure ? 'failure' : 'success',
        ...(failure ? { error: failure.toInfo() } : {}),
        // Display forms mask the values the template marked secret; the redactor also catches a secret value typed elsewhere (a host name).
        request: redactor.value({
          method: built.method,
          url: built.displayUrl,
          headers: built.headers.map((h) => ({ name: h.name, value: h.display })),
          ...(built.displayBody !== undefined ? { body: built.displayBody } : {}),
        }),
        ...(response
          ? {
              response: {
                status: response.status,
                headers: Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, redactor.text(value)])),
                // Masked on first read: most entries are never looked at, and this keeps token requests fast.
                get body() {
                  return (maskedBody ??= redactor.body(rawBody!.toString('utf8').slice(0, RECORDED_BODY_MAX_CHARS)));
                },
                redirects: response.redirects.map((r) => ({ ...r, from: redactor.text(r.from), to: redactor.text(r.to) })),
                timings: response.timings,
              },
            }
          : {}),
        warnings: plan.env.allowInsecureTls && url.protocol === 'https:'
          ? [`TLS certificate checks are disabled for environment "${plan.env.name}" (allow insecure TLS).`]
          : [],
      },
      {
        method: built.method,
        url: built.url,
        headers: built.headers.map((h) => ({ name: h.name, value: h.value })),
        ...(built.body !== undefined ? { body: built.body } : {}),
      },
      plan.env.allowInsecureTls,
    ),
  );
  if (nonceDemanded) return { nonceDemanded: true, settle: () => { throw failure!; } };
  return {
    nonceDemanded: false,
    settle: () => {
      if (failure) throw failure;
      return answer!;
    },
  };
}

/** A DPoP recipe must get a DPoP token: a Bearer one would be refused by the API (RFC 9449 section 5). */
function boundToken(read: ReadToken, thumbprint: string | undefined, what: string): ReadToken {
  if (read.tokenType.toLowerCase() !== 'dpop') {
    throw new TokenError({
      code: 'token-invalid',
      message: `The ${what} asked for a DPoP-bound token but the server answered with token type "${read.tokenType}": it did not bind the token to the key.`,
      hint: 'The server may not support DPoP for this client. Enable DPoP there, or remove the DPoP option from the recipe.',
    });
  }
  return thumbprint === undefined ? read : { ...read, boundTo: thumbprint };
}
