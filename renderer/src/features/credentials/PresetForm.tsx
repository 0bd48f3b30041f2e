/**
 * The preset flow: asks only for the values this environment lacks (secret ones in password
 * fields, defaults for sandbox or production filled in), then `credentials:add-from-preset`
 * creates the credential, or uses the existing one from the same preset here (sandbox and
 * production share one recipe, each environment brings its own values), stores the values as
 * the environment's variables (secrets in the vault) and uses it here.
 */
import { useState, type FormEvent } from 'react';
import type { Credential } from '../../../../shared/domain/credential';
import type { Environment } from '../../../../shared/domain/environment';
import { presetAllowedHosts, presetDefault, type Preset, type PresetVariable } from '../../../../shared/recipe';
import { FormActions } from '../../components/FormActions';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useCredentials } from '../../state/credentials';
import { useEnvironments } from '../../state/environments';
import { useSecretsUnavailable } from '../../state/vault';
import { InlineCode } from './InlineCode';
import { hostsOutsideSuggestion } from './preset-hosts';
import { nameClash, presetFields, shareableCredentials, usedIn } from './preset-reuse';

interface PresetFormProps {
  preset: Preset;
  environment: Environment;
  onCreated(credential: Credential): void;
  onCancel(): void;
}

function initialValues(preset: Preset, environment: Environment): Record<string, string> {
  const existing = new Map(environment.variables.map((v) => [v.name, v]));
  return Object.fromEntries(
    preset.variables.map((v) => {
      const current = existing.get(v.name);
      // Secret values are never in the renderer: an existing one is kept when the field stays empty.
      if (v.secret) return [v.name, ''];
      return [v.name, current?.value || presetDefault(v, environment.production)];
    }),
  );
}

function VariableInput({ variable, stored, value, onChange }: { variable: PresetVariable; stored: string | null; value: string; onChange(v: string): void }) {
  const required = variable.required && stored === null;
  return (
    <div className="field">
      <label>
        <span>{variable.label}</span>
        <input
          type={variable.secret ? 'password' : 'text'}
          autoComplete={variable.secret ? 'new-password' : 'off'}
          spellCheck={false}
          required={required}
          value={value}
          placeholder={stored !== null ? `Keep the stored value (${stored})` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <p className="muted small">
        {required && <strong>Required. </strong>}
        {variable.help}
        {variable.secret && ' Stored encrypted in the vault.'}
      </p>
    </div>
  );
}

export function PresetForm({ preset, environment, onCreated, onCancel }: PresetFormProps) {
  const credentials = useCredentials((s) => s.credentials);
  const environments = useEnvironments((s) => s.environments);
  const shareable = shareableCredentials(credentials, preset.id, environment.id);
  const [shareId, setShareId] = useState<string | null>(shareable[0]?.id ?? null);
  const sharing = shareable.find((c) => c.id === shareId) ?? null;
  const [name, setName] = useState(preset.name);
  const [values, setValues] = useState(() => initialValues(preset, environment));
  const vaultProblem = useSecretsUnavailable();
  const action = useAction();
  const storedSecrets = new Map(environment.variables.filter((v) => v.secret).map((v) => [v.name, v.hint ?? '••••']));
  const { toAsk, alreadySet } = presetFields(preset, environment);
  const suggestedHosts = environment.allowedHosts.length === 0 ? presetAllowedHosts(preset, environment.production, values) : [];
  const outside = hostsOutsideSuggestion(preset.variables, values, suggestedHosts.length ? suggestedHosts : environment.allowedHosts);
  const needsSecrets = preset.variables.some((v) => v.secret && values[v.name] !== '');
  // The clash is said at the name field, live; the main process checks again when adding.
  const serverNameError = action.error?.details?.field === 'name' ? action.error : null;
  const nameError = sharing ? null : (nameClash(credentials, environments, name) ?? (serverNameError && `${serverNameError.message} ${serverNameError.hint ?? ''}`.trim()));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
    const result = await action.run(() =>
      api.credentials['add-from-preset']({ presetId: preset.id, environmentId: environment.id, ...(sharing ? { useCredentialId: sharing.id } : { name }), values: typed }),
    );
    // On success this form unmounts, and the typed secrets with it; on failure they stay so the user can fix one field.
    if (result) onCreated(result.credential);
  }

  const input = (variable: PresetVariable) => (
    <VariableInput
      key={variable.name}
      variable={variable}
      stored={storedSecrets.get(variable.name) ?? null}
      value={values[variable.name] ?? ''}
      onChange={(v) => setValues({ ...values, [variable.name]: v })}
    />
  );

  return (
    <form className="preset-form" onSubmit={submit} aria-label={`Add ${preset.name}`}>
      <h2>{preset.name}</h2>
      <p>
        <InlineCode text={preset.description} />
      </p>
      {preset.hints.length > 0 && (
        <ul className="hints" aria-label="Worth knowing">
          {preset.hints.map((hint) => (
            <li key={hint}>
              <InlineCode text={hint} />
            </li>
          ))}
        </ul>
      )}
      {shareable.length > 0 && (
        <fieldset className="share-choice">
          <legend>This preset is already set up elsewhere</legend>
          {shareable.map((credential) => (
            <label key={credential.id} className="inline">
              {/* Picking a preset puts focus on its first choice (the picker that had it is gone). */}
              <input autoFocus={credential.id === shareable[0]?.id} type="radio" name="share" checked={shareId === credential.id} onChange={() => setShareId(credential.id)} />
              <span>
                Use the existing credential “{credential.name}” here ({usedIn(credential, environments)}): one recipe, this environment’s own values
              </span>
            </label>
          ))}
          <label className="inline">
            <input type="radio" name="share" checked={sharing === null} onChange={() => setShareId(null)} />
            <span>Create a new credential</span>
          </label>
        </fieldset>
      )}
      {!sharing && (
        <div className={`field${nameError ? ' invalid' : ''}`}>
          <label>
            <span>Credential name</span>
            <input autoFocus={shareable.length === 0} value={name} aria-invalid={nameError !== null} aria-describedby={nameError ? 'preset-name-problem' : undefined} onChange={(e) => (setName(e.target.value), serverNameError && action.clearError())} />
          </label>
          {nameError && (
            <p id="preset-name-problem" className="field-problem" role="alert">
              {nameError}
            </p>
          )}
        </div>
      )}
      {toAsk.map(input)}
      {alreadySet.length > 0 && (
        <details className="already-set">
          <summary>
            Already set in {environment.name}: {alreadySet.map((v) => v.label).join(', ')}
          </summary>
          {alreadySet.map(input)}
        </details>
      )}
      {suggestedHosts.length > 0 && (
        <p className="muted small">
          This environment has no allowed hosts yet: they will be set to {suggestedHosts.join(', ')}, so its secrets only go there.
        </p>
      )}
      {outside.length > 0 && (
        <p className="warning" role="note">
          {outside.join(', ')} is not among the allowed hosts ({(suggestedHosts.length ? suggestedHosts : environment.allowedHosts).join(', ')}): token requests
          to it will be refused. Add it under Settings › Allowed hosts if it is legitimate.
        </p>
      )}
      {needsSecrets && vaultProblem && <p className="warning">{vaultProblem}</p>}
      <div className="sticky-actions">
        <FormActions
          action={serverNameError ? { ...action, error: null } : action}
          submitLabel={sharing ? `Use “${sharing.name}” here` : 'Add credential'}
          disabled={(!sharing && (name.trim() === '' || nameError !== null)) || (needsSecrets && vaultProblem !== null)}
          onCancel={onCancel}
        />
      </div>
    </form>
  );
}
