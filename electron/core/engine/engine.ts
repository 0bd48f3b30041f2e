// The token engine: the one object the main process, the CLI and tests use to get tokens for an
// environment x credential and to make authenticated API calls. Electron-free.
//
//   const engine = createTokenEngine({ cache, guards?, timeline?, clock?, http? });
//   await engine.getToken(env, cred, { forceRenew?, interactive? }) -> IssuedToken (main process only)
//   await engine.authenticatedRequest(env, cred, request)  -> { response, renewedAfter401, sentHeaders, sentUrl }
//   await engine.status(env, cred)                         -> TokenStatus (no secrets: safe for the renderer)
//   await engine.forget({ environmentId, credentialId })
//   await engine.introspect(env, cred, kind)             -> what the auth service says about the held token (RFC 7662)
//   await engine.revoke(env, cred, kinds)                -> revokes the held tokens (RFC 7009), then forgets them
//   engine.previewTokenRequest(variables, recipe)          -> masked preview (same as shared/recipe's)
//   engine.onChange(key => ...)                            -> unsubscribe; fires on new tokens, failures,
//                                                             forget, and when a token enters its renewal margin or expires
//   engine.onSignIn((key, wait) => ...)                    -> a sign-in waits for the user (wait), or no longer (null)
//   engine.signIns() / engine.cancelSignIn(key)            -> the sign-ins waiting now; stop one
//   engine.timeline.list() / entry.toCurl({ reveal })
//   engine.dispose()                                       -> cancels timers, closes its own HTTP client
//
// Every failure is a TokenError { code, message, hint, status?, retryAt? }; send `error.toInfo()` over IPC.
import { randomUUID } from 'node:crypto';
import { previewTokenRequest, resolveTemplate, type Recipe, type TokenRequestPreview, type VariableScope } from '../../../shared/recipe';
import type { SignInWait } from '../../../shared/domain/token';
import { createHttpClient, type HttpClient, type HttpResponse } from '../http';
import { authenticatedRequest, type ApiRequest, type AuthenticatedResponse } from './authenticated-request';
import type { UserAgentPort } from './authorization-code';
import { TokenBroker } from './broker';
import { createMemoryProofKeyStore, DpopProofs, type ProofKeyStore, type ProofTarget } from './dpop';
import { systemClock } from '../clock';
import { TokenError } from './errors';
import { createMemoryGuardStore, type GuardStore } from './guard-store';
import { tokenKeyString } from './memory-cache';
import { planFor, type CredentialPlan } from './plan';
import { staticToken } from './static-token';
import { introspectHeld, revokeHeld, type HeldTokenKind } from './token-admin';
import type { TokenIntrospection } from '../../../shared/domain/token-admin';
import { describeStatus } from './status';
import { createMemoryTimeline, type Timeline, type TimelineSink } from './timeline';
import type { CachedToken, Clock, EngineCredential, EngineEnvironment, IssuedToken, TokenCache, TokenKey, TokenStatus, TokenUse } from './types';

export interface TokenEngineOptions {
  cache: TokenCache;
  /** The guard's history and turn-taking, shared by every process on a data folder; default this process only. */
  guards?: GuardStore;
  /** Where token requests are recorded; default an in-memory ring buffer (engine.timeline). */
  timeline?: TimelineSink;
  clock?: Clock;
  http?: HttpClient;
  /** Where the user signs in for recipes with an authorization step (the system browser). */
  userAgent?: UserAgentPort;
  /** Where DPoP proof keys persist (the vault); default this process's memory. */
  proofKeys?: ProofKeyStore;
  /** Called with each private key value read or made, so logs and errors mask it. */
  rememberSecret?: (secret: string) => void;
}

