/**
 * Runs one saved request for `tokenbench run`, through the same services as the app's runner.
 * The token comes first, from the engine (reused, renewed or obtained); when it cannot be had
 * the call is not sent. Never throws: every failure becomes the request's outcome.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { SavedRequest } from '../../../shared/runner/saved';
import type { CliCore } from '../core';
import type { RequestOutcome } from './outcome';

export interface RunOneOptions {
  /** Run in this environment instead of the one the request was saved with. */
  environmentId?: string;
  /** The user confirmed production environments (--yes). */
  confirmed: boolean;
}

const errorOf = (error: unknown): RequestOutcome['error'] =>
  error instanceof AppError
    ? { code: String(error.code), message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
    : { code: 'internal', message: error instanceof Error ? error.message : String(error) };

export async function runOne(core: CliCore, saved: SavedRequest, options: RunOneOptions): Promise<RequestOutcome> {
  const started = performance.now();
  const draft = { ...saved.draft, ...(options.environmentId ? { environmentId: options.environmentId } : {}) };
  const environment = core.environments.list().find((e) => e.id === draft.environmentId) ?? null;
  const credential = core.credentials.list().find((c) => c.id === draft.credentialId) ?? null;
  const base = {
    name: saved.name,
    group: [saved.collection, saved.folder].filter(Boolean).join('/'),
    method: draft.method,
    url: draft.url,
    environment: environment?.name ?? null,
    credential: credential?.name ?? null,
    status: null,
    tokenRenewedAfter401: false,
  };
  const elapsed = () => Math.round(performance.now() - started);

  if (environment && credential) {
    try {
      await core.tokens.fetch({ environmentId: environment.id, credentialId: credential.id }, { confirmed: options.confirmed });
    } catch (error) {
      return { ...base, verdict: 'no-token', sent: false, durationMs: elapsed(), error: errorOf(error) };
    }
  }
  try {
    const result = await core.runner.send({ draft, sendId: randomUUID(), confirmed: options.confirmed });
    const { status } = result.response;
    const renewal = result.response.renewalError;
    return {
      ...base,
      url: result.request.url,
      verdict: status < 400 ? 'passed' : 'failed',
      sent: true,
      status,
      durationMs: elapsed(),
      tokenRenewedAfter401: result.response.renewedAfter401,
      error: renewal ? { code: 'token-rejected', message: `The token was rejected and could not be renewed: ${renewal.message}`, ...(renewal.hint ? { hint: renewal.hint } : {}) } : null,
    };
  } catch (error) {
    // A transport failure (timeout, reset) may have reached the server; a failed check did not.
    const sent = error instanceof AppError && (error.code === 'request-error' || error.code === 'request-cancelled');
    return { ...base, verdict: 'failed', sent, durationMs: elapsed(), error: errorOf(error) };
  }
}
