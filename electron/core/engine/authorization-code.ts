// The browser step of the authorization code flow with PKCE (RFC 7636, S256) for a native app
// (RFC 8252): a one-use listener on 127.0.0.1 at a random port is the redirect URI, the system
// browser shows the authorization server's sign-in, and only an answer carrying the exact `state`
// asked for is taken. The listener is closed after that one answer, on failure and on timeout.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveTemplate, TemplateError, type Authorization, type AuthorizationCode, type VariableScope } from '../../../shared/recipe';
import { assertHostAllowed } from './allowed-hosts';
import { TokenError } from './errors';
import { templateErrorToTokenError, type CredentialPlan } from './plan';

/** What the user needs to approve a device code sign-in (RFC 8628) on any device. */
export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  /** The link with the code in it, when the server gives one. */
  verificationUriComplete?: string;
  /** ms epoch: when the code stops working. */
  expiresAt: number;
  /** Names the credential and environment. */
  label: string;
}

/** Where the user is asked to act: the system browser in the app, the browser or a printed link in the CLI. */
export interface UserAgentPort {
  /** Opens `url` for the user to sign in; `label` names the credential and environment. */
  openAuthorization(request: { url: string; label: string }): Promise<void>;
  /**
   * Shows a device code sign-in's code and link (the CLI prints them). Optional: the app's
   * dashboard shows them from the engine's sign-in events instead.
   */
  showUserCode?(prompt: DeviceCodePrompt): void;
}

/** The user stopped waiting for a sign-in (the dashboard's Cancel). */
export function signInCancelled(): TokenError {
  return new TokenError({ code: 'authorization-cancelled', message: 'You cancelled the sign-in, so no token was asked for.', hint: 'Get the token again when you are ready to sign in.' });
}

/** A template of the recipe's authorization step, resolved against the environment's variables. */
export function resolveAuthorizationField(template: string, scope: VariableScope, field: string): string {
  try {
    return resolveTemplate(template, scope, `authorization.${field}`).value;
  } catch (error) {
    if (error instanceof TemplateError) throw templateErrorToTokenError(error);
    throw error;
  }
}

export interface AuthorizationGrant {
  authorizationCode: string;
  codeVerifier: string;
  redirectUri: string;
}

const CALLBACK_PATH = '/callback';
const base64url = (bytes: Buffer) => bytes.toString('base64url');

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'referrer-policy': 'no-referrer',
  });
  res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>${escape(title)}</title><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;line-height:1.5"><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`);
}

function authorizationUrl(authorization: Authorization, scope: VariableScope, params: Record<string, string>): URL {
  const resolve = (template: string, field: string) => resolveAuthorizationField(template, scope, field);
  let url: URL;
  try {
    url = new URL(resolve(authorization.url, 'url'));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
  } catch (error) {
    if (error instanceof TokenError) throw error;
    const what = authorization.flow === 'device-code' ? 'device authorization' : 'authorization';
    throw new TokenError({ code: 'invalid-url', message: `The ${what} URL is not a valid http(s) URL.`, hint: 'Check authorization.url in the recipe and the variables it uses.' });
  }
  if (authorization.flow === 'device-code') return url;
  const query: Record<string, string> = { response_type: 'code', client_id: resolve(authorization.clientId, 'clientId'), ...params };
  if (authorization.scope !== undefined) {
    const scopes = resolve(authorization.scope, 'scope').trim();
    if (scopes) query['scope'] = scopes;
  }
  for (const [key, template] of Object.entries(authorization.params)) query[key] = resolve(template, `params.${key}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url;
}

/** Checks the recipe's authorization URL (variables, host) before anything starts. */
export function checkAuthorization(plan: CredentialPlan, authorization: Authorization): URL {
  const url = authorizationUrl(authorization, plan.scope, {});
  assertHostAllowed(url, plan.env, authorization.flow === 'device-code' ? 'device authorization request' : 'authorization request');
  return url;
}

/**
 * Runs the browser step and resolves with the code. Rejects with `authorization-failed` when the
 * server answers an error (the user declined, a wrong client) or the answer is not ours, and with
 * `authorization-timeout` when the user does not finish in time.
 */
export async function authorizeInBrowser(plan: CredentialPlan, authorization: AuthorizationCode, userAgent: UserAgentPort, signal?: AbortSignal): Promise<AuthorizationGrant> {
  const { verifier, challenge } = pkcePair();
  const state = base64url(randomBytes(24));
  let settle: { resolve(code: string): void; reject(error: TokenError): void } | undefined;
  const outcome = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // Awaited below; an answer that fails before then must not count as unhandled.
  outcome.catch(() => undefined);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) return void res.writeHead(404).end();
    const error = url.searchParams.get('error');
    if (url.searchParams.get('state') !== state) {
      page(res, 400, 'This sign-in answer is not Tokenbench’s', 'It does not carry the sign-in Tokenbench started, so it was ignored. Go back to Tokenbench and try again.');
      return settle!.reject(new TokenError({ code: 'authorization-failed', message: 'The browser brought back an answer for another sign-in (its state did not match), so it was refused.', hint: 'Start the sign-in again from Tokenbench, and finish it in the browser tab it opens.' }));
    }
    if (error !== null) {
      const description = url.searchParams.get('error_description');
      page(res, 200, 'Sign-in did not complete', 'The authorization server said no. Go back to Tokenbench to see why.');
      return settle!.reject(new TokenError({
        code: 'authorization-failed',
        message: `The authorization server ended the sign-in: ${error}${description ? ` (${description.slice(0, 300)})` : ''}.`,
        hint: error === 'access_denied' ? 'The sign-in was declined. Sign in again and allow access.' : 'Check the client ID, the scopes and the redirect URIs the server allows (http://127.0.0.1 with any port for a native app).',
      }));
    }
    const code = url.searchParams.get('code');
    if (!code) {
      page(res, 400, 'Sign-in did not complete', 'The answer carried no authorization code. Go back to Tokenbench and try again.');
      return settle!.reject(new TokenError({ code: 'authorization-failed', message: 'The authorization server came back without a code.', hint: 'Check that the server supports response_type=code for this client.' }));
    }
    page(res, 200, 'Signed in', 'Tokenbench has what it needs. You can close this tab and go back to Tokenbench.');
    settle!.resolve(code);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;
  const timer = setTimeout(
    () => settle!.reject(new TokenError({ code: 'authorization-timeout', message: `No sign-in came back within ${authorization.timeoutSeconds} s, so Tokenbench stopped waiting.`, hint: 'Get the token again and finish the sign-in in the browser in time.' })),
    authorization.timeoutSeconds * 1000,
  );
  const cancel = () => settle!.reject(signInCancelled());
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    const url = authorizationUrl(authorization, plan.scope, { redirect_uri: redirectUri, state, code_challenge: challenge, code_challenge_method: 'S256' });
    assertHostAllowed(url, plan.env, 'authorization request');
    await userAgent.openAuthorization({ url: url.href, label: `“${plan.cred.name}” in “${plan.env.name}”` });
    return { authorizationCode: await outcome, codeVerifier: verifier, redirectUri };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
    // One use: nothing more is listened for, and open connections go too.
    server.close();
    server.closeIdleConnections();
  }
}
