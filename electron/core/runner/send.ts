// Sends one request from a draft: checks (variables, allowed hosts, production confirmation),
// sends it directly or through the credential's token, and turns the answer into a masked result
// for the renderer and the history. Cancellable by its sendId.
import { randomUUID } from 'node:crypto';
import { AppError, type ErrorInfo } from '../../../shared/errors';
import type { RequestDraft } from '../../../shared/runner/draft';
import { INLINE_BODY_BYTES, RUNNER_MAX_BODY_BYTES, type HistorySummary, type RunResult, type SentRequest } from '../../../shared/runner/results';
import { isHostAllowed } from '../engine/allowed-hosts';
import type { ClientTlsOptions, HeaderList, HttpResponse } from '../http';
import type { BodyStore } from './body-store';
import type { AuthenticatedResponse, RunnerDeps } from './deps';
import { requestFailed } from './errors';
import type { HistoryRecord, HistoryStore } from './history';
import { isCredentialHeader, maskDeep, maskLiteralCredential, type Mask } from './mask';
import { prepareRequest, type PreparedRequest } from './prepare';
import { prepareBody } from './response-body';
import { responseSummary, sentRequest } from './wire';

export interface RunnerState {
  deps: RunnerDeps;
  bodies: BodyStore;
  history: HistoryStore;
  inFlight: Map<string, AbortController>;
}

function checkAllowedHost({ environment, credential, composed, url }: PreparedRequest): void {
  if (!environment || environment.allowedHosts.length === 0) return;
  if (!credential && !composed.carriesSecrets) return;
  if (isHostAllowed(url, environment.allowedHosts)) return;
  const what = credential ? `the token of credential "${credential.name}"` : 'secret variables';
  throw new AppError(
    'host-not-allowed',
    `This request would send ${what} of environment "${environment.name}" to ${url.host}, which is not among its allowed hosts (${environment.allowedHosts.join(', ')}). Nothing was sent.`,
    { hint: `If ${url.hostname} is legitimate, add it to the allowed hosts of "${environment.name}"; otherwise correct the URL.`, details: { host: url.host, environment: environment.name } },
  );
}

/** The environment as it is once an empty allowed-hosts list of one holding secrets is filled. */
async function settled(deps: RunnerState['deps'], prepared: PreparedRequest): Promise<PreparedRequest> {
  const { environment, credential, composed } = prepared;
  if (!environment || !deps.settleAllowedHosts || (!credential && !composed.carriesSecrets)) return prepared;
  return { ...prepared, environment: await deps.settleAllowedHosts(environment.id) };
}

function checkConfirmation({ environment, composed, url }: PreparedRequest, confirmed: boolean): void {
  if (!environment?.production || !environment.confirmProduction || confirmed) return;
  throw new AppError('confirmation-required', `"${environment.name}" is a production environment. Send ${composed.method} to ${url.host} anyway?`, {
    hint: 'Confirm to send it, or pick another environment.',
    details: { environment: environment.name, host: url.host },
  });
}

/** The draft as kept in history: credentials typed into auth headers masked, then every known secret. */
function historyDraft(draft: RequestDraft, mask: Mask): RequestDraft {
  const headers = draft.headers.map((row) => (isCredentialHeader(row.name) ? { ...row, value: maskLiteralCredential(row.value) } : row));
  return maskDeep({ ...draft, headers }, mask);
}

interface Transmitted extends Pick<AuthenticatedResponse, 'response' | 'renewedAfter401' | 'renewalError' | 'dpopProof'> {
  headers: HeaderList;
  url: string;
}

/** The environment's client certificate and CA, for its own hosts only (all of them while it names none). */
function clientTlsFor(deps: RunnerState['deps'], { environment, url }: PreparedRequest): { clientTls?: ClientTlsOptions } {
  if (!environment || !deps.clientTls || url.protocol !== 'https:') return {};
  if (environment.allowedHosts.length > 0 && !isHostAllowed(url, environment.allowedHosts)) return {};
  const clientTls = deps.clientTls(environment.id);
  return clientTls ? { clientTls } : {};
}

