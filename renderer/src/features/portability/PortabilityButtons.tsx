/** "Export…" and "Import…" under the environment list; each opens its dialog. */
import { useState } from 'react';
import { useEnvironments } from '../../state/environments';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import './portability.css';

export function PortabilityButtons() {
  const hasEnvironments = useEnvironments((s) => s.environments.length > 0);
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const close = () => setOpen(null);

  return (
    <div className="row portability-buttons">
      <button type="button" onClick={() => setOpen('export')} disabled={!hasEnvironments} title={hasEnvironments ? undefined : 'There is no environment to export yet.'}>
        Export…
      </button>
      <button type="button" onClick={() => setOpen('import')}>
        Import…
      </button>
      {open === 'export' && <ExportDialog onClose={close} />}
      {open === 'import' && <ImportDialog onClose={close} />}
    </div>
  );
}
