/** What an import would create and what it cannot map, shown before anything is written. */
import { IMPORT_FORMAT_NAMES, type ImportPreview } from '../../../../shared/ipc/domains/portability';
import { count } from './wording';

export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const source = preview.format ? IMPORT_FORMAT_NAMES[preview.format] : 'a file';
  const listed = preview.requests.length;
  const total = preview.collections.reduce((n, c) => n + c.requests, 0);
  return (
    <div className="portability-result">
      <p role="status">
        {preview.fileName} is {source}. Nothing is written until you import it.
      </p>
      <section aria-label="Will be created">
        <h3>Will be created</h3>
        <ul>
          {preview.environments.map((e) => (
            <li key={`e-${e.name}`}>
              <span className="muted">Environment</span> {e.name}: {count(e.variables, 'variable')}, {e.secrets} secret
            </li>
          ))}
          {preview.credentials.map((c) => (
            <li key={`c-${c.name}`}>
              <span className="muted">Credential</span> {c.name}: {c.kind}
            </li>
          ))}
          {preview.collections.map((c) => (
            <li key={`r-${c.name}`}>
              <span className="muted">Collection</span> {c.name}: {count(c.requests, 'saved request')}
            </li>
          ))}
        </ul>
      </section>
      {listed > 0 && (
        <details>
          <summary>Requests{listed < total ? ` (the first ${listed} of ${total})` : ''}</summary>
          <ul className="small">
            {preview.requests.map((r, index) => (
              <li key={index}>
                <code>{r.method}</code> {[r.folder, r.name].filter(Boolean).join(' / ')}
                {r.credential ? <span className="muted"> · {r.credential}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview.secretsMoved > 0 && (
        <p className="small">
          {preview.secretsMoved === 1 ? '1 value' : `${preview.secretsMoved} values`} in the file look secret: they go to the vault as secret variables, never into
          plain files.
        </p>
      )}
      {(preview.notMapped.length > 0 || preview.skippedVariables.length > 0) && (
        <section aria-label="Cannot be mapped">
          <h3>Cannot be mapped</h3>
          <ul>
            {preview.notMapped.map((n, index) => (
              <li key={`n-${index}`}>
                {n.where}: {n.what}
              </li>
            ))}
            {preview.skippedVariables.map((v, index) => (
              <li key={`v-${index}`}>
                {v.environment} / {v.name}: {v.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
