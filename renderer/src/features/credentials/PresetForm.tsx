/**
 * The preset flow: asks only for the user's own values (secret ones in password fields, defaults
 * for sandbox or production filled in), then `credentials:add-from-preset` creates the credential,
 * stores the values as the environment's variables (secrets in the vault) and uses it here.
 */
import { useState, type FormEvent } from 'react';
import type { Credential } from '../../../../shared/domain/credential';
import type { Environment } from '../../../../shared/domain/environment';
import { presetAllowedHosts, presetDefault, type Preset, type PresetVariable } from '../../../../shared/recipe';
import { api } from '../../lib/api';
import { FormActions } from '../environments/FormActions';
import { useAction } from '../environments/use-action';
import { useSecretsUnavailable } from '../vault/store';
import { hostsOutsideSuggestion } from './preset-hosts';

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
  const [name, setName] = useState(preset.name);
  const [values, setValues] = useState(() => initialValues(preset, environment));
  const vaultProblem = useSecretsUnavailable();
  const action = useAction();
  const storedSecrets = new Map(environment.variables.filter((v) => v.secret).map((v) => [v.name, v.hint ?? '••••']));
  const suggestedHosts = environment.allowedHosts.length === 0 ? presetAllowedHosts(preset, environment.production, values) : [];
  const outside = hostsOutsideSuggestion(preset.variables, values, suggestedHosts.length ? suggestedHosts : environment.allowedHosts);
  const needsSecrets = preset.variables.some((v) => v.secret && values[v.name] !== '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
    const result = await action.run(() => api.credentials['add-from-preset']({ presetId: preset.id, environmentId: environment.id, name, values: typed }));
    // On success this form unmounts, and the typed secrets with it; on failure they stay so the user can fix one field.
    if (result) onCreated(result.credential);
  }

  return (
    <form className="preset-form" onSubmit={submit} aria-label={`Add ${preset.name}`}>
      <h2>{preset.name}</h2>
      <p>{preset.description}</p>
      {preset.hints.length > 0 && (
        <ul className="hints" aria-label="Worth knowing">
          {preset.hints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      )}
      <label>
        <span>Credential name</span>
        {/* Picking a preset puts focus on its first field (the picker that had it is gone). */}
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {preset.variables.map((variable) => (
        <VariableInput
          key={variable.name}
          variable={variable}
          stored={storedSecrets.get(variable.name) ?? null}
          value={values[variable.name] ?? ''}
          onChange={(v) => setValues({ ...values, [variable.name]: v })}
        />
      ))}
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
      <FormActions action={action} submitLabel="Add credential" disabled={name.trim() === '' || (needsSecrets && vaultProblem !== null)} onCancel={onCancel} />
    </form>
  );
}
