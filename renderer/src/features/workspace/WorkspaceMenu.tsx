/**
 * The workspace control in the top bar: "Open workspace folder…" (the system's folder dialog),
 * or the open folder's name and a way back to the data folder's own files.
 */
import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { folderName, useWorkspace } from './store';
import './workspace.css';

export function WorkspaceMenu() {
  const status = useWorkspace((s) => s.status);
  const load = useWorkspace((s) => s.load);
  const receive = useWorkspace((s) => s.receive);
  const action = useAction();

  useEffect(() => {
    void load();
  }, [load]);

  async function openFolder() {
    const opened = await action.run(() => api.workspace.open({}));
    if (opened) receive(opened);
  }

  async function closeFolder() {
    const closed = await action.run(() => api.workspace.close({}));
    if (closed) receive(closed);
  }

  return (
    <div className="workspace-menu">
      {status?.folder ? (
        <>
          <span className="workspace-folder" title={status.folder}>
            Workspace: <strong>{folderName(status.folder)}</strong>
          </span>
          <button type="button" className="ghost" disabled={action.busy} onClick={() => void closeFolder()}>
            Close workspace folder
          </button>
        </>
      ) : (
        <button type="button" disabled={action.busy} title="Environments, credentials and saved requests from a folder of files (a git clone)" onClick={() => void openFolder()}>
          Open workspace folder…
        </button>
      )}
      {action.error && (
        <div className="workspace-error">
          <ErrorMessage error={action.error} onDismiss={action.clearError} />
        </div>
      )}
    </div>
  );
}
