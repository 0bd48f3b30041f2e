/**
 * Import: what to do when a name is taken, then the main process asks for the file and answers
 * with a preview (what would be created, what cannot be mapped) before anything is written; the
 * user then imports or goes back. A file with encrypted secret values answers "passphrase needed"
 * with an opaque id for the file the main process now holds: the passphrase field appears and the
 * preview is retried on that file (the renderer never holds paths). A cancelled open dialog
 * changes nothing.
 */
import { useState, type FormEvent } from 'react';
import type { ImportPreview, ImportSummary } from '../../../../shared/ipc/domains/portability';
import { FormActions } from '../../components/FormActions';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportSummaryView } from './ImportSummaryView';
import { DoneRow, PortabilityDialog } from './PortabilityDialog';

type ConflictPolicy = 'rename' | 'skip';

const TITLE = 'Import';

export function ImportDialog({ onClose }: { onClose(): void }) {
  const [onConflict, setOnConflict] = useState<ConflictPolicy>('rename');
  /** Set when the chosen file needs its passphrase: the main process holds the file under this id. */
  const [retryId, setRetryId] = useState<string | null>(null);
  const needsPassphrase = retryId !== null;
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const action = useAction();

  async function choose(event: FormEvent) {
    event.preventDefault();
    const answer = await action.run<ImportPreview | null>(async () => {
      const result = await api.portability.preview(retryId ? { passphrase, retryId } : {});
      const heldFile = result.ok ? undefined : result.error.details?.retryId;
      if (typeof heldFile === 'string') setRetryId(heldFile);
      // Not a failure: the file is fine, it only needs its passphrase.
      if (!result.ok && result.error.code === 'export-passphrase-needed') return { ok: true as const, value: null };
      return result;
    });
    if (answer?.chosen) setPreview(answer);
  }

  async function importPreviewed() {
    if (!preview?.fileId) return;
    const fileId = preview.fileId;
    const answer = await action.run<ImportSummary>(() => api.portability.import({ onConflict, retryId: fileId, ...(needsPassphrase ? { passphrase } : {}) }));
    if (answer?.imported) setSummary(answer);
  }

  if (summary) {
    return (
      <PortabilityDialog title={TITLE} onClose={onClose}>
        <ImportSummaryView summary={summary} />
        <DoneRow onClose={onClose} />
      </PortabilityDialog>
    );
  }

  if (preview) {
    return (
      <PortabilityDialog title={TITLE} onClose={onClose}>
        <ImportPreviewView preview={preview} />
        <ConfirmImport action={action} onImport={importPreviewed} onBack={() => setPreview(null)} />
      </PortabilityDialog>
    );
  }

  return (
    <PortabilityDialog title={TITLE} onClose={onClose}>
      <form className="portability-form" onSubmit={choose} aria-label={TITLE}>
        <p className="muted small">
          From a Tokenbench export, a Postman environment or collection, an Insomnia export (JSON or YAML), a Bruno collection (its bruno.json) or an
          OpenAPI 3 document. You see what it brings before anything is written; nothing here is overwritten.
        </p>
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
          submitLabel={action.busy ? 'Reading the file…' : needsPassphrase ? 'Open with this passphrase' : 'Choose file…'}
          disabled={needsPassphrase && passphrase === ''}
          onCancel={onClose}
        />
      </form>
    </PortabilityDialog>
  );
}

/** Under the preview: import it, or go back and choose another file. */
function ConfirmImport({ action, onImport, onBack }: { action: ReturnType<typeof useAction>; onImport(): void; onBack(): void }) {
  return (
    <form
      className="portability-form"
      aria-label="Confirm the import"
      onSubmit={(event) => {
        event.preventDefault();
        onImport();
      }}
    >
      <FormActions action={action} submitLabel={action.busy ? 'Importing…' : 'Import'} onCancel={onBack} />
    </form>
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
