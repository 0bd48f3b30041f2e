/** Changes the vault passphrase (or adds one to a keychain-only vault); the main process checks the current one. */
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../shared/ipc/domains/vault';
import { FormActions } from '../../components/FormActions';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { useVault } from '../../state/vault';

export function ChangePassphraseForm({ status, onDone }: { status: VaultStatus; onDone(): void }) {
  const receive = useVault((s) => s.receive);
  const hasPassphrase = status.unlockMethods.includes('passphrase');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<string | null>(null);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next === null) return;
    const updated = await action.run(() => api.vault['change-passphrase']({ ...(hasPassphrase ? { current } : {}), next }));
    setCurrent('');
    if (updated) {
      receive(updated);
      onDone();
    }
  }

  return (
    <form className="vault-form" onSubmit={submit} aria-label={hasPassphrase ? 'Change passphrase' : 'Add a passphrase'}>
      {hasPassphrase && (
        <label>
          <span>Current passphrase</span>
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
      )}
      <NewPassphraseFields label="New passphrase" onChange={setNext} />
      <FormActions
        action={action}
        submitLabel={hasPassphrase ? 'Change passphrase' : 'Add passphrase'}
        disabled={next === null || (hasPassphrase && current === '')}
        onCancel={onDone}
      />
    </form>
  );
}
