/**
 * The vault gate under the top bar: first-run setup, the unlock form while locked, or the reason a
 * damaged vault cannot open. Nothing shows while the vault is unlocked. The rest of the app stays
 * usable (non-secret work needs no vault); secret-dependent actions say why they are disabled.
 */
import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useVault } from '../../state/vault';
import { UnlockForm } from './UnlockForm';
import { VaultSetupForm } from './VaultSetupForm';
import './vault.css';

export function VaultBanner() {
  const status = useVault((s) => s.status);
  const error = useVault((s) => s.error);
  const load = useVault((s) => s.load);
  const [setupOpen, setSetupOpen] = useState(true);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <ErrorMessage error={error} />;
  if (!status || status.state === 'unlocked') return null;

  if (status.state === 'damaged') {
    const problem = status.problem ?? { code: 'vault-error', message: 'The vault cannot be opened.' };
    return <ErrorMessage error={problem} />;
  }

  if (status.state === 'locked') {
    return (
      <section className="vault-banner locked" aria-label="Vault locked">
        <div>
          <h2>The vault is locked</h2>
          <p className="muted small">Secret values and tokens are unavailable until you unlock it.</p>
        </div>
        <UnlockForm status={status} />
      </section>
    );
  }

  return (
    <section className="vault-banner setup" aria-label="Vault setup">
      <div className="row spread">
        <div>
          <h2>Set up the vault</h2>
          <p className="muted small">Secrets (client secrets, API keys, passwords) and tokens are stored encrypted in the vault, on this machine only.</p>
        </div>
        <button type="button" aria-expanded={setupOpen} onClick={() => setSetupOpen(!setupOpen)}>
          {setupOpen ? 'Not now' : 'Set up now'}
        </button>
      </div>
      {setupOpen && <VaultSetupForm status={status} />}
    </section>
  );
}
