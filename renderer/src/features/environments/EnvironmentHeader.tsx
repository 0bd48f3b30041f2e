/**
 * The selected environment's title bar: rename in place, clone, and delete after an explicit
 * confirmation. Production environments carry a red band and label.
 * The parent keys it by environment, so switching environments starts with fresh state.
 */
import { useState, type FormEvent } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { CloneEnvironmentForm } from './CloneEnvironmentForm';
import { ConfirmDelete } from './FormActions';
import { useEnvironments } from './store';

export function EnvironmentHeader({ environment }: { environment: Environment }) {
  const rename = useEnvironments((s) => s.rename);
  const remove = useEnvironments((s) => s.remove);
  const [editing, setEditing] = useState(false);
  const [cloning, setCloning] = useState(false);
  const [name, setName] = useState(environment.name);

  async function submitRename(event: FormEvent) {
    event.preventDefault();
    if (await rename(environment.id, name)) setEditing(false);
  }

  return (
    <>
      <header className={`environment-header${environment.production ? ' production' : ''}`}>
        {editing ? (
          <form className="row" onSubmit={submitRename} aria-label="Rename environment">
            <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label="New name" />
            <button type="submit" className="primary">
              Save name
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <div className="row">
            <h1>{environment.name}</h1>
            {environment.production ? (
              <span className="badge production">PRODUCTION</span>
            ) : (
              <span className="badge">sandbox</span>
            )}
          </div>
        )}
        {!editing && (
          <div className="row">
            <button type="button" onClick={() => setEditing(true)}>
              Rename
            </button>
            <button type="button" onClick={() => setCloning(true)} disabled={cloning}>
              Clone
            </button>
            <ConfirmDelete
              label="Delete"
              question={`Delete “${environment.name}” and everything in it?`}
              confirmLabel="Yes, delete"
              onConfirm={() => void remove(environment.id)}
            />
          </div>
        )}
      </header>
      {cloning && <CloneEnvironmentForm environment={environment} onDone={() => setCloning(false)} />}
    </>
  );
}
