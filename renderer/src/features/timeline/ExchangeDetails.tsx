/** The redacted exchange of one token request: request, response, timings, redirects, warnings. */
import type { TimelineEntryView } from '../../../../shared/domain/token';

function Headers({ headers }: { headers: Array<[string, string]> }) {
  if (headers.length === 0) return <p className="muted small">No headers.</p>;
  return (
    <table className="timeline-headers">
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={`${name}-${index}`}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const TIMING_PARTS = [
  ['DNS', 'dnsMs'],
  ['connect', 'connectMs'],
  ['TLS', 'tlsMs'],
  ['first byte', 'firstByteMs'],
  ['download', 'downloadMs'],
  ['total', 'totalMs'],
] as const;

function timingText(timings: NonNullable<TimelineEntryView['response']>['timings']): string {
  const parts = TIMING_PARTS.map(([label, field]) => `${label} ${Math.round(timings[field])} ms`);
  return [...parts, ...(timings.reusedConnection ? ['reused connection'] : [])].join(' · ');
}

export function ExchangeDetails({ entry }: { entry: TimelineEntryView }) {
  const { request, response } = entry;
  return (
    <>
      {entry.warnings.length > 0 && (
        <ul className="timeline-warnings" aria-label="Warnings">
          {entry.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <section aria-label="Request">
        <h2>Request</h2>
        <p className="timeline-request-line">
          <code>
            {request.method} {request.url}
          </code>
        </p>
        <Headers headers={request.headers.map(({ name, value }) => [name, value])} />
        {request.body !== undefined && request.body !== '' && <pre className="timeline-body">{request.body}</pre>}
      </section>
      {response ? (
        <section aria-label="Response">
          <h2>Response: HTTP {response.status}</h2>
          {response.redirects.length > 0 && (
            <ol className="timeline-redirects" aria-label="Redirects">
              {response.redirects.map((hop, index) => (
                <li key={index}>
                  {hop.status} {hop.from} → {hop.to}
                  {hop.credentialsDropped && <span className="muted"> (credentials not sent on: another origin)</span>}
                </li>
              ))}
            </ol>
          )}
          <Headers headers={Object.entries(response.headers)} />
          {response.body !== '' && <pre className="timeline-body">{response.body}</pre>}
          <p className="muted small timeline-timings">
            {timingText(response.timings)}
          </p>
        </section>
      ) : (
        <p className="muted">No response arrived.</p>
      )}
    </>
  );
}
