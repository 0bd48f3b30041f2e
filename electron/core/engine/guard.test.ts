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
});
