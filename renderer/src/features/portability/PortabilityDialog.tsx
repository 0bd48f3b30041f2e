/** The frame both the export and the import dialog share: a titled modal with a Close button, and the Done row under a result. */
import { useId, type ReactNode } from 'react';
import { ModalDialog } from '../../components/ModalDialog';

export function PortabilityDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const titleId = useId();
  return (
    <ModalDialog className="portability-dialog" labelledBy={titleId} onClose={onClose}>
      <header className="portability-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="ghost" onClick={onClose}>
          Close
        </button>
      </header>
      {children}
    </ModalDialog>
  );
}

/** Under a result: the one thing left to do, focused so Enter closes the dialog. */
export function DoneRow({ onClose }: { onClose(): void }) {
  return (
    <div className="row portability-actions">
      <button type="button" className="primary" autoFocus onClick={onClose}>
        Done
      </button>
    </div>
  );
}
