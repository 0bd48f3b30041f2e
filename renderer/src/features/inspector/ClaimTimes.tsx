/** A JWT's exp / iat / nbf as local times and relative to now, live while the inspector is open. */
import type { JwtInspection } from '../../../../shared/domain/token';
import { useNow } from '../../lib/clock';
import { localDateTime, relative } from '../../lib/time';

const LABELS = { exp: 'Expires (exp)', iat: 'Issued (iat)', nbf: 'Not before (nbf)' } as const;

export function ClaimTimes({ times }: { times: NonNullable<JwtInspection['times']> }) {
  const now = useNow();
  const present = (['iat', 'nbf', 'exp'] as const).filter((name) => times[name] !== undefined);
  if (present.length === 0) return <p className="muted small">The token states no exp, iat or nbf time.</p>;
  return (
    <dl className="inspector-times">
      {present.map((name) => (
        <div key={name}>
          <dt>{LABELS[name]}</dt>
          <dd>
            {localDateTime(times[name]!)} <span className="muted">({relative(times[name]!, now)})</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
