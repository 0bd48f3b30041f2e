/** The workspace: environments on the left, the selected one on the right. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { EmptyState } from './components/EmptyState';
import { ErrorMessage } from './components/ErrorMessage';
import { EnvironmentHeader } from './features/environments/EnvironmentHeader';
import { EnvironmentList } from './features/environments/EnvironmentList';
import { NewEnvironmentForm } from './features/environments/NewEnvironmentForm';
import { useEnvironments, useSelectedEnvironment } from './features/environments/store';
import { api } from './lib/api';

export function App() {
  const load = useEnvironments((s) => s.load);
  const loaded = useEnvironments((s) => s.loaded);
  const error = useEnvironments((s) => s.error);
  const clearError = useEnvironments((s) => s.clearError);
  const count = useEnvironments((s) => s.environments.length);
  const selected = useSelectedEnvironment();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    void load();
    void api.app.info({}).then((result) => result.ok && setInfo(result.value));
  }, [load]);

  useEffect(() => {
    // An explicit marker for tests and tooling: the first data has arrived.
    if (loaded) document.body.dataset.appReady = 'true';
  }, [loaded]);

  return (
    <div className="app">
      <div className="topbar">
        <span className="brand">Tokenbench</span>
        {info && <span className="muted small" title={info.dataDir}>v{info.version}</span>}
      </div>
      {info?.storeProblems.map((problem) => (
        <ErrorMessage key={problem.file} error={{ code: 'store-corrupt', message: problem.message, hint: `Your old data is kept at ${problem.keptAs}.` }} />
      ))}
      <div className="workspace">
        <EnvironmentList />
        <main className="content">
          {error && <ErrorMessage error={error} onDismiss={clearError} />}
          {!loaded ? null : selected ? (
            <EnvironmentHeader key={`${selected.id}:${selected.name}`} environment={selected} />
          ) : count === 0 ? (
            <EmptyState title="Create your first environment">
              An environment holds the variables and secrets for one place you connect to, such as “Lemonway sandbox” or
              “Landax prod”.
              <NewEnvironmentForm />
            </EmptyState>
          ) : (
            <EmptyState title="Pick an environment">Choose an environment on the left to see its credentials and tokens.</EmptyState>
          )}
        </main>
      </div>
    </div>
  );
}
