/**
 * Credentials as the renderer knows them (recipes hold `{{variable}}` references, never secret
 * values), kept in step with the main process through the `credentials:changed` event.
 */
import { create } from 'zustand';
import type { Credential } from '../../../shared/domain/credential';
import type { ErrorInfo } from '../../../shared/errors';
import { api } from '../lib/api';

interface CredentialsState {
  credentials: Credential[];
  loaded: boolean;
  error: ErrorInfo | null;
  load(): Promise<void>;
}

export const useCredentials = create<CredentialsState>((set) => {
  api.on('credentials:changed', (credentials) => set({ credentials, loaded: true }));

  return {
    credentials: [],
    loaded: false,
    error: null,
    async load() {
      const result = await api.credentials.list({});
      set(result.ok ? { credentials: result.value, loaded: true, error: null } : { error: result.error });
    },
  };
});

/** Credentials used in one environment, in creation order; none without an environment. */
export function credentialsIn(credentials: Credential[], environmentId: string | null): Credential[] {
  if (!environmentId) return [];
  return credentials.filter((credential) => credential.environmentIds.includes(environmentId));
}

/** Credentials used in one environment, in creation order. */
export function useEnvironmentCredentials(environmentId: string): Credential[] {
  return credentialsIn(useCredentials((s) => s.credentials), environmentId);
}
