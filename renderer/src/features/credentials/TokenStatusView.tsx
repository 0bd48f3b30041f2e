/** A token's status in words: state, expiry with a live countdown, masked hint, type and extras. */
import type { TokenState, TokenStatus } from '../../../../shared/domain/token';
import { useNow } from '../../lib/clock';
import { formatTimeLeft } from './countdown';

const STATE_LABEL: Record<TokenState, string> = {
  valid: 'Valid',
  'renewing-soon': 'Valid, renewing soon',
  expired: 'Expired',
  failed: 'Failed',
  'never-fetched': 'No token yet',
  locked: 'Unknown while the vault is locked',
};

export function TokenStatusView({ status }: { status: TokenStatus }) {
  const now = useNow();
  const expiresAt = status.expiresAt;
  return (
    <dl className={`token-status state-${status.state}`} aria-label="Token status">
      <dt>State</dt>
      <dd data-testid="token-state">{STATE_LABEL[status.state]}</dd>
      {expiresAt !== null && (
        <>
          <dt>Expires</dt>
          <dd>
            {new Date(expiresAt).toLocaleString()} (<span role="timer" aria-label="Time left">{formatTimeLeft(expiresAt - now)}</span>)
          </dd>
        </>
      )}
      {status.state !== 'never-fetched' && expiresAt === null && status.kind === 'token-request' && (
        <>
          <dt>Expires</dt>
          <dd>Unknown</dd>
        </>
      )}
      {status.tokenHint && (
        <>
          <dt>Token</dt>
          <dd className="mono">ends with …{status.tokenHint}</dd>
        </>
      )}
      {status.tokenType && (
        <>
          <dt>Type</dt>
          <dd>{status.tokenType}</dd>
        </>
      )}
      {status.renewAt !== null && (
        <>
          <dt>Renews</dt>
          <dd>{new Date(status.renewAt).toLocaleTimeString()}</dd>
        </>
      )}
      {Object.entries(status.extras).map(([label, value]) => (
        <div key={label} className="contents">
          <dt>{label}</dt>
          <dd className="mono">{value}</dd>
        </div>
      ))}
      <dt>Token requests (last hour)</dt>
      <dd>{status.tokenRequestsLastHour}</dd>
    </dl>
  );
}
