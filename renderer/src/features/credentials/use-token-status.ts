/**
 * The token status of one credential in one environment (non-secret: state, expiry, masked
 * hint), loaded once and kept current by `tokens:changed`.
 */
import { useEffect, useState } from 'react';
import type { TokenStatus } from '../../../../shared/domain/token';
import type { ErrorInfo } from '../../../../shared/errors';
import { api } from '../../lib/api';

export function useTokenStatus(environmentId: string, credentialId: string) {
  const [status, setStatus] = useState<TokenStatus | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    let live = true;
    const mine = (s: TokenStatus) => s.key.environmentId === environmentId && s.key.credentialId === credentialId;
    void api.tokens.list({}).then((result) => {
      if (!live) return;
      if (result.ok) setStatus(result.value.find(mine) ?? null);
      else setError(result.error);
    });
    const stop = api.on('tokens:changed', (next) => {
      if (mine(next)) setStatus(next);
    });
    return () => {
      live = false;
      stop();
    };
  }, [environmentId, credentialId]);

  return { status, error };
}
