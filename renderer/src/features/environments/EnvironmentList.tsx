/**
 * The sidebar: every environment, production ones marked, the way to add one, and below them the
 * actions the shell hands in (export and import).
 */
import { useState, type ReactNode } from 'react';
import { useEnvironments } from '../../state/environments';
import { NewEnvironmentForm } from './NewEnvironmentForm';

export function EnvironmentList({ actions }: { actions: ReactNode }) {
  const environments = useEnvironments((s) => s.environments);
  const selectedId = useEnvironments((s) => s.selectedId);
  const select = useEnvironments((s) => s.select);
  const [adding, setAdding] = useState(false);

  return (
    <nav className="sidebar" aria-label="Environments">
      <div className="sidebar-header">
        <h2>Environments</h2>
        <button type="button" onClick={() => setAdding(true)} aria-label="New environment" disabled={adding}>
          + New
        </button>
      </div>
      {adding && <NewEnvironmentForm onDone={() => setAdding(false)} />}
      <ul className="environment-list">
        {environments.map((environment) => (
          <li key={environment.id}>
            <button
              type="button"
              className={`environment-item${environment.id === selectedId ? ' selected' : ''}${environment.production ? ' production' : ''}`}
              aria-current={environment.id === selectedId ? 'true' : undefined}
              onClick={() => select(environment.id)}
            >
              <span className="environment-name" title={environment.name}>
                {environment.name}
              </span>
              {environment.production && (
                <span className="badge production" title="Production environment">
                  PROD
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {environments.length === 0 && !adding && <p className="muted small">No environments yet.</p>}
      {actions}
    </nav>
  );
}
