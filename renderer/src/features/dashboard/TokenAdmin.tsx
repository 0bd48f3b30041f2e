/**
 * A card's "Ask the server" and "Revoke" buttons, the server's answer in place, and the dialogs:
 * the production question before an introspection, and the revoke question, which in production
 * asks for the environment's name to be typed.
 */
import { Fragment, useId, useState } from 'react';
import type { TokenStatus } from '../../../../shared/domain/token';
import { introspectionFacts } from '../../../../shared/domain/token-admin';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { localDateTime } from '../../lib/time';
import { tokenId } from './store';
import { useTokenAdmin } from './token-admin-store';

export function TokenAdminButtons({ status, locked, label, environmentName, production }: { status: TokenStatus; locked: boolean; label: string; environmentName: string; production: boolean }) {
  const busy = useTokenAdmin((s) => s.busy[tokenId(status.key)]);
  // Shown only where the recipe names the endpoint: a button that can only fail is noise.
  if (status.kind !== 'token-request' || (!status.serverOffers.introspection && !status.serverOffers.revocation)) return null;
  const held = status.tokenHint !== '';
  const { introspect, askRevoke } = useTokenAdmin.getState();
  return (
    <>
      {status.serverOffers.introspection && (
        <button type="button" disabled={locked || !held} aria-disabled={busy !== undefined} onClick={() => busy === undefined && void introspect(status.key)}>
          {busy === 'introspect' ? 'Asking…' : 'Ask the server'}
        </button>
      )}
      {status.serverOffers.revocation && (
      <button
        type="button"
        className="danger-outline"
        disabled={locked || !held}
        aria-disabled={busy !== undefined}
        onClick={() => busy === undefined && askRevoke({ key: status.key, label, environmentName, production, hasRefreshToken: status.hasRefreshToken })}
      >
        {busy === 'revoke' ? 'Revoking…' : 'Revoke'}
      </button>
      )}
    </>
  );
}

/** What the server said about the token, or why it could not be asked. */
export function TokenAdminAnswer({ id }: { id: string }) {
  const answer = useTokenAdmin((s) => s.answers[id]);
  const error = useTokenAdmin((s) => s.errors[id]);
  const revoked = useTokenAdmin((s) => s.revoked[id]);
  const { closeAnswer } = useTokenAdmin.getState();
  return (
    <>
      {error && <ErrorMessage error={error} onDismiss={() => closeAnswer(id)} />}
      {revoked && (
        <p className="muted small" role="status">
          {revoked}
        </p>
      )}
      {answer && (
        <section className={`token-admin-answer ${answer.active ? 'active' : 'inactive'}`} aria-label="What the server says about this token">
          <div className="row">
            <strong>The server says</strong>
            <button type="button" className="link" onClick={() => closeAnswer(id)}>
              Close
            </button>
          </div>
          <dl className="token-facts">
            {introspectionFacts(answer, localDateTime).map(([name, value]) => (
              <Fragment key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      )}
    </>
  );
}

function RevokeDialog() {
  const question = useTokenAdmin((s) => s.revoking);
  const [alsoRefresh, setAlsoRefresh] = useState(true);
  const [typed, setTyped] = useState('');
  const nameId = useId();
  if (!question) return null;
  const { revoke, cancel } = useTokenAdmin.getState();
  const nameMatches = !question.production || typed.trim() === question.environmentName;
  const close = () => {
    setTyped('');
    cancel();
  };
  return (
    <ConfirmDialog
      title={question.production ? 'Revoke a production token' : 'Revoke this token'}
      confirmLabel="Revoke"
      danger
      confirmDisabled={!nameMatches}
      onConfirm={() => {
        setTyped('');
        void revoke(question.hasRefreshToken && alsoRefresh);
      }}
      onCancel={close}
    >
      <p>
        The auth service will stop accepting the token of {question.label}, and Tokenbench forgets it: the next use gets a new one. Anything else using this
        token stops working.
      </p>
      {question.hasRefreshToken && (
        <label className="row">
          <input type="checkbox" checked={alsoRefresh} onChange={(e) => setAlsoRefresh(e.target.checked)} /> Also revoke the refresh token
        </label>
      )}
      {question.production && (
        <p>
          <label htmlFor={nameId}>“{question.environmentName}” is a production environment. Type its name to revoke there:</label>
          <input id={nameId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" aria-invalid={typed !== '' && !nameMatches} />
        </p>
      )}
    </ConfirmDialog>
  );
}

export function TokenAdminDialogs() {
  const pending = useTokenAdmin((s) => s.confirmIntrospection);
  const { introspect, cancel } = useTokenAdmin.getState();
  return (
    <>
      <RevokeDialog />
      {pending && (
        <ConfirmDialog
          title="Production environment"
          confirmLabel="Yes, ask the production server"
          onConfirm={() => {
            cancel();
            void introspect(pending.key, true);
          }}
          onCancel={cancel}
        >
          <p>{pending.message}</p>
          {pending.hint && <p className="muted small">{pending.hint}</p>}
        </ConfirmDialog>
      )}
    </>
  );
}
