/**
 * The selected environment's title bar: rename in place, clone, and delete after an explicit
 * confirmation. Production environments carry a red band and label.
 * The parent keys it by environment, so switching environments starts with fresh state.
 */
import { useState, type FormEvent } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ConfirmDelete } from '../../components/FormActions';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useEnvironments } from '../../state/environments';
import { CloneEnvironmentForm } from './CloneEnvironmentForm';

export function EnvironmentHeader({ environment }: { environment: Environment }) {
  const remove = useEnvironments((s) => s.remove);
  const [editing, setEditing] = useState(false);
  const [cloning, setCloning] = useState(false);
  const [name, setName] = useState(environment.name);
  // A refused name (duplicate, too long) is shown under the rename field, not at the top of the window.
  const renaming = useAction();

  async function submitRename(event: FormEvent) {
    event.preventDefault();
    if (await renaming.run(() => api.environments.rename({ id: environment.id, name }))) setEditing(false);
  }

  function stopEditing() {
    renaming.clearError();
    setName(environment.name);
    setEditing(false);
  }

  return (
    <>
      <header className={`environment-header${environment.production ? ' production' : ''}`}>
        {editing ? (
          <form className="row" onSubmit={submitRename} onKeyDown={(e) => e.key === 'Escape' && stopEditing()} aria-label="Rename environment">
            <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label="New name" />
            <button type="submit" className="primary">
              Save name
            </button>
            <button type="button" onClick={stopEditing}>
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
      {editing && renaming.error && <ErrorMessage error={renaming.error} onDismiss={renaming.clearError} />}
      {cloning && <CloneEnvironmentForm environment={environment} onDone={() => setCloning(false)} />}
    </>
  );
}
