/**
 * One token request in the timeline: a summary line that expands into the redacted exchange
 * (request, response, timings, redirects, warnings), with "copy as cURL" (redacted) and an
 * explicit, confirmed "copy with secrets".
 */
import { memo, useState } from 'react';
import type { TimelineEntryView } from '../../../../shared/domain/token';
import type { ErrorInfo } from '../../../../shared/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api, toErrorInfo, unwrap } from '../../lib/api';
import { localDateTime } from '../../lib/time';
import { useEnvironments } from '../../state/environments';
import { copyText } from './copy-text';
import { ExchangeDetails } from './ExchangeDetails';

const PURPOSE_LABELS: Record<TimelineEntryView['purpose'], string> = { token: 'Token request', refresh: 'Refresh', 'device-authorization': 'Device sign-in start', introspect: 'Introspection', revoke: 'Revocation' };
const PURPOSE_BADGES: Record<Exclude<TimelineEntryView['purpose'], 'token'>, string> = { refresh: 'refresh', 'device-authorization': 'device sign-in', introspect: 'introspect', revoke: 'revoke' };

async function copyCurl(entryId: string, reveal: boolean): Promise<void> {
  const { curl } = await unwrap(api.timeline.curl({ entryId, reveal }));
  await copyText(curl);
}

export const TimelineEntry = memo(function TimelineEntry({ entry }: { entry: TimelineEntryView }) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState<'redacted' | 'revealed' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  // Marked like everywhere else, so a production exchange is never mistaken for a sandbox one.
  const production = useEnvironments((s) => s.environments.some((e) => e.id === entry.environmentId && e.production));
  const detailsId = `timeline-${entry.id}`;
  const label = `${PURPOSE_LABELS[entry.purpose]} for ${entry.credentialName} in ${entry.environmentName} at ${localDateTime(entry.at)}`;

  async function copy(reveal: boolean) {
    setConfirming(false);
    setError(null);
    try {
      await copyCurl(entry.id, reveal);
      setCopied(reveal ? 'revealed' : 'redacted');
    } catch (failure) {
      setError(toErrorInfo(failure));
    }
  }

  return (
    <li className={`timeline-entry ${entry.outcome}${production ? ' production' : ''}`} aria-label={label}>
      <button type="button" className="timeline-summary" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
        <span className="timeline-time">{localDateTime(entry.at)}</span>
        <span className={`badge outcome-${entry.outcome}`}>{entry.status ?? (entry.outcome === 'success' ? 'OK' : 'No answer')}</span>
        <span className="timeline-names">
          {entry.credentialName} <span className="muted">in {entry.environmentName}</span>
          {production && <span className="badge production">PRODUCTION</span>}
          {entry.purpose !== 'token' && <span className="badge">{PURPOSE_BADGES[entry.purpose]}</span>}
        </span>
        <span className="timeline-line">
          {entry.method} {entry.url}
        </span>
        <span className="muted small">{Math.round(entry.durationMs)} ms</span>
      </button>
      {entry.error && (
        <p className="timeline-error">
          {entry.error.message} <span className="muted">{entry.error.hint}</span>
        </p>
      )}
      {open && (
        <div id={detailsId} className="timeline-details">
          <ExchangeDetails entry={entry} />
          <div className="row">
            <button type="button" onClick={() => void copy(false)}>
              Copy as cURL
            </button>
            <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>
              Copy with secrets…
            </button>
            {copied && (
              <span role="status" className="muted small">
                {copied === 'redacted' ? 'Copied (secrets masked).' : 'Copied with secrets. Clear your clipboard when done.'}
              </span>
            )}
          </div>
          {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
        </div>
      )}
      {confirming && (
        <ConfirmDialog title="Copy with secrets?" confirmLabel="Copy with secrets" danger onConfirm={() => void copy(true)} onCancel={() => setConfirming(false)}>
          <p>The cURL command will contain the real client secret, password or key of “{entry.credentialName}”. Anything you paste it into can read it.</p>
          <p className="muted small">Tokenbench does not clear this from the clipboard for you.</p>
        </ConfirmDialog>
      )}
    </li>
  );
});
