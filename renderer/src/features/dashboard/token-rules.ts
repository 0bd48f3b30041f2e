/**
 * The dashboard's rules, kept pure so they are tested without a browser: what a token's state
 * is called, when a long-lived token or key deserves a reminder, and when the dashboard may
 * renew a token by itself (never more often than the credential's guard allows).
 */
import type { TokenState, TokenStatus } from '../../../../shared/domain/token';
import type { Recipe } from '../../../../shared/recipe';
import { duration, localDateTime, TIME } from '../../lib/time';

export const STATE_LABELS: Record<TokenState, string> = {
  valid: 'Valid',
  'renewing-soon': 'Renewing soon',
  expired: 'Expired',
  failed: 'Failed',
  'never-fetched': 'Never fetched',
  locked: 'Vault locked',
};

/** A token or key that lives this long gets reminders instead of quiet renewals (e.g. Lemonway's 90 days). */
export const LONG_LIVED_MS = 7 * TIME.DAY;
export const REMIND_WARN_MS = 14 * TIME.DAY;
export const REMIND_ALERT_MS = 3 * TIME.DAY;

export interface Reminder {
  level: 'warn' | 'alert';
  text: string;
}

export function reminder(status: Pick<TokenStatus, 'kind' | 'issuedAt' | 'expiresAt' | 'renewAt'>, now: number): Reminder | null {
  const { expiresAt } = status;
  if (expiresAt === null) return null;
  const left = expiresAt - now;
  if (left <= 0 || left > REMIND_WARN_MS) return null;
  const enteredByUser = status.kind !== 'token-request';
  const longLived = enteredByUser || (status.issuedAt !== null && expiresAt - status.issuedAt >= LONG_LIVED_MS);
  if (!longLived) return null;
  const level = left <= REMIND_ALERT_MS ? 'alert' : 'warn';
  const what = enteredByUser
    ? `This key stops working in ${duration(left)} (${localDateTime(expiresAt)}). Get a new one from the vendor and update the variable before then.`
    : `This token expires in ${duration(left)} (${localDateTime(expiresAt)}).${status.renewAt !== null ? ` Tokenbench renews it from ${localDateTime(status.renewAt)} while it runs; renew now if it will not be running then.` : ' Renew it before then.'}`;
  return { level, text: what };
}

/** After this many failures in a row the dashboard stops retrying by itself; the failure shows instead. */
export const MAX_AUTOMATIC_FAILURES = 3;

export interface RenewalContext {
  /** Since when the dashboard has been on screen: tokens that expired before are left alone. */
  visibleSince: number;
  /** The renewAt the dashboard already renewed for (a service may answer with the same token). */
  attemptedRenewAt: number | undefined;
  /** A production environment that asks before each token request: never renewed unasked. */
  confirmationNeeded: boolean;
}

/** When the dashboard should renew this token itself (ms epoch), or null for never. */
export function renewalDue(status: TokenStatus, context: RenewalContext): number | null {
  if (status.kind !== 'token-request' || status.renewAt === null || context.confirmationNeeded) return null;
  if (status.state === 'locked' || status.state === 'never-fetched') return null;
  if (status.guard.consecutiveFailures >= MAX_AUTOMATIC_FAILURES) return null;
  if (status.expiresAt !== null && status.expiresAt < context.visibleSince) return null;
  if (context.attemptedRenewAt === status.renewAt && status.lastError === null) return null;
  return Math.max(status.renewAt, status.guard.nextAttemptAt ?? 0);
}

/**
 * How API requests carry the token, as the recipe attaches it: "Authorization: Bearer <token>",
 * or the bare "Authorization: <token>" (Lengow), whatever type the token response stated.
 */
export function sentAs(use: Recipe['use'], tokenType: string | null): string {
  const value = use.value.replaceAll('{{token}}', '<token>').replaceAll('{{tokenType}}', tokenType ?? 'Bearer');
  return use.in === 'header' ? `${use.name}: ${value}` : `?${use.name}=${value}`;
}
