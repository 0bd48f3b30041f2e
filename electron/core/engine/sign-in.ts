// The first token of a recipe with a sign-in step: through the browser (authorization code with
// PKCE) or with a code on any device (RFC 8628). While the user is asked to act, the sign-in is
// "waiting": the dashboard shows it (with the device flow's code and link) and may cancel it.
import type { SignInWait } from '../../../shared/domain/token';
import type { TokenRequestRecipe, VariableScope } from '../../../shared/recipe';
import { authorizeInBrowser, type UserAgentPort } from './authorization-code';
import { pollUntilApproved, readPollError, requestDeviceCode } from './device-code';
import { TokenError } from './errors';
import type { CredentialPlan } from './plan';
import type { ReadToken } from './read-response';
import { prepareTokenRequest, sendTokenRequest, type PreparedTokenRequest, type TokenRequestDeps } from './token-request';
import type { TokenKey } from './types';

/** Stand-ins for what the sign-in brings, so the token request is checked before it starts. */
export function signInPlaceholders(recipe: TokenRequestRecipe): VariableScope | undefined {
  if (!recipe.authorization) return undefined;
  if (recipe.authorization.flow === 'device-code') return { deviceCode: { value: 'device-code', secret: true } };
  return {
    authorizationCode: { value: 'code', secret: true },
    codeVerifier: { value: 'verifier', secret: true },
    redirectUri: { value: 'http://127.0.0.1/callback', secret: false },
  };
}

/** The sign-ins waiting for the user, by credential key; each can be cancelled. */
export class SignIns {
  private readonly waiting = new Map<string, { wait: SignInWait; controller: AbortController }>();

  constructor(private readonly announce: (key: TokenKey, wait: SignInWait | null) => void) {}

  list(): SignInWait[] {
    return [...this.waiting.values()].map((w) => w.wait);
  }

  /** Ends the sign-in waiting for `keyString`; false when there is none. */
  cancel(keyString: string): boolean {
    const held = this.waiting.get(keyString);
    if (!held) return false;
    held.controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const { controller } of this.waiting.values()) controller.abort();
  }

  /** Runs `work` as the waiting sign-in of `plan`, announced from start to end. */
  async during<T>(plan: CredentialPlan, wait: SignInWait, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.waiting.set(plan.keyString, { wait, controller });
    this.announce(plan.key, wait);
    try {
      return await work(controller.signal);
    } finally {
      this.waiting.delete(plan.keyString);
      this.announce(plan.key, null);
    }
  }
}

export interface SignInDeps extends TokenRequestDeps {
  userAgent?: UserAgentPort;
  signIns: SignIns;
}

/** The token request as prepared, or after the user's sign-in; resolves with the token read. */
export async function firstToken(deps: SignInDeps, plan: CredentialPlan, prepared: PreparedTokenRequest): Promise<ReadToken> {
  const authorization = (plan.recipe as TokenRequestRecipe).authorization;
  if (!authorization) return sendTokenRequest(deps, prepared);
  const startedAt = deps.clock.now();
  if (authorization.flow === 'device-code') {
    const grant = await requestDeviceCode(deps, plan, authorization);
    const { prompt } = grant;
    deps.userAgent?.showUserCode?.(prompt);
    const wait: SignInWait = { key: plan.key, flow: 'device-code', startedAt, expiresAt: prompt.expiresAt, userCode: prompt.userCode, verificationUri: prompt.verificationUri, verificationUriComplete: prompt.verificationUriComplete ?? null };
    const poll = prepareTokenRequest({ plan, purpose: 'token', builtins: { deviceCode: { value: grant.deviceCode, secret: true } }, readError: readPollError });
    return deps.signIns.during(plan, wait, (signal) =>
      pollUntilApproved({ clock: deps.clock, grant, timeoutSeconds: authorization.timeoutSeconds, signal, poll: () => sendTokenRequest(deps, poll) }),
    );
  }
  const userAgent = deps.userAgent;
  if (!userAgent) {
    throw new TokenError({ code: 'authorization-failed', message: 'This credential needs you to sign in in a browser, and there is none here.', hint: 'Get the token once from the app or the CLI in a desktop session; renewals then use the refresh token.' });
  }
  const wait: SignInWait = { key: plan.key, flow: 'authorization-code', startedAt, expiresAt: startedAt + authorization.timeoutSeconds * 1000 };
  const grant = await deps.signIns.during(plan, wait, (signal) => authorizeInBrowser(plan, authorization, userAgent, signal));
  return sendTokenRequest(
    deps,
    prepareTokenRequest({
      plan,
      purpose: 'token',
      builtins: {
        authorizationCode: { value: grant.authorizationCode, secret: true },
        codeVerifier: { value: grant.codeVerifier, secret: true },
        redirectUri: { value: grant.redirectUri, secret: false },
      },
    }),
  );
}
