/** Shows a readable error from the main process: what happened, and what to do about it. */
import type { ErrorInfo } from '../../../shared/errors';

export function ErrorMessage({ error, onDismiss }: { error: ErrorInfo; onDismiss?: () => void }) {
  return (
    <div className="error-message" role="alert">
      <div>
        <p className="error-text">{error.message}</p>
        {error.hint && <p className="error-hint">{error.hint}</p>}
      </div>
      {onDismiss && (
        <button type="button" className="ghost" onClick={onDismiss} aria-label="Dismiss error">
          ×
        </button>
      )}
    </div>
  );
}
