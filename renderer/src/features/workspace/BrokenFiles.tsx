/**
 * The workspace folder's files that do not read, each with its line and what is wrong. The rest
 * of the folder is in use; these files are left as they are until they are fixed.
 */
import { useWorkspace } from './store';

export function BrokenFiles() {
  const status = useWorkspace((s) => s.status);
  if (!status?.folder || status.broken.length === 0) return null;
  const count = status.broken.length;
  return (
    <div className="error-message workspace-broken" role="alert">
      <div>
        <p className="error-text">
          {count === 1 ? 'One file' : `${count} files`} of the workspace folder could not be read, so {count === 1 ? 'it is' : 'they are'} left out:
        </p>
        <ul>
          {status.broken.map((broken) => (
            <li key={broken.file}>
              <code>{broken.file}</code>, line {broken.line}: {broken.message}.
            </li>
          ))}
        </ul>
        <p className="error-hint">Everything else in the folder is in use. Fix the file in your editor and save it; Tokenbench reads it again by itself and never overwrites it meanwhile.</p>
      </div>
    </div>
  );
}
