/** Creates an environment from a name; production is opt-in and shown as such everywhere. */
import { useState, type FormEvent } from 'react';
import { useEnvironments } from './store';

export function NewEnvironmentForm({ onDone }: { onDone?: () => void }) {
  const create = useEnvironments((s) => s.create);
  const [name, setName] = useState('');
  const [production, setProduction] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const created = await create(name, production);
    setBusy(false);
    if (created) {
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