export interface TokenEngine {
  /** `interactive: false`: never opens the browser for a sign-in (renewals nobody asked for). */
  getToken(env: EngineEnvironment, cred: EngineCredential, options?: { forceRenew?: boolean; interactive?: boolean }): Promise<IssuedToken>;
  authenticatedRequest(env: EngineEnvironment, cred: EngineCredential, request: ApiRequest): Promise<AuthenticatedResponse>;
  status(env: EngineEnvironment, cred: EngineCredential): Promise<TokenStatus>;
  forget(key: TokenKey): Promise<void>;
  introspect(env: EngineEnvironment, cred: EngineCredential, kind: HeldTokenKind): Promise<TokenIntrospection>;
  /** Revokes each held token of `kinds` in turn, then forgets the cached token (so the next use gets a new one). */
  revoke(env: EngineEnvironment, cred: EngineCredential, kinds: HeldTokenKind[]): Promise<void>;
  previewTokenRequest(variables: VariableScope, recipe: Recipe): TokenRequestPreview;
  onChange(listener: (key: TokenKey) => void): () => void;
  /** Fires when a sign-in starts waiting for the user and again (with null) when it ends. */
  onSignIn(listener: (key: TokenKey, wait: SignInWait | null) => void): () => void;
  /** The sign-ins waiting for the user now (no secret: the device code stays here). */
  signIns(): SignInWait[];
  /** Stops the sign-in waiting for `key` (its token request fails as cancelled); false when none waits. */
  cancelSignIn(key: TokenKey): boolean;
  /** The default in-memory timeline, or undefined when a sink was injected. */
  readonly timeline: Timeline | undefined;
  dispose(): void;
}

function useOf(plan: CredentialPlan, token: string, tokenType: string): TokenUse {
  const scope = { ...plan.scope, token: { value: token, secret: true }, tokenType: { value: tokenType, secret: false } };
  const value = resolveTemplate(plan.recipe.use.value, scope, 'use.value').value;
  return { in: plan.recipe.use.in, name: plan.recipe.use.name, value };
}

