// Each way a token request goes wrong gets its own error code and a message free of secrets; the
// auth timeline records every request with secrets masked; redirects never carry credentials away.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOAuth2ClientCredentials, type Fault, type OAuth2ClientCredentialsEmulator } from '../../../testing/emulators';
import { makeTestCertificates } from '../../../testing/certificates';
import { createTokenEngine, type TokenEngine } from './engine';
import { MemoryTokenCache } from './memory-cache';
import { credential, environment, presetOf, rejection } from '../../../testing/engine';
import type { EngineCredential, EngineEnvironment } from './types';
import { shellWords } from '../../../shared/runner/shell-words';

const SECRET = 'planted-client-secret-9f8e7d';
const basic = presetOf('oauth2-client-credentials-basic');
/** No spacing between attempts: these tests provoke one failure after another on purpose. */
const unguarded = (preset = basic) =>
  credential(preset, (r) => ({ ...r, guard: { minIntervalSeconds: 0, backoffInitialSeconds: 0, backoffMaxSeconds: 0 } }) as typeof r);

let server: OAuth2ClientCredentialsEmulator;
let engine: TokenEngine;
let env: EngineEnvironment;
let cred: EngineCredential;
const closers: Array<() => Promise<void> | void> = [];

beforeEach(async () => {
  server = await startOAuth2ClientCredentials({ clientId: 'diag-client', clientSecret: SECRET });
  engine = createTokenEngine({ cache: new MemoryTokenCache() });
  env = environment(basic, { tokenUrl: server.tokenEndpoint, clientId: 'diag-client', clientSecret: SECRET });
  cred = unguarded();
});

afterEach(async () => {
  engine.dispose();
  await server.close();
  for (const close of closers.splice(0)) await close();
});

async function listen(server: ReturnType<typeof createHttpServer> | ReturnType<typeof createHttpsServer>, scheme = 'http'): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function failWith(fault: Fault) {
  server.injectTokenFault(fault);
  const error = await rejection(engine.getToken(env, cred));
  expect(`${error.message} ${error.hint}`).not.toContain(SECRET);
  return error;
}

describe('diagnosis', () => {
  it('names the secrets to check by the recipe\'s own variables, and ends the server\'s sentence once', async () => {
    const rejected = await failWith({ status: 401, body: '{"error":"invalid_client","error_description":"Bad client."}', contentType: 'application/json' });
    expect(rejected.hint).toMatch(/^Check \{\{clientSecret\}\} in environment /);
    expect(rejected.message).toContain('The server said: invalid_client: Bad client.');
    expect(rejected.message).not.toContain('..');
  });

  it('names each HTTP status by cause', async () => {
    expect((await failWith({ status: 401, body: '{"error":"invalid_client"}', contentType: 'application/json' })).code).toBe('bad-credentials');
    const forbidden = await failWith({ status: 403 });
    expect(forbidden.code).toBe('forbidden');
    expect(forbidden.hint).toMatch(/role, scope or permission/);
    const notFound = await failWith({ status: 404 });
    expect(notFound.code).toBe('wrong-url');
    expect(notFound.message).toContain(server.tokenEndpoint);
    expect((await failWith({ status: 400, body: '{"error":"unsupported_grant_type"}', contentType: 'application/json' })).hint).toMatch(/casing/);
    expect((await failWith({ status: 415 })).code).toBe('bad-request');
    const limited = await failWith({ status: 429, headers: { 'retry-after': '0' } });
    expect(limited.code).toBe('rate-limited');
    expect(limited.retryAt).toBeTypeOf('number');
    expect((await failWith({ status: 502 })).code).toBe('server-error');
  });

  it('tells HTML, broken JSON, a missing token and an unreadable expiry apart', async () => {
    expect((await failWith({ status: 200, body: '<html><body>Sign in</body></html>', contentType: 'text/html' })).code).toBe('html-response');
    expect((await failWith({ status: 200, body: '{"access_token": ', contentType: 'application/json' })).code).toBe('invalid-json');
    const missing = await failWith({ status: 200, body: JSON.stringify({ data: { token: 'planted-token-abcdef123456' }, account: 'x' }), contentType: 'application/json' });
    expect(missing.code).toBe('token-missing');
    expect(missing.message).toBe('The response has no token at "access_token". Fields it has: data, account.');
    const expiry = await failWith({ status: 200, body: JSON.stringify({ access_token: 'planted-token-abcdef123456', expires_in: 'one hour' }), contentType: 'application/json' });
    expect(expiry.code).toBe('expiry-unreadable');
    expect(expiry.message).not.toContain('planted-token');
  });

  it('masks a secret the server echoes in its error description', async () => {
    const echoed = await failWith({ status: 400, body: JSON.stringify({ error: 'invalid_request', error_description: `client_secret ${SECRET} is malformed` }), contentType: 'application/json' });
    expect(echoed.message).toContain('The server said: invalid_request: client_secret ••••8e7d is malformed.');
  });

  it('times out, caps the response size, and names a refused connection', async () => {
    const slow = credential(basic, (r) => ({ ...r, tokenRequest: { ...(r as { tokenRequest: object }).tokenRequest, timeoutSeconds: 0.3 }, guard: { minIntervalSeconds: 0, backoffInitialSeconds: 0 } }) as typeof r);
    server.injectTokenFault({ status: 200, delayMs: 3000 });
    expect((await rejection(engine.getToken(env, slow))).code).toBe('timeout');
    expect((await failWith({ status: 200, body: 'x'.repeat(1024 * 1024 + 1) })).code).toBe('response-too-large');
    const closedPort = await (async () => {
      const url = await listen(createHttpServer());
      closers.pop()!();
      return url;
    })();
    const refusedEnv = { ...env, variables: { ...env.variables, tokenUrl: { value: `${closedPort}/oauth/v2/token`, secret: false } } };
    const refused = await rejection(engine.getToken(refusedEnv, cred));
    expect(refused.code).toBe('connection-refused');
    expect(refused.hint).toMatch(/host and port/);
  });
});

