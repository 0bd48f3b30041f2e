/** The auth timeline view: every token request, newest first, filterable by environment and credential. */
import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCredentials } from '../../state/credentials';
import { useEnvironments } from '../../state/environments';
import { useTimeline } from '../../state/timeline';
import { TimelineEntry } from './TimelineEntry';
import './timeline.css';

export default function TimelineView() {
  const entries = useTimeline((s) => s.entries);
  const filter = useTimeline((s) => s.filter);
  const loaded = useTimeline((s) => s.loaded);
  const error = useTimeline((s) => s.error);
  const environments = useEnvironments((s) => s.environments);
  const credentials = useCredentials((s) => s.credentials);
  const { setFilter, load, clearError } = useTimeline.getState();
  const choosable = filter.environmentId ? credentials.filter((c) => c.environmentIds.includes(filter.environmentId!)) : credentials;

  useEffect(() => {
    void load();
    if (!useCredentials.getState().loaded) void useCredentials.getState().load();
  }, [load]);

  return (
    <div className="timeline content">
      <header className="timeline-header">
        <h1>Auth timeline</h1>
        <div className="row">
          <label>
            <span>Environment</span>
            <select value={filter.environmentId ?? ''} onChange={(e) => setFilter({ environmentId: e.target.value || undefined, credentialId: undefined })}>
              <option value="">All environments</option>
              {environments.map((environment) => (
                <option key={environment.id} value={environment.id}>
                  {environment.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Credential</span>
            <select value={filter.credentialId ?? ''} onChange={(e) => setFilter({ ...filter, credentialId: e.target.value || undefined })}>
              <option value="">All credentials</option>
              {choosable.map((credential) => (
                <option key={credential.id} value={credential.id}>
                  {credential.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {error && <ErrorMessage error={error} onDismiss={clearError} />}
      {loaded && entries.length === 0 && (
        <EmptyState title="No token requests yet">
          Every request Tokenbench makes for a token shows up here with its redacted exchange. Get a token on the dashboard to see the first one.
        </EmptyState>
      )}
      <ol className="timeline-list" aria-label="Token requests, newest first">
        {entries.map((entry) => (
          <TimelineEntry key={entry.id} entry={entry} />
        ))}
      </ol>
    </div>
  );
}
