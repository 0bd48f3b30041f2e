// The dashboard's reminder and self-renewal rules on fixed times.
import { describe, expect, it } from 'vitest';
import type { TokenStatus } from '../../../../shared/domain/token';
import { TIME } from '../../lib/time';
import { MAX_AUTOMATIC_FAILURES, reminder, renewalDue, sentAs } from './token-rules';

const now = Date.UTC(2025, 10, 23, 12);

function status(overrides: Partial<TokenStatus>): TokenStatus {
  return {
    key: { environmentId: 'e', credentialId: 'c' },
    kind: 'token-request',
    state: 'valid',
    issuedAt: now - 20_000,
    expiresAt: now + 20_000,
    renewAt: now + 5_000,
    hasRefreshToken: false,
    serverOffers: { introspection: false, revocation: false },
    tokenType: 'Bearer',
    tokenHint: 'ab12',
    extras: {},
    tokenRequestsLastHour: 1,
    guard: { minIntervalSeconds: 5, nextAttemptAt: null, consecutiveFailures: 0 },
    lastError: null,
    ...overrides,
  };
}

describe('reminder', () => {
  it("warns 14 days ahead and alerts 3 days ahead of a 90-day token's expiry", () => {
    const lemonway = { kind: 'token-request' as const, issuedAt: now - 80 * TIME.DAY, renewAt: null };
    expect(reminder({ ...lemonway, expiresAt: now + 15 * TIME.DAY }, now)).toBeNull();
    expect(reminder({ ...lemonway, expiresAt: now + 10 * TIME.DAY }, now)?.level).toBe('warn');
    expect(reminder({ ...lemonway, expiresAt: now + 2 * TIME.DAY }, now)).toMatchObject({ level: 'alert', text: expect.stringContaining('2 d') });
    expect(reminder({ ...lemonway, expiresAt: now - 1 }, now)).toBeNull();
  });

  it('reminds about keys with a user-entered expiry, but not about short-lived tokens', () => {
    expect(reminder({ kind: 'static', issuedAt: null, expiresAt: now + 5 * TIME.DAY, renewAt: null }, now)?.text).toMatch(/Get a new one/);
    expect(reminder({ kind: 'token-request', issuedAt: now - TIME.HOUR, expiresAt: now + TIME.HOUR, renewAt: null }, now)).toBeNull();
    expect(reminder({ kind: 'static', issuedAt: null, expiresAt: null, renewAt: null }, now)).toBeNull();
  });
});

describe('renewalDue', () => {
  const context = { visibleSince: now - 60_000, attemptedRenewAt: undefined, confirmationNeeded: false };

  it('is the renewAt, pushed back to when the guard allows the next request', () => {
    expect(renewalDue(status({}), context)).toBe(now + 5_000);
    expect(renewalDue(status({ guard: { minIntervalSeconds: 30, nextAttemptAt: now + 9_000, consecutiveFailures: 0 } }), context)).toBe(now + 9_000);
  });

  it('never renews static keys, production tokens that need a confirmation, or tokens never fetched', () => {
    expect(renewalDue(status({ kind: 'static', renewAt: null }), context)).toBeNull();
    expect(renewalDue(status({}), { ...context, confirmationNeeded: true })).toBeNull();
    expect(renewalDue(status({ state: 'never-fetched' }), context)).toBeNull();
    expect(renewalDue(status({ state: 'locked' }), context)).toBeNull();
  });

  it('does not ask again when the service answered with the same token, but retries after a failure', () => {
    expect(renewalDue(status({}), { ...context, attemptedRenewAt: now + 5_000 })).toBeNull();
    const failed = status({ lastError: { code: 'server-error', message: 'm', hint: 'h', at: now }, guard: { minIntervalSeconds: 5, nextAttemptAt: now + 4_000, consecutiveFailures: 1 } });
    expect(renewalDue(failed, { ...context, attemptedRenewAt: now + 5_000 })).toBe(now + 5_000);
    expect(renewalDue(status({ guard: { minIntervalSeconds: 5, nextAttemptAt: null, consecutiveFailures: MAX_AUTOMATIC_FAILURES } }), context)).toBeNull();
  });

  it('leaves alone tokens that expired before the dashboard was on screen', () => {
    expect(renewalDue(status({ state: 'expired', expiresAt: now - 120_000, renewAt: now - 130_000 }), context)).toBeNull();
    expect(renewalDue(status({ state: 'expired', expiresAt: now - 1_000, renewAt: now - 10_000 }), context)).toBe(now - 10_000);
  });
});

describe('how the token is sent', () => {
  it('shows the header the recipe attaches, bare or with a scheme, or the query parameter', () => {
    expect(sentAs({ in: 'header', name: 'Authorization', value: '{{token}}' }, 'Bearer')).toBe('Authorization: <token>');
    expect(sentAs({ in: 'header', name: 'Authorization', value: '{{tokenType}} {{token}}' }, 'MAC')).toBe('Authorization: MAC <token>');
    expect(sentAs({ in: 'query', name: 'access_token', value: '{{token}}' }, null)).toBe('?access_token=<token>');
  });
});
