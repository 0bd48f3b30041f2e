/**
 * The allowed-hosts list of an environment: where its secrets and tokens may be sent. Each entry
 * is checked as it is typed (same rules as the main process); the list is saved as a whole.
 */
import { useState, type FormEvent } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { checkAllowedHost } from './allowed-hosts';

export function AllowedHostsEditor({ environment }: { environment: Environment }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction();
  const hosts = environment.allowedHosts;

  const save = (allowedHosts: string[]) => action.run(() => api.environments.update({ id: environment.id, allowedHosts }));

  async function add(event: FormEvent) {
    event.preventDefault();
    const check = checkAllowedHost(draft, hosts);
    if (!check.ok) {
      setProblem(check.problem);
      return;
    }
    setProblem(null);
    if (await save([...hosts, check.host])) setDraft('');
  }

  return (
    <section className="settings-block" aria-labelledby="allowed-hosts-title">
      <h2 id="allowed-hosts-title">Allowed hosts</h2>
      <p className="muted small">
        Secrets and tokens of this environment are only ever sent to these hosts. A request to any other host is refused before anything
        leaves Tokenbench, so a typo in a URL or a hostile redirect cannot leak a key. An empty list is filled, the first time secrets are
        sent, with the hosts this environment&apos;s credentials and variables name. Letting secrets go further asks for your confirmation
        in a Tokenbench dialog. Entries look like api.example.com (any port), *.example.com (its subdomains) or localhost:8443 (that port
        only).
      </p>
      {hosts.length === 0 ? (
        <p className="notice">None yet: the first time its secrets are sent, the hosts its credentials and variables name are filled in.</p>
      ) : (
        <ul className="host-list" aria-label="Allowed hosts">
          {hosts.map((host) => (
            <li key={host}>
              <code>{host}</code>
              <button
                type="button"
                className="ghost"
                aria-label={`Remove ${host}`}
                disabled={action.busy}
                onClick={() => void save(hosts.filter((h) => h !== host))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="row" onSubmit={add} aria-label="Add allowed host">
        <input
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setProblem(null);
          }}
          placeholder="api.example.com"
          aria-label="Allowed host"
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'allowed-host-problem' : undefined}
        />
        <button type="submit" disabled={action.busy}>
          Add host
        </button>
      </form>
      {problem && (
        <p id="allowed-host-problem" className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {action.error && <ErrorMessage error={action.error} onDismiss={action.clearError} />}
    </section>
  );
}