describe('auth timeline', () => {
  it('records every token request with planted secrets masked; only the revealed cURL has them', async () => {
    const refresh = 'planted-refresh-token-5566';
    server.injectTokenFault({ status: 401, body: JSON.stringify({ error: 'invalid_client', error_description: `bad secret ${SECRET}` }), contentType: 'application/json' });
    await rejection(engine.getToken(env, cred));
    server.injectTokenFault({
      status: 200,
      body: JSON.stringify({ access_token: 'planted-access-token-7788', refresh_token: refresh, expires_in: 3600, token_type: 'Bearer' }),
      contentType: 'application/json',
    });
    await engine.getToken(env, cred);
    const entries = engine.timeline!.list();
    expect(entries.map((e) => [e.outcome, e.status, e.error?.code])).toEqual([['failure', 401, 'bad-credentials'], ['success', 200, undefined]]);
    const basicAuth = Buffer.from(`diag-client:${SECRET}`).toString('base64');
    const serialized = JSON.stringify(entries);
    for (const planted of [SECRET, basicAuth, 'planted-access-token-7788', refresh]) {
      expect(serialized).not.toContain(planted);
      for (const entry of entries) expect(entry.toCurl()).not.toContain(planted);
    }
    expect(serialized).toContain('••••7788');
    expect(entries[1]!.request.headers).toContainEqual({ name: 'Authorization', value: 'Basic ••••' });
    expect(shellWords(entries[1]!.toCurl().replace(/ \\\n {2}/g, ' '))).toEqual([
      'curl', server.tokenEndpoint, '-X', 'POST', '-H', 'Authorization: Basic ••••', '-H', 'Accept: application/json',
      '-H', 'Content-Type: application/x-www-form-urlencoded', '--data-raw', 'grant_type=client_credentials',
    ]);
    expect(entries[1]!.toCurl({ reveal: true })).toContain(`Authorization: Basic ${basicAuth}`);
    expect(structuredClone(entries[1]!)).not.toHaveProperty('toCurl');
    expect(entries[1]!).toMatchObject({ environmentId: 'env-1', credentialId: 'cred-1', purpose: 'token', method: 'POST', warnings: [] });
    expect(entries[1]!.response!.timings.totalMs).toBeGreaterThan(0);
  });

  it('masks a secret sent in a JSON body and its form-encoded twin', async () => {
    const post = presetOf('oauth2-client-credentials-post');
    const tricky = 'p@ss w/rd+&=secret!';
    const postEnv = environment(post, { tokenUrl: server.tokenEndpoint, clientId: 'diag-client', clientSecret: tricky });
    await rejection(engine.getToken(postEnv, unguarded(post)));
    const [entry] = engine.timeline!.list();
    expect(JSON.stringify(entry) + entry!.toCurl()).not.toContain(encodeURIComponent(tricky));
    expect(JSON.stringify(entry) + entry!.toCurl()).not.toContain(tricky);
    expect(entry!.toCurl({ reveal: true })).toContain(encodeURIComponent(tricky));
  });
});

describe('redirects and TLS', () => {
  it('does not carry client credentials across an origin-changing redirect', async () => {
    const redirector = await listen(createHttpServer((_req, res) => res.writeHead(307, { location: server.tokenEndpoint }).end()));
    const redirected = { ...env, variables: { ...env.variables, tokenUrl: { value: `${redirector}/token`, secret: false } } };
    const error = await rejection(engine.getToken(redirected, cred));
    expect(error.code).toBe('bad-credentials'); // the emulator got the request without the Basic header
    expect(server.tokenRequestLog[0]!.headers.authorization).toBeUndefined();
    expect(engine.timeline!.list()[0]!.response!.redirects).toEqual([expect.objectContaining({ status: 307, credentialsDropped: true })]);

    // A body carrying the secret is not resent to another origin at all.
    const post = presetOf('oauth2-client-credentials-post');
    const postEnv = environment(post, { tokenUrl: `${redirector}/token`, clientId: 'diag-client', clientSecret: SECRET });
    expect((await rejection(engine.getToken(postEnv, unguarded(post)))).code).toBe('redirect-refused');
    expect(server.tokenRequests).toBe(1);
  });

  it('refuses self-signed certificates unless the environment opts out, and flags the opt-out', async () => {
    const certs = makeTestCertificates();
    const url = await listen(
      createHttpsServer(certs.selfSigned, (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"sandbox-token-0123456789","expires_in":600}')),
      'https',
    );
    const tlsEnv = { ...env, variables: { ...env.variables, tokenUrl: { value: `${url}/token`, secret: false } } };
    const refused = await rejection(engine.getToken(tlsEnv, cred));
    expect(refused.code).toBe('tls-self-signed');
    expect(refused.hint).toMatch(/allow insecure TLS/);
    const token = await engine.getToken({ ...tlsEnv, allowInsecureTls: true }, cred);
    expect(token.token).toBe('sandbox-token-0123456789');
    const entry = engine.timeline!.list().at(-1)!;
    expect(entry.warnings).toEqual(['TLS certificate checks are disabled for environment "Sandbox" (allow insecure TLS).']);
    expect(entry.toCurl({ reveal: true })).toContain('--insecure');
  });
});
