/** Paste a cURL command to create a request from it; says which options were ignored. */
import { useState, type FormEvent } from 'react';
import { CurlParseError, parseCurl } from '../../../../shared/runner/curl-parse';
import { useReturnFocus } from '../../components/use-return-focus';
import { REQUEST_URL_ID } from '../../lib/focus';
import { useRunner } from './store';

export function CurlImport({ onDone }: { onDone(): void }) {
  useReturnFocus();
  const open = useRunner((s) => s.open);
  const current = useRunner((s) => s.draft);
  const [command, setCommand] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const { draft, warnings } = parseCurl(command);
      // The pasted request runs in the environment already picked.
      open({ ...draft, environmentId: current.environmentId }, null, warnings.length ? warnings.join(' ') : null);
      // Focus goes to the request just made (its URL) before this form disappears.
      document.getElementById(REQUEST_URL_ID)?.focus();
      onDone();
    } catch (error) {
      if (!(error instanceof CurlParseError)) throw error;
      setProblem(error.message);
    }
  }

  return (
    <form className="dialog" aria-label="Import cURL" onSubmit={submit}>
      <label>
        <span>Paste a cURL command</span>
        <textarea autoFocus rows={6} spellCheck={false} value={command} onChange={(e) => setCommand(e.target.value)} aria-label="cURL command" placeholder="curl -X POST https://api.example.com/v1/orders -H 'Content-Type: application/json' -d '{…}'" />
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={command.trim() === ''}>
          Create request
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
