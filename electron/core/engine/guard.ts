// Protects an auth service from Tokenbench itself: a least interval between token requests,
// exponential backoff after failures (capped), and the server's Retry-After. One guard per
// environment x credential; it refuses rather than waits, and says until when. Its history is a
// plain record (GuardRecord) so that every process sharing a data folder can share one guard.
import type { GuardPolicy } from '../../../shared/recipe';
import type { GuardRecord } from './guard-store';

const HOUR_MS = 3600_000;

export class RequestGuard {
  private lastAttemptAt: number | undefined;
  private failures = 0;
  private retryAfterUntil: number | undefined;
  private attempts: number[] = [];

  constructor(private policy: GuardPolicy) {}

  /** Recipes can change between calls; the history stays. */
  setPolicy(policy: GuardPolicy): void {
    this.policy = policy;
  }

  get minIntervalSeconds(): number {
    return this.policy.minIntervalSeconds;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  backoffMs(): number {
    if (this.failures === 0) return 0;
    const initial = this.policy.backoffInitialSeconds * 1000;
    return Math.min(initial * 2 ** (this.failures - 1), this.policy.backoffMaxSeconds * 1000);
  }

  /** The earliest moment a token request may be sent. */
  nextAllowedAt(): number {
    if (this.lastAttemptAt === undefined) return this.retryAfterUntil ?? 0;
    const spaced = this.lastAttemptAt + Math.max(this.policy.minIntervalSeconds * 1000, this.backoffMs());
    return Math.max(spaced, this.retryAfterUntil ?? 0);
  }

  /** Why the next request must wait, for messages. */
  reason(now: number): string {
    // Equivalent mutant: without the undefined check, `undefined > now` is false all the same.
    if (this.retryAfterUntil !== undefined && this.retryAfterUntil > now && this.retryAfterUntil >= this.nextAllowedAtIgnoringServer()) {
      return 'the auth service asked to wait (Retry-After)';
    }
    if (this.backoffMs() > this.policy.minIntervalSeconds * 1000) {
      return `the last ${this.failures} token request(s) failed, so Tokenbench waits longer between attempts`;
    }
    return `token requests for this credential are spaced at least ${this.policy.minIntervalSeconds} s apart to protect the auth service`;
  }

  private nextAllowedAtIgnoringServer(): number {
    return this.lastAttemptAt === undefined ? 0 : this.lastAttemptAt + Math.max(this.policy.minIntervalSeconds * 1000, this.backoffMs());
  }

  begin(now: number): void {
    this.lastAttemptAt = now;
    this.attempts.push(now);
    this.attempts = this.attempts.filter((at) => now - at < HOUR_MS);
  }

  succeed(): void {
    this.failures = 0;
    this.retryAfterUntil = undefined;
  }

  fail(retryAt?: number): void {
    this.failures += 1;
    if (retryAt !== undefined) this.retryAfterUntil = Math.max(retryAt, this.retryAfterUntil ?? 0);
  }

  requestsInLastHour(now: number): number {
    return this.attempts.filter((at) => now - at < HOUR_MS).length;
  }

  /** The history as a plain record, to share with other processes. */
  toRecord(): GuardRecord {
    return {
      ...(this.lastAttemptAt !== undefined ? { lastAttemptAt: this.lastAttemptAt } : {}),
      attempts: [...this.attempts],
      failures: this.failures,
      ...(this.retryAfterUntil !== undefined ? { retryAfterUntil: this.retryAfterUntil } : {}),
    };
  }

  /** A guard continuing the history another process (or an earlier run) left. */
  static fromRecord(policy: GuardPolicy, record: GuardRecord | undefined): RequestGuard {
    const guard = new RequestGuard(policy);
    if (!record) return guard;
    guard.lastAttemptAt = record.lastAttemptAt;
    guard.attempts = [...record.attempts];
    guard.failures = record.failures;
    guard.retryAfterUntil = record.retryAfterUntil;
    return guard;
  }
}
