/**
 * First run: protect secrets with a passphrase, or with the OS keychain where it is usable (when it
 * is not, the reason the main process gives is shown, e.g. Linux without a keyring).
 */
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../shared/ipc/domains/vault';
import { ErrorMessage } from '../../components/ErrorMessage';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { api } from '../../lib/api';
import { focusVaultControl } from '../../lib/focus';
import { useAction } from '../../lib/use-action';
import { useVault } from '../../state/vault';

export function VaultSetupForm({ status }: { status: VaultStatus }) {
  const receive = useVault((s) => s.receive);
  const [method, setMethod] = useState<'passphrase' | 'keychain'>('passphrase');
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const action = useAction();
  const keychain = status.keychain;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = method === 'keychain' ? { useKeychain: true } : { passphrase: passphrase ?? '' };
    const next = await action.run(() => api.vault.setup(request));
    if (next) {
      receive(next);
      focusVaultControl();
    }
  }

  return (
    <form className="vault-form" onSubmit={submit} aria-label="Set up the vault">
      <fieldset className="choice">
        <legend>Protect the vault with</legend>
        <label className="checkbox">
          <input type="radio" name="vault-method" checked={method === 'passphrase'} onChange={() => setMethod('passphrase')} />
          <span>A passphrase you type when you open Tokenbench</span>
        </label>
        <label className="checkbox">
          <input type="radio" name="vault-method" checked={method === 'keychain'} disabled={!keychain.usable} onChange={() => setMethod('keychain')} />
          <span>The system keychain (no passphrase to type)</span>
        </label>
        {!keychain.usable && (
          <p className="muted small">The system keychain cannot be used here: {keychain.reason ?? 'the operating system did not say why.'}</p>
        )}
      </fieldset>
      {method === 'passphrase' && <NewPassphraseFields label="Passphrase" onChange={setPassphrase} />}
      {method === 'passphrase' && (
        <p className="muted small">There is no way to recover secrets if the passphrase is lost: keep it in your password manager.</p>
      )}
      {action.error && <ErrorMessage error={action.error} onDismiss={action.clearError} />}
      <button type="submit" className="primary" disabled={action.busy || (method === 'passphrase' && passphrase === null)}>
        {action.busy ? 'Setting up…' : 'Set up vault'}
      </button>
    </form>
  );
}
