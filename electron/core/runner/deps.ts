// What the request runner needs from the rest of the main process. The composition root builds it
// from the workspace, the vault and the token engine; tests build it from real local parts.
import type { Environment } from '../../../shared/domain/environment';
import type { runnerEvents } from '../../../shared/ipc/domains/runner';
import type { AuthenticatedResponse, ApiRequest } from '../engine';
import type { ClientTlsOptions, HttpClient } from '../http';
import type { ResolvedVariables } from '../variables/variables';

type RunnerEvents = typeof runnerEvents;
/** The runner's events, typed from its domain file; the app's `Emit` (context.ts) satisfies it. */
export type RunnerEmit = <E extends keyof RunnerEvents & string>(event: E, payload: RunnerEvents[E]['payload']) => void;

/**
 * What the runner hands the token engine (headers as an ordered list, so the wire view is the
 * request exactly as sent) and what comes back: the engine's own types.
 */
export type { ApiRequest as AuthenticatedRequestInput, AuthenticatedResponse } from '../engine';

export interface RunnerDeps {
  dataDir: string;
  clock: { now(): number };
  http: HttpClient;
  emit: RunnerEmit;
  /** Throws AppError('not-found') for an unknown id. */
  findEnvironment(id: string): Environment;
  /** Before secrets leave: an environment holding secrets gets its allowed hosts (allowed-hosts/seed.ts). */
  settleAllowedHosts?(environmentId: string): Promise<Environment>;
  /** The environment's client certificate and custom CA (mutual TLS), if it has them. */
  clientTls?(environmentId: string): ClientTlsOptions | undefined;
  /** Credential name for display (wire view, history); throws AppError('not-found') for an unknown id. */
  findCredential(id: string): { id: string; name: string };
  /** Plaintext values: main process only. */
  resolveVariables(environmentId: string): Promise<ResolvedVariables>;
  /** Sends `request` with the credential's token attached by its recipe; a 401 renews once and retries once. */
  authenticatedRequest(environmentId: string, credentialId: string, request: ApiRequest): Promise<AuthenticatedResponse>;
}
