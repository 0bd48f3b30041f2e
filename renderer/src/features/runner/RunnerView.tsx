/**
 * The request runner: saved requests and history on the left, the request being composed and its
 * response on the right. Requests run in the main process; this view only ever sees masked data.
 * Loaded lazily (see shell/views.tsx), with its own stylesheet.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { moveBetweenTabs } from '../../components/tab-keys';
import { useCredentials } from '../../state/credentials';
import { HistoryPanel } from './HistoryPanel';
import { RequestComposer } from './RequestComposer';
import { ResponsePanel } from './ResponsePanel';
import { SavedRequestsPanel } from './SavedRequestsPanel';
import { useRunnerSidebar } from './sidebar-store';
import { useRunner } from './store';
import './runner.css';

export default function RunnerView() {
  const [panel, setPanel] = useState<'saved' | 'history'>('history');
  const loadSaved = useRunnerSidebar((s) => s.loadSaved);
  const loadHistory = useRunnerSidebar((s) => s.loadHistory);
  const sidebarError = useRunnerSidebar((s) => s.error);
  const clearSidebarError = useRunnerSidebar((s) => s.clearError);
  const credentialsError = useCredentials((s) => s.error);
  const loadCredentials = useCredentials((s) => s.load);

  useEffect(() => {
    void loadSaved();
    void loadHistory();
    void loadCredentials();
  }, [loadSaved, loadHistory, loadCredentials]);

  function onKeyDown(event: KeyboardEvent) {
    // Captured before the editors see it, so Ctrl/Cmd+Enter sends from anywhere in the view.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      void useRunner.getState().send();
    }
  }

  return (
    <div className="runner" onKeyDownCapture={onKeyDown}>
      <h1 className="visually-hidden">Runner</h1>
      <aside className="runner-sidebar" aria-label="Saved requests and history">
        <div className="tabs" role="tablist" aria-label="Sidebar" onKeyDown={moveBetweenTabs}>
          <button type="button" role="tab" aria-selected={panel === 'history'} tabIndex={panel === 'history' ? 0 : -1} className={panel === 'history' ? 'selected' : ''} onClick={() => setPanel('history')}>
            History
          </button>
          <button type="button" role="tab" aria-selected={panel === 'saved'} tabIndex={panel === 'saved' ? 0 : -1} className={panel === 'saved' ? 'selected' : ''} onClick={() => setPanel('saved')}>
            Saved
          </button>
        </div>
        {sidebarError && <ErrorMessage error={sidebarError} onDismiss={clearSidebarError} />}
        {credentialsError && <ErrorMessage error={credentialsError} />}
        {panel === 'history' ? <HistoryPanel /> : <SavedRequestsPanel />}
      </aside>
      <div className="runner-main">
        <RequestComposer />
        <ResponsePanel />
      </div>
    </div>
  );
}
