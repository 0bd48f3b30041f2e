// Sends one token (or refresh) request as the recipe says, reads the response, and records the
// exchange in the auth timeline with secrets masked, whatever the outcome.
import { performance } from 'node:perf_hooks';
import { buildRequest, recipeVariables, TemplateError, type BuildExtras, type BuiltRequest, type RequestRecipe, type VariableScope } from '../../../shared/recipe';
import { HttpError, type HttpClient, type HttpResponse } from '../http';
import { assertHostAllowed } from './allowed-hosts';
import { checkClientAssertionKey, isAssertionAuth, signClientAssertion } from './client-assertion';
import { diagnoseStatus, diagnoseTransport } from './diagnose';
import { TokenError } from './errors';
import { secretValues, templateErrorToTokenError, type CredentialPlan } from './plan';
import { readTokenResponse, type ReadToken } from './read-response';
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
}

export interface TokenRequestInput {
  plan: CredentialPlan;
  purpose: 'token' | 'refresh';
  /** For refresh requests: {{refreshToken}} and {{token}}. */
  builtins?: VariableScope;
}

function requestOf(input: TokenRequestInput): { request: RequestRecipe; scope: VariableScope; prefix: string } {
  const { plan, purpose } = input;
  const recipe = plan.recipe;
  if (recipe.kind !== 'token-request') throw new Error(`A ${recipe.kind} credential makes no token request`);
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
  const what = input.purpose === 'token' ? 'token request' : 'refresh request';
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

export async function sendTokenRequest(deps: TokenRequestDeps, prepared: PreparedTokenRequest): Promise<ReadToken> {
  const { input, url, what } = prepared;
  const { built, assertion } = await signed(prepared);
  const { plan, purpose } = input;
  const recipe = plan.recipe;
  if (recipe.kind !== 'token-request') throw new Error(`A ${recipe.kind} credential makes no token request`);
  const redactor = new Redactor([...secretValues(plan.env), ...Object.values(input.builtins ?? {}).map((v) => v.value)]);
  for (const header of built.headers) if (header.secret) redactor.add(header.value);
  if (assertion !== undefined) redactor.add(assertion);
  const at = deps.clock.now();
  const started = performance.now();
  let response: HttpResponse | undefined;
  let read: ReadToken | undefined;
  let failure: TokenError | undefined;
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
    if (response.status < 200 || response.status > 299) {
      failure = diagnoseStatus(response, {
        what,
        displayUrl: built.displayUrl,
        environmentName: plan.env.name,
        now,
        redactor,
        ...(recipe.troubleshooting ? { vendorAdvice: recipe.troubleshooting } : {}),
        secretNames: recipeVariables(recipe).filter((name) => plan.env.variables[name]?.secret),
      });
    } else {
      // Masked from the moment they are read: a token refused later (lifetime unreadable, expired on arrival) is still a token.
      read = readTokenResponse(response.body, response.headers['content-type'], response.status, recipe.tokenResponse, now, (secret) => redactor.add(secret));
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
  if (failure) throw failure;
  return read!;
}
