/**
 * A native modal <dialog> opened on mount: focus moves into it, the rest of the window is inert,
 * and Escape calls `onClose` (the parent decides whether it unmounts).
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function ModalDialog({ className, labelledBy, onClose, children }: { className: string; labelledBy: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
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
