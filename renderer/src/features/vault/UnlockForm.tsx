/** Unlocks the vault with the passphrase, or the OS keychain when the vault has a keychain slot. */
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../shared/ipc/domains/vault';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { focusVaultControl } from '../../lib/focus';
import { useAction } from '../../lib/use-action';
import { useVault } from '../../state/vault';

export function UnlockForm({ status }: { status: VaultStatus }) {
  const receive = useVault((s) => s.receive);
  const [passphrase, setPassphrase] = useState('');
  const action = useAction();
  const byPassphrase = status.unlockMethods.includes('passphrase');
  const byKeychain = status.unlockMethods.includes('keychain') && status.keychain.usable;

  async function unlock(request: { passphrase: string } | { method: 'keychain' }) {
    const next = await action.run(() => api.vault.unlock(request));
    // The passphrase leaves renderer state as soon as it has been used, right or wrong.
    setPassphrase('');
    if (next) {
      receive(next);
      focusVaultControl();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void unlock({ passphrase });
  }

  return (
    <div className="vault-form">
      {byPassphrase && (
        <form className="row" onSubmit={submit} aria-label="Unlock the vault">
          <label className="inline">
            <span>Vault passphrase</span>
            <input type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={action.busy || passphrase === ''}>
            {action.busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </form>
      )}
      {byKeychain && (
        <button type="button" disabled={action.busy} onClick={() => void unlock({ method: 'keychain' })}>
          Unlock with the system keychain
        </button>
      )}
      {action.error && <ErrorMessage error={action.error} onDismiss={action.clearError} />}
    </div>
  );
}
