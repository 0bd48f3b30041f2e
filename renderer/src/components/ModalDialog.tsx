/**
 * A native modal <dialog> opened on mount: focus moves into it, the rest of the window is inert,
 * Escape calls `onClose` (the parent decides whether it unmounts), and focus returns on unmount.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useReturnFocus } from './use-return-focus';

export function ModalDialog({ className, labelledBy, onClose, children }: { className: string; labelledBy: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useReturnFocus();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
