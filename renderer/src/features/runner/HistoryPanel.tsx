/**
 * Every request sent, newest first: method and path first (the host is the same on most rows),
 * status, time, a mark when the token was renewed, the entry reopened highlighted; searchable,
 * reopened with one click, cleared on demand.
 */
import { useState } from 'react';
import { api, toErrorInfo, unwrap } from '../../lib/api';
import { formatMs, requestHost, requestPath } from './format';
import { useRunnerSidebar } from './sidebar-store';
import { useRunner } from './store';

export function HistoryPanel() {
  const history = useRunnerSidebar((s) => s.history);
  const search = useRunnerSidebar((s) => s.search);
  const loadHistory = useRunnerSidebar((s) => s.loadHistory);
  const clearHistory = useRunnerSidebar((s) => s.clearHistory);
  const openHistory = useRunner((s) => s.openHistory);
  const reopenedId = useRunner((s) => s.reopenedId);
  const [confirmingClear, setConfirmingClear] = useState(false);

  async function reopen(id: string) {
    try {
      openHistory(await unwrap(api.history.get({ id })));
    } catch (error) {
      useRunnerSidebar.setState({ error: toErrorInfo(error) });
    }
  }

  return (
    <div className="history">
      <input type="search" placeholder="Search history" aria-label="Search history" value={search} onChange={(e) => void loadHistory(e.target.value)} />
      {history.unreadable > 0 && <p className="warning small">{history.unreadable} history line(s) could not be read; they are left untouched in the history file.</p>}
      <ul className="history-list" aria-label="History">
        {history.entries.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              className={`ghost history-item${entry.id === reopenedId ? ' reopened' : ''}`}
              aria-current={entry.id === reopenedId ? 'true' : undefined}
              onClick={() => void reopen(entry.id)}
              title={entry.url}
            >
              <span className="method">{entry.method}</span>
              <span className="history-path">{requestPath(entry.url)}</span>
              <span className={`status ${entry.status === null ? 'failed' : entry.status < 400 ? 'ok' : 'failed'}`}>{entry.status ?? 'failed'}</span>
              <span className="muted small history-meta">
                {new Date(entry.at).toLocaleTimeString()}
                {entry.durationMs !== null ? ` · ${formatMs(entry.durationMs)}` : ''}
                {entry.renewed && <strong className="history-renewed"> · token renewed</strong>}
                {` · ${requestHost(entry.url)}`}
                {entry.environmentName ? ` · ${entry.environmentName}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {history.entries.length === 0 && <p className="muted small">{search ? 'Nothing matches.' : 'Requests you send appear here.'}</p>}
      {history.entries.length > 0 &&
        (confirmingClear ? (
          <div className="row" role="group" aria-label="Confirm clearing history">
            <span className="small">Clear the whole history?</span>
            <button type="button" className="danger" onClick={() => (setConfirmingClear(false), void clearHistory())}>
              Yes, clear
            </button>
            <button type="button" onClick={() => setConfirmingClear(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" className="danger-outline" onClick={() => setConfirmingClear(true)}>
            Clear history
          </button>
        ))}
    </div>
  );
}
