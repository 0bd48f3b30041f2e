/**
 * "Get token now": asks the main process for a token (reused while valid) and shows the outcome in
 * place: the token's status, or the diagnosed failure with its hint and a link to the recorded
 * exchange. In a production environment that asks first, nothing is sent before the user confirms.
 */
import { useState } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import type { ErrorInfo } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { InlineConfirm } from '../../components/InlineConfirm';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useShell } from '../../state/shell';
import { useSecretsUnavailable } from '../../state/vault';
import { TokenStatusView } from './TokenStatusView';
import { useTokenStatus } from './use-token-status';

interface TokenCheckProps {
  environment: Environment;
  credentialId: string;
  /** Why fetching must wait (e.g. unsaved recipe changes); null when it may run. */
  blockedBecause: string | null;
}

/** Refusals that happen before anything is sent: the timeline has no exchange to show for them. */
const NOTHING_SENT = new Set(['host-not-allowed', 'vault-locked']);

const DETAIL_LABELS: Record<string, string> = { status: 'HTTP status', retryAt: 'Next attempt allowed at' };

function detailText(key: string, value: string | number | boolean): string {
  return key.endsWith('At') && typeof value === 'number' ? new Date(value).toLocaleTimeString() : String(value);
}

/** The diagnosed cause and the non-secret facts the main process attached (HTTP status, retry time); ids are left out. */
function FailureDetails({ error }: { error: ErrorInfo }) {
  const details = Object.entries(error.details ?? {}).filter(
    (entry): entry is [string, string | number | boolean] => entry[1] !== null && entry[1] !== '' && !entry[0].endsWith('Id'),
  );
  return (
    <dl className="failure-details" aria-label="Failure details">
      <dt>Cause</dt>
      <dd>{error.code.replace(/-/g, ' ')}</dd>
      {details.map(([key, value]) => (
        <div key={key} className="contents">
          <dt>{DETAIL_LABELS[key] ?? key}</dt>
          <dd>{detailText(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function TokenCheck({ environment, credentialId, blockedBecause }: TokenCheckProps) {
  const { status, error: statusError } = useTokenStatus(environment.id, credentialId);
  const vaultProblem = useSecretsUnavailable();
  const show = useShell((s) => s.show);
  const action = useAction();
  // Set while a production fetch waits for the user's yes; remembers whether it was a renewal.
  const [confirming, setConfirming] = useState<{ renew: boolean } | null>(null);
  const asksFirst = environment.production && environment.confirmProduction;
  const blocked = blockedBecause ?? vaultProblem;

  async function fetchToken(confirmed: boolean, renew: boolean) {
    setConfirming(null);
    // The new status arrives as `tokens:changed` (useTokenStatus), not in the answer.
    await action.run(() => api.tokens.fetch({ environmentId: environment.id, credentialId, renew, ...(confirmed ? { confirmed } : {}) }));
  }

  // The main process refuses unconfirmed production fetches too; its refusal opens the same question.
  const needsConfirmation = action.error?.code === 'confirmation-required';
  const ask = (renew: boolean) => (asksFirst ? setConfirming({ renew }) : void fetchToken(false, renew));
  const failure = needsConfirmation ? null : action.error;
  const lastError = !failure && status?.state === 'failed' ? status.lastError : null;

  return (
    <section className="token-check" aria-label="Token">
      <div className="row">
        {/* Busy, it stays focusable (aria-disabled): disabling the focused button would drop the focus. */}
        <button
          type="button"
          className="primary"
          disabled={blocked !== null || confirming !== null}
          aria-disabled={action.busy}
          onClick={() => {
            if (!action.busy) ask(false);
          }}
        >
          {action.busy ? 'Getting token…' : 'Get token now'}
        </button>
        <button
          type="button"
          disabled={action.busy || blocked !== null || confirming !== null || !status || status.state === 'never-fetched'}
          title="Ask the auth service for a new token even though the current one is still valid"
          onClick={() => ask(true)}
        >
          Renew
        </button>
      </div>
      {blocked && <p className="muted small">{blocked}</p>}
      {(confirming !== null || needsConfirmation) && (
        <InlineConfirm
          className="confirm production-confirm"
          label="Confirm production token fetch"
          confirmLabel="Yes, get a production token"
          onConfirm={() => void fetchToken(true, confirming?.renew ?? false)}
          onCancel={() => {
            setConfirming(null);
            action.clearError();
          }}
        >
          <p>
            <strong>{environment.name}</strong> is a production environment. Send a token request to its auth service now?
          </p>
        </InlineConfirm>
      )}
      {failure && (
        <div className="token-failure">
          <ErrorMessage error={failure} onDismiss={action.clearError} />
          <FailureDetails error={failure} />
        </div>
      )}
      {lastError && <ErrorMessage error={lastError} />}
      {statusError && <ErrorMessage error={statusError} />}
      {(failure || lastError || status?.state === 'valid') && !NOTHING_SENT.has((failure ?? lastError)?.code ?? '') && (
        <button type="button" className="link" onClick={() => show('timeline')}>
          See the recorded exchange in the timeline
        </button>
      )}
      {status && <TokenStatusView status={status} />}
    </section>
  );
}
