/**
 * A yes/no question shown in place, next to what it is about (e.g. a production fetch). Keyboard
 * users get the same promises as ConfirmDialog: focus moves to the safe answer, Escape says no,
 * and focus goes back to where it was once the question is gone.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useReturnFocus } from './use-return-focus';

interface Props {
  /** The accessible name of the question (role alertdialog). */
  label: string;
  className: string;
  confirmLabel: string;
  cancelLabel?: string;
  children: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}

export function InlineConfirm({ label, className, confirmLabel, cancelLabel = 'Cancel', children, onConfirm, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useReturnFocus();
  useLayoutEffect(() => cancelRef.current?.focus(), []);

  return (
    <div
      className={className}
      role="alertdialog"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onCancel();
      }}
    >
      {children}
      <div className="row">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancelRef} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