export function createTokenEngine(options: TokenEngineOptions): TokenEngine {
  const clock = options.clock ?? systemClock;
  const ownTimeline = options.timeline ? undefined : createMemoryTimeline();
  const ownHttp = options.http ? undefined : createHttpClient();
  const http = options.http ?? ownHttp!;
  const listeners = new Set<(key: TokenKey) => void>();
  const proofs = new DpopProofs(options.proofKeys ?? createMemoryProofKeyStore(), options.rememberSecret);
  const signInListeners = new Set<(key: TokenKey, wait: SignInWait | null) => void>();
  const requests = {
    http,
    clock,
    timeline: options.timeline ?? ownTimeline!,
    // Random: the app and CLI processes append to one timeline file, and a time and a counter
    // per process would give two processes' entries the same id within one millisecond.
    nextId: () => randomUUID(),
  };
  const broker = new TokenBroker({
    cache: options.cache,
    guards: options.guards ?? createMemoryGuardStore(),
    ...requests,
    dpop: proofs,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    announceSignIn: (key, wait) => {
      for (const listener of signInListeners) listener(key, wait);
    },
    notify: (key) => {
      for (const listener of listeners) listener(key);
    },
  });

  const issue = (plan: CredentialPlan, token: Pick<CachedToken, 'token' | 'tokenType' | 'expiresAt' | 'extras'> & { issuedAt: number | null }, fromCache: boolean): IssuedToken => ({
    token: token.token,
    tokenType: token.tokenType,
    issuedAt: token.issuedAt,
    expiresAt: token.expiresAt,
    extras: { ...token.extras },
    use: useOf(plan, token.token, token.tokenType),
    fromCache,
  });

  async function tokenFor(plan: CredentialPlan, forceRenew: boolean, interactive = true): Promise<IssuedToken> {
    if (plan.recipe.kind !== 'token-request') {
      try {
        return issue(plan, { ...staticToken(plan), issuedAt: null, extras: {} }, true);
      } catch (error) {
        if (error instanceof TokenError) broker.recordError(plan, error);
        throw error;
      }
    }
    const { token, fromCache } = await broker.token(plan, forceRenew, interactive);
    return issue(plan, token, fromCache);
  }

  function planOrRecord(env: EngineEnvironment, cred: EngineCredential): CredentialPlan {
    try {
      return planFor(env, cred);
    } catch (error) {
      if (error instanceof TokenError) {
        const key = { environmentId: env.id, credentialId: cred.id };
        broker.recordError({ key, keyString: tokenKeyString(key) } as CredentialPlan, error);
      }
      throw error;
    }
  }

  /** For DPoP recipes, the proofs API calls carry (each signed with the credential's key). */
  function proofsFor(plan: CredentialPlan) {
    if (plan.recipe.kind !== 'token-request' || !plan.recipe.dpop) return undefined;
    const algorithm = plan.recipe.dpop.algorithm;
    return {
      proof: async (target: ProofTarget) => proofs.proof(await proofs.keyFor(plan.key, algorithm), target),
      noteNonce: (url: string, response: HttpResponse) => void proofs.noteNonce(url, response),
    };
  }

  return {
    getToken: async (env, cred, opts = {}) => tokenFor(planOrRecord(env, cred), opts.forceRenew ?? false, opts.interactive ?? true),

    async authenticatedRequest(env, cred, request) {
      const plan = planOrRecord(env, cred);
      const dpop = proofsFor(plan);
      return authenticatedRequest(
        {
          http,
          token: () => tokenFor(plan, false),
          async renewAfterRejection(rejected) {
            if (plan.recipe.kind !== 'token-request') return undefined;
            return issue(plan, await broker.renewAfterRejection(plan, rejected.token), false);
          },
          ...(dpop ? { dpop } : {}),
        },
        env,
        request,
      );
    },

    async status(env, cred) {
      const key = { environmentId: env.id, credentialId: cred.id };
      const keyString = tokenKeyString(key);
      let plan: CredentialPlan;
      try {
        plan = planFor(env, cred);
      } catch (error) {
        if (!(error instanceof TokenError)) throw error;
        plan = { env, cred, recipe: cred.recipe, key, keyString, scope: env.variables, fingerprint: '' };
        return describeStatus({ plan, lastError: { ...error.toInfo(), at: clock.now() }, now: clock.now() });
      }
      const lastError = broker.lastError(keyString);
      if (plan.recipe.kind !== 'token-request') {
        try {
          return describeStatus({ plan, token: { ...staticToken(plan), issuedAt: null, extras: {} }, now: clock.now() });
        } catch (error) {
          if (!(error instanceof TokenError)) throw error;
          return describeStatus({ plan, lastError: { ...error.toInfo(), at: clock.now() }, now: clock.now() });
        }
      }
      let token: CachedToken | undefined;
      try {
        token = await broker.peek(plan);
      } catch (error) {
        if (!(error instanceof TokenError)) throw error;
        return describeStatus({ plan, guard: broker.guardFor(plan), lastError: { ...error.toInfo(), at: clock.now() }, now: clock.now() });
      }
      return describeStatus({ plan, ...(token ? { token } : {}), guard: broker.guardFor(plan), ...(lastError ? { lastError } : {}), now: clock.now() });
    },

    forget: (key) => broker.forget(key, tokenKeyString(key)),

    introspect: (env, cred, kind) => introspectHeld(requests, broker, planOrRecord(env, cred), kind),

    async revoke(env, cred, kinds) {
      const plan = planOrRecord(env, cred);
      let revokedAny = false;
      try {
        for (const kind of kinds) {
          await revokeHeld(requests, broker, plan, kind);
          revokedAny = true;
        }
      } finally {
        // A revoked token is useless: forget it even when a later revocation failed.
        if (revokedAny) await broker.forget(plan.key, plan.keyString);
      }
    },

    previewTokenRequest: (variables, recipe) => previewTokenRequest(recipe, variables),

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    onSignIn(listener) {
      signInListeners.add(listener);
      return () => signInListeners.delete(listener);
    },

    signIns: () => broker.signIns.list(),

    cancelSignIn: (key) => broker.signIns.cancel(tokenKeyString(key)),

    timeline: ownTimeline,

    dispose() {
      broker.dispose();
      listeners.clear();
      signInListeners.clear();
      ownHttp?.close();
    },
  };
}
