/** Saved requests as a tree: collections, folders, requests. One click opens a request. */
import { requestTree, type RequestTreeNode, type SavedRequest } from '../../../../shared/runner/saved';
import { useRunnerSidebar } from './sidebar-store';
import { useRunner } from './store';

function Node({ node, onOpen, onDelete }: { node: RequestTreeNode; onOpen(r: SavedRequest): void; onDelete(r: SavedRequest): void }) {
  return (
    <li>
      <details open>
        <summary>{node.name}</summary>
        <ul>
          {node.folders.map((folder) => (
            <Node key={folder.path} node={folder} onOpen={onOpen} onDelete={onDelete} />
          ))}
          {node.requests.map((request) => (
            <li key={request.id} className="saved-request">
              <button type="button" className="ghost" onClick={() => onOpen(request)}>
                <span className="method">{request.draft.method}</span> {request.name}
              </button>
              <button type="button" className="ghost" aria-label={`Delete saved request ${request.name}`} onClick={() => onDelete(request)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function SavedRequestsPanel() {
  const saved = useRunnerSidebar((s) => s.saved);
  const deleteSaved = useRunnerSidebar((s) => s.deleteSaved);
  const open = useRunner((s) => s.open);
  if (saved.length === 0) return <p className="muted small">No saved requests yet. Compose one and press Save.</p>;
  return (
    <ul className="request-tree" aria-label="Saved requests">
      {requestTree(saved).map((node) => (
        <Node key={node.path} node={node} onOpen={(r) => open(r.draft, r)} onDelete={(r) => void deleteSaved(r.id)} />
      ))}
    </ul>
  );
}
