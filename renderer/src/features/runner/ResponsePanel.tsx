/** The answer: status, duration and size; then body, headers, timings and the request as sent. */
import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { moveBetweenTabs } from '../../components/tab-keys';
import { InlineConfirm } from '../../components/InlineConfirm';
import { BodyPanel } from './BodyPanel';
import { formatBytes, formatMs } from './format';
import { useRunner } from './store';
import { TimingsView } from './TimingsView';
import { WireView } from './WireView';

type Tab = 'body' | 'headers' | 'timings' | 'wire';
const TABS: Array<[Tab, string]> = [
  ['body', 'Body'],
  ['headers', 'Headers'],
  ['timings', 'Timings'],
  ['wire', 'Request sent'],
];

function statusClass(status: number): string {
  if (status < 300) return 'ok';
  if (status < 400) return 'redirect';
  return 'failed';
}

export function ResponsePanel() {
  const result = useRunner((s) => s.result);
  const failedRequest = useRunner((s) => s.failedRequest);
  const error = useRunner((s) => s.error);
  const clearError = useRunner((s) => s.clearError);
  const confirmation = useRunner((s) => s.confirmation);
  const send = useRunner((s) => s.send);
  const dismiss = useRunner((s) => s.dismissConfirmation);
  const sending = useRunner((s) => s.sendId !== null);
  const [tab, setTab] = useState<Tab>('body');

  return (
    <section className="response" aria-label="Response">
      {/* Always present, so screen readers hear the wait and then the answer's status. */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {sending ? 'Waiting for the response…' : result ? `Response: ${result.response.status} ${result.response.statusText}, ${formatMs(result.response.timings.totalMs)}` : ''}
      </p>
      {confirmation && (
        <InlineConfirm className="confirm-production" label="Confirm production request" confirmLabel="Send to production" cancelLabel="Don’t send" onConfirm={() => void send(true)} onCancel={dismiss}>
          <p>{confirmation.message}</p>
        </InlineConfirm>
      )}
      {error && <ErrorMessage error={error} onDismiss={clearError} />}
      {sending && <p className="muted">Waiting for the response…</p>}
      {failedRequest && !sending && <WireView request={failedRequest} />}
      {result && !sending && (
        <>
          <div className="status-line row" role="group" aria-label="Response status">
            <span className={`status ${statusClass(result.response.status)}`}>
              {result.response.status} {result.response.statusText}
            </span>
            <span>{formatMs(result.response.timings.totalMs)}</span>
            <span>{formatBytes(result.response.sizeBytes)}</span>
            {result.response.redirects.length > 0 && <span className="muted small">after {result.response.redirects.length} redirect(s)</span>}
          </div>
          {result.response.renewedAfter401 && (
            <p className="renewed" role="status">
              The token was rejected (401), so Tokenbench renewed it and sent the request once more. This is the second answer.
            </p>
          )}
          {result.response.renewalError && (
            <p className="warning" role="status">
              The token was rejected (401) and could not be renewed: {result.response.renewalError.message}
              {result.response.renewalError.hint && <span className="muted"> {result.response.renewalError.hint}</span>}
            </p>
          )}
          {result.historyProblem && <p className="warning small">{result.historyProblem}</p>}
          <div className="tabs" role="tablist" aria-label="Response parts" onKeyDown={moveBetweenTabs}>
            {TABS.map(([t, label]) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} tabIndex={tab === t ? 0 : -1} className={tab === t ? 'selected' : ''} onClick={() => setTab(t)}>
                {label}
              </button>
            ))}
          </div>
          {tab === 'body' && <BodyPanel key={result.historyId} body={result.body} />}
          {tab === 'headers' && (
            <table className="headers-table" aria-label="Response headers">
              <tbody>
                {result.response.headers.map(([name, value], i) => (
                  <tr key={`${name}-${i}`}>
                    <th scope="row">{name}</th>
                    <td>{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {tab === 'timings' && <TimingsView timings={result.response.timings} />}
          {tab === 'wire' && <WireView request={result.request} />}
        </>
      )}
      {!result && !error && !sending && !failedRequest && <p className="muted">Send a request to see the response here (Ctrl+Enter).</p>}
    </section>
  );
}
