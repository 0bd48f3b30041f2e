/**
 * The dashboard's list mode: one line per token (environment, credential, state, time left,
 * actions), for many tokens at a glance. Grouped, an environment's name and PRODUCTION badge
 * are said once, in a cell spanning its tokens.
 */
import { memo } from 'react';
import { Countdown } from './Countdown';
import { useSignIns } from './sign-in-store';
import { SignInWaiting } from './SignInWaiting';
import { useDashboard } from './store';
import { CardActions, FailureNote, type CardNames } from './TokenCard';
import { STATE_LABELS } from './token-rules';

interface RowProps extends CardNames {
  id: string;
  /** Grouped: how many rows the environment cell spans on the group's first row, 0 on the others. */
  environmentSpan: number;
}

export const TokenRow = memo(function TokenRow({ id, environmentName, production, credentialName, sentAs, environmentSpan }: RowProps) {
  const status = useDashboard((s) => s.statuses[id]);
  const busy = useDashboard((s) => s.busy[id]);
  const signIn = useSignIns((s) => s.waits[id]);
  if (!status) return null;
  const { state } = status;
  const label = `${credentialName} in ${environmentName}`;
  return (
    <tr className={`token-row state-${state}${production ? ' production' : ''}`} aria-label={label}>
      {environmentSpan > 0 && (
        <th scope="rowgroup" rowSpan={environmentSpan} className="token-row-environment">
          {environmentName}
          {production && <span className="badge production">PRODUCTION</span>}
        </th>
      )}
      <th scope="row" className="token-row-credential">
        {credentialName}
        {status.tokenHint !== '' && <code className="muted small" title={`Sent as ${sentAs}`}>••••{status.tokenHint}</code>}
      </th>
      <td>
        <span className={`badge state-badge state-${state}`}>{STATE_LABELS[state]}</span>
      </td>
      <td className="token-row-time">
        <Countdown kind={status.kind} state={state} issuedAt={status.issuedAt} expiresAt={status.expiresAt} renewAt={status.renewAt} />
        {signIn && <SignInWaiting wait={signIn} label={label} />}
        {status.lastError && <FailureNote failure={status.lastError} compact />}
      </td>
      <td>
        <CardActions status={status} busy={busy} locked={state === 'locked'} label={label} />
      </td>
    </tr>
  );
});

TokenRow.displayName = 'TokenRow';
