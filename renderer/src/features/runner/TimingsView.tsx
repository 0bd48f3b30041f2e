/** Where the time went: DNS, connect, TLS, waiting for the first byte, download. */
import type { Timings } from '../../../../shared/runner/results';
import { formatMs } from './format';

const PHASES: Array<[keyof Timings, string]> = [
  ['dnsMs', 'DNS lookup'],
  ['connectMs', 'Connect'],
  ['tlsMs', 'TLS handshake'],
  ['firstByteMs', 'First byte'],
  ['downloadMs', 'Download'],
];

export function TimingsView({ timings }: { timings: Timings }) {
  const total = Math.max(timings.totalMs, 0.001);
  // Each phase starts where the ones before it ended.
  const rows = PHASES.map(([key, label], i) => ({ key, label, ms: timings[key] as number, start: PHASES.slice(0, i).reduce((sum, [k]) => sum + (timings[k] as number), 0) }));
  return (
    <div className="timings" role="group" aria-label="Timings">
      <table>
        <tbody>
          {rows.map(({ key, label, ms, start }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="timing-bar-cell">
                <span className="timing-bar" style={{ marginLeft: `${(start / total) * 100}%`, width: `${Math.max((ms / total) * 100, 0.5)}%` }} />
              </td>
              <td className="numeric">{formatMs(ms)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Total</th>
            <td />
            <td className="numeric">{formatMs(timings.totalMs)}</td>
          </tr>
        </tbody>
      </table>
      {timings.reusedConnection && <p className="muted small">An open connection was reused, so there was no DNS lookup, connect or TLS handshake.</p>}
    </div>
  );
}
