/**
 * Adds or edits one variable. A secret value is typed into a password field and goes to the main
 * process (the vault); it is never sent back. Editing a secret keeps its stored value unless a
 * new one is typed. A secret may instead be a reference to the team's secret manager
 * (`pass:team/api`, `op://...`): only the reference is kept, the main process reads the value at use.
 */
import { useState, type FormEvent } from 'react';
import type { Environment, Variable } from '../../../../shared/domain/environment';
import { variableNameSchema } from '../../../../shared/domain/environment';
import { FormActions } from '../../components/FormActions';
import { SECRET_REFERENCE_EXAMPLES, secretReferenceSchema } from '../../../../shared/domain/secret-reference';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useSecretsUnavailable } from '../../state/vault';

interface VariableFormProps {
  environment: Environment;
  /** The variable being edited; absent when adding. */
  variable?: Variable;
  onDone(): void;
}

export function VariableForm({ environment, variable, onDone }: VariableFormProps) {
  const [name, setName] = useState(variable?.name ?? '');
  const [secret, setSecret] = useState(variable?.secret ?? false);
  const [value, setValue] = useState(variable && !variable.secret ? variable.value : '');
  const [description, setDescription] = useState(variable?.description ?? '');
  const [fromManager, setFromManager] = useState(variable?.ref !== undefined);
  const [reference, setReference] = useState(variable?.ref ?? '');
  const useReference = secret && fromManager;
  const referenceCheck = secretReferenceSchema.safeParse(reference);
  const referenceProblem = !useReference || reference.trim() === '' || referenceCheck.success ? null : (referenceCheck.error.issues[0]?.message ?? 'Not a secret reference.');
  const vaultProblem = useSecretsUnavailable();
  const action = useAction();
  const nameCheck = variableNameSchema.safeParse(name);
  const nameProblem = name === '' || nameCheck.success ? null : (nameCheck.error.issues[0]?.message ?? 'Not a valid name.');
  const clash = !variable && environment.variables.some((v) => v.name === name.trim());
  const secretBlocked = secret && vaultProblem !== null;
  /** An existing secret with a stored value, left blank: keep that value. */
  const keepStoredSecret = variable?.secret === true && variable.hint !== null && secret && !useReference && value === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await action.run(() =>
      api.variables.set({
        environmentId: environment.id,
        name: name.trim(),
        ...(useReference ? { ref: reference.trim() } : keepStoredSecret ? {} : { value }),
        secret,
        description,
      }),
    );
    if (saved) onDone();
  }

  const label = variable ? `Edit variable ${variable.name}` : 'New variable';
  return (
    <form className="variable-form" onSubmit={submit} aria-label={label}>
      <label>
        <span>Variable name</span>
        <input value={name} readOnly={variable !== undefined} spellCheck={false} aria-invalid={nameProblem !== null || clash} onChange={(e) => setName(e.target.value)} />
      </label>
      {secret && (
        <fieldset className="row">
          <legend>Where the secret lives</legend>
          <label className="checkbox">
            <input type="radio" name="secret-kind" checked={!fromManager} onChange={() => setFromManager(false)} />
            <span>Value (in the vault)</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="secret-kind" checked={fromManager} onChange={() => setFromManager(true)} />
            <span>Reference (your secret manager)</span>
          </label>
        </fieldset>
      )}
      {useReference ? (
        <label>
          <span>Reference</span>
          <input value={reference} spellCheck={false} aria-invalid={referenceProblem !== null} placeholder={SECRET_REFERENCE_EXAMPLES[0]} onChange={(e) => setReference(e.target.value)} />
        </label>
      ) : (
        <label>
          <span>{secret ? 'Secret value' : 'Value'}</span>
          <input
            type={secret ? 'password' : 'text'}
            autoComplete={secret ? 'new-password' : 'off'}
            spellCheck={false}
            value={value}
            placeholder={keepStoredSecret ? `Leave blank to keep the stored value (${variable?.hint ?? '••••'})` : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={secret} onChange={(e) => setSecret(e.target.checked)} />
        <span>Secret (kept encrypted in the vault, shown masked)</span>
      </label>
      <label>
        <span>Description</span>
        <input value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {nameProblem && <p className="field-problem">{nameProblem}</p>}
      {useReference && <p className="muted small">Read when used, kept only in memory: {SECRET_REFERENCE_EXAMPLES.join(', ')}.</p>}
      {referenceProblem && <p className="field-problem">{referenceProblem}</p>}
      {clash && <p className="field-problem">This environment already has a variable called “{name.trim()}”: edit that one instead.</p>}
      {keepStoredSecret && <p className="muted small">The stored secret stays as it is unless you type a new value.</p>}
      {secretBlocked && <p className="warning">{vaultProblem}</p>}
      <FormActions
        action={action}
        submitLabel="Save variable"
        disabled={name.trim() === '' || nameProblem !== null || clash || secretBlocked || (useReference && !referenceCheck.success)}
        onCancel={onDone}
      />
    </form>
  );
}
