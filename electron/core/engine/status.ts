// The dashboard's view of a credential's token: state, times, hints. Built here so that nothing
// secret can slip into it: only the token's last 4 characters at most.
import { secretTail, type Recipe } from '../../../shared/recipe';
import type { TokenErrorInfo } from './errors';
import type { RequestGuard } from './guard';
import type { CredentialPlan } from './plan';
import { renewAt } from './renewal';
import type { TokenState, TokenStatus } from './types';

export interface StatusFacts {
  plan: CredentialPlan;
  token?: { token: string; tokenType: string; refreshToken?: string; issuedAt: number | null; expiresAt: number | null; extras: Record<string, string>; rejectedAt?: number };
  guard?: RequestGuard;
  lastError?: TokenErrorInfo & { at: number };
  now: number;
}

/** What the recipe says the auth service offers besides tokens (the dashboard shows only those buttons). */
export function serverOffers(recipe: Recipe): TokenStatus['serverOffers'] {
  return {
    introspection: recipe.kind === 'token-request' && Boolean(recipe.introspectionUrl),
    revocation: recipe.kind === 'token-request' && Boolean(recipe.revocationUrl),
  };
}

export function describeStatus({ plan, token, guard, lastError, now }: StatusFacts): TokenStatus {
  const usable = token !== undefined && token.rejectedAt === undefined && (token.expiresAt === null || now < token.expiresAt);
  const renewal = token && token.issuedAt !== null && token.expiresAt !== null ? renewAt({ issuedAt: token.issuedAt, expiresAt: token.expiresAt }, plan.recipe) : null;
  let state: TokenState;
  if (usable) state = renewal !== null && now >= renewal ? 'renewing-soon' : 'valid';
  else if (lastError) state = 'failed';
  else state = token ? 'expired' : 'never-fetched';
  const next = guard?.nextAllowedAt() ?? 0;
  return {
    key: plan.key,
    kind: plan.recipe.kind,
    state,
    issuedAt: token?.issuedAt ?? null,
    expiresAt: token?.expiresAt ?? null,
    renewAt: plan.recipe.kind === 'token-request' ? renewal : null,
    hasRefreshToken: token?.refreshToken !== undefined,
    serverOffers: serverOffers(plan.recipe),
    tokenType: token?.tokenType ?? null,
    tokenHint: token ? secretTail(token.token) : '',
    extras: { ...(token?.extras ?? {}) },
    tokenRequestsLastHour: guard?.requestsInLastHour(now) ?? 0,
    guard: {
      minIntervalSeconds: guard?.minIntervalSeconds ?? 0,
      nextAttemptAt: next > now ? next : null,
      consecutiveFailures: guard?.consecutiveFailures ?? 0,
    },
    lastError: lastError ?? null,
  };
}
