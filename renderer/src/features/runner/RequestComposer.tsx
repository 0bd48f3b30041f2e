/**
 * Composing a request: method and URL (with variable completion), environment, credential and
 * timeout, then query, headers and body. Unknown variables are flagged before sending.
 */
import { useEffect, useMemo, useState } from 'react';
import { COMMON_METHODS, type RequestDraft } from '../../../../shared/runner/draft';
import { describeVariableProblem, findVariableProblems } from '../../../../shared/runner/references';
import { moveBetweenTabs } from '../../components/tab-keys';
import { REQUEST_URL_ID } from '../../lib/focus';
import { credentialsIn, useCredentials } from '../../state/credentials';
import { useEnvironments } from '../../state/environments';
import { BodyEditor } from './BodyEditor';
import { CurlExport } from './CurlExport';
import { CurlImport } from './CurlImport';
import { KeyValueTable } from './KeyValueTable';
import { SaveRequestForm } from './SaveRequestForm';
import { useRunner } from './store';
import { VariableInput } from './VariableInput';

type Tab = 'query' | 'headers' | 'body';
type Dialog = 'import' | 'export' | 'save' | null;

export function RequestComposer() {
  const draft = useRunner((s) => s.draft);
  const edit = useRunner((s) => s.edit);
  const setMethod = useRunner((s) => s.setMethod);
  const newRequest = useRunner((s) => s.newRequest);
  const send = useRunner((s) => s.send);
  const cancel = useRunner((s) => s.cancel);
  const sending = useRunner((s) => s.sendId !== null);
  const saved = useRunner((s) => s.saved);
  const notice = useRunner((s) => s.notice);
  const environments = useEnvironments((s) => s.environments);
  const allCredentials = useCredentials((s) => s.credentials);
  const [tab, setTab] = useState<Tab>('query');
  const [dialog, setDialog] = useState<Dialog>(null);

  const environment = environments.find((e) => e.id === draft.environmentId) ?? null;
  const variableNames = useMemo(() => (environment?.variables ?? []).map((v) => v.name), [environment]);
  const credentials = credentialsIn(allCredentials, draft.environmentId);
  const problems = findVariableProblems(draft, variableNames).map((p) => describeVariableProblem(p, environment?.name ?? null));
  const set = (patch: Partial<RequestDraft>) => edit((d) => ({ ...d, ...patch }));

  useEffect(() => {
    // A credential belongs to an environment: drop it when the environment no longer offers it.
    if (draft.credentialId && !credentials.some((c) => c.id === draft.credentialId)) edit((d) => ({ ...d, credentialId: null }));
  }, [draft.credentialId, credentials, edit]);

  const counts: Record<Tab, number> = {
    query: draft.query.length,
    headers: draft.headers.length,
    body: draft.body.type === 'none' ? 0 : 1,
  };

  return (
    <section className="composer" aria-label="Request">
      <div className="row request-line">
        <select aria-label="Method" value={draft.method} onChange={(e) => setMethod(e.target.value)}>
          {[...new Set([...COMMON_METHODS, draft.method])].map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <VariableInput id={REQUEST_URL_ID} className="url" label="URL" placeholder="https://api.example.com/v1/… or {{baseUrl}}/…" value={draft.url} variableNames={variableNames} onChange={(url) => set({ url })} />
        {/* Send stays where it is while the request runs (a second Enter must not cancel it); Cancel is its own button. */}
        <button type="button" className="primary" title="Ctrl+Enter / ⌘+Enter" aria-disabled={sending} onClick={() => void send()}>
          Send
        </button>
        {sending && (
          <button type="button" className="danger-outline" onClick={() => void cancel()}>
            Cancel
          </button>
        )}
      </div>
      <div className="row">
        <label className="inline">
          <span>Environment</span>
          <select aria-label="Environment" value={draft.environmentId ?? ''} onChange={(e) => set({ environmentId: e.target.value || null })}>
            <option value="">No environment</option>
            {environments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
                {e.production ? ' (production)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <span>Credential</span>
          <select aria-label="Credential" value={draft.credentialId ?? ''} disabled={!draft.environmentId} onChange={(e) => set({ credentialId: e.target.value || null })}>
            <option value="">{draft.environmentId ? 'No credential' : 'Pick an environment first'}</option>
            {credentials.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <span>Timeout (s)</span>
          <input
            type="number"
            min={1}
            max={600}
            aria-label="Timeout in seconds"
            value={draft.timeoutSeconds}
            onChange={(e) => set({ timeoutSeconds: Math.min(600, Math.max(1, Math.round(Number(e.target.value) || 1))) })}
          />
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => (setDialog(null), newRequest())}>
          New request
        </button>
        <button type="button" onClick={() => setDialog(dialog === 'import' ? null : 'import')}>
          Import cURL
        </button>
        <button type="button" onClick={() => setDialog(dialog === 'export' ? null : 'export')}>
          Copy as cURL
        </button>
        <button type="button" onClick={() => setDialog(dialog === 'save' ? null : 'save')}>
          {saved ? `Save “${saved.name}”` : 'Save'}
        </button>
      </div>
      {environment?.production && <p className="badge production">PRODUCTION — requests ask for confirmation</p>}
      {problems.length > 0 && (
        <ul className="warnings" aria-label="Variable problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {notice && (
        <p className="muted small" role="status">
          {notice}
        </p>
      )}
      {dialog === 'import' && <CurlImport onDone={() => setDialog(null)} />}
      {dialog === 'export' && <CurlExport onDone={() => setDialog(null)} />}
      {dialog === 'save' && <SaveRequestForm onDone={() => setDialog(null)} />}
      <div className="tabs" role="tablist" aria-label="Request parts" onKeyDown={moveBetweenTabs}>
        {(['query', 'headers', 'body'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} tabIndex={tab === t ? 0 : -1} className={tab === t ? 'selected' : ''} onClick={() => setTab(t)}>
            {t === 'query' ? 'Query' : t === 'headers' ? 'Headers' : 'Body'}
            {counts[t] > 0 && <span className="count">{counts[t]}</span>}
          </button>
        ))}
      </div>
      {tab === 'query' && <KeyValueTable label="Parameter" rows={draft.query} variableNames={variableNames} onChange={(query) => set({ query })} />}
      {tab === 'headers' && <KeyValueTable label="Header" rows={draft.headers} variableNames={variableNames} onChange={(headers) => set({ headers })} />}
      {tab === 'body' && <BodyEditor body={draft.body} variableNames={variableNames} onChange={(body) => set({ body })} />}
    </section>
  );
}
