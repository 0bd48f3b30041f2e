// The device authorization grant (RFC 8628): Tokenbench asks the device authorization endpoint
// for a device code and a short user code, shows the code and the link, and polls the token
// endpoint at the pace the server sets until the user approves on any device, declines, or the
// code expires. The device code is a secret (it is what the polls present); the user code is
// shown to the user but kept out of the timeline, like every other value the exchange carries.
import type { DeviceAuthorization, RequestRecipe } from '../../../shared/recipe';
import type { HttpResponse } from '../http';
import { resolveAuthorizationField, signInCancelled, type DeviceCodePrompt } from './authorization-code';
import { oauthErrorCode } from './diagnose';
import { TokenError } from './errors';
import type { CredentialPlan } from './plan';
import type { Redactor } from './redact';
import { prepareTokenRequest, sendAuthServiceRequest, type TokenRequestDeps } from './token-request';
import type { Clock } from './types';

/** RFC 8628 3.2: without `interval` the client waits 5 s between polls; 3.5: `slow_down` adds 5 s for good. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 5;
export const SLOW_DOWN_STEP_SECONDS = 5;
const REQUEST_TIMEOUT_SECONDS = 15;

/** The device authorization endpoint's answer (RFC 8628 3.2), read and checked. */
export interface DeviceCodeGrant {
  deviceCode: string;
  prompt: DeviceCodePrompt;
  intervalSeconds: number;
}

function answerError(message: string): TokenError {
  return new TokenError({ code: 'bad-request', message: `The device authorization endpoint's answer is not usable: ${message}.`, hint: 'Check that authorization.url is the server\'s device authorization endpoint (`tokenbench discover ISSUER` shows it).' });
}

