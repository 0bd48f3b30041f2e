/**
 * An environment's safety settings: production marking, asking before requests in production,
 * allowed hosts, and the TLS verification opt-out (with its warning).
 */
import type { Environment } from '../../../../shared/domain/environment';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { AllowedHostsEditor } from './AllowedHostsEditor';
import { ClientCertificateSection } from './ClientCertificateSection';

type Toggle = 'production' | 'confirmProduction' | 'allowInsecureTls';

export function EnvironmentSettings({ environment }: { environment: Environment }) {
  const action = useAction();
  const toggle = (setting: Toggle, value: boolean) => void action.run(() => api.environments.update({ id: environment.id, [setting]: value }));

  return (
    <div className="settings">
      <section className="settings-block" aria-labelledby="production-title">
        <h2 id="production-title">Production</h2>
        <label className="checkbox">
          <input type="checkbox" checked={environment.production} disabled={action.busy} onChange={(e) => toggle('production', e.target.checked)} />
          <span>This is a production environment</span>
        </label>
        <p className="muted small">Production environments are marked in red everywhere, so a real key is never mistaken for a sandbox one.</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={environment.confirmProduction}
            disabled={action.busy || !environment.production}
            onChange={(e) => toggle('confirmProduction', e.target.checked)}
          />
          <span>Ask before requests and token fetches</span>
        </label>
        {!environment.production && <p className="muted small">Applies once the environment is marked as production.</p>}
      </section>

      <AllowedHostsEditor environment={environment} />

      <section className="settings-block" aria-labelledby="tls-title">
        <h2 id="tls-title">TLS verification</h2>
        <label className="checkbox">
          <input type="checkbox" checked={environment.allowInsecureTls} disabled={action.busy} onChange={(e) => toggle('allowInsecureTls', e.target.checked)} />
          <span>Accept invalid TLS certificates (self-signed sandboxes only)</span>
        </label>
        {environment.allowInsecureTls ? (
          <p className="warning" role="note">
            Certificates are not verified for this environment: anyone between you and the server can read and change the traffic, secrets
            and tokens included. Turn this off as soon as the server has a valid certificate
            {environment.production ? ', and never leave it on for production' : ''}.
          </p>
        ) : (
          <p className="muted small">Certificates are verified. Only turn this off for a sandbox with a self-signed certificate you trust.</p>
        )}
      </section>

      <ClientCertificateSection environment={environment} />
      {action.error && <ErrorMessage error={action.error} onDismiss={action.clearError} />}
    </div>
  );
}
