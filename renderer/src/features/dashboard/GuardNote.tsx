/** Small live notes about when the next token request is allowed (the guard, or a rate limit). */
import { clockNow, useNow } from '../../lib/clock';
import { localTime, relative } from '../../lib/time';

export function GuardNote({ nextAttemptAt }: { nextAttemptAt: number | null }) {
  const now = useNow(nextAttemptAt !== null && nextAttemptAt > clockNow());
  if (nextAttemptAt === null || nextAttemptAt <= now) return null;
  return <span className="muted"> · next one allowed {relative(nextAttemptAt, now)}</span>;
}

export function RetryNote({ retryAt }: { retryAt: number }) {
  const now = useNow(retryAt > clockNow());
  return (
    <p className="small">
      Retry after {localTime(retryAt)}
      {retryAt > now && <span className="muted"> ({relative(retryAt, now)})</span>}
    </p>
  );
}
