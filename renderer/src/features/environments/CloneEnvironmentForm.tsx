/**
 * Clones an environment (e.g. sandbox -> prod): variables and credential use are copied; secret
 * values only when the user ticks the box, since production usually needs its own keys.
 */
import { useState, type FormEvent } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { FormActions } from '../../components/FormActions';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useEnvironments } from '../../state/environments';

export function CloneEnvironmentForm({ environment, onDone }: { environment: Environment; onDone(): void }) {
  const select = useEnvironments((s) => s.select);
  const [name, setName] = useState(`${environment.name} copy`);
  const [production, setProduction] = useState(environment.production);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const clone = await action.run(() => api.environments.clone({ id: environment.id, name, includeSecrets, production }));
    if (clone) {
      select(clone.id);
      onDone();
    }
  }

  return (
    <form className="panel-form" onSubmit={submit} aria-label="Clone environment">
      <h2>Clone “{environment.name}”</h2>
      <label>
        <span>Name of the copy</span>
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label="Name of the copy" />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={production} onChange={(e) => setProduction(e.target.checked)} />
        <span>The copy is a production environment</span>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} />
        <span>Include secret values</span>
      </label>
      <p className="muted small">
        {includeSecrets
          ? 'Secret values are copied too. Sandbox and production keys usually differ: check them after cloning.'
          : 'Secret variables are copied without their values; fill them in on the copy.'}
      </p>
      <FormActions action={action} submitLabel="Clone environment" disabled={name.trim() === ''} onCancel={onDone} />
    </form>
  );
}
