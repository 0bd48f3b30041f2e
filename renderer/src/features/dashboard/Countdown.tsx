/**
 * The only part of a token card that changes every second: time left, the lifetime bar, and a
 * reminder for long-lived tokens. It reads the one shared clock, and only while on screen.
 */
import { useRef } from 'react';
import type { TokenStatus } from '../../../../shared/domain/token';
import { useNow } from '../../lib/clock';
import { duration } from '../../lib/time';
import { reminder } from './token-rules';
import { useOnScreen } from './use-on-screen';

type Props = Pick<TokenStatus, 'kind' | 'state' | 'issuedAt' | 'expiresAt' | 'renewAt'>;

export function Countdown({ kind, state, issuedAt, expiresAt, renewAt }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const now = useNow(useOnScreen(ref) && expiresAt !== null);
  // A failed first request holds no token: "No expiry stated" would suggest one exists.
  if (state === 'never-fetched' || state === 'locked' || (state === 'failed' && issuedAt === null && expiresAt === null)) {
    return <div ref={ref} className="countdown muted">No token held</div>;
  }
  if (expiresAt === null) {
    return (
      <div ref={ref} className="countdown muted">
        {kind === 'token-request' ? 'No expiry stated' : 'No expiry entered'}
      </div>
    );
  }
  const left = expiresAt - now;
  const lifetime = issuedAt !== null ? expiresAt - issuedAt : null;
  const fraction = lifetime && lifetime > 0 ? Math.min(1, Math.max(0, left / lifetime)) : left > 0 ? 1 : 0;
  const note = reminder({ kind, issuedAt, expiresAt, renewAt }, now);
  const renewalDue = renewAt !== null && now >= renewAt && left > 0;
  return (
    <div ref={ref} className="countdown">
      <div className="countdown-text" role="timer" aria-label="Time left">
        {left > 0 ? `Expires in ${duration(left)}` : `Expired ${duration(-left)} ago`}
        {renewalDue && <span className="muted"> · renewal due</span>}
      </div>
      <div className="lifetime-bar" role="progressbar" aria-label="Lifetime left" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
        <div className={`lifetime-fill${fraction < 0.25 ? ' low' : ''}`} style={{ transform: `scaleX(${fraction})` }} />
      </div>
      {note && (
        <p className={`reminder ${note.level}`} role={note.level === 'alert' ? 'alert' : undefined}>
          {note.text}
        </p>
      )}
    </div>
  );
}

Countdown.displayName = 'Countdown';
