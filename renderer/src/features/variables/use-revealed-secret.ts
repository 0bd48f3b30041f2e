/**
 * A secret value shown on explicit request, for the time the main process allows: it lives only in
 * this component's state, is dropped when the time is up, and when the component unmounts (the
 * view or environment changes). It never enters a store.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../shared/errors';
import { api } from '../../lib/api';

export function useRevealedSecret(environmentId: string, name: string) {
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const hide = useCallback(() => {
    clearTimeout(timer.current);
    setValue(null);
  }, []);

  const reveal = useCallback(async () => {
    setError(null);
    const result = await api.secrets.reveal({ environmentId, name });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    clearTimeout(timer.current);
    setValue(result.value.value);
    timer.current = setTimeout(() => setValue(null), result.value.hideAfterMs);
  }, [environmentId, name]);

  // Unmounting (another view or environment: rows are keyed by both) drops the value with the component.
  useEffect(() => () => clearTimeout(timer.current), []);

  return { value, error, reveal, hide, clearError: () => setError(null) };
}
