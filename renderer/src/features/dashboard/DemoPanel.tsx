/**
 * The demo bar above the cards while the demo is set up: where its server runs, an
 * authenticated call to its API with each demo credential, and the way to remove it.
 */
import { useCredentials } from '../../state/credentials';
import { useDemo } from './demo-store';

const DIALECT_LABELS = { oauth2: 'OAuth2 token', session: 'session token' } as const;

export function DemoPanel() {
  const status = useDemo((s) => s.status);
  const busy = useDemo((s) => s.busy);
  const answers = useDemo((s) => s.answers);
  const credentials = useCredentials((s) => s.credentials);
  if (!status?.installed) return null;
  const { hello, remove } = useDemo.getState();

  return (
    <section className="demo-panel" aria-label="Built-in demo">
      <div className="row">
        <h2>Built-in demo</h2>
        <span className="muted small">
          {status.running ? `A small auth service and API on ${status.url}; tokens last ${status.lifetimeSeconds} s and are renewed before they expire.` : 'Starting the demo server…'}
        </span>
      </div>
      <div className="row">
        {status.credentials.map(({ id, dialect }) => (
          <button key={id} type="button" disabled={!status.running || busy} onClick={() => void hello(id)}>
            Call the demo API with the {DIALECT_LABELS[dialect]}
          </button>
        ))}
        <button type="button" className="danger-outline" disabled={busy} onClick={() => void remove()}>
          Remove the demo
        </button>
      </div>
      {status.credentials.map(({ id }) => {
        const answer = answers[id];
        if (!answer) return null;
        const name = credentials.find((c) => c.id === id)?.name ?? 'Demo credential';
        return (
          <figure key={id} className="demo-answer" aria-label={`Demo API answer for ${name}`}>
            <figcaption className="small">
              GET /api/hello with “{name}”: <strong>HTTP {answer.status}</strong>
              {answer.renewedAfter401 && <span className="muted"> (the token was renewed after a 401)</span>}
            </figcaption>
            <pre>{answer.body}</pre>
          </figure>
        );
      })}
    </section>
  );
}
