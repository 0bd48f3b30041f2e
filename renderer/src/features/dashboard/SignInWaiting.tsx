/**
 * A card's "waiting for sign-in" panel: for the browser flow, a note that the browser is open;
 * for the device flow, the user code in large type with a copy button, the link, the time left
 * and Cancel. Announced politely once (aria-live), and fully usable from the keyboard.
 */
import { useState } from 'react';
import type { SignInWait } from '../../../../shared/domain/token';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNow } from '../../lib/clock';
import { duration } from '../../lib/time';
import { useSignIns } from './sign-in-store';

export function SignInWaiting({ wait, label }: { wait: SignInWait; label: string }) {
  const now = useNow();
  const error = useSignIns((s) => s.error);
  const [copied, setCopied] = useState<string | null>(null);
  const left = wait.expiresAt - now;
  const timeLeft = left > 0 ? `${duration(left)} left` : 'Time is up';
  const cancel = (
    <button type="button" onClick={() => void useSignIns.getState().cancel(wait.key)}>
      Cancel sign-in
    </button>
  );
  if (wait.flow === 'authorization-code') {
    return (
      <section className="sign-in-waiting" aria-label={`Waiting for sign-in for ${label}`}>
        <p role="status">Waiting for you to sign in in your browser…</p>
        <p className="muted small" role="timer" aria-label="Sign-in time left">{timeLeft}</p>
        {cancel}
        {error && <ErrorMessage error={error} />}
      </section>
    );
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(wait.userCode);
      setCopied('Code copied.');
    } catch (error) {
      setCopied(`The clipboard refused (${error instanceof Error ? error.message : String(error)}): type the code by hand.`);
    }
  };
  return (
    <section className="sign-in-waiting" aria-label={`Waiting for sign-in for ${label}`}>
      <p role="status">
        Waiting for approval: open the link on any device and enter this code.
      </p>
      <p className="user-code" aria-label="Code to enter">
        <code>{wait.userCode}</code>
      </p>
      <div className="row">
        <button type="button" onClick={() => void copy()}>
          Copy code
        </button>
        {cancel}
      </div>
      <p className="small">
        <a href={wait.verificationUriComplete ?? wait.verificationUri} target="_blank" rel="noreferrer">
          {wait.verificationUri}
        </a>
        {wait.verificationUriComplete && <span className="muted"> (this link carries the code)</span>}
      </p>
      <p className="muted small" role="timer" aria-label="Code time left">{timeLeft}</p>
      {copied && <p className="muted small" role="status">{copied}</p>}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
