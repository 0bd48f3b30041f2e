import { describe, expect, it } from 'vitest';
import { RequestGuard } from './guard';

const policy = { minIntervalSeconds: 5, backoffInitialSeconds: 2, backoffMaxSeconds: 60 };

describe('request guard', () => {
  it('spaces requests by the minimum interval', () => {
    const guard = new RequestGuard(policy);
    expect(guard.nextAllowedAt()).toBe(0);
    guard.begin(1000);
    guard.succeed();
    expect(guard.nextAllowedAt()).toBe(6000);
    expect(guard.reason(2000)).toMatch(/at least 5 s apart/);
  });

  it('backs off exponentially after failures, capped, and resets on success', () => {
    const guard = new RequestGuard(policy);
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 8; i++) {
      guard.begin(now);
      guard.fail();
      waits.push(guard.nextAllowedAt() - now);
      now = guard.nextAllowedAt();
    }
    expect(waits).toEqual([5000, 5000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(guard.reason(now - 1)).toMatch(/last 8 token request\(s\) failed/);
    guard.begin(now);
    guard.succeed();
    expect(guard.nextAllowedAt()).toBe(now + 5000);
  });

  it('honours Retry-After beyond its own spacing', () => {
    const guard = new RequestGuard(policy);
    guard.begin(0);
    guard.fail(120_000);
    expect(guard.nextAllowedAt()).toBe(120_000);
    expect(guard.reason(1000)).toMatch(/Retry-After/);
  });

  it('counts requests in the last hour', () => {
    const guard = new RequestGuard(policy);
    for (const at of [0, 200_000, 3_600_000, 3_700_000]) guard.begin(at);
    expect(guard.requestsInLastHour(3_700_000)).toBe(3);
  });

  it('applies a changed policy to an existing guard, keeping its history', () => {
    const guard = new RequestGuard(policy);
    guard.begin(1000);
    guard.fail();
    guard.setPolicy({ minIntervalSeconds: 30, backoffInitialSeconds: 1, backoffMaxSeconds: 4 });
    expect(guard.minIntervalSeconds).toBe(30);
    expect(guard.consecutiveFailures).toBe(1);
    expect(guard.nextAllowedAt()).toBe(31_000);
    expect(guard.reason(2000)).toBe('token requests for this credential are spaced at least 30 s apart to protect the auth service');
  });

  it('explains a wait by its real cause: backoff only when it is longer than the spacing', () => {
    const guard = new RequestGuard({ minIntervalSeconds: 5, backoffInitialSeconds: 5, backoffMaxSeconds: 60 });
    guard.begin(0);
    guard.fail();
    expect(guard.backoffMs()).toBe(5000);
    expect(guard.reason(1)).toMatch(/spaced at least 5 s apart/);
    guard.begin(5000);
    guard.fail();
    expect(guard.backoffMs()).toBe(10_000);
    expect(guard.reason(5001)).toBe('the last 2 token request(s) failed, so Tokenbench waits longer between attempts');
  });

  it('waits for Retry-After even before any attempt, keeps the later of two, and forgets it on success', () => {
    const guard = new RequestGuard(policy);
    guard.fail(50_000);
    expect(guard.nextAllowedAt()).toBe(50_000);
    guard.fail(20_000);
    expect(guard.nextAllowedAt()).toBe(50_000);
    expect(guard.reason(10_000)).toMatch(/Retry-After/);
    // Once the server's moment has passed, the reason is the guard's own.
    guard.begin(60_000);
    expect(guard.reason(60_001)).not.toMatch(/Retry-After/);
    guard.succeed();
    expect(guard.consecutiveFailures).toBe(0);
    expect(guard.nextAllowedAt()).toBe(65_000);
  });

  it('says Retry-After only while it is the latest limit', () => {
    const guard = new RequestGuard({ minIntervalSeconds: 100, backoffInitialSeconds: 1, backoffMaxSeconds: 1 });
    guard.begin(0);
    guard.fail(10_000);
    expect(guard.nextAllowedAt()).toBe(100_000);
    expect(guard.reason(5000)).not.toMatch(/Retry-After/);
  });

  it('counts requests within the hour, not at its boundary', () => {
    const guard = new RequestGuard(policy);
    guard.begin(0);
    guard.begin(3_599_999);
    expect(guard.requestsInLastHour(3_599_999)).toBe(2);
    expect(guard.requestsInLastHour(3_600_000)).toBe(1);
    guard.begin(3_600_000);
    expect(guard.requestsInLastHour(3_600_000)).toBe(2);
  });

  it('waits no backoff before the first failure, whatever the policy', () => {
    const guard = new RequestGuard({ minIntervalSeconds: 0, backoffInitialSeconds: 10, backoffMaxSeconds: 60 });
    expect(guard.backoffMs()).toBe(0);
    guard.begin(1000);
    guard.succeed();
    expect(guard.nextAllowedAt()).toBe(1000);
  });

  it('names Retry-After only while its moment lies ahead and is the latest limit, ties included', () => {
    const guard = new RequestGuard(policy);
    guard.fail(50_000);
    expect(guard.reason(49_999)).toMatch(/Retry-After/);
    expect(guard.reason(50_000)).toMatch(/spaced at least 5 s apart/);
    expect(guard.reason(60_000)).toMatch(/spaced at least 5 s apart/);
    const tie = new RequestGuard(policy);
    tie.begin(0);
    tie.fail(5000);
    expect(tie.nextAllowedAt()).toBe(5000);
    expect(tie.reason(1000)).toMatch(/Retry-After/);
  });
});

describe('the guard as a record shared between processes', () => {
  it('writes only what happened: a fresh guard has no attempt and no server wait', () => {
    expect(new RequestGuard(policy).toRecord()).toStrictEqual({ attempts: [], failures: 0 });
  });

  it('keeps the last hour of attempts, with the failures and the server\'s wait', () => {
    const guard = new RequestGuard(policy);
    guard.begin(0);
    guard.begin(1_800_000);
    guard.begin(3_600_000);
    guard.fail(4_000_000);
    expect(guard.toRecord()).toStrictEqual({ lastAttemptAt: 3_600_000, attempts: [1_800_000, 3_600_000], failures: 1, retryAfterUntil: 4_000_000 });
  });

  it('continues the history another process left, under the policy of this one, without sharing its lists', () => {
    const record = { lastAttemptAt: 10_000, attempts: [10_000], failures: 2, retryAfterUntil: 20_000 };
    const guard = RequestGuard.fromRecord({ minIntervalSeconds: 30, backoffInitialSeconds: 2, backoffMaxSeconds: 60 }, record);
    expect(guard.consecutiveFailures).toBe(2);
    expect(guard.backoffMs()).toBe(4000);
    expect(guard.nextAllowedAt()).toBe(40_000);
    expect(guard.requestsInLastHour(10_000)).toBe(1);
    guard.begin(40_000);
    expect(record.attempts).toEqual([10_000]);
    expect(guard.toRecord()).toStrictEqual({ lastAttemptAt: 40_000, attempts: [10_000, 40_000], failures: 2, retryAfterUntil: 20_000 });
    expect(RequestGuard.fromRecord(policy, undefined).toRecord()).toStrictEqual({ attempts: [], failures: 0 });
  });
});