function readGrant(response: HttpResponse, now: number, label: string, redactor: Pick<Redactor, 'add'>): DeviceCodeGrant {
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    body = parsed as Record<string, unknown>;
  } catch {
    throw answerError('it is not a JSON object');
  }
  const text = (name: string) => (typeof body[name] === 'string' && body[name] !== '' ? (body[name] as string) : undefined);
  const deviceCode = text('device_code');
  const userCode = text('user_code');
  // Masked before anything else can fail, so no error or timeline entry shows them.
  redactor.add(deviceCode);
  redactor.add(userCode);
  // Some servers (Google) name it verification_url, as drafts of RFC 8628 did.
  const verificationUri = text('verification_uri') ?? text('verification_url');
  const complete = text('verification_uri_complete');
  const expiresIn = body['expires_in'];
  const interval = body['interval'];
  if (!deviceCode) throw answerError('it has no device_code');
  if (!userCode) throw answerError('it has no user_code');
  if (!verificationUri || !/^https?:\/\//i.test(verificationUri)) throw answerError('it has no http(s) verification_uri');
  if (typeof expiresIn !== 'number' || !(expiresIn > 0)) throw answerError('its expires_in is not a positive number of seconds');
  if (interval !== undefined && (typeof interval !== 'number' || !(interval >= 0))) throw answerError('its interval is not a number of seconds');
  return {
    deviceCode,
    intervalSeconds: Math.max(1, typeof interval === 'number' ? interval : DEFAULT_POLL_INTERVAL_SECONDS),
    prompt: {
      userCode,
      verificationUri,
      ...(complete && /^https?:\/\//i.test(complete) ? { verificationUriComplete: complete } : {}),
      expiresAt: now + expiresIn * 1000,
      label,
    },
  };
}

/**
 * The device authorization request (RFC 8628 3.1) as a request recipe: a form with the client_id,
 * the scope when there is one, and the recipe's extra fields.
 */
function deviceAuthorizationRequest(authorization: DeviceAuthorization, scope: string): RequestRecipe {
  const fields: Record<string, string> = { client_id: authorization.clientId };
  if (scope) fields['scope'] = authorization.scope!;
  Object.assign(fields, authorization.params);
  return { method: 'POST', url: authorization.url, query: {}, headers: { Accept: 'application/json' }, body: { encoding: 'form', fields }, clientAuth: { type: 'none' }, timeoutSeconds: REQUEST_TIMEOUT_SECONDS };
}

/**
 * Asks the device authorization endpoint for a device code: one request through the same sender
 * as token requests (allowed hosts, client certificate, masking), recorded in the timeline as
 * `device-authorization`.
 */
export async function requestDeviceCode(deps: TokenRequestDeps, plan: CredentialPlan, authorization: DeviceAuthorization): Promise<DeviceCodeGrant> {
  // An empty scope is left out, not sent as `scope=`: the server's default applies.
  const scope = authorization.scope === undefined ? '' : resolveAuthorizationField(authorization.scope, plan.scope, 'scope').trim();
  const prepared = prepareTokenRequest({ plan, purpose: 'device-authorization', request: deviceAuthorizationRequest(authorization, scope) });
  const label = `“${plan.cred.name}” in “${plan.env.name}”`;
  return sendAuthServiceRequest(deps, prepared, (response, now, masking) => readGrant(response, now, label, masking));
}

/**
 * How a poll's error answer reads (RFC 8628 3.5): `authorization_pending` and `slow_down` keep the
 * polling going; a declined sign-in and an expired code end it in the user's words. Other answers
 * get the usual diagnosis.
 */
export function readPollError(response: HttpResponse): TokenError | undefined {
  switch (oauthErrorCode(response)) {
    case 'authorization_pending':
      return new TokenError({ code: 'authorization-pending', message: 'Waiting for you to approve the sign-in (authorization_pending).', hint: 'Open the link, enter the code and approve.', status: response.status });
    case 'slow_down':
      return new TokenError({ code: 'authorization-slow-down', message: `The server asked Tokenbench to ask less often (slow_down); it now waits ${SLOW_DOWN_STEP_SECONDS} s longer between polls.`, hint: 'Nothing to do: keep approving the sign-in.', status: response.status });
    case 'access_denied':
      return new TokenError({ code: 'authorization-failed', message: 'The sign-in was declined at the link (access_denied), so no token was given.', hint: 'Get the token again and approve the sign-in this time, as a user allowed to use this client.', status: response.status });
    case 'expired_token':
      return new TokenError({ code: 'authorization-timeout', message: 'The sign-in code expired before anyone approved it (expired_token).', hint: 'Get the token again for a new code, and approve it before it expires.', status: response.status });
    default:
      return undefined;
  }
}

/** Waits `ms` on the injected clock; a cancel ends the wait at once. */
function pause(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signInCancelled());
    const onAbort = () => {
      cancelTimer();
      reject(signInCancelled());
    };
    const cancelTimer = clock.setTimer(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Polls with `poll` (a token request presenting the device code) until it brings a token. The
 * first poll waits one interval (the user cannot have approved yet); `slow_down` lengthens the
 * interval for the rest of this sign-in. Ends at the code's expiry or `timeoutSeconds`, whichever
 * comes first, and at once when `signal` is aborted.
 */
export async function pollUntilApproved<T>(options: { clock: Clock; grant: DeviceCodeGrant; timeoutSeconds: number; signal: AbortSignal; poll: () => Promise<T> }): Promise<T> {
  const { clock, grant, signal } = options;
  const deadline = Math.min(grant.prompt.expiresAt, clock.now() + options.timeoutSeconds * 1000);
  let intervalMs = grant.intervalSeconds * 1000;
  for (;;) {
    if (clock.now() + intervalMs > deadline) {
      throw new TokenError({ code: 'authorization-timeout', message: 'Nobody approved the sign-in in time: its code expires before the next check, so Tokenbench stopped waiting.', hint: 'Get the token again for a new code, and approve it before it expires.' });
    }
    await pause(clock, intervalMs, signal);
    try {
      return await options.poll();
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      if (error.code === 'authorization-slow-down') intervalMs += SLOW_DOWN_STEP_SECONDS * 1000;
      else if (error.code !== 'authorization-pending') throw error;
    }
  }
}
