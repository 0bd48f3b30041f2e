/**
 * One certificate, key or CA input: pasted PEM text, or a file chosen in the app's open dialog.
 * A chosen file stays in the main process; the window only knows its name and a handle.
 */
import { useId } from 'react';
import type { CertificateSource, ChosenCertificateFile } from '../../../../shared/ipc/domains/client-tls';
import { api } from '../../lib/api';
import type { Action } from '../../lib/use-action';

export interface CertificateInputValue {
  text: string;
  file: ChosenCertificateFile | null;
}

export const emptyInput: CertificateInputValue = { text: '', file: null };

/** The source to send, or undefined when nothing was given. */
export function sourceOf(value: CertificateInputValue): CertificateSource | undefined {
  if (value.file) return { file: value.file.handle };
  return value.text.trim() === '' ? undefined : { text: value.text };
}

interface Props {
  label: string;
  placeholder: string;
  value: CertificateInputValue;
  onChange(value: CertificateInputValue): void;
  action: Action;
  /** Paste is offered for PEM text only (a PKCS#12 file is binary). */
  pasteable?: boolean;
  /** The file chosen holds more than this input asks for (a certificate and its key). */
  onChosen?(file: ChosenCertificateFile): void;
}

export function CertificateInput({ label, placeholder, value, onChange, action, pasteable = true, onChosen }: Props) {
  const id = useId();
  async function choose() {
    const file = await action.run(() => api.clientTls.chooseFile({}));
    if (!file) return;
    onChange({ text: '', file });
    onChosen?.(file);
  }
  return (
    <div className="certificate-input">
      {pasteable && !value.file ? <label htmlFor={id}>{label}</label> : <span className="field-label">{label}</span>}
      {value.file ? (
        <div className="row">
          <span className="notice">
            File: <code>{value.file.fileName}</code>
          </span>
          <button type="button" className="ghost" onClick={() => onChange(emptyInput)} aria-label={`Forget the file chosen for ${label}`}>
            Use another
          </button>
        </div>
      ) : (
        <div className="row">
          {pasteable && (
            <textarea
              id={id}
              rows={3}
              spellCheck={false}
              autoComplete="off"
              placeholder={placeholder}
              value={value.text}
              onChange={(e) => onChange({ text: e.target.value, file: null })}
            />
          )}
          <button type="button" disabled={action.busy} onClick={() => void choose()} aria-label={`Choose a file for ${label}`}>
            Choose file…
          </button>
        </div>
      )}
    </div>
  );
}
