/**
 * One environment x credential: the token's state, times, refresh token, request budget, the
 * diagnosed failure in place, and the actions. Re-renders only when its own status or action
 * state changes; the per-second countdown lives in <Countdown>.
 */
import { Fragment, memo } from 'react';
import type { TokenStatus } from '../../../../shared/domain/token';
import { ErrorMessage } from '../../components/ErrorMessage';
import { localDateTime } from '../../lib/time';
import { useShell } from '../../state/shell';
import { useTimeline } from '../../state/timeline';
import { Countdown } from './Countdown';
import { GuardNote, RetryNote } from './GuardNote';
import { useSignIns } from './sign-in-store';
import { SignInWaiting } from './SignInWaiting';
import { useDashboard } from './store';
import { TokenAdminAnswer, TokenAdminButtons } from './TokenAdmin';
import { STATE_LABELS } from './token-rules';

export interface CardNames {
  environmentName: string;
  production: boolean;
  credentialName: string;
  /** How the recipe attaches the token, e.g. "Authorization: <token>" (see `sentAs`). */
  sentAs: string;
}

const holdsToken = (status: TokenStatus) => status.state === 'valid' || status.state === 'renewing-soon';

export const TokenCard = memo(function TokenCard({ id, environmentName, production, credentialName, sentAs, showEnvironment }: CardNames & { id: string; showEnvironment: boolean }) {
  const status = useDashboard((s) => s.statuses[id]);
  const busy = useDashboard((s) => s.busy[id]);
  const actionError = useDashboard((s) => s.actionErrors[id]);
  const copied = useDashboard((s) => s.copied[id]);
  const signIn = useSignIns((s) => s.waits[id]);
  if (!status) return null;
  const { state } = status;
  const locked = state === 'locked';
  const label = `${credentialName} in ${environmentName}`;
  const failure = status.lastError;

  return (
    <article className={`token-card state-${state}${production ? ' production' : ''}`} aria-label={label}>
      <header className="token-card-header">
        <h3 title={credentialName}>{credentialName}</h3>
        <span className={`badge state-badge state-${state}`}>{STATE_LABELS[state]}</span>
      </header>
      {/* Grouped, the group's title carries the environment and its PRODUCTION badge: said once. */}
      {showEnvironment && (
        <div className="token-card-environment">
          <span className="muted small">{environmentName}</span>
          {production && <span className="badge production">PRODUCTION</span>}
        </div>
      )}

      <Countdown kind={status.kind} state={state} issuedAt={status.issuedAt} expiresAt={status.expiresAt} renewAt={status.renewAt} />
      {signIn && <SignInWaiting wait={signIn} label={label} />}

      {locked ? (
        <p className="muted small">Unlock the vault to see and get this token.</p>
      ) : (
        <dl className="token-facts">
          {status.issuedAt !== null && (
            <>
              <dt>Issued at</dt>
              <dd>{localDateTime(status.issuedAt)}</dd>
            </>
          )}
          {status.expiresAt !== null && (
            <>
              <dt>Expires at</dt>
              <dd>{localDateTime(status.expiresAt)}</dd>
            </>
          )}
          {status.tokenHint !== '' && (
            <>
              <dt>Token</dt>
              <dd>
                <code>••••{status.tokenHint}</code>
              </dd>
              <dt>Sent as</dt>
              <dd>
                <code>{sentAs}</code>
              </dd>
            </>
          )}
          {status.kind === 'token-request' && (
            <>
              <dt>Refresh token</dt>
              <dd>{status.hasRefreshToken ? 'Held' : 'None'}</dd>
              <dt>Token requests</dt>
              <dd>
                {status.tokenRequestsLastHour} in the last hour
                {status.guard.minIntervalSeconds > 0 && <span className="muted"> · at most one every {status.guard.minIntervalSeconds} s</span>}
                <GuardNote nextAttemptAt={status.guard.nextAttemptAt} />
              </dd>
            </>
          )}
          {Object.entries(status.extras).map(([name, value]) => (
            <Fragment key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      )}

      {failure && <FailureNote failure={failure} />}
      {actionError && actionError.message !== failure?.message && <ErrorMessage error={actionError} onDismiss={() => useDashboard.getState().dismissError(id)} />}

      <CardActions status={status} busy={busy} locked={locked} label={label} />
      {status.kind === 'token-request' && (
        <div className="token-actions row" role="group" aria-label={`Ask the auth service about ${label}`}>
          <TokenAdminButtons status={status} locked={locked} label={label} environmentName={environmentName} production={production} />
        </div>
      )}
      <TokenAdminAnswer id={id} />
      {copied !== undefined && (
        <p className="muted small" role="status">
          Copied. The clipboard clears in {Math.round(copied.clearAfterMs / 1000)} s.
        </p>
      )}
      {busy === 'fetch' && !signIn && <span className="visually-hidden" role="status">Getting a token for {label}…</span>}
    </article>
  );
});

// Names that survive minification, for React DevTools and the render-count check in e2e.
TokenCard.displayName = 'TokenCard';

/** What failed and what to do, each said once (the message may already name the HTTP status). */
export function FailureNote({ failure, compact = false }: { failure: NonNullable<TokenStatus['lastError']>; compact?: boolean }) {
  const statusNamed = failure.status === undefined || failure.message.includes(String(failure.status));
  return (
    <div className={`token-failure${compact ? ' compact' : ''}`} role="alert">
      <p className="error-text">
        {failure.message}
        {!statusNamed && <span className="muted"> (HTTP {failure.status})</span>}
      </p>
      {failure.hint &&
        (compact ? (
          <details>
            <summary>What to do</summary>
            <p className="error-hint">{failure.hint}</p>
          </details>
        ) : (
          <p className="error-hint">{failure.hint}</p>
        ))}
      {failure.retryAt !== undefined && <RetryNote retryAt={failure.retryAt} />}
    </div>
  );
}

export function CardActions({ status, busy, locked, label }: { status: TokenStatus; busy: string | undefined; locked: boolean; label: string }) {
  const { key } = status;
  const held = holdsToken(status);
  const actions = useDashboard.getState();
  const openTimeline = () => {
    useTimeline.getState().setFilter({ environmentId: key.environmentId, credentialId: key.credentialId });
    useShell.getState().show('timeline');
  };
  return (
    <div className="token-actions row" role="group" aria-label={`Actions for ${label}`}>
      {/* Busy, it stays focusable (aria-disabled): disabling the focused button would drop the focus. */}
      <button
        type="button"
        className="primary"
        disabled={locked}
        aria-disabled={busy !== undefined}
        onClick={() => {
          if (busy === undefined) void actions.fetch(key, { renew: held });
        }}
      >
        {busy === 'fetch' ? 'Getting…' : status.lastError?.code === 'sign-in-required' ? 'Sign in again' : held ? 'Renew now' : 'Get token'}
      </button>
      <button type="button" disabled={locked || !held || busy !== undefined} onClick={() => void actions.copy(key)}>
        Copy
      </button>
      <button type="button" disabled={locked || !held} onClick={() => actions.inspect(key)}>
        Decode
      </button>
      <button type="button" disabled={locked} onClick={openTimeline}>
        Timeline
      </button>
      <button type="button" className="danger-outline" disabled={locked || status.state === 'never-fetched' || busy !== undefined} onClick={() => void actions.forget(key)}>
        Forget
      </button>
    </div>
  );
}
