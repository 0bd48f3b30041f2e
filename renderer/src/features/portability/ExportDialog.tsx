/**
 * Export: which environments (all unless unticked), and whether secret values go along,
 * encrypted with a passphrase typed twice. The main process then asks where to save the file;
 * a cancelled save dialog leaves this form as it was, with nothing to report.
 */
import { useState, type FormEvent } from 'react';
import type { ExportSummary } from '../../../../shared/ipc/domains/portability';
import { FormActions } from '../../components/FormActions';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useEnvironments } from '../../state/environments';
import { DoneRow, PortabilityDialog } from './PortabilityDialog';
import { exportedSecretsSentence, exportedSentence } from './wording';

export function ExportDialog({ onClose }: { onClose(): void }) {
  const environments = useEnvironments((s) => s.environments);
  // Unticked ones are kept rather than ticked ones, so an environment added meanwhile is included like the rest.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const [exported, setExported] = useState<ExportSummary | null>(null);
  const action = useAction();

  const chosen = environments.filter((e) => !unticked.has(e.id));
  const all = chosen.length === environments.length;

  function tick(id: string, on: boolean) {
    const next = new Set(unticked);
    if (on) next.delete(id);
    else next.add(id);
    setUnticked(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const summary = await action.run(() =>
      api.portability.export({
        // "All" also takes the credentials that belong to no environment.
        environmentIds: all ? undefined : chosen.map((e) => e.id),
        includeSecrets,
        passphrase: includeSecrets ? (passphrase ?? undefined) : undefined,
      }),
    );
    if (summary?.saved) setExported(summary);
  }

  if (exported) {
    return (
      <PortabilityDialog title="Export environments" onClose={onClose}>
        <div role="status" className="portability-result">
          <p>{exportedSentence(exported)}</p>
          <p className="muted">{exportedSecretsSentence(exported)}</p>
        </div>
        <DoneRow onClose={onClose} />
      </PortabilityDialog>
    );
  }

  const problem = chosen.length === 0 ? 'Tick at least one environment.' : includeSecrets && passphrase === null ? 'Type the export passphrase twice (at least 10 characters).' : null;

  return (
    <PortabilityDialog title="Export environments" onClose={onClose}>
      <form className="portability-form" onSubmit={submit} aria-label="Export environments">
        <fieldset>
          <legend>Environments to export</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={all}
              ref={(box) => {
                if (box) box.indeterminate = !all && chosen.length > 0;
              }}
              onChange={(e) => setUnticked(e.target.checked ? new Set() : new Set(environments.map((env) => env.id)))}
            />
            <span>All environments</span>
          </label>
          <ul className="portability-choices">
            {environments.map((environment) => (
              <li key={environment.id}>
                <label className="checkbox">
                  <input type="checkbox" checked={!unticked.has(environment.id)} onChange={(e) => tick(environment.id, e.target.checked)} />
                  <span>{environment.name}</span>
                </label>
              </li>
            ))}
          </ul>
          <p className="muted small">Credentials that use the chosen environments are exported with them.</p>
        </fieldset>
        <fieldset>
          <legend>Secret values</legend>
          <label className="checkbox">
            <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} />
            <span>Include secret values</span>
          </label>
          {includeSecrets ? (
            <>
              <p className="muted small">
                The secret values are encrypted in the file with a passphrase you choose now (not your vault passphrase). Whoever imports the file needs it:
                keep it somewhere safe, apart from the file.
              </p>
              <NewPassphraseFields label="Export passphrase" onChange={setPassphrase} />
            </>
          ) : (
            <p className="muted small">Without them, the file holds the names of secret variables only; whoever imports it sets the values again.</p>
          )}
        </fieldset>
        {problem && <p className="muted small">{problem}</p>}
        <FormActions action={action} submitLabel={action.busy ? 'Exporting…' : 'Choose file and export…'} disabled={problem !== null} onCancel={onClose} />
      </form>
    </PortabilityDialog>
  );
}