async function transmit(state: RunnerState, prepared: PreparedRequest, draft: RequestDraft, signal: AbortSignal): Promise<Transmitted> {
  const { composed, environment, credential } = prepared;
  const headers: HeaderList = composed.headers.map((h) => [h.name, h.value]);
  const common = {
    method: composed.method,
    url: composed.url.value,
    headers,
    body: composed.body?.value,
    timeoutMs: draft.timeoutSeconds * 1000,
    signal,
    maxBodyBytes: RUNNER_MAX_BODY_BYTES,
    sensitiveHeaders: composed.headers.filter((h) => h.secret).map((h) => h.name),
    sensitiveBody: composed.body?.secret ?? false,
  };
  if (credential && environment) {
    const sent = await state.deps.authenticatedRequest(environment.id, credential.id, { ...common, onTokenAttached: (token) => prepared.mask.remember(token) });
    return {
      response: sent.response,
      renewedAfter401: sent.renewedAfter401,
      ...(sent.renewalError ? { renewalError: sent.renewalError } : {}),
      ...(sent.dpopProof !== undefined ? { dpopProof: sent.dpopProof } : {}),
      headers: sent.sentHeaders,
      url: sent.sentUrl ?? composed.url.value,
    };
  }
  const response: HttpResponse = await state.deps.http.send({
    ...common,
    allowInsecureTls: environment?.allowInsecureTls ?? false,
    ...clientTlsFor(state.deps, prepared),
    ...(environment && composed.carriesSecrets ? { allowedHosts: environment.allowedHosts } : {}),
  });
  return { response, renewedAfter401: false, headers, url: composed.url.value };
}

async function record(state: RunnerState, record: HistoryRecord): Promise<string | null> {
  try {
    const count = await state.history.add(record);
    state.deps.emit('history:changed', { latest: record.summary, count });
    return null;
  } catch (error) {
    const info = error instanceof AppError ? error.message : String(error);
    return `This request could not be added to the history: ${info}`;
  }
}

function summaryOf(id: string, at: number, request: SentRequest, extra: Partial<HistorySummary>): HistorySummary {
  return {
    id,
    at,
    method: request.method,
    url: request.url,
    status: null,
    durationMs: null,
    sizeBytes: null,
    environmentName: request.environmentName,
    credentialName: request.credentialName,
    error: null,
    ...extra,
  };
}

export async function sendDraft(state: RunnerState, draft: RequestDraft, sendId: string, confirmed: boolean): Promise<RunResult> {
  const prepared = await settled(state.deps, await prepareRequest(state.deps, draft));
  checkAllowedHost(prepared);
  checkConfirmation(prepared, confirmed);
  if (state.inFlight.has(sendId)) throw new AppError('conflict', 'A request with this id is already running.');

  const { mask, composed, url } = prepared;
  const controller = new AbortController();
  state.inFlight.set(sendId, controller);
  const id = randomUUID();
  const at = state.deps.clock.now();
  const shown = (headers: HeaderList, sentUrl: string, dpopProof?: string) =>
    sentRequest(
      {
        method: composed.method,
        url,
        shownUrl: sentUrl,
        headers,
        body: composed.body?.value,
        credentialName: prepared.credential?.name ?? null,
        environmentName: prepared.environment?.name ?? null,
        ...(dpopProof !== undefined ? { dpopProof } : {}),
      },
      mask,
    );
  try {
    const sent = await transmit(state, prepared, draft, controller.signal);
    const request = shown(sent.headers, sent.url, sent.dpopProof);
    const response = responseSummary(sent.response, sent, mask);
    const body = await prepareBody(sent.response.body, sent.response.headers['content-type'] ?? '', mask, state.bodies);
    const kept = body.sizeBytes <= INLINE_BODY_BYTES && body.kind !== 'binary' ? (body.raw ?? body.text) : null;
    const summary = summaryOf(id, at, request, { status: response.status, durationMs: response.timings.totalMs, sizeBytes: response.sizeBytes, renewed: response.renewedAfter401 });
    const historyProblem = await record(
      state,
      maskDeep(
        {
          summary,
          draft: historyDraft(draft, mask),
          request,
          response,
          body: { kind: body.kind, contentType: body.contentType, sizeBytes: body.sizeBytes, text: kept, note: kept === null && body.kind !== 'empty' ? 'The body was too large (or binary) to keep in the history.' : body.note },
          error: null,
        },
        mask,
      ),
    );
    return maskDeep({ historyId: id, at, request, response, body, historyProblem }, mask);
  } catch (error) {
    const failure = requestFailed(error);
    const info: ErrorInfo = failure ? failure.toInfo() : { code: 'internal', message: 'An unexpected problem stopped the request.' };
    const request = shown(composed.headers.map((h) => [h.name, h.value]), composed.url.value);
    await record(state, maskDeep({ summary: summaryOf(id, at, request, { error: info.message }), draft: historyDraft(draft, mask), request, response: null, body: null, error: info }, mask));
    if (failure) throw new AppError(failure.code, mask(failure.message), { hint: failure.hint, details: failure.details });
    throw error;
  } finally {
    state.inFlight.delete(sendId);
  }
}
