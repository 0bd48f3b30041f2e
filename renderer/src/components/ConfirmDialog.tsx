/** An accessible yes/no question in a modal dialog; Escape or Cancel says no. */
import type { ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';
import './confirm-dialog.css';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  /** The question needs more first (e.g. a typed name). */
  confirmDisabled?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel = 'Cancel', danger, confirmDisabled, onConfirm, onCancel }: Props) {
  return (
    <ModalDialog className="confirm-dialog" labelledBy="confirm-dialog-title" onClose={onCancel}>
      <h2 id="confirm-dialog-title">{title}</h2>
      <div className="confirm-dialog-body">{children}</div>
      <div className="row confirm-dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} disabled={confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
