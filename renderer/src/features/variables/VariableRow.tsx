/**
 * One variable in the table. A secret shows only its masked hint, until the user reveals it for
 * the time the main process allows; copying is done by the main process, which clears the
 * clipboard again. Deleting a variable a credential uses says which credentials break.
 */
import { useState } from 'react';
import type { Environment, Variable } from '../../../../shared/domain/environment';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ConfirmDelete } from '../../components/FormActions';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useRevealedSecret } from './use-revealed-secret';

interface VariableRowProps {
  environment: Environment;
  variable: Variable;
  usedBy: string[];
  /** Why secret actions are unavailable (vault locked...), or null. */
  vaultProblem: string | null;
  onEdit(): void;
}

export function VariableRow({ environment, variable, usedBy, vaultProblem, onEdit }: VariableRowProps) {
  const revealed = useRevealedSecret(environment.id, variable.name);
  const action = useAction();
  const [copiedFor, setCopiedFor] = useState<number | null>(null);
  const { name } = variable;
  const error = revealed.error ?? action.error;

  async function copy() {
    const copied = await action.run(() => api.secrets.copy({ environmentId: environment.id, name }));
    if (copied) setCopiedFor(Math.round(copied.clearAfterMs / 1000));
  }

  const makeSecret = () => void action.run(() => api.variables.set({ environmentId: environment.id, name, value: variable.value, secret: true, description: variable.description }));

  return (
    <>
      <tr>
        <th scope="row" className="mono">
          {name}
        </th>
        <td className="mono value-cell">
          {variable.secret ? (
            revealed.value !== null ? (
              <span className="revealed" aria-label={`Value of ${name}`}>
                {revealed.value}
              </span>
            ) : (
              <span aria-label={`Value of ${name}`}>{variable.ref !== undefined ? `from ${variable.ref}` : (variable.hint ?? '(not set)')}</span>
            )
          ) : (
            <span aria-label={`Value of ${name}`}>{variable.value || <span className="muted">(empty)</span>}</span>
          )}
        </td>
        <td>
          <input
            type="checkbox"
            aria-label={`${name} is secret`}
            checked={variable.secret}
            disabled={action.busy || (!variable.secret && vaultProblem !== null)}
            // Back to plain needs the value, which only the user can type: that goes through the form.
            onChange={() => (variable.secret ? onEdit() : makeSecret())}
          />
        </td>
        <td className="small">{variable.description}</td>
        <td className="small">{usedBy.length ? usedBy.join(', ') : <span className="muted">not used</span>}</td>
        <td>
          <div className="row nowrap">
            <button type="button" aria-label={`Edit ${name}`} onClick={onEdit}>
              Edit
            </button>
            {variable.secret &&
              (revealed.value !== null ? (
                <button type="button" aria-label={`Hide ${name}`} onClick={revealed.hide}>
                  Hide
                </button>
              ) : (
                <button type="button" aria-label={`Reveal ${name}`} disabled={vaultProblem !== null || (variable.hint === null && variable.ref === undefined)} title={vaultProblem ?? undefined} onClick={() => void revealed.reveal()}>
                  Reveal
                </button>
              ))}
            {variable.secret && (
              <button type="button" aria-label={`Copy ${name}`} disabled={vaultProblem !== null || (variable.hint === null && variable.ref === undefined) || action.busy} title={vaultProblem ?? undefined} onClick={() => void copy()}>
                Copy
              </button>
            )}
            <ConfirmDelete
              label="Delete"
              ariaLabel={`Delete ${name}`}
              question={`Delete ${name}?${usedBy.length > 0 ? ` ${usedBy.join(', ')} will stop working until it is added again.` : ''}`}
              confirmLabel="Yes, delete variable"
              onConfirm={() => void action.run(() => api.variables.delete({ environmentId: environment.id, name }))}
            />
          </div>
        </td>
      </tr>
      {(error || copiedFor !== null) && (
        <tr className="row-note">
          <td colSpan={6}>
            {copiedFor !== null && (
              <span role="status">
                Copied {name} to the clipboard; it is cleared in {copiedFor} s.{' '}
                <button type="button" className="ghost" aria-label="Dismiss" onClick={() => setCopiedFor(null)}>
                  ×
                </button>
              </span>
            )}
            {error && (
              <ErrorMessage
                error={error}
                onDismiss={() => {
                  revealed.clearError();
                  action.clearError();
                }}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
