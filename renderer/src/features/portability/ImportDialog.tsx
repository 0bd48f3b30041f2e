/**
 * Import: what to do when a name is taken, then the main process asks for the file. A file with
 * encrypted secret values answers "passphrase needed" with an opaque id for the file the main
 * process now holds: the passphrase field appears and the import is retried on that file (the
 * renderer never holds paths). A cancelled open dialog changes nothing.
 */
import { useState, type FormEvent } from 'react';
import type { ImportSummary } from '../../../../shared/ipc/domains/portability';
import { FormActions } from '../../components/FormActions';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { ImportSummaryView } from './ImportSummaryView';
import { DoneRow, PortabilityDialog } from './PortabilityDialog';

type ConflictPolicy = 'rename' | 'skip';

export function ImportDialog({ onClose }: { onClose(): void }) {
  const [onConflict, setOnConflict] = useState<ConflictPolicy>('rename');
  /** Set when the chosen file needs its passphrase: the main process holds the file under this id. */
  const [retryId, setRetryId] = useState<string | null>(null);
  const needsPassphrase = retryId !== null;
  const [passphrase, setPassphrase] = useState('');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await action.run<ImportSummary | null>(async () => {
      const result = await api.portability.import({ onConflict, ...(retryId ? { passphrase, retryId } : {}) });
      const heldFile = result.ok ? undefined : result.error.details?.retryId;
      if (typeof heldFile === 'string') setRetryId(heldFile);
      // Not a failure: the file is fine, it only needs its passphrase.
      if (!result.ok && result.error.code === 'export-passphrase-needed') return { ok: true as const, value: null };
      return result;
    });
    if (answer?.imported) setSummary(answer);
  }

  if (summary) {
    return (
      <PortabilityDialog title="Import environments" onClose={onClose}>
        <ImportSummaryView summary={summary} />
        <DoneRow onClose={onClose} />
      </PortabilityDialog>
    );
  }

  return (
    <PortabilityDialog title="Import environments" onClose={onClose}>
      <form className="portability-form" onSubmit={submit} aria-label="Import environments">
        <p className="muted small">From a Tokenbench export or a Postman environment file (JSON). Nothing here is overwritten.</p>
        <fieldset>
          <legend>If a name is taken</legend>
          <ConflictChoice value="rename" current={onConflict} onChange={setOnConflict} label="Import under a new name, such as “Sandbox (imported)”" />
          <ConflictChoice value="skip" current={onConflict} onChange={setOnConflict} label="Skip it" />
        </fieldset>
        {needsPassphrase && (
          <fieldset>
            <legend>File passphrase</legend>
            <p className="muted small">
              This file holds encrypted secret values. Type the passphrase chosen when it was exported.
            </p>
            <label>
              <span>Passphrase of the exported file</span>
              <input type="password" autoComplete="off" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
            </label>
          </fieldset>
        )}
        <FormActions
          action={action}
          submitLabel={action.busy ? 'Importing…' : needsPassphrase ? 'Import with this passphrase' : 'Choose file and import…'}
          disabled={needsPassphrase && passphrase === ''}
          onCancel={onClose}
        />
      </form>
    </PortabilityDialog>
  );
}

function ConflictChoice({ value, current, label, onChange }: { value: ConflictPolicy; current: ConflictPolicy; label: string; onChange(value: ConflictPolicy): void }) {
  return (
    <label className="checkbox">
      <input type="radio" name="import-on-conflict" checked={current === value} onChange={() => onChange(value)} />
      <span>{label}</span>
    </label>
  );
}
