/**
 * Credentials the runner can attach, by environment. Fed from `credentials:list` when the app
 * has it, or directly with `setCredentials` (tests, and until that channel is wired).
 */
import { create } from 'zustand';
import type { ErrorInfo, Result } from '../../../../shared/errors';
import { toErrorInfo, unwrap } from '../../lib/api';

export interface CredentialOption {
  id: string;
  name: string;
  presetId?: string | null;
  /** Environments it is used in; absent = offered in every environment. */
  environmentIds?: string[];
}

interface CredentialsApi {
  credentials?: { list(request: Record<string, never>): Promise<Result<CredentialOption[]>> };
  on?(event: 'credentials:changed', listener: (payload: CredentialOption[]) => void): () => void;
}

interface RunnerCredentialsState {
  credentials: CredentialOption[];
  error: ErrorInfo | null;
  setCredentials(credentials: CredentialOption[]): void;
  load(): Promise<void>;
}

const bridge = window.tokenbench as unknown as CredentialsApi;

export const useRunnerCredentials = create<RunnerCredentialsState>((set) => ({
  credentials: [],
  error: null,
  setCredentials: (credentials) => set({ credentials, error: null }),
  async load() {
    if (!bridge.credentials?.list) return;
    try {
      set({ credentials: await unwrap(bridge.credentials.list({})), error: null });
    } catch (error) {
      set({ error: toErrorInfo(error) });
    }
  },
}));

// The credentials event exists exactly when the credentials channels do.
if (bridge.credentials) bridge.on?.('credentials:changed', (credentials) => useRunnerCredentials.getState().setCredentials(credentials));

export function credentialsFor(credentials: CredentialOption[], environmentId: string | null): CredentialOption[] {
  if (!environmentId) return [];
  return credentials.filter((c) => !c.environmentIds || c.environmentIds.includes(environmentId));
}
