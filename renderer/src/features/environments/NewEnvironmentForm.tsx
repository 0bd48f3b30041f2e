/** Creates an environment from a name; production is opt-in and shown as such everywhere. */
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useEnvironments } from '../../state/environments';

export function NewEnvironmentForm({ onDone }: { onDone?: () => void }) {
  const select = useEnvironments((s) => s.select);
  const [name, setName] = useState('');
  const [production, setProduction] = useState(false);
  // The refusal (duplicate or too long a name) is shown in this form, next to the name.
  const action = useAction();
  const busy = action.busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await action.run(() => api.environments.create({ name, production }));
    if (created) {
      select(created.id);
      setName('');
      setProduction(false);
      onDone?.();
    }
  }

  return (
    <form className="new-environment" onSubmit={submit} aria-label="New environment">
      <label>
        <span>Name</span>
        <input
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Lemonway sandbox"
          aria-label="Environment name"
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={production} onChange={(e) => setProduction(e.target.checked)} />
        <span>Production</span>
      </label>
      {action.error && <ErrorMessage error={action.error} onDismiss={action.clearError} />}
      <div className="row">
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          Create environment
        </button>
        {onDone && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
