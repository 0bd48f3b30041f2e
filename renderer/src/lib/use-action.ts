/**
 * `useAction`: runs one main-process call for a form or button and keeps its outcome in the
 * component (busy flag, readable error), so a failure is shown where the user acted.
 */
import { useCallback, useState } from 'react';
import type { ErrorInfo, Result } from '../../../shared/errors';

export interface Action {
  busy: boolean;
  error: ErrorInfo | null;
  /** Resolves to the value, or undefined after a failure (which is then in `error`). */
  run<T>(call: () => Promise<Result<T>>): Promise<T | undefined>;
  clearError(): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const run = useCallback(async <T,>(call: () => Promise<Result<T>>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (result.ok) return result.value;
      setError(result.error);
      return undefined;
    } catch (thrown) {
      // A transport failure (e.g. the window is closing): still the user's to see, never swallowed.
      setError({ code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, run, clearError: useCallback(() => setError(null), []) };
}
