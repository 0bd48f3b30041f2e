/**
 * The selected environment's title bar: rename in place, delete after an explicit confirmation.
 * The parent keys it by environment, so switching environments starts with fresh state.
 */
import { useState, type FormEvent } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { useEnvironments } from './store';

export function EnvironmentHeader({ environment }: { environment: Environment }) {
  const rename = useEnvironments((s) => s.rename);
  const remove = useEnvironments((s) => s.remove);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(environment.name);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  async function submitRename(event: FormEvent) {
    event.preventDefault();
    if (await rename(environment.id, name)) setEditing(false);
  }

  return (
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
          {environment.production && <span className="badge production">PRODUCTION</span>}
        </div>
      )}
      {!editing && (
        <div className="row">
          <button type="button" onClick={() => setEditing(true)}>
            Rename
          </button>
          {confirmingDelete ? (
            <span className="row confirm" role="group" aria-label="Confirm deletion">
              <span>Delete “{environment.name}” and everything in it?</span>
              <button type="button" className="danger" onClick={() => void remove(environment.id)}>
                Yes, delete
              </button>
              <button type="button" onClick={() => setConfirmingDelete(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="danger-outline" onClick={() => setConfirmingDelete(true)}>
              Delete
            </button>
          )}
        </div>
      )}
    </header>
  );
}
