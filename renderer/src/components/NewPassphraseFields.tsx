/**
 * A new passphrase typed twice, with a strength hint. Reports the passphrase to the parent only
 * when both entries match and it is long enough; the text stays in these inputs' state.
 */
import { useId, useState } from 'react';
import { passphraseStrength } from '../lib/passphrase-strength';
import './passphrase-fields.css';

export function NewPassphraseFields({ label, onChange }: { label: string; onChange(passphrase: string | null): void }) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const hintId = useId();
  const strength = passphraseStrength(first);
  const mismatch = second !== '' && first !== second;

  function update(nextFirst: string, nextSecond: string) {
    setFirst(nextFirst);
    setSecond(nextSecond);
    const usable = nextFirst === nextSecond && passphraseStrength(nextFirst).level !== 'too-short';
    onChange(usable ? nextFirst : null);
  }

  return (
    <div className="passphrase-fields">
      <label>
        <span>{label}</span>
        <input type="password" autoComplete="new-password" value={first} aria-describedby={hintId} onChange={(e) => update(e.target.value, second)} />
      </label>
      <p id={hintId} className={first === '' ? 'strength muted' : `strength strength-${strength.level}`} aria-live="polite">
        {first === '' ? 'At least 10 characters; a few unrelated words work well.' : `Strength: ${strength.label}. ${strength.advice}`}
      </p>
      <label>
        <span>Confirm {label.toLowerCase()}</span>
        <input type="password" autoComplete="new-password" value={second} aria-invalid={mismatch} onChange={(e) => update(first, e.target.value)} />
      </label>
      {mismatch && (
        <p className="field-problem" role="alert">
          The two entries differ.
        </p>
      )}
    </div>
  );
}
