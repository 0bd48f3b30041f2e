/**
 * The common parts of a form: its footer (the failure of the last attempt, submit, cancel) and a
 * delete button that asks first.
 */
import { useState } from 'react';
import type { Action } from '../lib/use-action';
import { ErrorMessage } from './ErrorMessage';

export function FormActions({ action, submitLabel, disabled, onCancel }: { action: Action; submitLabel: string; disabled?: boolean; onCancel(): void }) {
  return (
    <>
      {action.error && <ErrorMessage error={action.error} onDismiss={action.clearError} />}
      <div className="row">
        <button type="submit" className="primary" disabled={action.busy || disabled}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}

interface ConfirmDeleteProps {
  /** The button's text, e.g. "Delete credential". */
  label: string;
  /** Accessible name of the button when it differs from the text (e.g. in a table row). */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm(): void;
}

export function ConfirmDelete({ label, ariaLabel, question, confirmLabel, onConfirm }: ConfirmDeleteProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger-outline" aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="row confirm" role="group" aria-label={`Confirm: ${label}`}>
      <span>{question}</span>
      <button type="button" className="danger" onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </span>
  );
}
