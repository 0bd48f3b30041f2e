/**
 * `tokenbench token` for an authorization-code credential: the CLI prints the sign-in link (the
 * browser is not opened here: TOKENBENCH_NO_BROWSER), a browser stand-in follows it and signs in
 * at oidc-provider, and the token is printed; the next call renews with the refresh token kept in
 * the vault, without a sign-in.
 */
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserLogin, startAuthorizationServer, type AuthorizationServer } from '../../testing/emulators';
import { createMainServices } from '../core/services';
import { TEST_SCRYPT, tempDir } from '../../testing/vault';
import { main } from './main';

const PASSPHRASE = 'sign-in passphrase';
let server: AuthorizationServer;

beforeAll(async () => {
  server = await startAuthorizationServer({
    clients: [{ clientId: 'native-cli', auth: 'none', redirectUris: ['http://127.0.0.1/callback'] }],
    users: [{ username: 'bob', password: 'bob-password-0123' }],
  });
});
afterAll(() => server.close());

/** Runs the CLI; whenever it prints a sign-in link, the stand-in browser follows it. */
async function tokenWithBrowser(argv: string[]) {
  const browser = browserLogin('bob');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  const signIns: Array<Promise<void>> = [];
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => {
    err += chunk;
    const link = /visit:\n\s+(\S+)/.exec(String(chunk))?.[1];
    if (link) signIns.push(browser.openAuthorization({ url: link, label: 'test' }));
  });
  const code = await main(argv, { stdin: Readable.from(['']), stdout, stderr, env: { TOKENBENCH_PASSPHRASE: PASSPHRASE, TOKENBENCH_NO_BROWSER: '1', TOKENBENCH_NO_AGENT: '1' } });
  await Promise.all(signIns);
  return { code, out, err, signIns: signIns.length, browser };
}

it('prints the sign-in link, gets the token after the sign-in, and renews without one', { timeout: 60_000 }, async () => {
  const dataDir = tempDir();
  const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
  await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
  const environment = await app.handlers['environments:create']({ name: 'Sign-in' });
  await app.handlers['credentials:add-from-preset']({
    presetId: 'oauth2-authorization-code',
    environmentId: environment.id,
    values: { authorizationUrl: `${server.issuer}/auth`, tokenUrl: server.tokenEndpoint, clientId: 'native-cli', scope: 'openid api' },
  });
  await app.handlers['environments:update']({ id: environment.id, allowedHosts: [new URL(server.issuer).host] });
  await app.dispose();

  const argv = ['token', 'OAuth2 authorization code with PKCE (sign in in the browser)', '--env', 'Sign-in', '--json', '--data-dir', dataDir];
  const first = await tokenWithBrowser(argv);
  expect(first.err).toMatch(/sign in for “OAuth2 authorization code with PKCE \(sign in in the browser\)” in “Sign-in” in your browser; if it does not open, visit:\n {2}http:\/\/127\.0\.0\.1:\d+\/auth\?response_type=code/);
  expect(first.code).toBe(0);
  expect(first.signIns).toBe(1);
  expect(first.browser.lastPage()).toContain('go back to Tokenbench');
  const token = JSON.parse(first.out) as { token: string; reused: boolean };
  expect(token.reused).toBe(false);

  // The guard spaces token requests 5 s apart; waiting longer only makes the test slower.
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  const renewed = await tokenWithBrowser([...argv.slice(0, -2), '--renew', '--data-dir', dataDir]);
  expect(renewed.code).toBe(0);
  expect(renewed.signIns).toBe(0);
  expect(JSON.parse(renewed.out).token).not.toBe(token.token);
  expect(server.tokenRequestLog.map((e) => new URLSearchParams(e.body).get('grant_type'))).toEqual(['authorization_code', 'refresh_token']);
});
