/**
 * The vault control in the top bar: its state at a glance, and (when unlocked) lock now, the
 * idle auto-lock delay, the system keychain and the passphrase.
 */
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../shared/ipc/domains/vault';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { focusVaultControl, VAULT_CONTROL_ID } from '../../lib/focus';
import { useAction } from '../../lib/use-action';
import { useVault } from '../../state/vault';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import './vault.css';

const STATE_LABEL = { 'not-set-up': 'Vault not set up', locked: 'Vault locked', unlocked: 'Vault unlocked', damaged: 'Vault damaged' } as const;

export function VaultMenu() {
  const status = useVault((s) => s.status);
  const [open, setOpen] = useState(false);
  if (!status) return null;
  const unlocked = status.state === 'unlocked';

  return (
    <div className="vault-menu">
      <button
        id={VAULT_CONTROL_ID}
        type="button"
        className={`vault-state ${status.state}`}
        aria-expanded={unlocked ? open : undefined}
        aria-controls={unlocked ? 'vault-panel' : undefined}
        disabled={!unlocked}
        title={unlocked ? 'Vault settings' : 'See the vault message below the top bar'}
        onClick={() => setOpen(!open)}
      >
        {STATE_LABEL[status.state]}
      </button>
      {unlocked && open && (
        <VaultPanel
          status={status}
          // Locked, the control disables itself and the unlock form below the top bar takes focus.
          onLocked={() => setOpen(false)}
          onClose={() => {
            setOpen(false);
            focusVaultControl();
          }}
        />
      )}
    </div>
  );
}

function VaultPanel({ status, onClose, onLocked }: { status: VaultStatus; onClose(): void; onLocked(): void }) {
  const receive = useVault((s) => s.receive);
  const [minutes, setMinutes] = useState(String(status.autoLockMinutes));
  const [changing, setChanging] = useState(false);
  const action = useAction();

  async function apply(call: () => ReturnType<typeof api.vault.lock>) {
    const next = await action.run(call);
    if (next) receive(next);
    return next;
  }

  function saveMinutes(event: FormEvent) {
    event.preventDefault();
    void apply(() => api.vault.settings({ autoLockMinutes: Number(minutes) }));
  }

  return (
    <div id="vault-panel" className="vault-panel" role="dialog" aria-label="Vault settings" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <button type="button" className="primary" autoFocus disabled={action.busy} onClick={() => void apply(() => api.vault.lock({})).then((next) => next && onLocked())}>
        Lock now
      </button>
      <form className="row" onSubmit={saveMinutes} aria-label="Auto-lock">
        <label className="inline">
          <span>Lock after idle minutes (0 = never)</span>
          <input type="number" min={0} max={1440} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <button type="submit" disabled={action.busy || minutes === String(status.autoLockMinutes) || !/^\d+$/.test(minutes)}>
          Save
        </button>
      </form>
      {status.autoLockAt !== null && <p className="muted small">Locks at {new Date(status.autoLockAt).toLocaleTimeString()} unless you keep working.</p>}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={status.unlockMethods.includes('keychain')}
          disabled={action.busy || !status.keychain.usable}
          onChange={(e) => void apply(() => api.vault.settings({ useKeychain: e.target.checked }))}
        />
        <span>Unlock with the system keychain</span>
      </label>
      {!status.keychain.usable && <p className="muted small">The system keychain cannot be used here: {status.keychain.reason ?? 'no reason given.'}</p>}
      {changing ? (
        <ChangePassphraseForm status={status} onDone={() => setChanging(false)} />
      ) : (
        <button type="button" onClick={() => setChanging(true)}>
          {status.unlockMethods.includes('passphrase') ? 'Change passphrase…' : 'Add a passphrase…'}
        </button>
      )}
      {action.error && <ErrorMessage error={action.error} onDismiss={action.clearError} />}
    </div>
  );
}
