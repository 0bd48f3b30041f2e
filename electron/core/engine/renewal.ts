// When a token should be renewed: a margin ahead of expiry, by default the larger of 30 s and 10%
// of its lifetime, never more than half of it (or a short-lived token would never count as fresh).
import type { Recipe } from '../../../shared/recipe';
import type { CachedToken } from './types';

const MIN_DEFAULT_MARGIN_MS = 30_000;

export function renewalMarginMs(lifetimeMs: number, recipe: Recipe): number {
  const stated = recipe.kind === 'token-request' ? recipe.renewal.marginSeconds : undefined;
  const margin = stated !== undefined ? stated * 1000 : Math.max(MIN_DEFAULT_MARGIN_MS, lifetimeMs * 0.1);
  return Math.min(margin, lifetimeMs / 2);
}

/** ms epoch, or null when the token has no known expiry. */
export function renewAt(token: Pick<CachedToken, 'issuedAt' | 'expiresAt'>, recipe: Recipe): number | null {
  if (token.expiresAt === null) return null;
  const lifetime = Math.max(0, token.expiresAt - token.issuedAt);
  return token.expiresAt - renewalMarginMs(lifetime, recipe);
}
