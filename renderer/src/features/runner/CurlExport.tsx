/** The current request as a cURL command: secrets masked unless the user ticks "reveal". */
import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { useRunner } from './store';

export function CurlExport({ onDone }: { onDone(): void }) {
  const draft = useRunner((s) => s.draft);
  const [reveal, setReveal] = useState(false);
  const [command, setCommand] = useState<{ command: string; note: string | null } | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void api.runner['export-curl']({ draft, reveal }).then((result) => {
      if (!current) return;
      setCommand(result.ok ? result.value : null);
      setError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
    };
  }, [draft, reveal]);

  async function copy() {
    if (!command) return;
    try {
      await navigator.clipboard.writeText(command.command);
      setCopied('Copied.');
    } catch (failure) {
      setCopied(`The clipboard refused (${failure instanceof Error ? failure.message : String(failure)}): select the command and copy it by hand.`);
    }
  }

  return (
    <section className="dialog" aria-label="Copy as cURL">
      {error && <ErrorMessage error={error} />}
      <textarea readOnly rows={8} spellCheck={false} aria-label="cURL command to copy" value={command?.command ?? ''} />
      {command?.note && <p className="muted small">{command.note}</p>}
      <div className="row">
        <label className="checkbox">
          <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
          <span>Reveal secret values in the command</span>
        </label>
        <button type="button" className="primary" onClick={() => void copy()} disabled={!command}>
          Copy
        </button>
        <button type="button" onClick={onDone}>
          Close
        </button>
        {copied && <span className="muted small">{copied}</span>}
      </div>
    </section>
  );
}
