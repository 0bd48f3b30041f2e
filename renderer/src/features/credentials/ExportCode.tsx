/**
 * "Export as code": the saved credential as a small token client in TypeScript or Python, to copy
 * or save. The code holds no secret (it reads them from environment variables), so the window may
 * show and copy it.
 */
import { useState } from 'react';
import type { ErrorInfo } from '../../../../shared/errors';
import type { ExportedCodeView } from '../../../../shared/ipc/domains/from-example';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api, toErrorInfo, unwrap } from '../../lib/api';

type Language = 'typescript' | 'python';

export function ExportCode({ credentialId, environmentId, blockedBecause }: { credentialId: string; environmentId: string; blockedBecause: string | null }) {
  const [language, setLanguage] = useState<Language>('typescript');
  const [code, setCode] = useState<ExportedCodeView | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);

  async function attempt(work: () => Promise<void>) {
    setError(null);
    setNote('');
    try {
      await work();
    } catch (thrown) {
      setError(toErrorInfo(thrown));
    }
  }

  const show = (next: Language) =>
    attempt(async () => {
      setLanguage(next);
      setCode(await unwrap(api.codeExport.generate({ credentialId, environmentId, language: next })));
    });

  const copy = () =>
    attempt(async () => {
      await navigator.clipboard.writeText(code!.code);
      setNote(`Copied ${code!.fileName}.`);
    });

  const save = () =>
    attempt(async () => {
      const saved = await unwrap(api.codeExport.save({ credentialId, environmentId, language }));
      setNote(saved.saved ? `Saved as ${saved.fileName}.` : 'Not saved.');
    });

  return (
    <details className="export-code" onToggle={(e) => (e.currentTarget.open && !code ? void show(language) : undefined)}>
      <summary>Export as code</summary>
      {blockedBecause ? (
        <p className="muted small">{blockedBecause}</p>
      ) : (
        <>
          <div className="row">
            <label className="inline">
              <span>Language</span>
              <select value={language} onChange={(e) => void show(e.target.value as Language)}>
                <option value="typescript">TypeScript (Node ≥ 18)</option>
                <option value="python">Python (standard library)</option>
              </select>
            </label>
            <button type="button" disabled={!code} onClick={() => void copy()}>
              Copy code
            </button>
            <button type="button" disabled={!code} onClick={() => void save()}>
              Save as file…
            </button>
            {note && (
              <span className="muted small" role="status">
                {note}
              </span>
            )}
          </div>
          {code && (
            <>
              <p className="muted small">
                Reads {code.environmentVariables.map((v) => `${v.name}${v.secret ? ' (secret)' : ''}`).join(', ')} from the environment.
              </p>
              <pre className="export-code-text" role="region" aria-label="Exported code" tabIndex={0}>
                {code.code}
              </pre>
            </>
          )}
        </>
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </details>
  );
}
