/** The app frame: top bar, the rail of main views, problems found at start, and the current view. */
import { Suspense, useEffect, useState, type MouseEvent } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import { ErrorMessage } from '../components/ErrorMessage';
import { FromExampleHost } from '../features/from-example/FromExampleHost';
import { VaultBanner } from '../features/vault/VaultBanner';
import { VaultMenu } from '../features/vault/VaultMenu';
import { BrokenFiles } from '../features/workspace/BrokenFiles';
import { WorkspaceMenu } from '../features/workspace/WorkspaceMenu';
import { api } from '../lib/api';
import { useEnvironments } from '../state/environments';
import { useShell } from '../state/shell';
import { views } from './views';

/** Past the top bar and the rail, without changing the address (the shell blocks navigation). */
function skipToView(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('view')?.focus();
}

export function App() {
  const load = useEnvironments((s) => s.load);
  const loaded = useEnvironments((s) => s.loaded);
  const error = useEnvironments((s) => s.error);
  const clearError = useEnvironments((s) => s.clearError);
  const viewId = useShell((s) => s.viewId);
  const show = useShell((s) => s.show);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const current = views.find((view) => view.id === viewId) ?? views[0]!;
  const Current = current.component;

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
      <a className="skip-link" href="#view" onClick={skipToView}>
        Skip to {current.label}
      </a>
      <header className="topbar">
        <span className="brand">Tokenbench</span>
        {info && (
          <span className="muted small" title={info.dataDir}>
            v{info.version}
          </span>
        )}
        <WorkspaceMenu />
        <VaultMenu />
      </header>
      <VaultBanner />
      <BrokenFiles />
      {info?.storeProblems.map((problem) => (
        <ErrorMessage key={problem.file} error={{ code: 'store-corrupt', message: problem.message, hint: problem.keptAs ? `Your old data is kept at ${problem.keptAs}.` : undefined }} />
      ))}
      {error && <ErrorMessage error={error} onDismiss={clearError} />}
      <div className="workspace">
        <nav className="rail" aria-label="Views">
          {views.map((view) => (
            <button
              key={view.id}
              type="button"
              title={view.description}
              aria-current={view.id === current.id ? 'page' : undefined}
              className={view.id === current.id ? 'selected' : ''}
              onClick={() => show(view.id)}
            >
              {view.label}
            </button>
          ))}
        </nav>
        <main id="view" className="view" aria-label={current.label} tabIndex={-1}>
          <Suspense fallback={<p className="muted">Loading…</p>}>{loaded && <Current />}</Suspense>
        </main>
      </div>
      <FromExampleHost />
    </div>
  );
}
