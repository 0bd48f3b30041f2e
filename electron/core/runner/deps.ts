// What the request runner needs from the rest of the main process. The services factory builds it
// from the workspace, the vault and the token engine; tests build it from real local parts.
import type { z } from 'zod';
import type { Environment } from '../../../shared/domain/environment';
import type { runnerChannels, runnerEvents } from '../../../shared/ipc/domains/runner';
import type { HeaderList, HttpClient, HttpResponse } from '../http';

type RunnerEvents = typeof runnerEvents;
/** The runner's events; the app's `Emit` (context.ts) satisfies it once the contract includes them. */
export type RunnerEmit = <E extends keyof RunnerEvents & string>(event: E, payload: RunnerEvents[E]['payload']) => void;

type RunnerChannels = typeof runnerChannels;
/** Handlers for the runner's channels, typed from its domain file (the same types `Handlers` derives). */
export type RunnerHandlers = {
  [C in keyof RunnerChannels]: (request: z.output<RunnerChannels[C]['request']>) => Promise<RunnerChannels[C]['response']>;
};

/** A request for `authenticatedRequest`: what the runner composed, before the token is attached. */
export interface AuthenticatedRequestInput {
  method: string;
  url: string;
  headers: HeaderList;
  body?: string | Uint8Array;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Pass through to the HTTP client: the runner reads up to RUNNER_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /** Headers carrying the environment's secrets: never sent on across an origin-changing redirect. */
  sensitiveHeaders?: string[];
  /** The body carries secrets: a 307/308 redirect to another origin is refused. */
  sensitiveBody?: boolean;
}

export interface AuthenticatedResponse {
  response: HttpResponse;
  /** The token was rejected with 401, renewed once, and the request sent again once. */
  renewedAfter401: boolean;
  /** Every header as sent, the auth header's value masked. */
  sentHeaders: HeaderList;
  /** The URL as sent, when the token travels in the query (its value masked); else omitted. */
  sentUrl?: string;
  /** The first answer was 401 but the token could not be renewed (why, in the user's words). */
  renewalError?: { message: string; hint?: string };
}

export interface RunnerDeps {
  dataDir: string;
  clock: { now(): number };
  http: HttpClient;
  emit: RunnerEmit;
  /** Throws AppError('not-found') for an unknown id. */
  findEnvironment(id: string): Environment;
  /** Credential name for display (wire view, history); throws AppError('not-found') for an unknown id. */
  findCredential(id: string): { id: string; name: string };
  /** Plaintext values: main process only. */
  resolveVariables(environmentId: string): Promise<Record<string, { value: string; secret: boolean }>>;
  /** Sends `request` with the credential's token attached by its recipe; a 401 renews once and retries once. */
  authenticatedRequest(environmentId: string, credentialId: string, request: AuthenticatedRequestInput): Promise<AuthenticatedResponse>;
  /** Masks every known secret value (secret variables of every environment, tokens). */
  redact(text: string): string;
}
